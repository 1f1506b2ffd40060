/**
 * The CME generator as a Markov `Network`: one state per count vector, named `n_<c1>_<c2>…` with
 * the species' counts in declaration order, one transition per (state, reaction) pair, labelled
 * `<reaction>_<k>` (k its position), so every Markov analysis applies to it unchanged.
 *
 * A transition is a `CmeTransition`, read from the generator's typed arrays: what the analyses
 * read of 10⁶ states and 2.5·10⁶ transitions (rate values, the states it joins) comes straight
 * from the columns, and its id, equation, rate constant objects and term lists are made only when
 * read. Made as records (a reaction, two rate objects, an id and an equation string each), the
 * transitions of a 10⁶-state CME held ~2 GB of heap and the collector took 68 of 112 s of its
 * report (docs/benchmarks.md).
 */
import type { Span } from "../../diagnostics.js";
import { buildNetwork, SpeciesRecord } from "../../network/build.js";
import { ColumnReaction } from "../../network/packed.js";
import { PositionIndex } from "../../network/position-index.js";
import type { Network, RateConstant, Reaction, Term } from "../../network/types.js";
import { outOfRange } from "../../numeric/checked.js";
import type { CmeGenerator } from "./types.js";

/** `n_3_0_12`: the state with counts 3, 0, 12 of the species in declaration order. */
export function stateName(g: CmeGenerator, s: number): string {
  let name = "n";
  for (let i = 0; i < g.species; i++) name += `_${g.counts[s * g.species + i] ?? outOfRange()}`;
  return name;
}

/** What the transitions of one CME network share: the generator, the state names, where each transition's index and complexes go. */
class CmeColumns {
  /** Per transition e: its index, reactant and product complex at 3e, 3e + 1, 3e + 2 (−1 before buildNetwork). */
  readonly placed: Int32Array;
  /** Per state its term list (itself once), made when first read. */
  readonly #terms: (readonly Term[] | null)[] = [];
  readonly none: readonly Term[] = Object.freeze([]);

  constructor(
    readonly g: CmeGenerator,
    readonly names: readonly string[],
  ) {
    this.placed = new Int32Array(3 * g.from.length).fill(-1);
    for (let s = 0; s < g.states; s++) this.#terms.push(null);
  }

  terms(s: number): readonly Term[] {
    return (this.#terms[s] ??= Object.freeze([Object.freeze({ index: s, coefficient: 1 })]));
  }

  /** The source reaction of transition e. */
  source(e: number): Reaction {
    return this.g.source.reactions[this.g.reaction[e] ?? outOfRange()] ?? outOfRange();
  }

  id(e: number): string {
    return `${this.source(e).id}_${e + 1}`;
  }
}

/**
 * Transition e of a CME network: from[e] → to[e] by its source reaction, at propensity forward[e]
 * (reverse[e], 0 for one-way). Its span is the source reaction's, so a diagnostic about a
 * transition names its reaction.
 */
class CmeTransition extends ColumnReaction {
  readonly #c: CmeColumns;
  readonly #e: number;
  #made: { id?: string; forward?: RateConstant; reverse?: RateConstant | null; equation?: string } | undefined;

  constructor(columns: CmeColumns, e: number) {
    super();
    this.#c = columns;
    this.#e = e;
  }

  get index(): number {
    return this.#c.placed[3 * this.#e]!;
  }

  get reactantComplex(): number {
    return this.#c.placed[3 * this.#e + 1]!;
  }

  get productComplex(): number {
    return this.#c.placed[3 * this.#e + 2]!;
  }

  place(index: number, reactantComplex: number, productComplex: number): void {
    if (Object.isFrozen(this)) throw new Error("internal error: a CME transition is placed once, before it is frozen");
    const o = 3 * this.#e, p = this.#c.placed;
    p[o] = index;
    p[o + 1] = reactantComplex;
    p[o + 2] = productComplex;
  }

  get id(): string {
    const made = (this.#made ??= {});
    return (made.id ??= this.#c.id(this.#e));
  }

  get labelGiven(): boolean {
    return true;
  }

  get reactants(): readonly Term[] {
    return this.#c.terms(this.#c.g.from[this.#e]!);
  }

  get products(): readonly Term[] {
    return this.#c.terms(this.#c.g.to[this.#e]!);
  }

  get reservoirReactants(): readonly Term[] {
    return this.#c.none;
  }

  get reservoirProducts(): readonly Term[] {
    return this.#c.none;
  }

  get forward(): RateConstant {
    const made = (this.#made ??= {});
    return (made.forward ??= propensity(this.#c.g.forward[this.#e]!, this.span));
  }

  get reverse(): RateConstant | null {
    const made = (this.#made ??= {});
    if (made.reverse === undefined) {
      const b = this.#c.g.reverse[this.#e]!;
      made.reverse = b > 0 ? propensity(b, this.span) : null;
    }
    return made.reverse;
  }

  get equation(): string {
    const made = (this.#made ??= {});
    if (made.equation === undefined) {
      const { g, names } = this.#c, e = this.#e;
      made.equation = `${names[g.from[e]!]} ${g.reverse[e]! > 0 ? "<->" : "->"} ${names[g.to[e]!]}`;
    }
    return made.equation;
  }

  get span(): Span {
    return this.#c.source(this.#e).span;
  }

  rateValue(direction: 0 | 1): number {
    const g = this.#c.g;
    if (direction === 0) return g.forward[this.#e]!;
    const b = g.reverse[this.#e]!;
    return b > 0 ? b : NaN;
  }

  rateRational(): boolean {
    return false; // a propensity is a product of rounded numbers
  }

  markUsed(species: Uint8Array): void {
    species[this.#c.g.from[this.#e]!] = 1;
    species[this.#c.g.to[this.#e]!] = 1;
  }

  singleSpecies(side: 0 | 1): number {
    return (side === 0 ? this.#c.g.from : this.#c.g.to)[this.#e]!;
  }
}

/** A transition's rate constant: a propensity, never exact. (A function, not a private method, which would give each of 10⁶ transitions a brand field.) */
function propensity(value: number, span: Span): RateConstant {
  return { value, exact: null, rational: false, span };
}

/**
 * Transition ids `<reaction>_<k>` → position k − 1, found by the number after the last `_` (a
 * transition's id is fixed by its position), so 2.5·10⁶ ids are never hashed into a Map.
 */
class TransitionIds extends PositionIndex {
  // a private field, so the index serialises as a Map does (to {}), not as the whole generator
  readonly #c: CmeColumns;

  constructor(c: CmeColumns) {
    super();
    this.#c = c;
  }

  get size(): number {
    return this.#c.g.from.length;
  }

  protected nameAt(e: number): string {
    return this.#c.id(e);
  }

  get(id: string): number | undefined {
    const cut = id.lastIndexOf("_");
    if (cut < 0) return undefined;
    const digits = id.slice(cut + 1);
    if (!/^[1-9][0-9]*$/.test(digits)) return undefined;
    const e = Number(digits) - 1;
    return e < this.size && this.#c.id(e) === id ? e : undefined;
  }
}

/**
 * State names → index, by a Map made when a name is first looked up (a report reads the states
 * by position; 10⁶ names hashed up front cost seconds).
 */
class StateIndex extends PositionIndex {
  readonly #names: readonly string[];
  #byName: Map<string, number> | undefined;

  constructor(names: readonly string[]) {
    super();
    this.#names = names;
  }

  get size(): number {
    return this.#names.length;
  }

  protected nameAt(s: number): string {
    return this.#names[s]!;
  }

  get(name: string): number | undefined {
    return (this.#byName ??= new Map(this.#names.map((n, s) => [n, s]))).get(name);
  }
}

/**
 * The Markov network of the CME: state s has initial probability 1 at the initial state, 0
 * elsewhere; transition e is `from <-> to @ forward, reverse` (one-way when the reaction is).
 * Spans point at the source reaction, so a diagnostic about a transition names its reaction.
 */
export function cmeNetwork(g: CmeGenerator): Network {
  const src = g.source;
  const span = src.species[0]?.span ?? src.reactions[0]?.span ?? { file: src.source, offset: 0, line: 1, column: 1, length: 0 };
  const names: string[] = [];
  const species: SpeciesRecord[] = [];
  for (let s = 0; s < g.states; s++) {
    const name = stateName(g, s);
    names.push(name);
    species.push(new SpeciesRecord(name, s, s === g.initial ? 1 : 0, true, span));
  }
  const columns = new CmeColumns(g, names);
  const reactions: CmeTransition[] = [];
  for (let e = 0; e < g.from.length; e++) reactions.push(new CmeTransition(columns, e));
  const title = `CME of ${src.title ?? src.source} at volume ${g.volume}`;
  return buildNetwork(
    { title, source: src.source, kind: "markov", species, reservoirs: [], reactions, asserts: [], volume: g.volume },
    { adopt: true, speciesIndex: new StateIndex(names), reactionIndex: new TransitionIds(columns) },
  );
}

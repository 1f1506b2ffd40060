/**
 * Reactions kept column by column: what the compiler's fast path lowers a plain reaction line into
 * (compile/fast-reaction.ts), so that a file of 10^5–10^6 reactions makes one small object per
 * reaction instead of about twenty (a record, two rate constants with their boxed doubles, their
 * texts, a span, an id, an equation, term lists and their objects), and the garbage collector does
 * not copy them all from generation to generation.
 *
 *   store (typed arrays, one entry per slot)          PackedReaction (one per reaction)
 *   line, line start, label, side codes,         ◀──  reads its fields from its slot on demand,
 *   rational bits, rate values                        keeping what it made (a span, a rate) once;
 *                                                      spans and literals from its line, scanned again
 *
 * A PackedReaction is a `Reaction` (types.ts) like any other: every field reads the same as the
 * record the ordinary path builds (a property test holds the two paths to that). What it makes
 * on first read (the span, equation, rate constant objects) it keeps, so a field read twice is
 * the same object; an unlabelled id, a string, is written again on each read. Its fields, index
 * and complexes included, are getters on the class, so a spread `{ ...r }` does not copy them:
 * use `reactionFields(r)` (build.ts).
 */
import type { Span } from "../diagnostics.js";
import { grown } from "../numeric/grown.js";
import { mix, TERMS_HASH_SEED, termsHashStep } from "./hash-slots.js";
import { LabelColumn } from "./label-column.js";
import { LiteralRate } from "./rate.js";
import type { RateConstant, Reaction, Term } from "./types.js";

/** A side: −1 none (`0`, or no reservoirs), ≤ −2 the one species −code − 2 once, ≥ 0 a kept list of several terms. */
export type SideCode = number;
export const NO_SIDE: SideCode = -1;
export const singleSide = (index: number): SideCode => -index - 2;
/** Whether a side is one species once (then `singleSide` of it). */
export const isSingle = (code: SideCode): boolean => code <= -2;

/** Per slot, the Int32 fields, at F.COUNT·slot + field. */
const enum F {
  line, lineStart,
  reactants, products, reservoirReactants, reservoirProducts,
  /** What buildNetwork assigns: the reaction's index and complexes (−1 before). */
  index, reactantComplex, productComplex,
  COUNT,
}

/** Per slot, bits of the flags column: the forward, the reverse literal is an exact rational. */
const FORWARD_RATIONAL = 1, REVERSE_RATIONAL = 2;

/**
 * Where the parts of a plain reaction line are, as columns of the line: what the compiler's
 * scanner finds in it again when a reaction's span, equation or rate literal is first read. The
 * store keeps only the line's start, so a slot costs 37 bytes (its index and complexes included)
 * and 16 of rate values, not 80.
 */
export interface LineParts {
  readonly start: number;
  readonly end: number;
  /** The equation as written, when the line writes it canonically (else the store keeps it). */
  readonly equationStart: number;
  readonly equationEnd: number;
  /** The rate literals (or param names); reverse −1 for a one-way reaction. */
  readonly forwardStart: number;
  readonly forwardEnd: number;
  readonly reverseStart: number;
  readonly reverseEnd: number;
}

/**
 * The columns of one compilation's packed reactions. Written only by `add` while the file is
 * read; read by the PackedReactions made from it.
 */
export class PackedStore {
  #ints: Int32Array;
  #flags: Uint8Array;
  #rates: Float64Array;
  #size = 0;
  /** Per slot its label, null for none (nothing per slot while no slot has one). */
  readonly #labels = new LabelColumn();
  /**
   * Term lists with more than one term, or a coefficient above 1, one per side that has one (equal
   * ones are found by buildNetwork's complex table), kept flat: list c's species indices and
   * coefficients at [#poolStart[c], #poolStart[c + 1]) of #poolIndex and #poolCoefficient. Its
   * Term[] is made when first read (`side`), so compiling a file makes no object per term.
   */
  #poolIndex = new Int32Array(1024);
  #poolCoefficient = new Float64Array(1024);
  #poolStart = new Int32Array(1024);
  #pooled = 0;
  /** The lists made so far by `side`, by code (sized when first read). */
  #lists: (readonly Term[] | undefined)[] | null = null;
  /** Rate constants that are no literal (a param), by 2·slot + direction. */
  readonly #objects = new Map<number, RateConstant>();
  /** Equations that are not a stretch of the line as written, by slot. */
  readonly #equations = new Map<number, string>();
  /** What each slot's reaction has made on first read, by slot. */
  readonly #made = new Map<number, MadeFields>();

  constructor(
    /** The whole text of the file; every offset is into it. */
    readonly text: string,
    readonly file: string,
    /** The compilation's shared sides: none, and one species (or reservoir) once, so both paths hand out the same lists. */
    private readonly shared: { readonly none: readonly Term[]; single(index: number): readonly Term[] },
    /** The parts of a line the compiler lowered into a slot (it scans the line again). */
    private readonly locate: (line: string) => LineParts,
    /** How many slots to make room for at once (the file's line count bounds them). */
    capacity = 1024,
  ) {
    const slots = Math.max(16, capacity);
    this.#ints = new Int32Array(F.COUNT * slots);
    this.#flags = new Uint8Array(slots);
    this.#rates = new Float64Array(2 * slots);
  }

  /** The pooled term list `code` stands for (see SideCode). */
  side(code: SideCode): readonly Term[] {
    if (code === NO_SIDE) return this.shared.none;
    if (code < 0) return this.shared.single(-code - 2);
    let lists = this.#lists;
    if (lists === null || lists.length < this.#pooled) {
      // a holey array of the pool's size, not one grown by stores far past its end (which V8 keeps as a dictionary)
      const sized = new Array<readonly Term[] | undefined>(this.#pooled);
      for (let c = 0; c < (lists?.length ?? 0); c++) sized[c] = lists![c];
      this.#lists = lists = sized;
    }
    let terms = lists[code];
    if (terms === undefined) {
      const made: Term[] = [];
      for (let k = this.#poolStart[code]!, end = this.#poolStart[code + 1]!; k < end; k++) made.push({ index: this.#poolIndex[k]!, coefficient: this.#poolCoefficient[k]! });
      lists[code] = terms = Object.freeze(made);
    }
    return terms;
  }

  /** What slot `slot`'s reaction has made so far (made on first asking). */
  made(slot: number): MadeFields {
    let m = this.#made.get(slot);
    if (m === undefined) this.#made.set(slot, (m = {}));
    return m;
  }

  /**
   * Keeps the list of `n` terms whose species indices and coefficients are `index[0, n)` and
   * `coefficient[0, n)`, sorted by index, each index once; its code.
   */
  pool(index: Int32Array, coefficient: Float64Array, n: number): SideCode {
    const code = this.#pooled++;
    if (code + 2 > this.#poolStart.length) this.#poolStart = grown(this.#poolStart, Math.max(code + 2, 2 * this.#poolStart.length));
    const from = this.#poolStart[code]!, to = from + n;
    if (to > this.#poolIndex.length) {
      const size = Math.max(to, 2 * this.#poolIndex.length);
      this.#poolIndex = grown(this.#poolIndex, size);
      this.#poolCoefficient = grown(this.#poolCoefficient, size);
    }
    // element by element: `set(index.subarray(0, n))` would make two array views per list
    const toIndex = this.#poolIndex, toCoefficient = this.#poolCoefficient;
    for (let k = 0; k < n; k++) {
      toIndex[from + k] = index[k]!;
      toCoefficient[from + k] = coefficient[k]!;
    }
    this.#poolStart[code + 1] = to;
    return code;
  }

  /** Whether the kept lists `a` and `b` are the same multiset. */
  samePooled(a: SideCode, b: SideCode): boolean {
    if (a === b) return true;
    const starts = this.#poolStart, i0 = starts[a]!, j0 = starts[b]!, n = starts[a + 1]! - i0;
    if (starts[b + 1]! - j0 !== n) return false;
    const index = this.#poolIndex, coefficient = this.#poolCoefficient;
    for (let k = 0; k < n; k++) if (index[i0 + k] !== index[j0 + k] || coefficient[i0 + k] !== coefficient[j0 + k]) return false;
    return true;
  }

  /** Whether the kept list `code` is the same multiset as the sorted list `terms`. */
  pooledIs(code: SideCode, terms: readonly Term[]): boolean {
    const from = this.#poolStart[code]!, n = this.#poolStart[code + 1]! - from;
    if (terms.length !== n) return false;
    for (let k = 0; k < n; k++) if (this.#poolIndex[from + k] !== terms[k]!.index || this.#poolCoefficient[from + k] !== terms[k]!.coefficient) return false;
    return true;
  }

  /** The hash buildNetwork's complex table gives the kept list `code` (build.ts `hash` of its terms). */
  pooledHash(code: SideCode): number {
    let h = TERMS_HASH_SEED;
    for (let k = this.#poolStart[code]!, end = this.#poolStart[code + 1]!; k < end; k++) h = termsHashStep(h, this.#poolIndex[k]!, this.#poolCoefficient[k]!);
    return mix(h);
  }

  /**
   * A new slot for the reaction on the line at `lineStart`, with its side codes; its rates follow
   * by `rates` (and `keep` for what is not a literal). Arguments, not an object: one is made per
   * line of a file of 10^5–10^6 reactions.
   */
  add(line: number, lineStart: number, label: string | null, reactants: SideCode, products: SideCode, reservoirReactants: SideCode, reservoirProducts: SideCode): number {
    const slot = this.#size++;
    if (this.#size > this.#flags.length) this.#grow();
    this.#labels.push(label);
    const o = F.COUNT * slot, a = this.#ints;
    a[o + F.line] = line;
    a[o + F.lineStart] = lineStart;
    a[o + F.reactants] = reactants;
    a[o + F.products] = products;
    a[o + F.reservoirReactants] = reservoirReactants;
    a[o + F.reservoirProducts] = reservoirProducts;
    a[o + F.index] = -1;
    a[o + F.reactantComplex] = -1;
    a[o + F.productComplex] = -1;
    return slot;
  }

  /** A slot's rate values (reverse NaN for a one-way reaction) and whether each literal is an exact rational. */
  rates(slot: number, forward: number, forwardRational: boolean, reverse: number, reverseRational: boolean): void {
    this.#flags[slot] = (forwardRational ? FORWARD_RATIONAL : 0) | (reverseRational ? REVERSE_RATIONAL : 0);
    this.#rates[2 * slot] = forward;
    this.#rates[2 * slot + 1] = reverse;
  }

  /** Keeps what a slot has that is not on its line as written: a rate that is a param's (its object), an equation the line does not write as `equation` would. */
  keep(slot: number, what: { readonly forward?: RateConstant | null; readonly reverse?: RateConstant | null; readonly equation?: string | null }): void {
    if (what.forward) this.#objects.set(2 * slot, what.forward);
    if (what.reverse) this.#objects.set(2 * slot + 1, what.reverse);
    if (what.equation != null) this.#equations.set(slot, what.equation);
  }

  #grow(): void {
    this.#ints = grown(this.#ints, 2 * this.#ints.length);
    this.#flags = grown(this.#flags, 2 * this.#flags.length);
    this.#rates = grown(this.#rates, 2 * this.#rates.length);
  }

  /** A slot's label; null for the default name. */
  label(slot: number): string | null {
    return this.#labels.at(slot) ?? null;
  }

  int(slot: number, field: number): number {
    return this.#ints[F.COUNT * slot + field]!;
  }

  /** Sets a slot's index and complexes (buildNetwork, once). */
  place(slot: number, index: number, reactantComplex: number, productComplex: number): void {
    const o = F.COUNT * slot, a = this.#ints;
    a[o + F.index] = index;
    a[o + F.reactantComplex] = reactantComplex;
    a[o + F.productComplex] = productComplex;
  }

  /** The rate constant's value, direction 0 forward, 1 reverse (NaN for the reverse of a one-way reaction). */
  value(slot: number, direction: 0 | 1): number {
    return this.#rates[2 * slot + direction]!;
  }

  /** The rate constant object of a slot's direction; a literal's is made by the caller, who keeps it. */
  object(slot: number, direction: 0 | 1): RateConstant | undefined {
    return this.#objects.get(2 * slot + direction);
  }

  /** The parts of a slot's line, as offsets into the text (the line is scanned again). */
  parts(slot: number): LineParts {
    const lineStart = this.int(slot, F.lineStart), t = this.text;
    // a line ends at LF, CR LF or CR, as the parser reads it
    let end = lineStart;
    for (let c = t.charCodeAt(end); end < t.length && c !== 10 && c !== 13; c = t.charCodeAt(++end));
    const p = this.locate(t.slice(lineStart, end));
    const at = (x: number): number => (x < 0 ? -1 : lineStart + x);
    return {
      start: at(p.start), end: at(p.end), equationStart: at(p.equationStart), equationEnd: at(p.equationEnd),
      forwardStart: at(p.forwardStart), forwardEnd: at(p.forwardEnd), reverseStart: at(p.reverseStart), reverseEnd: at(p.reverseEnd),
    };
  }

  equation(slot: number, parts: () => LineParts): string {
    const kept = this.#equations.get(slot);
    if (kept !== undefined) return kept;
    const p = parts();
    return this.text.slice(p.equationStart, p.equationEnd);
  }

  span(slot: number, p: LineParts): Span {
    const lineStart = this.int(slot, F.lineStart);
    return { file: this.file, offset: p.start, line: this.int(slot, F.line), column: p.start - lineStart + 1, length: p.end - p.start };
  }

  /** Whether the rate of a slot's direction is an exact rational (the literal rule of rate.ts), without making its object. */
  rational(slot: number, direction: 0 | 1): boolean {
    const object = this.object(slot, direction);
    if (object !== undefined) return object.rational ?? object.exact !== null;
    return (this.#flags[slot]! & (direction === 0 ? FORWARD_RATIONAL : REVERSE_RATIONAL)) !== 0;
  }

  /** The term list of a slot's side: 0 reactants, 1 products, 2 reservoir reactants, 3 reservoir products. */
  terms(slot: number, side: 0 | 1 | 2 | 3): readonly Term[] {
    return this.side(this.int(slot, F.reactants + side));
  }

  /** The species a slot's reactants (0) or products (1) are once, or −1 when that side is anything else; read from the side code. */
  singleSpecies(slot: number, side: 0 | 1): number {
    const code = this.int(slot, side === 0 ? F.reactants : F.products);
    // a kept list is never one species once (the compiler codes that as a single)
    return isSingle(code) ? -code - 2 : -1;
  }

  /** The code of a slot's reactants' (0) or products' (1) kept list, or −1 when that side is none or one species once. */
  pooledSide(slot: number, side: 0 | 1): SideCode {
    const code = this.int(slot, side === 0 ? F.reactants : F.products);
    return code >= 0 ? code : -1;
  }

  /** Whether a slot's reaction names a reservoir on either side. */
  hasReservoirs(slot: number): boolean {
    return this.int(slot, F.reservoirReactants) !== NO_SIDE || this.int(slot, F.reservoirProducts) !== NO_SIDE;
  }

  /** Sets species[i] (reservoirs[y]) to 1 for each species (reservoir) a slot's sides name, from the side codes. */
  markUsed(slot: number, species: Uint8Array, reservoirs: Uint8Array): void {
    const o = F.COUNT * slot, a = this.#ints;
    for (let f = F.reactants; f <= F.reservoirProducts; f++) {
      const code = a[o + f]!, into = f < F.reservoirReactants ? species : reservoirs;
      if (isSingle(code)) into[-code - 2] = 1;
      else if (code >= 0) for (let k = this.#poolStart[code]!, end = this.#poolStart[code + 1]!; k < end; k++) into[this.#poolIndex[k]!] = 1;
    }
  }

  /** The literal rate of a slot's direction, placed on its line (its span made when read). */
  literal(slot: number, direction: 0 | 1, p: LineParts): LiteralRate {
    const start = direction === 0 ? p.forwardStart : p.reverseStart;
    const end = direction === 0 ? p.forwardEnd : p.reverseEnd;
    const lineStart = this.int(slot, F.lineStart);
    return LiteralRate.at(this.value(slot, direction), this.text.slice(start, end), { file: this.file, line: this.int(slot, F.line), lineStart }, start - lineStart);
  }
}

/**
 * A reaction whose fields live in columns (a PackedStore's slots, a CME generator's typed arrays)
 * and are made only when read: what the readers below (`rateValue`, `singleSpecies`, `markUsed`
 * …) and buildNetwork read straight from the columns, without making a rate object or a term list
 * for each of 10^5–10^6 reactions. buildNetwork sets the index and complexes by `place`, once,
 * and then freezes the reaction.
 */
export abstract class ColumnReaction implements Reaction {
  abstract readonly id: string;
  abstract readonly labelGiven: boolean;
  abstract readonly index: number;
  abstract readonly reactants: readonly Term[];
  abstract readonly products: readonly Term[];
  abstract readonly reservoirReactants: readonly Term[];
  abstract readonly reservoirProducts: readonly Term[];
  abstract readonly reactantComplex: number;
  abstract readonly productComplex: number;
  abstract readonly forward: RateConstant;
  abstract readonly reverse: RateConstant | null;
  abstract readonly equation: string;
  abstract readonly span: Span;
  /** Its index and complexes, set once by buildNetwork before it freezes it. */
  abstract place(index: number, reactantComplex: number, productComplex: number): void;
  /** The forward (0) or reverse (1) rate constant's value, without making its object (NaN: one-way). */
  abstract rateValue(direction: 0 | 1): number;
  /** Whether the forward (0) or reverse (1) rate constant is an exact rational, without making its object (false: one-way). */
  abstract rateRational(direction: 0 | 1): boolean;
  /** Sets species[i] (reservoirs[y]) to 1 for each species (reservoir) its sides name, without reading the lists. */
  abstract markUsed(species: Uint8Array, reservoirs: Uint8Array): void;
  /** The species its reactants (0) or products (1) are once, or −1 when that side is anything else. */
  abstract singleSpecies(side: 0 | 1): number;
}

/**
 * A reaction read from a PackedStore slot. `index` and the complexes are set by buildNetwork
 * (`place`, into the slot), which then freezes it; what it makes on first read the store keeps
 * (`made`). Two fields and no private method (which would give each instance a brand field too):
 * 40 bytes, of which 10^5–10^6 are copied from generation to generation while a file compiles.
 */
export class PackedReaction extends ColumnReaction {
  readonly #store: PackedStore;
  readonly #slot: number;

  constructor(store: PackedStore, slot: number) {
    super();
    this.#store = store;
    this.#slot = slot;
  }

  get index(): number {
    return this.#store.int(this.#slot, F.index);
  }

  get reactantComplex(): number {
    return this.#store.int(this.#slot, F.reactantComplex);
  }

  get productComplex(): number {
    return this.#store.int(this.#slot, F.productComplex);
  }

  /** Its index and complexes, set once by buildNetwork before it freezes it. */
  place(index: number, reactantComplex: number, productComplex: number): void {
    if (Object.isFrozen(this)) throw new Error("internal error: a packed reaction is placed once, before it is frozen");
    this.#store.place(this.#slot, index, reactantComplex, productComplex);
  }

  /**
   * The label, or `R<n>` with n the reaction's 1-based position among all the file's reactions
   * (its index + 1), written afresh on each read: keeping it would make a MadeFields entry per
   * reaction, which was ~100 ms for the first read of 80 000 ids (a report's tables read them all).
   */
  get id(): string {
    return this.#store.label(this.#slot) ?? `R${this.index + 1}`;
  }

  get labelGiven(): boolean {
    return this.#store.label(this.#slot) !== null;
  }

  get reactants(): readonly Term[] {
    return this.#store.terms(this.#slot, 0);
  }

  get products(): readonly Term[] {
    return this.#store.terms(this.#slot, 1);
  }

  get reservoirReactants(): readonly Term[] {
    return this.#store.terms(this.#slot, 2);
  }

  get reservoirProducts(): readonly Term[] {
    return this.#store.terms(this.#slot, 3);
  }

  /** The forward (0) or reverse (1) rate constant's value, without making its object (NaN: one-way). */
  rateValue(direction: 0 | 1): number {
    return this.#store.value(this.#slot, direction);
  }

  /** Whether the forward (0) or reverse (1) rate constant is an exact rational, without making its object (false: one-way). */
  rateRational(direction: 0 | 1): boolean {
    return this.#store.rational(this.#slot, direction);
  }

  /** Sets species[i] (reservoirs[y]) to 1 for each species (reservoir) its sides name, without reading the lists (`markUsed` below). */
  markUsed(species: Uint8Array, reservoirs: Uint8Array): void {
    this.#store.markUsed(this.#slot, species, reservoirs);
  }

  /** The store it is read from. */
  get store(): PackedStore {
    return this.#store;
  }

  /** The store's code of its reactants' (0) or products' (1) kept list, or −1 when that side is none or one species once. */
  pooledSide(side: 0 | 1): SideCode {
    return this.#store.pooledSide(this.#slot, side);
  }

  /** The species its reactants (0) or products (1) are once, or −1 when that side is anything else; read from the side code. */
  singleSpecies(side: 0 | 1): number {
    return this.#store.singleSpecies(this.#slot, side);
  }

  get forward(): RateConstant {
    const store = this.#store, slot = this.#slot, made = store.made(slot);
    return (made.forward ??= store.object(slot, 0) ?? store.literal(slot, 0, partsOf(store, slot)));
  }

  get reverse(): RateConstant | null {
    const store = this.#store, slot = this.#slot, made = store.made(slot);
    if (made.reverse === undefined) made.reverse = Number.isNaN(store.value(slot, 1)) ? null : (store.object(slot, 1) ?? store.literal(slot, 1, partsOf(store, slot)));
    return made.reverse;
  }

  get equation(): string {
    const store = this.#store, slot = this.#slot, made = store.made(slot);
    return (made.equation ??= store.equation(slot, () => partsOf(store, slot)));
  }

  get span(): Span {
    const store = this.#store, slot = this.#slot, made = store.made(slot);
    return (made.span ??= store.span(slot, partsOf(store, slot)));
  }
}

/** What a packed reaction has made on first read (its span, rate objects, equation, the parts of its line). */
export interface MadeFields {
  span?: Span;
  forward?: RateConstant;
  reverse?: RateConstant | null;
  equation?: string;
  parts?: LineParts;
}

/** Where the parts of a slot's line are, found once (the line scanned again) and kept. */
function partsOf(store: PackedStore, slot: number): LineParts {
  const made = store.made(slot);
  return (made.parts ??= store.parts(slot));
}

/** What the side readers below need of a reaction (a compiled one, or the compiler's input). */
type Sides = Pick<Reaction, "reactants" | "products" | "reservoirReactants" | "reservoirProducts">;

/**
 * A reaction's rate constant value, forward (0) or reverse (1; NaN for a one-way reaction), read
 * from the columns of a packed reaction without making its rate objects (10^5–10^6 of them).
 */
export function rateValue(r: Reaction, direction: 0 | 1): number {
  if (r instanceof ColumnReaction) return r.rateValue(direction);
  return direction === 0 ? r.forward.value : r.reverse?.value ?? NaN;
}

/** Whether a reaction's rate constant (0 forward, 1 reverse) is an exact rational; false for the reverse of a one-way reaction. */
export function rateRational(r: Reaction, direction: 0 | 1): boolean {
  if (r instanceof ColumnReaction) return r.rateRational(direction);
  const k = direction === 0 ? r.forward : r.reverse;
  return k !== null && (k.rational ?? k.exact !== null);
}

/** Whether a reaction is written two-way (it has a reverse rate constant). */
export const isTwoWay = (r: Reaction): boolean => !Number.isNaN(rateValue(r, 1));

/** The species a reaction's reactants (0) or products (1) are once, or −1 when that side is anything else (none, several, a coefficient). */
export function singleSpecies(r: Sides, side: 0 | 1): number {
  if (r instanceof ColumnReaction) return r.singleSpecies(side);
  const terms = side === 0 ? r.reactants : r.products;
  const only = terms[0];
  return terms.length === 1 && only!.coefficient === 1 ? only!.index : -1;
}

/** Sets species[i] (reservoirs[y]) to 1 for each species (reservoir) a reaction's sides name; a packed reaction's from its side codes. */
export function markUsed(r: Sides, species: Uint8Array, reservoirs: Uint8Array): void {
  if (r instanceof ColumnReaction) return r.markUsed(species, reservoirs);
  for (const t of r.reactants) species[t.index] = 1;
  for (const t of r.products) species[t.index] = 1;
  for (const t of r.reservoirReactants) reservoirs[t.index] = 1;
  for (const t of r.reservoirProducts) reservoirs[t.index] = 1;
}

/**
 * Builds the immutable Network IR from checked parts: assigns indices, builds the name maps and
 * the complexes (the internal-species side of each reaction; reservoirs are folded into rates).
 */
import type { Span } from "../diagnostics.js";
import { reactionColumns } from "./effective-rates.js";
import { HashSlots, mix, TERMS_HASH_SEED, termsHashStep } from "./hash-slots.js";
import { ColumnReaction, PackedReaction, singleSpecies, type PackedStore } from "./packed.js";
import { ArrayReader, PackedList, registerReader, type ReactionReader } from "./reaction-reader.js";
import { registerSpecies, SpeciesList, SpeciesRecord } from "./species-list.js";
import type { Assert, Complex, Force, MeasuredCurrent, Network, NetworkKind, RateConstant, Reaction, Reservoir, Species, Term, Thermodynamics } from "./types.js";

/** What the compiler hands over: the IR's records less what building assigns (indices, complexes). */
export type SpeciesInput = Omit<Species, "index">;
export type ReservoirInput = Omit<Reservoir, "index">;
export type ReactionInput = Omit<Reaction, "index" | "reactantComplex" | "productComplex">;

/**
 * A reaction as the compiler lowers it, with its index and complexes still to come: buildNetwork
 * fills those in place and freezes it, so a file of 10^5–10^6 reactions makes one object per
 * reaction, not a lowered one and then a copy. Read as a Reaction only once it is frozen (its
 * index and complexes are −1 before). A record already frozen (a network built before from the
 * same inputs) is copied, as any other input is.
 */
export class ReactionRecord implements Reaction {
  readonly id: string;
  readonly labelGiven: boolean;
  index = -1;
  readonly reactants: readonly Term[];
  readonly products: readonly Term[];
  readonly reservoirReactants: readonly Term[];
  readonly reservoirProducts: readonly Term[];
  reactantComplex = -1;
  productComplex = -1;
  readonly forward: RateConstant;
  readonly reverse: RateConstant | null;
  readonly equation: string;
  readonly span: Span;

  constructor(id: string, labelGiven: boolean, reactants: readonly Term[], products: readonly Term[], reservoirReactants: readonly Term[], reservoirProducts: readonly Term[], forward: RateConstant, reverse: RateConstant | null, equation: string, span: Span) {
    this.id = id;
    this.labelGiven = labelGiven;
    this.reactants = reactants;
    this.products = products;
    this.reservoirReactants = reservoirReactants;
    this.reservoirProducts = reservoirProducts;
    this.forward = forward;
    this.reverse = reverse;
    this.equation = equation;
    this.span = span;
  }
}

export interface NetworkInput {
  readonly title: string | null;
  readonly source: string;
  readonly kind: NetworkKind;
  /** The species; the compiler's as a SpeciesList, whose records are made only when read (species-list.ts). */
  readonly species: readonly SpeciesInput[] | SpeciesList;
  readonly reservoirs: readonly ReservoirInput[];
  /** The reactions; the compiler's as a PackedList, whose objects are made only when read (reaction-reader.ts). */
  readonly reactions: readonly ReactionInput[] | PackedList;
  readonly asserts: readonly Assert[];
  readonly thermodynamics?: Thermodynamics | null;
  readonly volume?: number | null;
  readonly currents?: readonly MeasuredCurrent[];
  readonly forces?: readonly Force[];
  readonly params?: ReadonlyMap<string, number>;
}

/** `2 A + B`, in species order; `0` for the empty complex. */
export function complexLabel(terms: readonly Term[], names: readonly { name: string }[]): string {
  if (terms.length === 0) return "0";
  let label = "";
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    const name = names[t.index]!.name;
    if (i > 0) label += " + ";
    label += t.coefficient === 1 ? name : `${t.coefficient} ${name}`;
  }
  return label;
}

/** Whether two sorted term lists are the same multiset (the same species with the same coefficients). */
export function sameTerms(a: readonly Term[], b: readonly Term[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.index !== b[i]!.index || a[i]!.coefficient !== b[i]!.coefficient) return false;
  return true;
}

/** Adds `coefficient` copies of species `index` to terms kept sorted by species index. */
export function addTerm(terms: Term[], index: number, coefficient: number): void {
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    if (t.index < index) continue;
    if (t.index === index) terms[i] = { index, coefficient: t.coefficient + coefficient };
    else terms.splice(i, 0, { index, coefficient });
    return;
  }
  terms.push({ index, coefficient });
}

/**
 * Where a complex's terms are: the list itself, or the reaction it was first met on (an object,
 * or a slot of the compiler's store), with the side (0 reactants, 1 products), read only when
 * asked for.
 */
type ComplexSource = readonly Term[] | ReactionInput | number;

function termsOf(source: ComplexSource, side: number, store: PackedStore | null): readonly Term[] {
  if (typeof source === "number") return store!.terms(source, side as 0 | 1);
  if (Array.isArray(source)) return source;
  const r = source as ReactionInput;
  return side === 0 ? r.reactants : r.products;
}

/**
 * A complex whose label `2 A + B` is written when first read (most of 10^5 complexes never are),
 * and whose terms are read from their source then (a Markov network's 10^5–10^6 states are each
 * a complex, and a reaction's side is its list).
 */
class ComplexRecord implements Complex {
  #label: string | undefined;
  #terms: readonly Term[] | undefined;
  readonly #source: ComplexSource;
  readonly #side: number;
  readonly #names: readonly { name: string }[];
  readonly #store: PackedStore | null;

  constructor(readonly index: number, source: ComplexSource, side: number, names: readonly { name: string }[], store: PackedStore | null) {
    this.#source = source;
    this.#side = side;
    this.#names = names;
    this.#store = store;
  }

  get terms(): readonly Term[] {
    return (this.#terms ??= termsOf(this.#source, this.#side, this.#store));
  }

  get label(): string {
    return (this.#label ??= complexLabel(this.terms, this.#names));
  }

  /** As a plain complex (a getter is no own property): `{ index, terms, label }`. */
  toJSON(): Complex {
    return { index: this.index, terms: this.terms, label: this.label };
  }
}

/**
 * The distinct complexes of the reactions, each once, in order of first appearance: one species
 * once (every Markov state) by a table on its index, any other by open addressing on a hash of its
 * terms (no key strings: a file of 10^5 reactions has about as many complexes).
 */
class Complexes {
  /** Per complex where its terms are, and the side of a reaction source. */
  readonly #source: ComplexSource[] = [];
  /** Per species: the index of the complex of it once, or −1 before it is met. */
  readonly #single: Int32Array;
  /** The complexes that are not one species once, by a hash of their terms. */
  readonly #slots: HashSlots;
  /** Per complex, the side of its source's reaction (one species once). */
  #side = new Uint8Array(1024);

  /**
   * `species`: how many there are, and their list (read only when a label is); `expected`: about
   * how many complexes there will be (the table starts big enough for them); `store`: the
   * compiler's store, when sources are its slots.
   */
  constructor(species: number, private readonly names: () => readonly { name: string }[], expected: number, private readonly store: PackedStore | null) {
    this.#single = new Int32Array(species).fill(-1);
    this.#slots = new HashSlots(expected);
  }

  /** The complex of species `species` once, a side of `r` (a reaction or a slot; its list is read only when the complex is new). */
  indexOfSingle(species: number, r: ReactionInput | number, side: 0 | 1): number {
    let i = this.#single[species]!;
    if (i < 0) this.#single[species] = i = this.#add(r, side);
    return i;
  }

  /** The complexes as records, in order (made when the network's complexes are first read). */
  records(): Complex[] {
    return this.#source.map((source, index) => Object.freeze(new ComplexRecord(index, source, this.#side[index]!, this.names(), this.store)));
  }

  indexOf(terms: readonly Term[]): number {
    const only = terms[0];
    if (only !== undefined && terms.length === 1 && only.coefficient === 1 && only.index < this.#single.length) {
      let i = this.#single[only.index]!;
      if (i < 0) this.#single[only.index] = i = this.#add(terms, 0);
      return i;
    }
    const slots = this.#slots, h = hash(terms) | 0;
    for (let at = slots.start(h); ; at = slots.next(at)) {
      const c = slots.entry(at);
      if (c < 0) break;
      if (slots.hash(c) !== h) continue;
      const pooled = this.#pooled(c);
      if (pooled >= 0 ? this.#storeOf(c).pooledIs(pooled, terms) : sameTerms(this.#termsOf(c), terms)) return c;
    }
    const i = this.#add(terms, 0);
    slots.place(i, h);
    return i;
  }

  /**
   * The complex of side `side` of a packed reaction (an object, or a slot of this table's store),
   * whose list is kept flat as `code` of `store`: hashed and compared there, so no term list is
   * made for it (the complex's terms are read from the reaction when first asked for).
   */
  indexOfPooled(store: PackedStore, r: PackedReaction | number, side: 0 | 1, code: number): number {
    const slots = this.#slots, h = store.pooledHash(code) | 0;
    for (let at = slots.start(h); ; at = slots.next(at)) {
      const c = slots.entry(at);
      if (c < 0) break;
      if (slots.hash(c) !== h) continue;
      const pooled = this.#pooled(c);
      if (pooled >= 0 && this.#storeOf(c) === store ? store.samePooled(pooled, code) : store.pooledIs(code, this.#termsOf(c))) return c;
    }
    const i = this.#add(r, side);
    slots.place(i, h);
    return i;
  }

  /** The flat list code of complex c when its source is a packed reaction's (or slot's) kept list, else −1. */
  #pooled(c: number): number {
    const source = this.#source[c], side = this.#side[c] as 0 | 1;
    if (typeof source === "number") return this.store!.pooledSide(source, side);
    return source instanceof PackedReaction ? source.pooledSide(side) : -1;
  }

  /** The store of complex c's packed source (one whose #pooled is a code). */
  #storeOf(c: number): PackedStore {
    const source = this.#source[c];
    return typeof source === "number" ? this.store! : (source as PackedReaction).store;
  }

  #termsOf(c: number): readonly Term[] {
    return termsOf(this.#source[c]!, this.#side[c]!, this.store);
  }

  #add(source: ComplexSource, side: 0 | 1): number {
    const index = this.#source.length;
    this.#source.push(source);
    if (index >= this.#side.length) {
      const sides = new Uint8Array(2 * this.#side.length);
      sides.set(this.#side);
      this.#side = sides;
    }
    this.#side[index] = side;
    return index;
  }
}

/** A 32-bit hash of a complex's terms (FNV-style mixing of index and coefficient; a packed list's `pooledHash` is the same). */
function hash(terms: readonly Term[]): number {
  let h = TERMS_HASH_SEED;
  for (let k = 0; k < terms.length; k++) h = termsHashStep(h, terms[k]!.index, terms[k]!.coefficient);
  return mix(h);
}

/**
 * Name → index maps a caller already holds (the compiler builds them as it reads): each must map
 * the i-th name of its list to i, exactly as buildNetwork would build it; one whose size differs
 * from its list is ignored and built again.
 */
export interface KnownIndices {
  readonly speciesIndex?: ReadonlyMap<string, number>;
  readonly reservoirIndex?: ReadonlyMap<string, number>;
  readonly reactionIndex?: ReadonlyMap<string, number>;
  /**
   * The input's species and reactions arrays are the caller's to give away (the compiler's own):
   * the network's lists are made in them, in place, instead of in copies of 10^5–10^6 slots.
   */
  readonly adopt?: boolean;
}

/** name → position of `list`, or `known` when it is the caller's map of the same list. */
function indexOf(list: readonly { readonly name?: string; readonly id?: string }[], key: "name" | "id", known: ReadonlyMap<string, number> | undefined): ReadonlyMap<string, number> {
  if (known !== undefined && known.size === list.length) return known;
  const out = new Map<string, number>();
  for (let i = 0; i < list.length; i++) out.set(list[i]![key]!, i);
  return out;
}

export { SpeciesList, SpeciesRecord };

/** Whether a species input is a SpeciesRecord at its own index, not yet frozen (then it is frozen, not copied). */
function ownIndex(s: SpeciesInput, index: number): s is SpeciesRecord {
  return s instanceof SpeciesRecord && s.index === index && !Object.isFrozen(s);
}

export function buildNetwork(input: NetworkInput, known: KnownIndices = {}): Network {
  // the compiler's species as columns, their records made when first read (species-list.ts)
  const lazySpecies = input.species instanceof SpeciesList ? input.species : null;
  let species: readonly Species[] | null = null;
  if (lazySpecies === null) {
    const given = input.species as readonly SpeciesInput[];
    const made: Species[] = known.adopt ? (given as Species[]) : new Array<Species>(given.length);
    for (let index = 0; index < given.length; index++) {
      const s = given[index]!;
      made[index] = ownIndex(s, index) ? Object.freeze(s) : Object.freeze({ name: s.name, index, initial: s.initial, initialGiven: s.initialGiven, span: s.span });
    }
    species = Object.freeze(made);
  }
  const speciesCount = lazySpecies ? lazySpecies.count : species!.length;
  const speciesList = (): readonly Species[] => species ?? lazySpecies!.all();
  const reservoirs = input.reservoirs.map((r, index): Reservoir => Object.freeze({ name: r.name, index, value: r.value, exact: r.exact, ...(r.sensitivity ? { sensitivity: r.sensitivity } : {}), span: r.span }));
  const packed = input.reactions instanceof PackedList ? input.reactions : null;
  const m = packed ? packed.count : (input.reactions as readonly ReactionInput[]).length;
  const store = packed?.store ?? null;
  const table = new Complexes(speciesCount, speciesList, m, store);
  // a side that is one species once (every Markov jump's) is found by the species, its list read only for a new complex
  const sideComplex = (r: ReactionInput, side: 0 | 1): number => {
    const only = singleSpecies(r, side);
    if (only >= 0 && only < speciesCount) return table.indexOfSingle(only, r, side);
    const pooled = r instanceof PackedReaction ? r.pooledSide(side) : -1;
    return pooled >= 0 ? table.indexOfPooled((r as PackedReaction).store, r as PackedReaction, side, pooled) : table.indexOf(side === 0 ? r.reactants : r.products);
  };
  // the same for a slot of the compiler's store, read from its side codes
  const slotComplex = (slot: number, side: 0 | 1): number => {
    const only = store!.singleSpecies(slot, side);
    if (only >= 0 && only < speciesCount) return table.indexOfSingle(only, slot, side);
    const pooled = store!.pooledSide(slot, side);
    return pooled >= 0 ? table.indexOfPooled(store!, slot, side, pooled) : table.indexOf(store!.terms(slot, side));
  };
  const place = (r: ReactionInput, index: number): Reaction => {
    if (r instanceof ColumnReaction && !Object.isFrozen(r)) {
      r.place(index, sideComplex(r, 0), sideComplex(r, 1));
      return Object.freeze(r);
    }
    if (r instanceof ReactionRecord && !Object.isFrozen(r)) {
      r.index = index;
      r.reactantComplex = sideComplex(r, 0);
      r.productComplex = sideComplex(r, 1);
      return Object.freeze(r);
    }
    return Object.freeze({
      id: r.id,
      labelGiven: r.labelGiven,
      index,
      reactants: r.reactants,
      products: r.products,
      reservoirReactants: r.reservoirReactants,
      reservoirProducts: r.reservoirProducts,
      reactantComplex: sideComplex(r, 0),
      productComplex: sideComplex(r, 1),
      forward: r.forward,
      reverse: r.reverse,
      equation: r.equation,
      span: r.span,
    });
  };
  let reader: ReactionReader;
  let reactions: readonly Reaction[] | null = null;
  if (packed) {
    // slots placed in the store, records in the list: no object per slot (reaction-reader.ts)
    const entries = packed.entries;
    for (let index = 0; index < m; index++) {
      const e = entries[index]!;
      if (typeof e === "number") store!.place(e, index, slotComplex(e, 0), slotComplex(e, 1));
      else entries[index] = place(e, index);
    }
    reader = packed;
  } else {
    const list = input.reactions as readonly ReactionInput[];
    const made: Reaction[] = known.adopt ? (list as Reaction[]) : new Array<Reaction>(m);
    for (let index = 0; index < m; index++) made[index] = place(list[index]!, index);
    reactions = Object.freeze(made);
    reader = new ArrayReader(reactions);
  }
  const speciesIndex = known.speciesIndex !== undefined && known.speciesIndex.size === speciesCount ? known.speciesIndex : indexOf(speciesList(), "name", undefined);
  const reservoirIndex = indexOf(reservoirs, "name", known.reservoirIndex);
  const reactionIndex = known.reactionIndex !== undefined && known.reactionIndex.size === m ? known.reactionIndex : indexOf(packed ? packed.all() : reactions!, "id", undefined);
  const columns = Object.freeze(reactionColumns(speciesCount, reader, reservoirs));
  let complexes: readonly Complex[] | undefined;
  const network: Network = Object.freeze({
    title: input.title,
    source: input.source,
    kind: input.kind,
    get species(): readonly Species[] {
      return speciesList();
    },
    reservoirs: Object.freeze(reservoirs),
    // a compiled file's reactions are made when first read: a check reads the reader instead
    get reactions(): readonly Reaction[] {
      return reactions ?? packed!.all();
    },
    // made when first read: a check of 10^5–10^6 states never reads them, only their count and indices
    get complexes(): readonly Complex[] {
      return (complexes ??= Object.freeze(table.records()));
    },
    asserts: Object.freeze([...input.asserts]),
    thermodynamics: input.thermodynamics ?? null,
    volume: input.volume ?? null,
    currents: Object.freeze([...(input.currents ?? [])]),
    forces: Object.freeze([...(input.forces ?? [])]),
    params: input.params ?? new Map<string, number>(),
    speciesIndex,
    reservoirIndex,
    reactionIndex,
    columns,
  });
  if (packed) registerReader(network, packed);
  if (lazySpecies) registerSpecies(network, lazySpecies);
  return network;
}

/**
 * Reaction `r`'s fields as a plain object, for a copy with some of them changed:
 * `{ ...reactionFields(r), forward }`. A compiled reaction may read its fields from the compiler's
 * columns (network/packed.ts), which a spread of the reaction itself does not copy.
 */
export function reactionFields(r: Reaction): Reaction {
  return {
    id: r.id, labelGiven: r.labelGiven, index: r.index,
    reactants: r.reactants, products: r.products, reservoirReactants: r.reservoirReactants, reservoirProducts: r.reservoirProducts,
    reactantComplex: r.reactantComplex, productComplex: r.productComplex,
    forward: r.forward, reverse: r.reverse, equation: r.equation, span: r.span,
  };
}

/** The parts of a network a transform may replace; the rest, and the columns, follow from them. */
export type NetworkChanges = Partial<Pick<Network, "reactions" | "reservoirs" | "species" | "asserts" | "currents" | "params" | "thermodynamics">>;

/**
 * `network` with some parts replaced (a repaired rate, a reservoir moved for a scan, an assert of
 * its own), its columns worked out again from the new reactions and reservoirs: never spread a
 * network to change it, or its columns are stale. Each replacement keeps its list's indices.
 *
 *   const moved = withChanges(network, { reservoirs: network.reservoirs.map((y) => ({ ...y, value: 2 * y.value, exact: null })) });
 *   moved.columns.forward;   // κ⁺ at the doubled reservoirs
 */
export function withChanges(network: Network, changes: NetworkChanges): Network {
  const next = { ...network, ...changes };
  const columns = changes.reactions || changes.reservoirs || changes.species ? Object.freeze(reactionColumns(next.species.length, next.reactions, next.reservoirs)) : network.columns;
  return Object.freeze({ ...next, columns });
}

/**
 * A network's reactions read by index, number by number, without making their objects.
 *
 * A compiled file of 10^5–10^6 plain reaction lines keeps its reactions as slots of the compiler's
 * PackedStore (network/packed.ts). Made as objects, even one small PackedReaction each, they are
 * 40 bytes apiece that the collector copies from generation to generation while the file compiles:
 * measured on the 500 000 transitions of bench/check.bench.ts, ~0.1 s of the check's collector
 * time and their making and freezing besides. So the compiler hands buildNetwork a `PackedList`,
 * and the network's `reactions` array is made from it only when first read; what reads every
 * reaction on the way to a verdict (the network's columns, the reaction constants, the pairing
 * of opposite one-way reactions, the explanation of a violation) reads it through this interface.
 *
 *   const reader = reactionReader(network);
 *   reader.rateValue(i, 0);     // k⁺ of reaction i, from the columns when packed
 *   reader.reaction(i);         // reaction i itself: the very object network.reactions[i] is
 */
import { markUsed, PackedReaction, rateRational, rateValue, singleSpecies, type PackedStore } from "./packed.js";
import type { Network, Reaction, Term } from "./types.js";

/** Reaction i's numbers without its object; `reaction(i)` when the object is wanted after all. */
export interface ReactionReader {
  readonly count: number;
  /** The forward (0) or reverse (1) rate constant's value (NaN: the reverse of a one-way reaction). */
  rateValue(i: number, direction: 0 | 1): number;
  /** Whether that rate constant is an exact rational (false for the reverse of a one-way reaction). */
  rateRational(i: number, direction: 0 | 1): boolean;
  /** The species its reactants (0) or products (1) are once, or −1 when that side is anything else. */
  singleSpecies(i: number, side: 0 | 1): number;
  /** Whether it names a reservoir on either side. */
  hasReservoirs(i: number): boolean;
  /** Its reservoir reactants (0) or reservoir products (1). */
  reservoirTerms(i: number, side: 0 | 1): readonly Term[];
  /** Sets species[s] (reservoirs[y]) to 1 for each species (reservoir) it names. */
  markUsed(i: number, species: Uint8Array, reservoirs: Uint8Array): void;
  /** The reaction itself, the same object every time (and the one network.reactions[i] is). */
  reaction(i: number): Reaction;
}

/** A reaction before buildNetwork gives it its index and complexes (build.ts `ReactionInput`). */
type Unplaced = Omit<Reaction, "index" | "reactantComplex" | "productComplex">;

/** The reader of a plain array of reactions. */
export class ArrayReader implements ReactionReader {
  constructor(private readonly list: readonly Reaction[]) {}

  get count(): number {
    return this.list.length;
  }

  rateValue(i: number, direction: 0 | 1): number {
    return rateValue(this.list[i]!, direction);
  }

  rateRational(i: number, direction: 0 | 1): boolean {
    return rateRational(this.list[i]!, direction);
  }

  singleSpecies(i: number, side: 0 | 1): number {
    return singleSpecies(this.list[i]!, side);
  }

  hasReservoirs(i: number): boolean {
    const r = this.list[i]!;
    return r.reservoirReactants.length + r.reservoirProducts.length > 0;
  }

  reservoirTerms(i: number, side: 0 | 1): readonly Term[] {
    const r = this.list[i]!;
    return side === 0 ? r.reservoirReactants : r.reservoirProducts;
  }

  markUsed(i: number, species: Uint8Array, reservoirs: Uint8Array): void {
    markUsed(this.list[i]!, species, reservoirs);
  }

  reaction(i: number): Reaction {
    return this.list[i]!;
  }
}

/**
 * The compiler's reactions in file order: a plain line's as its slot of `store` (a number, no
 * object), any other as its record. buildNetwork gives each its index and complexes (a slot's in
 * the store, a record's in place, `entries[i]` then the placed reaction); after that it reads as
 * the network's reactions, and `all()` makes them, once, when `network.reactions` is first read.
 */
export class PackedList implements ReactionReader {
  #all: readonly Reaction[] | null = null;
  /** Reactions made one by one before `all()` (a violation's few), kept so that each is made once. */
  readonly #made = new Map<number, Reaction>();

  constructor(
    readonly store: PackedStore,
    /** Per reaction, its slot of `store`, or its record. */
    readonly entries: (Unplaced | number)[],
  ) {}

  get count(): number {
    return this.entries.length;
  }

  rateValue(i: number, direction: 0 | 1): number {
    const e = this.entries[i]!;
    return typeof e === "number" ? this.store.value(e, direction) : rateValue(e as Reaction, direction);
  }

  rateRational(i: number, direction: 0 | 1): boolean {
    const e = this.entries[i]!;
    return typeof e === "number" ? this.store.rational(e, direction) : rateRational(e as Reaction, direction);
  }

  singleSpecies(i: number, side: 0 | 1): number {
    const e = this.entries[i]!;
    return typeof e === "number" ? this.store.singleSpecies(e, side) : singleSpecies(e, side);
  }

  hasReservoirs(i: number): boolean {
    const e = this.entries[i]!;
    return typeof e === "number" ? this.store.hasReservoirs(e) : e.reservoirReactants.length + e.reservoirProducts.length > 0;
  }

  reservoirTerms(i: number, side: 0 | 1): readonly Term[] {
    const e = this.entries[i]!;
    if (typeof e === "number") return this.store.terms(e, side === 0 ? 2 : 3);
    return side === 0 ? e.reservoirReactants : e.reservoirProducts;
  }

  markUsed(i: number, species: Uint8Array, reservoirs: Uint8Array): void {
    const e = this.entries[i]!;
    if (typeof e === "number") this.store.markUsed(e, species, reservoirs);
    else markUsed(e, species, reservoirs);
  }

  /** Reaction i, made (frozen) on first asking; read only after buildNetwork has placed it. */
  reaction(i: number): Reaction {
    if (this.#all !== null) return this.#all[i]!;
    let r = this.#made.get(i);
    if (r === undefined) {
      const e = this.entries[i]!;
      r = typeof e === "number" ? Object.freeze(new PackedReaction(this.store, e)) : (e as Reaction);
      this.#made.set(i, r);
    }
    return r;
  }

  /** Every reaction, in order, made once (a frozen array). */
  all(): readonly Reaction[] {
    if (this.#all === null) {
      const n = this.entries.length, list = new Array<Reaction>(n), made = this.#made, entries = this.entries, store = this.store;
      // the map is asked only when a violation's few were made before (a lookup per reaction is most of the cost)
      for (let i = 0; i < n; i++) {
        const e = entries[i]!;
        list[i] = typeof e !== "number" ? (e as Reaction) : (made.size > 0 ? made.get(i) : undefined) ?? Object.freeze(new PackedReaction(store, e));
      }
      this.#all = Object.freeze(list);
      this.#made.clear();
    }
    return this.#all;
  }
}

/** The readers of networks whose reactions are made only when read (registered by buildNetwork). */
const LAZY = new WeakMap<Network, ReactionReader>();

/** Registers the reader of a network built from a PackedList (build.ts). */
export function registerReader(network: Network, reader: ReactionReader): void {
  LAZY.set(network, reader);
}

/** The reader of a network's reactions: its PackedList's when it was compiled from one, else one over network.reactions. */
export function reactionReader(network: Network): ReactionReader {
  return LAZY.get(network) ?? new ArrayReader(network.reactions);
}

/** Whether reaction i of `reader` is written two-way (it has a reverse rate constant). */
export const twoWayAt = (reader: ReactionReader, i: number): boolean => !Number.isNaN(reader.rateValue(i, 1));

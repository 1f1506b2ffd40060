/**
 * A network's species made only when read. A Markov file declares up to 10^5–10^6 states, and
 * their records, ~70 bytes each, were copied by the collector from generation to generation
 * while the file compiled (bench/check.bench.ts: 250 000 of them) although a check never reads
 * them: it reads counts and columns, and the names of a violation's few states. So the compiler
 * hands buildNetwork a `SpeciesList` (names, initial amounts, whether each was given), and the
 * network's `species` array is made from it when first read; `speciesName` reads a name without it.
 *
 *   speciesName(network, 3);   // "s3", the same as network.species[3].name, nothing made
 */
import type { Span } from "../diagnostics.js";
import type { Network, Species } from "./types.js";

/**
 * A species as the compiler makes it, already the IR's record with its index: buildNetwork
 * freezes it as it is instead of copying it (a Markov file declares up to 10^5–10^6 states). One
 * already frozen (a network built before from the same inputs) is copied, as any other input is.
 */
export class SpeciesRecord implements Species {
  /** The span, or until first read where to read it (one field: 10^5–10^6 records are copied by the collector). */
  #span: Span | ((index: number) => Span);

  constructor(
    readonly name: string,
    readonly index: number,
    readonly initial: number,
    readonly initialGiven: boolean,
    /** The span, or where to read it when first asked (a species' span is read only for a message). */
    span: Span | ((index: number) => Span),
  ) {
    this.#span = span;
  }

  get span(): Span {
    const span = this.#span;
    return typeof span === "function" ? (this.#span = span(this.index)) : span;
  }

  /** As a plain species (a getter is no own property). */
  toJSON(): Species {
    return { name: this.name, index: this.index, initial: this.initial, initialGiven: this.initialGiven, span: this.span };
  }
}


/** The compiler's species: names, initial amounts and whether each was given, as columns. */
export class SpeciesList {
  #all: readonly Species[] | null = null;

  constructor(
    readonly count: number,
    /** At least `count` names, species i's at i. */
    readonly names: readonly string[],
    readonly initial: Float64Array,
    /** 1 when species i's initial amount was given in the file. */
    readonly given: Uint8Array,
    /** Where species i is declared (read only for a message). */
    readonly span: (index: number) => Span,
  ) {}

  /** Every species as its frozen record, made once. */
  all(): readonly Species[] {
    if (this.#all === null) {
      const list = new Array<Species>(this.count);
      for (let i = 0; i < this.count; i++) list[i] = Object.freeze(new SpeciesRecord(this.names[i]!, i, this.initial[i]!, this.given[i] === 1, this.span));
      this.#all = Object.freeze(list);
    }
    return this.#all;
  }
}

/** The species lists of networks whose species are made only when read (registered by buildNetwork). */
const LAZY = new WeakMap<Network, SpeciesList>();

/** Registers the species list of a network built from one (build.ts). */
export function registerSpecies(network: Network, list: SpeciesList): void {
  LAZY.set(network, list);
}

/** The name of species i (`#i` past the end), without making the network's species records. */
export function speciesName(network: Network, i: number): string {
  const list = LAZY.get(network);
  if (list !== undefined) return i >= 0 && i < list.count ? list.names[i]! : `#${i}`;
  return network.species[i]?.name ?? `#${i}`;
}

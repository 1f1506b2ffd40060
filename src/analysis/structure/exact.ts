/** What the exact methods (mass-action elimination, Markov graph counting) hand the structure analysis. */
import type { IntVector } from "./types.js";

/** The rank-dependent part of a structure, as computed by either method. */
export interface ExactStructure {
  readonly rank: number;
  readonly fullRank: number;
  /** Integer basis of {l : l·S = 0}; empty when too large to list (its size is species − rank). */
  readonly laws: readonly IntVector[];
  /** Integer basis of {c : S·c = 0}; empty when too large to list (its size is reactions − rank). */
  readonly cycles: readonly IntVector[];
  /** The same bases exactly, when an entry exceeds 2^53 in magnitude (numbers would round it); else null. */
  readonly exactLaws: readonly (readonly bigint[])[] | null;
  readonly exactCycles: readonly (readonly bigint[])[] | null;
}

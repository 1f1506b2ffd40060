/** What the detailed-balance analysis returns. */
import type { IntVector } from "../structure/types.js";

export interface Violation {
  /** Coefficient per reaction. */
  readonly cycle: IntVector;
  /** Affinity in k_B T (LANGUAGE.md). */
  readonly affinity: number;
  /** `A -> B -> C -> A` for a Markov cycle, `r1 + r2 - 2 r3` for mass action. */
  readonly words: string;
  /** Reaction indices on the cycle, in order of the words. */
  readonly reactions: readonly number[];
}

export interface DetailedBalance {
  readonly holds: boolean;
  /** How the verdict was reached: exact rational comparison, or floating point with `tolerance`. */
  readonly method: "exact" | "tolerance";
  /** Relative tolerance used when method is "tolerance". */
  readonly tolerance: number | null;
  /** One-way reactions (indices): never balanced. */
  readonly oneWay: readonly number[];
  /** Cycles of the basis whose affinity is not zero; the most driven first. */
  readonly violations: readonly Violation[];
  /** How many basis cycles violate it; above `violations.length` when only the most driven are listed. */
  readonly violationCount?: number;
  /** When it holds: free energy of each species/state in k_B T, up to a constant per class. */
  readonly freeEnergies: readonly number[] | null;
  /** When it holds: each reaction's equilibrium constant kf/kr (reservoirs folded in). */
  readonly equilibriumConstants: readonly number[] | null;
}

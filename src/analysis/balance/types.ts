/** What the detailed-balance analysis returns (docs/balance.md defines every figure). */
import type { IntVector } from "../structure/types.js";
import type { SparseCycle } from "../../network/digraph.js";
import type { AcceptedViolation } from "../../network/types.js";

/**
 * How one cycle was decided:
 * - `exact`: rational constants, Π K_r^{c_r} compared with 1 in BigInt (or a one-way reaction on it);
 * - `bound`: double precision; balanced iff |A| ≤ `bound` (B_c of docs/balance.md, k_B T);
 * - `user-tolerance`: driven beyond its bound, but within the violation the user accepts;
 * - `construction`: every reaction on it was built from declared free energies and S_res c = 0;
 * - `undecided`: |A| ≤ B_c with rational constants whose exact product was past the budget.
 */
export type DecisionMethod = "exact" | "bound" | "user-tolerance" | "construction" | "undecided";

export interface CycleDecision {
  readonly method: DecisionMethod;
  /** The double-precision bound B_c on the rounding error of A (k_B T); null for `exact`/`construction`. */
  readonly bound: number | null;
}

/** How far a cycle is from balance, against the precision its constants are written with. */
export interface Distance {
  /**
   * The smallest uniform relative change that closes the cycle: every rate constant on it moves by
   * the factor e^δ against its orientation, δ = |A| / (2 Σ_r |c_r|); this is e^δ − 1 (the meaning
   * of `within 1%`). Infinity through a one-way reaction.
   */
  readonly relativeChange: number;
  /**
   * The largest |A| that rounding the written constants could cause: Σ_r |c_r| (p_f + p_r +
   * Σ_Y |S_Yr| p_Y), p = ln(1 + 0.5·10^(1−d)) for a value written with d significant digits.
   */
  readonly roundingAffinity: number;
  /** |A| ≤ roundingAffinity: the violation is explained by the digits the constants are written with. */
  readonly explainedByRounding: boolean;
}

export interface Violation {
  /** Coefficient per reaction (Markov networks: built from `support` on first read). */
  readonly cycle: IntVector;
  /** The nonzero coefficients, reactions ascending (Markov networks; absent for mass action). */
  readonly support?: SparseCycle;
  /** Affinity in k_B T (LANGUAGE.md). */
  readonly affinity: number;
  /** `A -> B -> C -> A` for a Markov cycle, `r1 + r2 - 2 r3` for mass action. */
  readonly words: string;
  /** Reaction indices on the cycle, in order of the words. */
  readonly reactions: readonly number[];
  /** How the cycle was decided. */
  readonly decision?: CycleDecision;
  /** How far from balance it is. */
  readonly distance?: Distance;
}

/** One reaction whose rate constant alone, multiplied by `factor`, closes every cycle violated beyond rounding. */
export interface Culprit {
  readonly reaction: number;
  /** Multiply the forward constant by this (or divide the reverse one). */
  readonly factor: number;
}

/** Per decision method, how many basis cycles were decided by it. */
export type DecisionCounts = { readonly [K in DecisionMethod]: number };

export interface DetailedBalance {
  /** True iff `verdict` is "holds" (false when undecided: then `undecided > 0`). */
  readonly holds: boolean;
  /** holds: every cycle balanced (or accepted by the user's tolerance); fails: a one-way reaction or a driven cycle; undecided: neither. */
  readonly verdict: "holds" | "fails" | "undecided";
  /** Summary kept for JSON compatibility: "exact" when every cycle was decided exactly or by construction. */
  readonly method: "exact" | "tolerance";
  /** Kept for JSON compatibility: the largest double-precision bound B_c used (k_B T), null when none. */
  readonly tolerance: number | null;
  /** How many basis cycles each method decided (they add up to the dimension of the cycle space judged). */
  readonly decided: DecisionCounts;
  /** How many cycles could not be decided (the verdict is then at best "undecided"). */
  readonly undecided: number;
  /** Edges walked to judge cycles one by one (exact products, one-way signs); 0 when every chord was decided from the potentials. */
  readonly walkedEdges: number;
  /** True when the user's accepted violation covered at least one driven cycle. */
  readonly toleranceApplied: boolean;
  /** One-way reactions (indices) left after pairing: never balanced. */
  readonly oneWay: readonly number[];
  /** Opposite one-way reactions treated as one two-way reaction: [forward, reverse] index pairs. */
  readonly pairs: readonly (readonly [number, number])[];
  /** Cycles of the basis whose affinity is not zero (and not accepted); the most driven first. */
  readonly violations: readonly Violation[];
  /** How many basis cycles violate it; above `violations.length` when only the most driven are listed. */
  readonly violationCount?: number;
  /** True when `violations` lists fewer than `violationCount` (the cap: maxListedViolations, maxListedViolationEntries). */
  readonly violationsTruncated?: boolean;
  /** Driven cycles the user's tolerance accepted (listed like violations, capped the same way). */
  readonly accepted: readonly Violation[];
  /** How many driven cycles the user's tolerance accepted, exactly (`accepted` lists at most the cap of them). */
  readonly acceptedCount: number;
  /** The violation the user accepts (asserts, `--balance-tolerance`), as it was applied; null when none. */
  readonly acceptViolation: AcceptedViolation | null;
  /** Cycles left undecided (capped like violations), with `decision.bound`. */
  readonly undecidedCycles: readonly Violation[];
  /** True when every driven cycle (listed or not) is explained by the digits its constants are written with; null when none is driven. */
  readonly explainedByRounding: boolean | null;
  /**
   * Reactions whose constant alone closes every cycle violated beyond rounding; null when not worked
   * out (no such violation, or the basis is larger than `maxDiagnosedCycles`).
   */
  readonly culprits: readonly Culprit[] | null;
  /** When it holds: free energy of each species/state in k_B T, up to a constant per class. */
  readonly freeEnergies: readonly number[] | null;
  /** When it holds: each reaction's equilibrium constant kf/kr (reservoirs folded in). */
  readonly equilibriumConstants: readonly number[] | null;
}

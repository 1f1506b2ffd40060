/**
 * The thresholds of the detailed-balance verdict, each with its default and its meaning (the
 * report states the values used). There is no relative tolerance: a floating-point cycle is
 * judged against the rigorous bound on its own rounding error (docs/balance.md), which needs none.
 */
import type { AcceptedViolation } from "../../network/types.js";

export interface BalanceOptions {
  /** Violations the user accepts (`--balance-tolerance`, `assert detailed_balance within …`); null: none. */
  readonly acceptViolation: AcceptedViolation | null;
  /**
   * Total length of cycles walked edge by edge to form exact products, when the double-precision
   * bound cannot decide a cycle of rational constants; cycles past it are `undecided`, never balanced.
   */
  readonly walkBudget: number;
  /** Exact cycle products larger than this many bits are not formed (the cycle is then `undecided`). */
  readonly maxExactBits: number;
  /**
   * Largest cycle basis for which the culprits (who is to blame) are worked out; larger networks
   * get the per-cycle figures only.
   */
  readonly maxDiagnosedCycles: number;
  /**
   * Largest cycle basis (after folding pairs and dropping cycles of fixed reactions) for which the
   * nearest consistent rate constants are solved: the dense Gram system Cᵀ D C costs cycles² memory
   * and cycles³/3 operations. Past it the repair is not attempted and says so (`notAttempted`).
   */
  readonly maxRepairCycles: number;
  /**
   * Correction steps after the repaired constants are rounded to doubles: while the verdict on the
   * rounded constants is not `holds`, the residual affinities are projected out once more.
   */
  readonly maxRepairRefinements: number;
  /** Most cycles listed in `violations` (and in `accepted`, `undecidedCycles`), the most driven first; counts stay exact. */
  readonly maxListedViolations: number;
  /**
   * Bound on listed cycles × reactions: each listed cycle carries its dense vector (one entry per
   * reaction), so at most ⌊this / reactions⌋ of them are listed (at least one).
   */
  readonly maxListedViolationEntries: number;
}

export const BALANCE_DEFAULTS: BalanceOptions = {
  acceptViolation: null,
  walkBudget: 2e5,
  maxExactBits: 4_000_000,
  maxDiagnosedCycles: 500,
  maxRepairCycles: 1000,
  maxRepairRefinements: 4,
  maxListedViolations: 100,
  maxListedViolationEntries: 1e6,
};

export const BALANCE_MEANINGS: { readonly [K in keyof BalanceOptions]: string } = {
  acceptViolation: "detailed-balance violations accepted by the user (k_B T, or a relative change of rate constants)",
  walkBudget: "total length of cycles walked for exact products when the double-precision bound cannot decide; past it a cycle is undecided",
  maxExactBits: "largest exact cycle product formed, in bits; past it a cycle is undecided",
  maxDiagnosedCycles: "largest cycle basis for which the culprits (reactions that alone restore balance) are worked out",
  maxRepairCycles: "largest cycle basis for which the nearest consistent rate constants are solved (dense Gram system); past it the repair is not attempted",
  maxRepairRefinements: "correction steps after rounding the repaired constants to doubles, until they check as balanced",
  maxListedViolations: "most driven, accepted or undecided cycles listed (the most driven first); counts stay exact",
  maxListedViolationEntries: "bound on listed cycles × reactions (each listed cycle carries one entry per reaction)",
};

/**
 * An accepted violation in the words the report prints: `0.05 k_B T` (an affinity) or
 * `1% per rate constant` (a uniform relative change of the constants on a cycle).
 *
 *   acceptedViolationText({ kind: "affinity", value: 0.05 });   // "0.05 k_B T"
 *   acceptedViolationText({ kind: "relative", value: 0.01 });   // "1% per rate constant"
 */
export function acceptedViolationText(v: AcceptedViolation): string {
  return v.kind === "relative" ? `${Number((v.value * 100).toPrecision(12))}% per rate constant` : `${v.value} k_B T`;
}

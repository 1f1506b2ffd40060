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
   * Largest cycle basis for which the distance from balance (who is to blame, nearest consistent
   * constants) is worked out; larger networks get the per-cycle figures only.
   */
  readonly maxDiagnosedCycles: number;
}

export const BALANCE_DEFAULTS: BalanceOptions = {
  acceptViolation: null,
  walkBudget: 2e5,
  maxExactBits: 4_000_000,
  maxDiagnosedCycles: 500,
};

export const BALANCE_MEANINGS: { readonly [K in keyof BalanceOptions]: string } = {
  acceptViolation: "detailed-balance violations accepted by the user (k_B T, or a relative change of rate constants)",
  walkBudget: "total length of cycles walked for exact products when the double-precision bound cannot decide; past it a cycle is undecided",
  maxExactBits: "largest exact cycle product formed, in bits; past it a cycle is undecided",
  maxDiagnosedCycles: "largest cycle basis for which blame and the nearest consistent rate constants are worked out",
};

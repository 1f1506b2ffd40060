/**
 * The thresholds of the detailed-balance verdict, each with its default and its meaning (the
 * report states the values used).
 */
import type { AcceptedViolation } from "../../network/types.js";

export interface BalanceOptions {
  /** Violations the user accepts (`--balance-tolerance`, `assert detailed_balance within …`); null: none. */
  readonly acceptViolation: AcceptedViolation | null;
  /** Relative tolerance of the floating-point verdict. */
  readonly balanceTolerance: number;
  /** Total length of cycles walked edge by edge (exact checks, one-way cycles). */
  readonly walkBudget: number;
  /** Exact cycle products larger than this many bits are not formed. */
  readonly maxExactBits: number;
}

export const BALANCE_DEFAULTS: BalanceOptions = {
  acceptViolation: null,
  balanceTolerance: 1e-9,
  walkBudget: 2e5,
  maxExactBits: 4_000_000,
};

export const BALANCE_MEANINGS: { readonly [K in keyof BalanceOptions]: string } = {
  acceptViolation: "detailed-balance violations accepted by the user (k_B T, or a relative change of rate constants)",
  balanceTolerance: "relative tolerance of the floating-point detailed-balance verdict",
  walkBudget: "total length of cycles walked edge by edge by Kolmogorov's check",
  maxExactBits: "largest exact cycle product formed, in bits",
};

/**
 * The user's own tolerance on detailed balance (`assert detailed_balance within 0.05`, `within 1%`,
 * `--balance-tolerance`): which driven cycles it accepts.
 *
 *   affinity ε:  a cycle is accepted when |A| ≤ ε (k_B T);
 *   relative ε:  when the smallest uniform relative change closing it, e^δ − 1 with
 *                δ = |A| / (2 Σ_r |c_r|), is ≤ ε: every rate constant on the cycle moves by the
 *                same factor e^δ (kf one way, kr the other, along the cycle's orientation), so
 *                the 2 Σ_r |c_r| logarithms on it each shift A by δ.
 *
 * The balance analysis decides this itself when given `acceptViolation` (and reports the cycles
 * it accepted); `holdsWithin` also checks its list of violations, so the assert's verdict does not
 * depend on whether that analysis honoured the option.
 */
import type { AcceptedViolation } from "../../network/types.js";
import type { DetailedBalance, Violation } from "../balance/types.js";

/** e^δ − 1, δ = |A| / (2 Σ_r |c_r|): the uniform relative change of the cycle's constants that closes it. */
export function closingChange(v: Violation): number {
  if (v.distance) return v.distance.relativeChange;
  let weight = 0;
  for (const c of v.cycle) weight += Math.abs(c);
  return weight > 0 ? Math.expm1(Math.abs(v.affinity) / (2 * weight)) : Infinity;
}

/** Whether the accepted violation covers one driven cycle. */
export function covers(accept: AcceptedViolation, v: Violation): boolean {
  if (!Number.isFinite(v.affinity)) return false;
  return accept.kind === "affinity" ? Math.abs(v.affinity) <= accept.value : closingChange(v) <= accept.value;
}

/**
 * Detailed balance holds once the violations within `accept` are accepted: no one-way reaction,
 * nothing undecided, and every driven cycle covered. When the listing of violations is capped the
 * unlisted ones cannot be checked here, so only the analysis's own verdict can then say "holds".
 */
export function holdsWithin(db: DetailedBalance, accept: AcceptedViolation | null): boolean {
  if (db.holds || accept === null) return db.holds;
  if (db.oneWay.length > 0 || db.verdict === "undecided" || db.undecided > 0) return false;
  const complete = (db.violationCount ?? db.violations.length) === db.violations.length;
  return complete && db.violations.every((v) => covers(accept, v));
}

/** "0.05 k_BT" or "1%". */
export function toleranceText(accept: AcceptedViolation): string {
  return accept.kind === "affinity" ? `${accept.value} k_BT` : `${Number((accept.value * 100).toPrecision(6))}%`;
}

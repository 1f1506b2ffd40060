/**
 * How the detailed-balance verdict was decided, in words every emitter shares: which methods
 * decided the cycles (exact, a double-precision rounding bound B_c, the user's tolerance, by
 * construction, undecided), how far each violation is from balance, and the culprits. Pure
 * functions of `Analysis.detailedBalance` (docs/balance.md defines every figure); no physics here.
 */
import type { Analysis, DecisionMethod, Violation } from "../../analysis/types.js";
import { formatNumber } from "./format.js";
import { acceptedViolationText } from "../../analysis/index.js";

/** The order methods are named in. */
export const METHODS: readonly DecisionMethod[] = ["exact", "construction", "bound", "user-tolerance", "undecided"];

/** `1 cycle`, `3 cycles`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/**
 * The user's accepted violation as the report states it (`0.05 k_B T`, `1% per rate constant`),
 * read from the verdict itself (`detailedBalance.acceptViolation`); null when none was set.
 * Example: with `--balance-tolerance 0.05` it is `"0.05 k_B T"`.
 */
export function userTolerance(analysis: Analysis): string | null {
  const accept = analysis.detailedBalance.acceptViolation;
  return accept === null ? null : acceptedViolationText(accept);
}

/**
 * How the verdict was decided, one phrase per method that decided a cycle, with counts when more
 * than one did: `checked exactly`, `decided by a double-precision rounding bound, largest
 * 4.9e-15 k_BT`, `within your tolerance 0.05 k_B T`, `by construction`, `undecided for 2 cycles`.
 * Example: every cycle exact → `["checked exactly"]`; 3 exact and 2 by bound →
 * `["checked exactly for 3 cycles", "decided by a double-precision rounding bound for 2 cycles, largest 1e-15 k_BT"]`.
 */
export function decisionPhrases(analysis: Analysis): string[] {
  const db = analysis.detailedBalance;
  const used = METHODS.filter((m) => db.decided[m] > 0);
  const counted = used.length > 1;
  const phrases = used.map((m) => {
    const n = db.decided[m];
    const forN = counted ? ` for ${plural(n, "cycle")}` : "";
    switch (m) {
      case "exact": return `checked exactly${forN}`;
      case "construction": return `balanced by construction${forN}`;
      case "bound": return `decided by a double-precision rounding bound${forN}${db.tolerance === null ? "" : `, largest ${formatNumber(db.tolerance, 2)} k_BT`}`;
      case "user-tolerance": return `within your tolerance ${userTolerance(analysis) ?? "(value not reported)"}${forN}`;
      case "undecided": return `undecided for ${plural(n, "cycle")}`;
    }
  });
  // No cycle to judge (a tree, or only one-way reactions): the verdict is exact.
  return phrases.length === 0 ? ["checked exactly"] : phrases;
}

/** How one cycle was decided, for its table row: `exact`, `rounding bound 4.9e-15`, `your tolerance`, …. */
export function decisionCell(v: Violation): string {
  const d = v.decision;
  if (d === undefined) return "not reported";
  switch (d.method) {
    case "exact": return "exact";
    case "construction": return "by construction";
    case "bound": return d.bound === null ? "rounding bound" : `|A| > rounding bound ${formatNumber(d.bound, 2)}`;
    case "user-tolerance": return d.bound === null ? "within your tolerance" : `within your tolerance (rounding bound ${formatNumber(d.bound, 2)})`;
    case "undecided": return d.bound === null ? "undecided" : `undecided: |A| ≤ rounding bound ${formatNumber(d.bound, 2)}`;
  }
}

/** A relative change as a reader compares it: `0.31%` below 100%, else `a factor of 33`. */
export function changeText(relative: number): string {
  return relative < 1 ? `${formatNumber(100 * relative, 2)}%` : `a factor of ${formatNumber(1 + relative, 3)}`;
}

/** The number of rate constants on a cycle: forward and reverse of each reaction on it. */
function constantsOn(v: Violation): number {
  return 2 * v.reactions.length;
}

/**
 * How far a violation is from balance, in words: `balanced if the 4 constants on this cycle change
 * by 0.31% each; within the rounding of the digits they are written with (up to 0.03 k_BT)`.
 * Null when the analysis gave no distance.
 */
export function distanceText(v: Violation): string | null {
  const d = v.distance;
  if (d === undefined) return null;
  const change = Number.isFinite(d.relativeChange)
    ? `balanced if the ${constantsOn(v)} constants on this cycle change by ${changeText(d.relativeChange)} each`
    : "no change of rate constants closes it (a one-way reaction is on it)";
  const rounding = d.explainedByRounding
    ? `explained by the digits the constants are written with (rounding reaches ${formatNumber(d.roundingAffinity, 2)} k_BT)`
    : `beyond the digits the constants are written with (rounding reaches ${formatNumber(d.roundingAffinity, 2)} k_BT)`;
  return `${change}; ${rounding}`;
}

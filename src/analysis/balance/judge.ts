/**
 * Judging one cycle c from its reactions (a walk): its affinity A = Σ_r c_r ln K_r summed in
 * double-double (TwoSum), the rigorous bound B_c on the error of that value, and the decision
 *
 *   |A| > B_c                         → driven   (`bound`)
 *   |A| ≤ B_c, every K_r rational     → exact product Π K_r^{c_r} vs 1 (`exact`), else `undecided`
 *   |A| ≤ B_c otherwise               → balanced (`bound`)
 *
 *   B_c = U · Σ_r |c_r| ê_r + 2u|A| + 4 n u² Σ_r |c_r| s_r
 *
 * (ê_r = ReactionConstants.errorUnits, U = ERROR_UNIT, n = reactions on the cycle; docs/balance.md).
 */
import { bigLogRatio, bigRatio } from "../../numeric/exact/rational.js";
import { ERROR_UNIT, UNIT_ROUNDOFF, type ExactConstants, type ReactionConstants } from "./constants.js";
import type { AcceptedViolation } from "../../network/types.js";
import type { CycleDecision } from "./types.js";

/** A cycle's affinity and how it was decided (before the user's tolerance). */
export interface Judgement {
  /** 0 when balanced; ±Infinity through one-way reactions pushing one way, NaN when they oppose. */
  readonly affinity: number;
  readonly decision: CycleDecision;
}

/** What a walk may spend: exact products are formed only within these. */
export interface ExactBudget {
  readonly maxExactBits: number;
}

/**
 * Judge the cycle `cycle` (reaction → coefficient) on its own reactions.
 *
 *   judgeCycle(k, new Map([[0, 1], [1, 1], [2, 1]]), { maxExactBits: 4e6 })
 *   // rates 1,1,1,1,1,2 (exact): { affinity: ln 2, decision: { method: "exact", bound: null } }
 */
export function judgeCycle(k: ReactionConstants, cycle: ReadonlyMap<number, number>, budget: ExactBudget): Judgement {
  let up = 0, down = 0, hi = 0, lo = 0, units = 0, size = 0, rational = true;
  for (const [r, c] of cycle) {
    const l = k.lnK[r] ?? NaN;
    if (!k.twoWay[r]) { c > 0 ? up++ : down++; continue; }
    const x = c * l;
    const s = hi + x, bb = s - hi;
    lo += (hi - (s - bb)) + (x - bb);
    hi = s;
    units += Math.abs(c) * (k.errorUnits[r] ?? Infinity);
    size += Math.abs(c) * (k.scale[r] ?? Infinity);
    if (!k.exact.available[r]) rational = false;
  }
  if (up + down > 0) return { affinity: up > 0 && down > 0 ? NaN : up > 0 ? Infinity : -Infinity, decision: { method: "exact", bound: null } };
  const a = hi + lo;
  const bound = ERROR_UNIT * units + 2 * UNIT_ROUNDOFF * Math.abs(a) + 4 * cycle.size * UNIT_ROUNDOFF ** 2 * size;
  if (rational) {
    const p = exactCycleProduct(k.exact, cycle, budget.maxExactBits);
    if (p !== null) return { affinity: p.num === p.den ? 0 : logRatio(p.num, p.den), decision: { method: "exact", bound: null } };
  }
  // a non-finite affinity or bound decides nothing: never read it as balanced
  if (!Number.isFinite(a) || !Number.isFinite(bound)) return { affinity: a, decision: { method: "undecided", bound: Number.isFinite(bound) ? bound : null } };
  if (Math.abs(a) > bound) return { affinity: a, decision: { method: "bound", bound } };
  return rational ? { affinity: a, decision: { method: "undecided", bound } } : { affinity: 0, decision: { method: "bound", bound } };
}

/**
 * Π_r K_r^{c_r} exactly as a numerator and denominator (not reduced), or null when a K_r on the
 * cycle is not exact or the product would exceed `maxBits`.
 */
export function exactCycleProduct(exact: ExactConstants, cycle: ReadonlyMap<number, number>, maxBits: number): { num: bigint; den: bigint } | null {
  const nums: bigint[] = [], dens: bigint[] = [];
  let bits = 0;
  for (const [r, c] of cycle) {
    const k = exact.get(r);
    if (!k) return null;
    bits += Math.abs(c) * exact.bits(r);
    if (bits > maxBits) return null;
    const e = BigInt(Math.abs(c));
    nums.push((c > 0 ? k.num : k.den) ** e);
    dens.push((c > 0 ? k.den : k.num) ** e);
  }
  return { num: productTree(nums), den: productTree(dens) };
}

/** Π xs multiplied in a balanced tree: long cycles cost M(n) log n, not the n² of a running product. */
function productTree(xs: bigint[]): bigint {
  let level = xs;
  while (level.length > 1) {
    const next: bigint[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const [x, y] = [level[i], level[i + 1]];
      if (x !== undefined) next.push(y === undefined ? x : x * y);
    }
    level = next;
  }
  return level[0] ?? 1n;
}

/** ln(num/den) accurately, also when the ratio is within rounding of 1. */
export function logRatio(num: bigint, den: bigint): number {
  const diff = num - den;
  const small = (diff < 0n ? -diff : diff) * 1000n < den;
  return small ? Math.log1p(bigRatio(diff, den)) : bigLogRatio(num, den);
}

/**
 * δ = |A| / (2 Σ_r |c_r|) and e^δ − 1: the uniform relative change of every rate constant on the
 * cycle (forward and reverse, against its orientation) that closes it. `within 1%` means ≤ 0.01.
 */
export function relativeChange(affinity: number, weight: number): number {
  return weight === 0 ? 0 : Math.expm1(Math.abs(affinity) / (2 * weight));
}

/** Σ_r |c_r|: how many rate-constant pairs a uniform change of the cycle moves. */
export function cycleWeight(cycle: ReadonlyMap<number, number>): number {
  let weight = 0;
  for (const c of cycle.values()) weight += Math.abs(c);
  return weight;
}

/**
 * Whether the user's accepted violation covers a cycle whose affinity is at most `reach` in size
 * (|A|, or |A| + B_c for an undecided cycle) and weighs `weight` = Σ_r |c_r|.
 */
export function accepts(accept: AcceptedViolation | null, reach: number, weight: number): boolean {
  if (accept === null || !Number.isFinite(reach)) return false;
  return accept.kind === "affinity" ? reach <= accept.value : relativeChange(reach, weight) <= accept.value;
}

/**
 * The user's tolerance on top of a judgement: a driven cycle within it, or an undecided one whose
 * |A| + B_c is within it, is `user-tolerance` (affinity kept, so the report can say what it covered).
 */
export function applyTolerance(j: Judgement, accept: AcceptedViolation | null, weight: number): Judgement {
  const m = j.decision.method;
  if (accept === null || m === "construction" || m === "user-tolerance") return j;
  if (m !== "undecided" && j.affinity === 0) return j;
  const reach = Math.abs(j.affinity) + (m === "undecided" ? j.decision.bound ?? Infinity : 0);
  return accepts(accept, reach, weight) ? { affinity: j.affinity, decision: { method: "user-tolerance", bound: j.decision.bound } } : j;
}

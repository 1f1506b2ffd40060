/**
 * How far from balance, and who is to blame. Per cycle c with affinity A:
 *   relative change  e^δ − 1,  δ = |A| / (2 Σ_r |c_r|)     (every constant on c moves by e^δ)
 *   rounding reach   R_c = Σ_r |c_r| (p_f + p_r + Σ_Y |S_Yr| p_Y),  p = ln(1 + ½·10^(1−d))
 * and the violation is explained by the written digits when |A| ≤ R_c. A culprit is a reaction r
 * that alone closes every cycle violated beyond rounding: changing ln K_r by x changes A(c) by
 * c_r x, so with x = −A(c*)/c*_r for the most driven such cycle c*, every basis cycle must end within
 * its allowance, |A(c) + c_r x| ≤ R_c + B_c.
 */
import { reactionPrecision, type ReactionConstants } from "./constants.js";
import { cycleWeight, relativeChange } from "./judge.js";
import type { Network } from "../../network/types.js";
import type { Culprit, Distance } from "./types.js";

/**
 * The distance of one cycle from balance.
 *
 *   // ring of 4 with one constant 1.01 written with 3 digits: A = ln 1.01
 *   cycleDistance(network, k, cycle, Math.log(1.01))
 *   // { relativeChange ≈ 0.00124, roundingAffinity = 8 ln(1 + 0.005)…, explainedByRounding: true }
 */
export function cycleDistance(network: Network, k: ReactionConstants, cycle: ReadonlyMap<number, number>, affinity: number): Distance {
  const roundingAffinity = roundingReach(network, k, cycle);
  const size = Math.abs(affinity);
  return {
    relativeChange: Number.isFinite(size) ? relativeChange(size, cycleWeight(cycle)) : Infinity,
    roundingAffinity,
    explainedByRounding: size <= roundingAffinity,
  };
}

/** R_c: the largest |A| the rounding of the written constants on the cycle could cause. */
export function roundingReach(network: Network, k: ReactionConstants, cycle: ReadonlyMap<number, number>): number {
  let reach = 0;
  for (const [r, c] of cycle) reach += Math.abs(c) * reactionPrecision(network, k.partner, r);
  return reach;
}

/**
 * Reactions whose rate constant alone closes every basis cycle violated beyond rounding; null when
 * there is no such cycle. `affinities[i]` is A of `basis[i]` in its own orientation (0 if balanced),
 * `bounds[i]` its B_c (0 when exact).
 *
 *   culprits(network, k, basis, [0.025, 2.33, 0.0027], [0, 0, 0]) // [{ reaction: 7, factor: 0.1 }]
 */
export function culprits(network: Network, k: ReactionConstants, basis: readonly ReadonlyMap<number, number>[], affinities: readonly number[], bounds: readonly number[]): Culprit[] | null {
  const allowance = basis.map((c, i) => roundingReach(network, k, c) + (bounds[i] ?? 0));
  const beyond: number[] = [];
  basis.forEach((_, i) => { if (!(Math.abs(affinities[i] ?? 0) <= (allowance[i] ?? 0))) beyond.push(i); });
  if (beyond.length === 0) return null;
  if (beyond.some((i) => !Number.isFinite(affinities[i] ?? NaN))) return []; // a one-way reaction: no factor closes it
  beyond.sort((i, j) => Math.abs(affinities[j] ?? 0) - Math.abs(affinities[i] ?? 0));
  const [top] = beyond;
  const worst = top === undefined ? undefined : basis[top];
  if (top === undefined || worst === undefined) return [];
  const out: Culprit[] = [];
  for (const [r, cr] of worst) {
    if (!k.twoWay[r] || !beyond.every((i) => (basis[i]?.get(r) ?? 0) !== 0)) continue;
    const x = -(affinities[top] ?? 0) / cr;
    const closes = basis.every((c, i) => Math.abs((affinities[i] ?? 0) + (c.get(r) ?? 0) * x) <= (allowance[i] ?? 0));
    if (closes) out.push({ reaction: r, factor: Math.exp(x) });
  }
  return out.sort((a, b) => a.reaction - b.reaction);
}

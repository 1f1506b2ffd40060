/**
 * Entropy production of a steady state from its forward and reverse rates.
 */

/**
 * One reaction's contribution (v⁺ − v⁻) ln(v⁺/v⁻) in k_B per time, computed stably: the
 * logarithm as log1p of the relative difference when the rates are close, and 0 when both rates
 * vanish. Infinite when exactly one of them is zero and flux flows (a one-way reaction).
 *
 * Example:
 *   entropyTerm(2, 1)   // (2 − 1)·ln 2 ≈ 0.693
 *   entropyTerm(1, 1)   // 0
 *   entropyTerm(1, 0)   // Infinity
 */
export function entropyTerm(forward: number, reverse: number): number {
  const d = forward - reverse;
  if (d === 0) return 0;
  if (forward <= 0 || reverse <= 0) return Infinity;
  return d * logRatio(forward, reverse);
}

/** ln(a/b) for a, b > 0, accurate when a ≈ b and free of overflow when they differ widely. */
export function logRatio(a: number, b: number): number {
  const rel = (a - b) / b;
  if (Math.abs(rel) < 0.5) return Math.log1p(rel);
  return Math.log(a) - Math.log(b);
}

export interface EntropyProduction {
  /** Σ_r (v⁺_r − v⁻_r) ln(v⁺_r/v⁻_r); null when infinite. */
  readonly value: number | null;
  /** Reactions that carry flux one way only (their term is infinite). */
  readonly oneWay: readonly number[];
}

/**
 * The entropy production rate σ = Σ_r (v⁺_r − v⁻_r) ln(v⁺_r / v⁻_r) ≥ 0 (k_B per time), the
 * definition of shared/LANGUAGE.md, with each pair of opposite one-way reactions (`partner`, from
 * network/pairs.ts) counted once as one reversible reaction: v⁺ = v_first, v⁻ = v_second.
 * Assumes non-negative rates; null (infinite) when a reaction with a zero rate in one direction
 * carries flux in the other.
 *
 * Example:
 *   entropyProduction([2, 3], [1, 3])                         // { value: ln 2, oneWay: [] }
 *   entropyProduction([1], [0])                               // { value: null, oneWay: [0] }
 *   entropyProduction([2, 2], [0, 0], Int32Array.of(1, 0))    // { value: 0, oneWay: [] }: A ⇌ B
 */
export function entropyProduction(forward: readonly number[], reverse: readonly number[], partner?: ArrayLike<number>): EntropyProduction {
  let value = 0;
  const oneWay: number[] = [];
  for (const [r, f] of forward.entries()) {
    const p = partner?.[r] ?? -1;
    if (p >= 0 && p < r) continue; // counted with the first member
    const b = p >= 0 ? (reverse[r] ?? NaN) + (forward[p] ?? NaN) : reverse[r] ?? NaN;
    const up = p >= 0 ? f + (reverse[p] ?? NaN) : f;
    const term = entropyTerm(up, b);
    if (term === Infinity) oneWay.push(r);
    else value += term;
  }
  return { value: oneWay.length > 0 ? null : value, oneWay };
}

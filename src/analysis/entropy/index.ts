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
  /** A bound on |value − σ| from rounding (`sigmaRoundingBound`); null when infinite. */
  readonly bound: number | null;
  /** Reactions that carry flux one way only (their term is infinite). */
  readonly oneWay: readonly number[];
}

/**
 * The entropy production rate σ = Σ_r (v⁺_r − v⁻_r) ln(v⁺_r / v⁻_r) ≥ 0 (k_B per time), the
 * definition of shared/LANGUAGE.md, with each pair of opposite one-way reactions (`partner`, from
 * network/pairs.ts) counted once as one reversible reaction: v⁺ = v_first, v⁻ = v_second.
 * Assumes non-negative rates; null (infinite) when a reaction with a zero rate in one direction
 * carries flux in the other.
 * `rateError[r]` bounds the relative error of reaction r's rates as computed (e.g. (2 terms + 2) u
 * for a mass-action monomial); `bound` then bounds the rounding error of `value` (sigmaRoundingBound).
 *
 * Example:
 *   entropyProduction([2, 3], [1, 3])                         // { value: ln 2, bound: ≈ 4e-16, oneWay: [] }
 *   entropyProduction([1], [0])                               // { value: null, bound: null, oneWay: [0] }
 *   entropyProduction([2, 2], [0, 0], Int32Array.of(1, 0))    // { value: 0, bound: 0, oneWay: [] }: A ⇌ B
 */
export function entropyProduction(
  forward: readonly number[], reverse: readonly number[], partner?: ArrayLike<number>, rateError?: ArrayLike<number>,
): EntropyProduction {
  let value = 0;
  const oneWay: number[] = [];
  const terms: SigmaTerm[] = [];
  for (const [r, f] of forward.entries()) {
    const p = partner?.[r] ?? -1;
    if (p >= 0 && p < r) continue; // counted with the first member
    const b = p >= 0 ? (reverse[r] ?? NaN) + (forward[p] ?? NaN) : reverse[r] ?? NaN;
    const up = p >= 0 ? f + (reverse[p] ?? NaN) : f;
    const term = entropyTerm(up, b);
    if (term === Infinity) oneWay.push(r);
    else value += term;
    if (term !== Infinity && (up > 0 || b > 0)) {
      // the rates' own relative error, plus one rounding for a pair's sum
      const eps = Math.max(rateError?.[r] ?? 0, p >= 0 ? rateError?.[p] ?? 0 : 0) + (p >= 0 ? UNIT : 0);
      const d = up - b, L = logRatio(up, b);
      terms.push({ flux: d, fluxError: eps * (up + b) + UNIT * Math.abs(d), log: L, logError: 2 * eps + 3 * UNIT * Math.abs(L) + 2 * eps * eps });
    }
  }
  const infinite = oneWay.length > 0;
  return { value: infinite ? null : value, bound: infinite ? null : sigmaRoundingBound(terms), oneWay };
}

/** The unit roundoff u = 2^-53. */
export const UNIT = 2 ** -53;

/** One term of σ as computed, J_r · L_r, with bounds on the absolute errors of J_r and L_r. */
export interface SigmaTerm {
  readonly flux: number;
  readonly fluxError: number;
  readonly log: number;
  readonly logError: number;
}

/**
 * A bound on the rounding error of σ = Σ_r J_r L_r as computed (docs/steady-state.md, "The error
 * of σ"): with |ΔJ_r| ≤ e_r and |ΔL_r| ≤ l_r,
 *
 *   |Δσ| ≤ Σ_r [ e_r (|L_r| + l_r) + |J_r| l_r + u |J_r L_r| ] + γ_m Σ_r |J_r L_r|,
 *
 * the first sum the error of each product from its factors' errors and its own rounding, the second
 * the recursive summation of m terms (γ_m = m u / (1 − m u)).
 *
 *   sigmaRoundingBound([{ flux: 1, fluxError: 0, log: Math.LN2, logError: 0 }]);   // ≈ 2 u ln 2
 */
export function sigmaRoundingBound(terms: readonly SigmaTerm[]): number {
  let perTerm = 0, size = 0;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i] as SigmaTerm, prod = Math.abs(t.flux * t.log);
    perTerm += t.fluxError * (Math.abs(t.log) + t.logError) + Math.abs(t.flux) * t.logError + UNIT * prod;
    size += prod;
  }
  const m = terms.length;
  const gamma = (m * UNIT) / (1 - m * UNIT);
  // the bound's own rounding: a few u of itself
  return (perTerm + gamma * size) * (1 + 8 * UNIT);
}

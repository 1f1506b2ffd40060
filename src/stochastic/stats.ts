/**
 * The distribution functions inference needs, written out (no statistics package): ln Γ
 * (Lanczos, g = 7, n = 9: ~15 digits), the regularized incomplete gamma functions P(a, x) and
 * Q(a, x) by their series and Legendre's continued fraction (Numerical Recipes §6.2), the
 * chi-square tail from them, their inverses by safeguarded Newton steps, and the normal quantile
 * (Acklam's rational approximation refined by one Halley step).
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  const z = x - 1;
  let s = LANCZOS[0] ?? 1;
  for (let i = 1; i < 9; i++) s += (LANCZOS[i] ?? 0) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

const EPS = 1e-15;
const TINY = 1e-300;

/** [P(a, x), Q(a, x)], the regularized lower and upper incomplete gamma functions, a > 0, x ≥ 0. */
export function incompleteGamma(a: number, x: number): [number, number] {
  if (!(x > 0)) return [0, 1];
  if (x === Infinity) return [1, 0];
  const front = a * Math.log(x) - x - lnGamma(a);
  if (x < a + 1) {
    // series: P = e^{−x} x^a / Γ(a+1) Σ x^n / ((a+1)…(a+n))
    let term = 1 / a, sum = term;
    for (let n = 1; n < 10000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) break;
    }
    const p = Math.min(1, sum * Math.exp(front));
    return [p, 1 - p];
  }
  // continued fraction for Q (modified Lentz)
  let b = x + 1 - a, c = 1 / TINY, d = 1 / b, h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  const q = Math.min(1, Math.exp(front) * h);
  return [1 - q, q];
}

/** P(χ²_dof > x): the p-value of a chi-square statistic. */
export function chiSquareTail(x: number, dof: number): number {
  if (dof <= 0) return x > 0 ? 0 : 1;
  return incompleteGamma(dof / 2, x / 2)[1];
}

/** The x with P(a, x) = p (0 < p < 1): Newton on ln P with bisection safeguards. */
export function gammaQuantile(a: number, p: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return Infinity;
  let lo = 0, hi = Math.max(1, a);
  while (incompleteGamma(a, hi)[0] < p) hi *= 2;
  let x = a > 1 ? a : 0.5 * hi;
  const lg = lnGamma(a);
  for (let i = 0; i < 200; i++) {
    const [P] = incompleteGamma(a, x);
    if (P < p) lo = x;
    else hi = x;
    const density = Math.exp((a - 1) * Math.log(x) - x - lg);
    let next = density > 0 ? x - (P - p) / density : NaN;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - x) <= 1e-14 * Math.max(1, x) || hi - lo <= 1e-14 * hi) return next;
    x = next;
  }
  return x;
}

/** The chi-square quantile: the x with P(χ²_dof ≤ x) = p. */
export function chiSquareQuantile(p: number, dof: number): number {
  return 2 * gammaQuantile(dof / 2, p);
}

/** The standard normal quantile Φ⁻¹(p). */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const at = (v: number[], i: number) => v[i] ?? 0;
  const tail = (q: number) =>
    (((((at(c, 0) * q + at(c, 1)) * q + at(c, 2)) * q + at(c, 3)) * q + at(c, 4)) * q + at(c, 5)) / ((((at(d, 0) * q + at(d, 1)) * q + at(d, 2)) * q + at(d, 3)) * q + 1);
  let x: number;
  if (p < 0.02425) x = tail(Math.sqrt(-2 * Math.log(p)));
  else if (p > 1 - 0.02425) x = -tail(Math.sqrt(-2 * Math.log(1 - p)));
  else {
    const q = p - 0.5, r = q * q;
    x = ((((((at(a, 0) * r + at(a, 1)) * r + at(a, 2)) * r + at(a, 3)) * r + at(a, 4)) * r + at(a, 5)) * q) / (((((at(b, 0) * r + at(b, 1)) * r + at(b, 2)) * r + at(b, 3)) * r + at(b, 4)) * r + 1);
  }
  // one Halley step against Φ from the incomplete gamma: Φ(x) = ½(1 + sign·P(½, x²/2))
  const half = incompleteGamma(0.5, (x * x) / 2)[0];
  const phi = x >= 0 ? 0.5 * (1 + half) : 0.5 * (1 - half);
  const e = phi - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/**
 * The exact (Garwood) interval for a Poisson rate from `count` events in exposure `exposure`, at
 * confidence `level`: [χ²_{2n}(α/2) / 2T, χ²_{2n+2}(1−α/2) / 2T], the lower end 0 when n = 0.
 */
export function poissonRateInterval(count: number, exposure: number, level: number): [number, number] {
  const alpha = 1 - level;
  if (!(exposure > 0)) return [0, Infinity];
  const lo = count > 0 ? gammaQuantile(count, alpha / 2) / exposure : 0;
  const hi = gammaQuantile(count + 1, 1 - alpha / 2) / exposure;
  return [lo, hi];
}

/** The q-quantile of sorted values (linear interpolation between order statistics). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const i = Math.floor(h);
  const lo = sorted[i] ?? NaN, hi = sorted[Math.min(n - 1, i + 1)] ?? NaN;
  return lo === hi ? lo : lo + (h - i) * (hi - lo);
}

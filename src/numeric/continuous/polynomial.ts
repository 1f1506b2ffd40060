/**
 * Real univariate polynomials in floating point: arithmetic on coefficient arrays (index =
 * power) and every real root on an interval. Roots are isolated by recursion on derivatives:
 * between consecutive real roots of p' the polynomial p is monotone, so each such interval holds
 * at most one root, found by bisection to full precision; critical points where p vanishes to
 * rounding are reported as (even-multiplicity) roots. Deterministic and complete up to rounding.
 */

/** Coefficients c_0, c_1, …: the polynomial Σ c_i t^i. */
export type Polynomial = number[];

/** a + b. */
export function polyAdd(a: readonly number[], b: readonly number[]): Polynomial {
  const out = new Array<number>(Math.max(a.length, b.length)).fill(0);
  a.forEach((c, i) => (out[i] = out[i]! + c));
  b.forEach((c, i) => (out[i] = out[i]! + c));
  return out;
}

/** s · a. */
export function polyScale(a: readonly number[], s: number): Polynomial {
  return a.map((c) => c * s);
}

/** a · b (the convolution of the coefficients); [] when either is empty. */
export function polyMul(a: readonly number[], b: readonly number[]): Polynomial {
  if (a.length === 0 || b.length === 0) return [];
  const out = new Array<number>(a.length + b.length - 1).fill(0);
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) out[i + j] = out[i + j]! + a[i]! * b[j]!;
  return out;
}

/** a^n for an integer n ≥ 0, by repeated multiplication ([1] for n = 0). */
export function polyPow(a: readonly number[], n: number): Polynomial {
  let out: Polynomial = [1];
  for (let i = 0; i < n; i++) out = polyMul(out, a);
  return out;
}

/** a(t) by Horner's rule. */
export function polyEval(a: readonly number[], t: number): number {
  let s = 0;
  for (let i = a.length - 1; i >= 0; i--) s = s * t + a[i]!;
  return s;
}

/** Σ |c_i| |t|^i: the size of the terms, the scale of rounding error in polyEval. */
export function polyMagnitude(a: readonly number[], t: number): number {
  let s = 0;
  const at = Math.abs(t);
  for (let i = a.length - 1; i >= 0; i--) s = s * at + Math.abs(a[i]!);
  return s;
}

/** The derivative a'(t) = Σ i c_i t^(i−1). */
export function polyDerivative(a: readonly number[]): Polynomial {
  return a.slice(1).map((c, i) => c * (i + 1));
}

/** Drops leading coefficients that are zero relative to the largest one (`relTol`). */
export function polyTrim(a: readonly number[], relTol = 0): Polynomial {
  const big = Math.max(0, ...a.map(Math.abs));
  let n = a.length;
  while (n > 0 && Math.abs(a[n - 1]!) <= relTol * big) n--;
  return a.slice(0, n);
}

/** Cauchy's bound: every root has |t| ≤ 1 + max |c_i / c_d|. */
export function cauchyBound(a: readonly number[]): number {
  const p = polyTrim(a);
  const lead = Math.abs(p[p.length - 1] ?? 1);
  let m = 0;
  for (let i = 0; i < p.length - 1; i++) m = Math.max(m, Math.abs(p[i]!) / lead);
  return 1 + m;
}

/**
 * Every real root of p in [lo, hi] (infinite ends allowed), ascending. Returns null when p is
 * identically zero (every point is a root). A root at an end is included when p vanishes there
 * to rounding.
 */
export function realRoots(p: readonly number[], lo: number, hi: number): number[] | null {
  const q = polyTrim(p);
  if (q.length === 0) return null;
  const bound = cauchyBound(q);
  const a = Math.max(lo, -bound);
  const b = Math.min(hi, bound);
  if (a > b) return [];
  return dedupe(rootsOn(q, a, b));
}

function nearZero(p: readonly number[], t: number): boolean {
  return Math.abs(polyEval(p, t)) <= 64 * Number.EPSILON * polyMagnitude(p, t);
}

function rootsOn(p: readonly number[], a: number, b: number): number[] {
  if (p.length <= 1) return p.length === 1 && p[0] === 0 ? [a] : [];
  if (p.length === 2) {
    const t = -p[0]! / p[1]!;
    return t >= a && t <= b ? [t] : [];
  }
  const critical = rootsOn(polyDerivative(p), a, b).filter((t) => t > a && t < b);
  const knots = [a, ...critical, b];
  const roots: number[] = [];
  if (nearZero(p, a)) roots.push(a);
  for (let i = 0; i + 1 < knots.length; i++) {
    const l = knots[i]!;
    const r = knots[i + 1]!;
    const fl = polyEval(p, l);
    const fr = polyEval(p, r);
    if (nearZero(p, r)) roots.push(r);
    else if (!nearZero(p, l) && Math.sign(fl) !== Math.sign(fr)) roots.push(bisect(p, l, r, fl));
  }
  return roots;
}

function bisect(p: readonly number[], l: number, r: number, fl: number): number {
  let lo = l;
  let hi = r;
  const sl = Math.sign(fl);
  for (let i = 0; i < 2000; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    const fm = polyEval(p, mid);
    if (fm === 0) return mid;
    if (Math.sign(fm) === sl) lo = mid;
    else hi = mid;
  }
  return Math.abs(polyEval(p, lo)) < Math.abs(polyEval(p, hi)) ? lo : hi;
}

function dedupe(xs: number[]): number[] {
  const sorted = [...xs].sort((u, v) => u - v);
  const out: number[] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last === undefined || Math.abs(x - last) > 1e-12 * Math.max(1, Math.abs(x))) out.push(x);
  }
  return out;
}

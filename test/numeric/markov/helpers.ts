/** Chains for the Markov tests: seeded random numbers, exact GTH in rationals, generators. */
import { mulberry32 } from "../../../src/numeric/random.js";
import { add, div, mul, rational, sub, toNumber, ZERO, type Rational } from "../../../src/numeric/exact/rational.js";

/** a[i], or a failing test when there is no entry i (a test bug, not a default). */
export function at<T>(a: ArrayLike<T>, i: number): T {
  const v = a[i];
  if (v === undefined) throw new Error(`no entry ${i} in an array of length ${a.length}`);
  return v;
}

/** A small seeded generator (mulberry32): the same chains on every run. */
export const seeded = mulberry32;

/** The double x (finite, > 0) as an exact rational. */
export function exactOf(x: number): Rational {
  let m = x, e = 0;
  while (!Number.isInteger(m)) (m *= 2), e--;
  return e < 0 ? rational(BigInt(m), 2n ** BigInt(-e)) : rational(BigInt(m));
}

export interface Edges {
  readonly n: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly rate: Float64Array;
}

/** The edge arrays of a chain on n states from a list of [from, to, rate]. */
export function edges(n: number, list: readonly (readonly [number, number, number])[]): Edges {
  return {
    n,
    from: Int32Array.from(list, (e) => e[0]),
    to: Int32Array.from(list, (e) => e[1]),
    rate: Float64Array.from(list, (e) => e[2]),
  };
}

/** The exact stationary law of an irreducible chain: GTH in rational arithmetic (no rounding at all). */
export function exactStationary(g: Edges): number[] {
  const n = g.n;
  const R: Rational[][] = Array.from({ length: n }, () => Array.from({ length: n }, () => ZERO));
  const entry = (i: number, j: number): Rational => at(at(R, i), j);
  for (let e = 0; e < g.from.length; e++) {
    const i = at(g.from, e), j = at(g.to, e);
    if (i !== j) at(R, i)[j] = add(entry(i, j), exactOf(at(g.rate, e)));
  }
  for (let k = 0; k < n - 1; k++) {
    let d = ZERO;
    for (let j = k + 1; j < n; j++) d = add(d, entry(k, j));
    for (let i = k + 1; i < n; i++) {
      const l = div(entry(i, k), d) as Rational;
      const row = at(R, i);
      row[k] = l;
      for (let j = k + 1; j < n; j++) if (j !== i) row[j] = add(entry(i, j), mul(l, entry(k, j)));
    }
  }
  const x: Rational[] = new Array(n).fill(ZERO);
  x[n - 1] = rational(1n);
  for (let k = n - 2; k >= 0; k--) {
    let s = ZERO;
    for (let i = k + 1; i < n; i++) s = add(s, mul(at(x, i), entry(i, k)));
    x[k] = s;
  }
  let total = ZERO;
  for (const v of x) total = add(total, v);
  return x.map((v) => toNumber(div(v, total) as Rational));
}

/** A driven L×L torus with seeded site energies in [0, spread]: the bench's chain, smaller. */
export function drivenTorus(L: number, force: number, spread: number, seed: number): Edges {
  const rnd = seeded(seed);
  const n = L * L;
  const E = Float64Array.from({ length: n }, () => spread * rnd());
  const list: [number, number, number][] = [];
  for (let y = 0; y < L; y++) {
    for (let x = 0; x < L; x++) {
      const i = x + L * y, j = ((x + 1) % L) + L * y, k = x + L * ((y + 1) % L);
      const dx = at(E, j) - at(E, i), dy = at(E, k) - at(E, i);
      list.push([i, j, Math.exp(force / 2 - dx / 2)], [j, i, Math.exp(-force / 2 + dx / 2)]);
      list.push([i, k, 1.5 * Math.exp(-dy / 2)], [k, i, 0.5 * Math.exp(dy / 2)]);
    }
  }
  return edges(n, list);
}

/** Largest |a_i − b_i| / |b_i|. */
export function maxRelErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < b.length; i++) worst = Math.max(worst, Math.abs(at(a, i) - at(b, i)) / Math.abs(at(b, i)));
  return worst;
}

/** Per state: |inflow − outflow| / outflow at π (0 where π is 0); NaN (a failure) when any π or flow is not a number ≥ 0. */
export function balanceResidual(g: Edges, pi: Float64Array): number {
  const out = new Float64Array(g.n), inn = new Float64Array(g.n);
  for (let e = 0; e < g.from.length; e++) {
    const i = at(g.from, e), j = at(g.to, e);
    if (i === j) continue;
    const v = at(pi, i) * at(g.rate, e);
    out[i] = at(out, i) + v;
    inn[j] = at(inn, j) + v;
  }
  let worst = 0;
  for (let i = 0; i < g.n; i++) {
    const o = at(out, i), p = at(pi, i);
    // a NaN or negative probability must fail the comparison, not be skipped as "π is 0"
    if (!(p >= 0) || !(o >= 0)) return NaN;
    if (o > 0) worst = Math.max(worst, Math.abs(at(inn, i) - o) / o);
  }
  return worst;
}

/**
 * The exact reached distribution of a possibly reducible chain: classes from `component`
 * (closed[c] when nothing leaves c), occupation times by rational Gauss–Jordan, each closed class
 * by exact GTH. Independent of the floating-point code except for the (combinatorial) classes.
 */
export function exactReached(g: Edges, init: readonly number[], component: Int32Array, closed: (c: number) => boolean): number[] {
  const n = g.n;
  let total = ZERO;
  const p0 = init.map((x) => (x === 0 ? ZERO : exactOf(x)));
  for (const x of p0) total = add(total, x);
  const p = p0.map((x) => div(x, total) as Rational);
  const T = Array.from({ length: n }, (_, i) => i).filter((i) => !closed(at(component, i)));
  const where = new Map(T.map((t, r) => [t, r]));
  const rateOf = (e: number): Rational => exactOf(at(g.rate, e));
  // A = −Q_TT; solve Aᵀ z = p_T by Gauss–Jordan in rationals
  const m = T.length;
  const A: Rational[][] = Array.from({ length: m }, () => Array.from({ length: m + 1 }, () => ZERO));
  const a = (r: number, c: number): Rational => at(at(A, r), c);
  for (let e = 0; e < g.from.length; e++) {
    const i = at(g.from, e), j = at(g.to, e);
    const r = where.get(i), c = where.get(j);
    if (i === j || r === undefined) continue;
    at(A, r)[r] = add(a(r, r), rateOf(e)); // transposed system: column r of A is row r of Aᵀ
    if (c !== undefined) at(A, c)[r] = sub(a(c, r), rateOf(e));
  }
  T.forEach((t, r) => (at(A, r)[m] = at(p, t)));
  for (let col = 0; col < m; col++) {
    const piv = A.findIndex((row, r) => r >= col && at(row, col).num !== 0n);
    [A[col], A[piv]] = [at(A, piv), at(A, col)];
    const d = a(col, col);
    const pivotRow = at(A, col).map((x) => div(x, d) as Rational);
    A[col] = pivotRow;
    for (let r = 0; r < m; r++) {
      if (r === col || a(r, col).num === 0n) continue;
      const f = a(r, col);
      A[r] = at(A, r).map((x, c) => sub(x, mul(f, at(pivotRow, c))));
    }
  }
  const arrival = p.slice();
  for (let e = 0; e < g.from.length; e++) {
    const i = at(g.from, e), j = at(g.to, e);
    const r = where.get(i);
    if (r !== undefined && !where.has(j)) arrival[j] = add(at(arrival, j), mul(a(r, m), rateOf(e)));
  }
  const pi = new Array<number>(n).fill(0);
  const classes = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const c = at(component, i);
    if (closed(c)) classes.set(c, [...(classes.get(c) ?? []), i]);
  }
  for (const states of classes.values()) {
    let mass = ZERO;
    for (const j of states) mass = add(mass, at(arrival, j));
    if (mass.num === 0n) continue;
    const index = new Map(states.map((s, r) => [s, r]));
    const list: [number, number, number][] = [];
    for (let e = 0; e < g.from.length; e++) {
      const i = index.get(at(g.from, e)), j = index.get(at(g.to, e));
      if (i !== undefined && j !== undefined) list.push([i, j, at(g.rate, e)]);
    }
    const law = states.length === 1 ? [1] : exactStationary(edges(states.length, list));
    states.forEach((s, r) => (pi[s] = toNumber(mass) * at(law, r)));
  }
  return pi;
}

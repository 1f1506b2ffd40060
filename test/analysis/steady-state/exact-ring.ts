/** The exact stationary law of a ring i ⇌ i+1 (Gaussian elimination over rationals), for tests. */
import { add, div, mul, neg, ONE, sub, ZERO, type Rational } from "../../../src/numeric/exact/rational.js";

export const must = <T>(x: T | undefined): T => {
  if (x === undefined) throw new Error("missing value");
  return x;
};

/** π of the ring i → i+1 at kf[i], i+1 → i at kr[i] (Σ π = 1), exactly. */
export function exactRing(kf: readonly Rational[], kr: readonly Rational[]): Rational[] {
  const n = kf.length;
  // rows: the balance of states 1..n−1, and Σ π = 1; unknowns π_0..π_{n−1}, right-hand side last
  const A: Rational[][] = Array.from({ length: n }, () => new Array<Rational>(n + 1).fill(ZERO));
  const at = (i: number, j: number): Rational => must(must(A[i])[j]);
  const set = (i: number, j: number, v: Rational): void => { must(A[i])[j] = v; };
  for (let e = 0; e < n; e++) {
    const u = e, v = (e + 1) % n, f = must(kf[e]), b = must(kr[e]);
    for (const [row, col, val] of [[u, u, neg(f)], [v, u, f], [v, v, neg(b)], [u, v, b]] as const) if (row > 0) set(row, col, add(at(row, col), val));
  }
  for (let j = 0; j < n; j++) set(0, j, ONE);
  set(0, n, ONE);
  for (let c = 0; c < n; c++) {
    const p = [...Array(n).keys()].find((r) => r >= c && at(r, c).num !== 0n);
    if (p === undefined) throw new Error("singular");
    [A[c], A[p]] = [must(A[p]), must(A[c])];
    for (let r = 0; r < n; r++) {
      if (r === c || at(r, c).num === 0n) continue;
      const f = must(div(at(r, c), at(c, c)));
      for (let j = c; j <= n; j++) set(r, j, sub(at(r, j), mul(f, at(c, j))));
    }
  }
  return [...Array(n).keys()].map((i) => must(div(at(i, n), at(i, i))));
}

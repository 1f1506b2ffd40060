/**
 * Is a singular endpoint isolated, or on a positive-dimensional solution set? A random linear
 * slice test: if the solutions near p form a set of dimension d, then d random affine
 * hyperplanes L·x = L·p + ε·w moved a small distance ε off p still meet it near p, so the
 * overdetermined system [F(x); L·x − L·p − ε·w] = 0 has a solution, which Gauss–Newton finds
 * (Levenberg–Marquardt damped, so points where the set itself is singular are fine). At an isolated root, even a multiple one,
 * no point near p satisfies both F = 0 and the moved slice, and the least-squares residual
 * stays away from 0. The candidate d starts at the numerical corank of J(p) (an upper bound on
 * the local dimension) and goes down; the answer is the first d that succeeds, or 0.
 */
import { solveInPlace } from "./complex.js";
import type { Evaluator } from "./evaluate.js";

/**
 * Numerical corank of an n × n complex matrix: pivots of full-pivoting elimination below
 * tol·max(largest entry, floor); the floor (the size the entries would have at a generic point)
 * keeps a Jacobian that is tiny everywhere, as at a point where the set is singular, corank n.
 */
export function corank(n: number, are: Float64Array, aim: Float64Array, tol: number, floor = 0): number {
  const re = Float64Array.from(are), im = Float64Array.from(aim);
  const rowsLeft = Array.from({ length: n }, (_, i) => i), colsLeft = Array.from({ length: n }, (_, j) => j);
  let first = 0, rank = 0;
  for (let step = 0; step < n; step++) {
    let best = -1, bi = 0, bj = 0;
    for (const i of rowsLeft) for (const j of colsLeft) {
      const m = Math.hypot(re[i * n + j] as number, im[i * n + j] as number);
      if (m > best) { best = m; bi = i; bj = j; }
    }
    if (step === 0) first = Math.max(best, floor);
    if (!(best > tol * first) || first === 0) break;
    rank++;
    const pr = re[bi * n + bj] as number, pi = im[bi * n + bj] as number, pm = pr * pr + pi * pi;
    rowsLeft.splice(rowsLeft.indexOf(bi), 1);
    colsLeft.splice(colsLeft.indexOf(bj), 1);
    for (const i of rowsLeft) {
      const ar = re[i * n + bj] as number, ai = im[i * n + bj] as number;
      const lr = (ar * pr + ai * pi) / pm, li = (ai * pr - ar * pi) / pm;
      for (const j of colsLeft) {
        const ur = re[bi * n + j] as number, ui = im[bi * n + j] as number;
        re[i * n + j] = (re[i * n + j] as number) - (lr * ur - li * ui);
        im[i * n + j] = (im[i * n + j] as number) - (lr * ui + li * ur);
      }
    }
  }
  return n - rank;
}

/** Local dimension of the solution set at p (0: isolated), by the slice test above. */
export function localDimension(n: number, evaluate: Evaluator, pre: Float64Array, pim: Float64Array, rand: () => number, jacobianScale: number): number {
  const fre = new Float64Array(n), fim = new Float64Array(n), jre = new Float64Array(n * n), jim = new Float64Array(n * n);
  evaluate(pre, pim, fre, fim, jre, jim);
  const k = corank(n, jre, jim, 1e-6, jacobianScale);
  const scale = Math.max(1, ...Array.from(pre, (a, i) => Math.hypot(a, pim[i] as number)));
  for (let d = k; d >= 1; d--) {
    let all = true;
    for (const eps of [1e-3, 1e-4]) if (!sliceMeets(n, d, evaluate, pre, pim, eps * scale, rand)) all = false;
    if (all) return d;
  }
  return 0;
}

/** Gauss–Newton on [F; L x − b] from p; true when both parts reach ~0. */
function sliceMeets(n: number, d: number, evaluate: Evaluator, pre: Float64Array, pim: Float64Array, eps: number, rand: () => number): boolean {
  const m = n + d;
  const Lre = Float64Array.from({ length: d * n }, () => 2 * rand() - 1), Lim = Float64Array.from({ length: d * n }, () => 2 * rand() - 1);
  const bre = new Float64Array(d), bim = new Float64Array(d);
  for (let r = 0; r < d; r++) {
    let sr = 0, si = 0;
    for (let j = 0; j < n; j++) {
      const lr = Lre[r * n + j] as number, li = Lim[r * n + j] as number, xr = pre[j] as number, xi = pim[j] as number;
      sr += lr * xr - li * xi; si += lr * xi + li * xr;
    }
    const th = 2 * Math.PI * rand();
    bre[r] = sr + eps * Math.cos(th); bim[r] = si + eps * Math.sin(th);
  }
  const xre = Float64Array.from(pre), xim = Float64Array.from(pim);
  const fre = new Float64Array(n), fim = new Float64Array(n), jre = new Float64Array(n * n), jim = new Float64Array(n * n);
  const Are = new Float64Array(m * n), Aim = new Float64Array(m * n), rre = new Float64Array(m), rim = new Float64Array(m);
  const Nre = new Float64Array(n * n), Nim = new Float64Array(n * n), gre = new Float64Array(n), gim = new Float64Array(n);
  let res = Infinity;
  for (let it = 0; it < 40; it++) {
    evaluate(xre, xim, fre, fim, jre, jim);
    Are.set(jre); Aim.set(jim); rre.set(fre); rim.set(fim);
    for (let r = 0; r < d; r++) {
      let sr = -(bre[r] as number), si = -(bim[r] as number);
      for (let j = 0; j < n; j++) {
        const lr = Lre[r * n + j] as number, li = Lim[r * n + j] as number, xr = xre[j] as number, xi = xim[j] as number;
        Are[(n + r) * n + j] = lr; Aim[(n + r) * n + j] = li;
        sr += lr * xr - li * xi; si += lr * xi + li * xr;
      }
      rre[n + r] = sr; rim[n + r] = si;
    }
    res = 0;
    for (let i = 0; i < m; i++) res = Math.max(res, Math.hypot(rre[i] as number, rim[i] as number));
    if (res <= 1e-13 * Math.max(1, eps)) return true;
    // normal equations A^H A δ = −A^H r
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        let sr = 0, si = 0;
        for (let i = 0; i < m; i++) {
          const ur = Are[i * n + a] as number, ui = -(Aim[i * n + a] as number), vr = Are[i * n + b] as number, vi = Aim[i * n + b] as number;
          sr += ur * vr - ui * vi; si += ur * vi + ui * vr;
        }
        Nre[a * n + b] = sr; Nim[a * n + b] = si;
      }
      let sr = 0, si = 0;
      for (let i = 0; i < m; i++) {
        const ur = Are[i * n + a] as number, ui = -(Aim[i * n + a] as number), vr = rre[i] as number, vi = rim[i] as number;
        sr -= ur * vr - ui * vi; si -= ur * vi + ui * vr;
      }
      gre[a] = sr; gim[a] = si;
    }
    // Levenberg–Marquardt damping: at a singular point of the set (an embedded point, or
    // where two components cross) the stacked Jacobian loses rank and plain Gauss–Newton
    // breaks down; a zero residual stays a fixed point of the damped step.
    let diag = 0;
    for (let a = 0; a < n; a++) diag = Math.max(diag, Nre[a * n + a] as number);
    for (let a = 0; a < n; a++) Nre[a * n + a] = (Nre[a * n + a] as number) + 1e-10 * Math.max(diag, 1e-300);
    if (solveInPlace(n, Nre, Nim, gre, gim) === 0) return false;
    for (let j = 0; j < n; j++) { xre[j] = (xre[j] as number) + (gre[j] as number); xim[j] = (xim[j] as number) + (gim[j] as number); }
  }
  return res <= 1e-10 * Math.max(1, eps);
}

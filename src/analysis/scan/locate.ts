/**
 * Folds and Hopf points located to rounding on their extended systems, from the bracket the
 * continuation found (a sign change of the tangent's p-component, or of the Hopf test function).
 *
 * Fold (saddle-node), unknowns (z, p, v), 2r + 1 equations:
 *   G(z, p) = 0,   A(z, p) v = 0,   ⟨v, v₀⟩ = 1,
 * regular at a quadratic fold with a simple zero eigenvalue (v₀ the tangent's z-part there).
 * Hopf, unknowns (z, p, ω, a, b) with eigenvector w = a + i b, 3r + 2 equations:
 *   G = 0,   A a + ω b = 0,   A b − ω a = 0,   ⟨a, c⟩ = 1,   ⟨b, c⟩ = 0,
 * i.e. A w = iω w. Newton's Jacobian is taken by central differences of the residual (the
 * residual itself is exact: rates, Jacobian and their products), so the iteration converges to the
 * exact solution of the equations and stops when the scaled step no longer shrinks.
 */
import { solveLinear } from "../../numeric/continuous/dense.js";
import { eigenvalues } from "../../numeric/continuous/eigen.js";
import { reducedJacobian, reducedResidual, type Model } from "./model.js";

function matVec(A: readonly (readonly number[])[], v: readonly number[]): number[] {
  return A.map((row) => row.reduce((s, a, j) => s + a * (v[j] ?? NaN), 0));
}

/**
 * Newton with a central-difference Jacobian on `residual` (square), in units `scale` per unknown.
 * Returns the last iterate once the scaled step is below 1e-13 (or stops shrinking after it is
 * below 1e-9), or null.
 */
function newtonFD(residual: (w: readonly number[]) => number[] | null, w0: readonly number[], scale: readonly number[]): number[] | null {
  let w = [...w0];
  let lastSize = Infinity;
  for (let it = 0; it < 40; it++) {
    const f = residual(w);
    if (f === null || !f.every(Number.isFinite)) return null;
    const cols: number[][] = [];
    for (let k = 0; k < w.length; k++) {
      const hk = 1e-6 * (scale[k] ?? 1);
      const plus = residual(w.map((v, i) => (i === k ? v + hk : v)));
      const minus = residual(w.map((v, i) => (i === k ? v - hk : v)));
      if (plus === null || minus === null) return null;
      cols.push(plus.map((v, i) => (v - (minus[i] ?? NaN)) / (2 * hk)));
    }
    const J = f.map((_, i) => cols.map((c) => c[i] ?? NaN));
    const dw = solveLinear(J, f.map((v) => -v));
    if (dw === null) return null;
    const size = Math.max(...dw.map((d, k) => Math.abs(d) / (scale[k] ?? 1)));
    if (!Number.isFinite(size) || size > 10) return null;
    w = w.map((v, k) => v + (dw[k] ?? NaN));
    if (size < 1e-13 || (size < 1e-9 && size >= lastSize)) return w;
    lastSize = size;
  }
  return lastSize < 1e-9 ? w : null;
}

/** G(z, p) = 0 holds to 1e-9 of the rates that cancel in it (the located point is a steady state). */
function steadyAt(model: Model, z: readonly number[], p: number): boolean {
  const res = reducedResidual(model, z, p);
  return res !== null && res.g.every((v, i) => Math.abs(v) <= 1e-9 * (res.scale[i] ?? 0) + 1e-300);
}

/** The fold near (z, p) with approximate null vector v0 of A; null when Newton fails. */
export function locateFold(model: Model, z: readonly number[], p: number, v0: readonly number[], sx: number, sp: number): { z: number[]; p: number } | null {
  const r = z.length;
  const norm = Math.hypot(...v0);
  if (!(norm > 0)) return null;
  const v0n = v0.map((v) => v / norm);
  const residual = (w: readonly number[]): number[] | null => {
    const zz = w.slice(0, r), pp = w[r] ?? NaN, v = w.slice(r + 1);
    const res = reducedResidual(model, zz, pp);
    const A = reducedJacobian(model, zz, pp);
    if (res === null || A === null) return null;
    return [...res.g, ...matVec(A, v), v.reduce((s, vi, i) => s + vi * (v0n[i] ?? NaN), 0) - 1];
  };
  const w = newtonFD(residual, [...z, p, ...v0n], [...z.map(() => sx), sp, ...v0n.map(() => 1)]);
  if (w === null) return null;
  const zz = w.slice(0, r), pp = w[r] ?? NaN;
  return steadyAt(model, zz, pp) ? { z: zz, p: pp } : null;
}

/**
 * The Hopf point near (z, p): the eigenvalue pair nearest the imaginary axis at (z, p) gives ω
 * and, by inverse iteration, the eigenvector w; then Newton on the Hopf system. Null when there
 * is no complex pair or Newton fails (a neutral saddle λ, −λ also changes the test function's sign).
 */
export function locateHopf(model: Model, z: readonly number[], p: number, sx: number, sp: number): { z: number[]; p: number; frequency: number } | null {
  const r = z.length;
  const A = reducedJacobian(model, z, p);
  if (A === null || r < 2) return null;
  const ev = eigenvalues(A);
  if (ev === null) return null;
  let best = -1;
  for (let i = 0; i < r; i++) {
    const im = ev.im[i] ?? 0;
    if (im > 0 && (best < 0 || Math.abs(ev.re[i] ?? NaN) < Math.abs(ev.re[best] ?? NaN))) best = i;
  }
  if (best < 0) return null;
  const alpha = ev.re[best] ?? NaN, omega = ev.im[best] ?? NaN;
  const w = inverseIteration(A, alpha, omega);
  if (w === null) return null;
  const c = w.a.map((v) => v);
  const residual = (u: readonly number[]): number[] | null => {
    const zz = u.slice(0, r), pp = u[r] ?? NaN, om = u[r + 1] ?? NaN, a = u.slice(r + 2, 2 * r + 2), b = u.slice(2 * r + 2);
    const res = reducedResidual(model, zz, pp);
    const J = reducedJacobian(model, zz, pp);
    if (res === null || J === null) return null;
    const Aa = matVec(J, a), Ab = matVec(J, b);
    return [...res.g, ...Aa.map((v, i) => v + om * (b[i] ?? NaN)), ...Ab.map((v, i) => v - om * (a[i] ?? NaN)), a.reduce((s, ai, i) => s + ai * (c[i] ?? NaN), 0) - 1, b.reduce((s, bi, i) => s + bi * (c[i] ?? NaN), 0)];
  };
  const u = newtonFD(residual, [...z, p, omega, ...w.a, ...w.b], [...z.map(() => sx), sp, Math.abs(omega), ...w.a.map(() => 1), ...w.b.map(() => 1)]);
  if (u === null) return null;
  const zz = u.slice(0, r), pp = u[r] ?? NaN, om = Math.abs(u[r + 1] ?? NaN);
  const scale = Math.max(1e-300, ...A.flat().map(Math.abs));
  return om > 1e-8 * scale && steadyAt(model, zz, pp) ? { z: zz, p: pp, frequency: om } : null;
}

/**
 * The eigenvector a + i b of A for the eigenvalue nearest α + iω, by three steps of inverse
 * iteration in real arithmetic ([A − α, ω; −ω, A − α] acting on (a, b)), normalised so that
 * ⟨a, c⟩ = 1 and ⟨b, c⟩ = 0 with c = a/‖a‖ of the unnormalised vector.
 */
function inverseIteration(A: readonly (readonly number[])[], alpha: number, omega: number): { a: number[]; b: number[] } | null {
  const r = A.length;
  // a tiny shift off the computed eigenvalue keeps the system regular
  const shift = 1e-10 * Math.max(1, Math.abs(alpha) + Math.abs(omega));
  const M: number[][] = [];
  for (let i = 0; i < 2 * r; i++) {
    const row = new Array<number>(2 * r).fill(0);
    const ii = i % r;
    for (let j = 0; j < r; j++) {
      const aij = (A[ii]?.[j] ?? NaN) - (ii === j ? alpha + shift : 0);
      if (i < r) row[j] = aij;
      else row[r + j] = aij;
    }
    // (A − σ)(a + ib) with σ = α + iω: real part (A−α)a + ωb, imaginary part (A−α)b − ωa
    if (i < r) row[r + ii] = omega;
    else row[ii] = -omega;
    M.push(row);
  }
  let v: number[] | null = Array.from({ length: 2 * r }, (_, i) => 1 + 0.1 * i);
  for (let k = 0; k < 3 && v; k++) {
    v = solveLinear(M, v);
    if (v) {
      const n = Math.hypot(...v);
      v = v.map((x) => x / n);
    }
  }
  if (v === null) return null;
  const a = v.slice(0, r), b = v.slice(r);
  const na = Math.hypot(...a);
  if (!(na > 0)) return null;
  const c = a.map((x) => x / na);
  // divide w by ⟨w, c⟩ = s + i t (complex)
  const s = a.reduce((acc, ai, i) => acc + ai * (c[i] ?? NaN), 0), t = b.reduce((acc, bi, i) => acc + bi * (c[i] ?? NaN), 0);
  const d = s * s + t * t;
  return { a: a.map((ai, i) => (ai * s + (b[i] ?? NaN) * t) / d), b: b.map((bi, i) => (bi * s - (a[i] ?? NaN) * t) / d) };
}

/** Eigenvalues of A at (z, p) and the Hopf test function ψ = Π_{i<j} (λ_i + λ_j) (real). */
export function spectrum(model: Model, z: readonly number[], p: number): { re: number[]; im: number[]; psi: number; scale: number } | null {
  const A = reducedJacobian(model, z, p);
  if (A === null) return null;
  const ev = eigenvalues(A);
  if (ev === null) return null;
  let pr = 1, pi = 0;
  for (let i = 0; i < ev.re.length; i++) {
    for (let j = i + 1; j < ev.re.length; j++) {
      const sr = (ev.re[i] ?? NaN) + (ev.re[j] ?? NaN), si = (ev.im[i] ?? NaN) + (ev.im[j] ?? NaN);
      [pr, pi] = [pr * sr - pi * si, pr * si + pi * sr];
    }
  }
  return { re: [...ev.re], im: [...ev.im], psi: pr, scale: Math.max(1e-300, ...A.flat().map(Math.abs)) };
}

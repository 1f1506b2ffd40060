/**
 * The eigenvalues of largest magnitude of a large real operator given only as x ↦ A x, by the
 * implicitly restarted Arnoldi method (Sorensen, SIAM J. Matrix Anal. Appl. 13 (1992) 357;
 * Lehoucq, Sorensen & Yang, ARPACK Users' Guide, SIAM 1998; Stewart, Matrix Algorithms II:
 * Eigensystems, SIAM 2001, ch. 5, where Krylov–Schur is the same restart in Schur form):
 *
 *  - m Arnoldi steps build A V_m = V_m H_m + f e_mᵀ, V_m orthonormal (classical Gram–Schmidt,
 *    repeated once when it cancels: orthogonality to rounding), H_m upper Hessenberg;
 *  - the Ritz values θ of H_m approximate eigenvalues of A; a Ritz pair (θ, V_m z) has residual
 *    ‖A V_m z − θ V_m z‖ = ‖f‖ |e_mᵀ z| (z of unit norm), so convergence is read off H_m;
 *  - to restart, the m − p unwanted Ritz values are applied as exact shifts: H_m ← Qᵀ H_m Q with
 *    Q from the QR factorisations of H − μ I (a real shift) or (H − μ I)(H − μ̄ I) (a complex pair,
 *    in real arithmetic); then A V_m Q_p = V_m Q_p H_p + f_p e_pᵀ holds again with
 *    f_p = (V_m Q)_{p+1} H_{p+1,p} + f Q_{m,p}: the Arnoldi relation of the Krylov space started
 *    from ψ(A) v_1, ψ the polynomial with the unwanted Ritz values as roots, and Arnoldi goes on
 *    from step p + 1.
 *
 * Complex eigenvalues come in conjugate pairs that are kept or discarded together. Applied to a
 * shifted inverse, (A − σ)⁻¹, the largest eigenvalues are those of A nearest σ (shift-invert).
 *
 *   // the 2 largest of diag(1..100): arnoldiLargest((x) => x.map((v, i) => (i + 1) * v), start, { wanted: 2 })
 *   //   .re ≈ [100, 99], .im = [0, 0]
 */
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { outOfRange } from "../checked.js";

/** How many eigenvalues, the basis size, the tolerance and the budget. */
export interface ArnoldiOptions {
  /** Number of eigenvalues of largest magnitude wanted (a conjugate pair split at the end adds one). */
  readonly wanted: number;
  /** Largest Krylov basis before a restart; default max(2·wanted + 1, wanted + 16), at most `dimension`. */
  readonly basisSize?: number;
  /** Dimension of the space the operator acts on (start vector and images), at most the vector length; default that length. */
  readonly dimension?: number;
  /** A Ritz pair has converged when its residual is at most this times |θ|; default 1e-11. */
  readonly tolerance?: number;
  /** Give up after this many restarts; default 300. */
  readonly maxRestarts?: number;
}

/** Ritz values of largest magnitude, by magnitude descending. */
export interface ArnoldiResult {
  readonly re: readonly number[];
  readonly im: readonly number[];
  /** Residual estimate ‖A x − θ x‖ / (|θ| ‖x‖) of each. */
  readonly residual: readonly number[];
  /** True when every returned value met the tolerance (or the Krylov space became invariant). */
  readonly converged: boolean;
  readonly restarts: number;
  /** Operator applications. */
  readonly applications: number;
}

type Dense = number[][];

const eye = (m: number): Dense => Array.from({ length: m }, (_, i) => Array.from({ length: m }, (_, j) => (i === j ? 1 : 0)));

function multiply(a: Dense, b: Dense): Dense {
  const n = a.length, k = b.length, m = b[0]?.length ?? 0;
  const c: Dense = Array.from({ length: n }, () => new Array<number>(m).fill(0));
  for (let i = 0; i < n; i++) {
    const ai = a[i] ?? outOfRange(), ci = c[i] ?? outOfRange();
    for (let l = 0; l < k; l++) {
      const x = ai[l] ?? outOfRange();
      if (x === 0) continue;
      const bl = b[l] ?? outOfRange();
      for (let j = 0; j < m; j++) ci[j] = (ci[j] ?? outOfRange()) + x * (bl[j] ?? outOfRange());
    }
  }
  return c;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? outOfRange()) * (b[i] ?? outOfRange());
  return s;
}

/** Euclidean norm (the vectors here are of moderate size: no scaling against overflow). */
function norm(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] ?? outOfRange()) ** 2;
  return Math.sqrt(s);
}

const transposeDense = (a: Dense): Dense => (a[0] ?? []).map((_, j) => a.map((r) => r[j] ?? outOfRange()));

/** The orthogonal factor Q of a square matrix's QR factorisation, by Householder reflections. */
function orthogonalFactor(a: Dense): Dense {
  const m = a.length;
  const r = a.map((row) => row.slice());
  const q = eye(m);
  for (let k = 0; k < m - 1; k++) {
    let len = 0;
    for (let i = k; i < m; i++) len = Math.hypot(len, r[i]?.[k] ?? outOfRange());
    if (len === 0) continue;
    const head = r[k]?.[k] ?? outOfRange();
    const alpha = head > 0 ? -len : len;
    const v = new Array<number>(m).fill(0);
    for (let i = k; i < m; i++) v[i] = r[i]?.[k] ?? outOfRange();
    v[k] = head - alpha;
    let vv = 0;
    for (let i = k; i < m; i++) vv += (v[i] ?? 0) ** 2;
    if (vv === 0) continue;
    // R ← (I − 2 v vᵀ / vᵀv) R, Q ← Q (I − 2 v vᵀ / vᵀv)
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let i = k; i < m; i++) s += (v[i] ?? 0) * (r[i]?.[j] ?? outOfRange());
      s = (2 * s) / vv;
      for (let i = k; i < m; i++) (r[i] ?? outOfRange())[j] = (r[i]?.[j] ?? outOfRange()) - s * (v[i] ?? 0);
    }
    for (let i = 0; i < m; i++) {
      const qi = q[i] ?? outOfRange();
      let s = 0;
      for (let l = k; l < m; l++) s += (qi[l] ?? outOfRange()) * (v[l] ?? 0);
      s = (2 * s) / vv;
      for (let l = k; l < m; l++) qi[l] = (qi[l] ?? outOfRange()) - s * (v[l] ?? 0);
    }
  }
  return q;
}

interface Ritz { readonly re: number; readonly im: number; readonly residual: number }

/** Ritz values of the leading m × m block of h and their residual estimates ‖f‖ |e_mᵀ z| / ‖z‖, by magnitude descending. */
function ritz(h: Dense, m: number, beta: number): Ritz[] {
  const block = new Matrix(h.slice(0, m).map((r) => r.slice(0, m)));
  const evd = new EigenvalueDecomposition(block, { assumeSymmetric: false });
  const re = evd.realEigenvalues, im = evd.imaginaryEigenvalues, z = evd.eigenvectorMatrix;
  const out: Ritz[] = [];
  for (let i = 0; i < m; i++) {
    const x = re[i] ?? outOfRange(), y = im[i] ?? outOfRange();
    // a pair's vector is column c ± i column c + 1, c the member with im > 0 (first of the pair)
    const cols = y === 0 ? [i] : y > 0 ? [i, i + 1] : [i - 1, i];
    let last = 0, len = 0;
    for (const c of cols) {
      last = Math.hypot(last, z.get(m - 1, c));
      for (let r = 0; r < m; r++) len = Math.hypot(len, z.get(r, c));
    }
    out.push({ re: x, im: y, residual: len > 0 ? (beta * last) / len : Infinity });
  }
  // by magnitude descending; a pair stays adjacent, the member with im > 0 first
  return out.sort((a, b) => Math.hypot(b.re, b.im) - Math.hypot(a.re, a.im) || a.re - b.re || b.im - a.im);
}

/** How many of the sorted values to keep so that no conjugate pair is split (grows by one, or shrinks by one past the limit). */
function unsplit(values: readonly Ritz[], count: number, limit: number): number {
  const last = values[count - 1], next = values[count];
  if (last === undefined || next === undefined || last.im === 0 || last.im < 0) return count;
  // last is the first member of a pair whose partner is next
  return count + 1 <= limit ? count + 1 : count - 1;
}

/**
 * The `wanted` eigenvalues of largest magnitude of the operator `apply` (see the module comment),
 * from the start vector `start` (any vector of the space the operator acts on, not all zero).
 * `apply` must return a new vector of the same length and must not keep its argument.
 */
export function arnoldiLargest(apply: (x: Float64Array) => Float64Array, start: Float64Array, options: ArnoldiOptions): ArnoldiResult {
  const n = start.length;
  const dimension = Math.min(options.dimension ?? n, n);
  const tol = options.tolerance ?? 1e-11, maxRestarts = options.maxRestarts ?? 300;
  const m = Math.min(dimension, Math.max(options.basisSize ?? 0, 2 * options.wanted + 1, options.wanted + 16));
  const wanted = Math.min(options.wanted, m);
  if (wanted <= 0 || m === 0) return { re: [], im: [], residual: [], converged: true, restarts: 0, applications: 0 };
  const V: Float64Array[] = [];
  const H: Dense = Array.from({ length: m + 1 }, () => new Array<number>(m).fill(0));
  const norm0 = norm(start);
  if (!(norm0 > 0) || !Number.isFinite(norm0)) throw new RangeError("arnoldiLargest: the start vector must be finite and not zero");
  V.push(start.map((x) => x / norm0));
  let p = 0, restarts = 0, applications = 0;
  for (;;) {
    // extend the Arnoldi relation from step p to m (or to an invariant subspace)
    let size = m, invariant = false;
    for (let j = p; j < m; j++) {
      const w = apply(V[j] ?? outOfRange());
      applications++;
      const before = norm(w);
      // classical Gram–Schmidt against the basis so far, repeated when the norm fell below 1/√2 of
      // what it was (DGKS: Daniel, Gragg, Kaufman & Stewart, Math. Comp. 30 (1976) 772)
      const column = new Float64Array(j + 1);
      for (let pass = 0, size = before; pass < 2; pass++) {
        for (let r = 0; r <= j; r++) column[r] = dot(V[r] ?? outOfRange(), w);
        for (let r = 0; r <= j; r++) {
          const v = V[r] ?? outOfRange(), c = column[r] ?? outOfRange();
          for (let i = 0; i < n; i++) w[i] = (w[i] ?? outOfRange()) - c * (v[i] ?? outOfRange());
          (H[r] ?? outOfRange())[j] = (H[r]?.[j] ?? outOfRange()) + c;
        }
        const after = norm(w);
        if (after > Math.SQRT1_2 * size) break;
        size = after;
      }
      const beta = norm(w);
      if (!(beta > 1e-12 * before) || j + 1 === dimension) {
        // A V_{j+1} = V_{j+1} H_{j+1}: the Ritz values are eigenvalues
        (H[j + 1] ?? outOfRange())[j] = 0;
        size = j + 1, invariant = true;
        break;
      }
      (H[j + 1] ?? outOfRange())[j] = beta;
      for (let i = 0; i < n; i++) w[i] = (w[i] ?? outOfRange()) / beta;
      V[j + 1] = w;
    }
    const beta = invariant ? 0 : H[m]?.[m - 1] ?? outOfRange();
    const values = ritz(H, size, beta);
    const k = unsplit(values, Math.min(wanted, size), size);
    const top = values.slice(0, k);
    const done = top.every((v) => v.residual <= tol * Math.hypot(v.re, v.im));
    if (invariant || done || restarts >= maxRestarts) {
      const scale = top.map((v) => Math.hypot(v.re, v.im) || 1);
      return { re: top.map((v) => v.re), im: top.map((v) => v.im), residual: top.map((v, i) => v.residual / (scale[i] ?? 1)), converged: invariant || done, restarts, applications };
    }
    // keep k plus up to half the rest (more when some wanted values have converged: ARPACK's rule)
    const convergedCount = top.filter((v) => v.residual <= tol * Math.hypot(v.re, v.im)).length;
    const keep = unsplit(values, Math.min(m - 1, k + Math.min(convergedCount, Math.floor((m - k) / 2))), m - 1);
    let h: Dense = H.slice(0, m).map((r) => r.slice());
    let q = eye(m);
    for (let s = keep; s < m; s++) {
      const mu = values[s] ?? outOfRange();
      let shifted: Dense;
      if (mu.im === 0) shifted = h.map((r, i) => r.map((x, c) => (i === c ? x - mu.re : x)));
      else {
        // (H − μ)(H − μ̄) = H² − 2 Re μ H + |μ|² I, real; the partner (next) is consumed with it
        const h2 = multiply(h, h), a = 2 * mu.re, b = mu.re * mu.re + mu.im * mu.im;
        shifted = h2.map((r, i) => r.map((x, c) => x - a * (h[i]?.[c] ?? outOfRange()) + (i === c ? b : 0)));
        s++;
      }
      const qs = orthogonalFactor(shifted);
      h = multiply(multiply(transposeDense(qs), h), qs);
      // Hessenberg again up to rounding
      for (let i = 2; i < m; i++) for (let c = 0; c < i - 1; c++) (h[i] ?? outOfRange())[c] = 0;
      q = multiply(q, qs);
    }
    // V_p ← V_m Q_{:, :p}; f_p = (V_m Q)_{p+1} H_{p+1,p} + f Q_{m,p}
    const next: Float64Array[] = [];
    for (let c = 0; c <= keep; c++) {
      const x = new Float64Array(n);
      for (let r = 0; r < m; r++) {
        const qc = q[r]?.[c] ?? outOfRange();
        if (qc === 0) continue;
        const v = V[r] ?? outOfRange();
        for (let i = 0; i < n; i++) x[i] = (x[i] ?? outOfRange()) + qc * (v[i] ?? outOfRange());
      }
      next.push(x);
    }
    const f = next[keep] ?? outOfRange(), hk = h[keep]?.[keep - 1] ?? outOfRange(), sigma = (q[m - 1]?.[keep - 1] ?? outOfRange()) * beta, vm = V[m] ?? outOfRange();
    for (let i = 0; i < n; i++) f[i] = (f[i] ?? outOfRange()) * hk + sigma * (vm[i] ?? outOfRange());
    for (let r = 0; r <= m; r++) (H[r] ?? outOfRange()).fill(0);
    for (let r = 0; r < keep; r++) for (let c = 0; c < keep; c++) (H[r] ?? outOfRange())[c] = h[r]?.[c] ?? outOfRange();
    // f is orthogonal to V_p in exact arithmetic; once more against rounding, folding the part into H
    for (let r = 0; r < keep; r++) {
      const v = next[r] ?? outOfRange();
      const s = dot(v, f);
      for (let i = 0; i < n; i++) f[i] = (f[i] ?? outOfRange()) - s * (v[i] ?? outOfRange());
      (H[r] ?? outOfRange())[keep - 1] = (H[r]?.[keep - 1] ?? outOfRange()) + s;
    }
    const fn = norm(f);
    V.length = 0;
    for (let r = 0; r < keep; r++) V.push(next[r] ?? outOfRange());
    p = keep, restarts++;
    if (!(fn > 0)) {
      // the kept space is invariant: its Ritz values are exact
      const all = ritz(H, keep, 0), values2 = all.slice(0, unsplit(all, Math.min(wanted, keep), keep));
      return { re: values2.map((v) => v.re), im: values2.map((v) => v.im), residual: values2.map(() => 0), converged: true, restarts, applications };
    }
    (H[keep] ?? outOfRange())[keep - 1] = fn;
    for (let i = 0; i < n; i++) f[i] = (f[i] ?? outOfRange()) / fn;
    V.push(f);
  }
}

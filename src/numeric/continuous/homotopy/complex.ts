/**
 * Dense complex linear algebra on split storage (real and imaginary parts in separate
 * Float64Arrays, row-major), allocation-free: the tracker solves a small system at every
 * predictor stage and corrector iteration.
 */

/**
 * Solves A z = b by Gaussian elimination with partial pivoting, overwriting A with its factors
 * and b with z. Returns the ratio of the smallest to the largest pivot modulus (0 when A is
 * singular or not finite): a cheap singularity indicator, not a condition number.
 */
export function solveInPlace(N: number, are: Float64Array, aim: Float64Array, bre: Float64Array, bim: Float64Array): number {
  const piv = new Int32Array(N);
  const ratio = factorInPlace(N, are, aim, piv);
  if (ratio > 0) solveFactored(N, are, aim, piv, bre, bim);
  return ratio;
}

/** max_i |z_i| (the modulus, not the larger part). */
export function normInf(N: number, re: Float64Array, im: Float64Array): number {
  let m = 0;
  for (let i = 0; i < N; i++) m = Math.max(m, Math.hypot(re[i] as number, im[i] as number));
  return m;
}

/** max_i |a_i − b_i|. */
export function distInf(N: number, are: Float64Array, aim: Float64Array, bre: Float64Array, bim: Float64Array): number {
  let m = 0;
  for (let i = 0; i < N; i++) m = Math.max(m, Math.hypot((are[i] as number) - (bre[i] as number), (aim[i] as number) - (bim[i] as number)));
  return m;
}

/** The inverse of a small complex matrix (split storage), or null when singular. */
export function invert(N: number, are: Float64Array, aim: Float64Array): { re: Float64Array; im: Float64Array } | null {
  const re = new Float64Array(N * N), im = new Float64Array(N * N);
  const a = new Float64Array(N * N), b = new Float64Array(N * N), xr = new Float64Array(N), xi = new Float64Array(N);
  for (let j = 0; j < N; j++) {
    a.set(are); b.set(aim); xr.fill(0); xi.fill(0); xr[j] = 1;
    if (solveInPlace(N, a, b, xr, xi) === 0) return null;
    for (let i = 0; i < N; i++) { re[i * N + j] = xr[i] as number; im[i * N + j] = xi[i] as number; }
  }
  return { re, im };
}

/**
 * LU factors with partial pivoting, in place, kept for reuse (the corrector solves with the
 * factors of the last predictor stage). Returns the pivot ratio as solveInPlace does.
 */
export function factorInPlace(N: number, are: Float64Array, aim: Float64Array, piv: Int32Array): number {
  let minPivot = Infinity, maxPivot = 0;
  for (let k = 0; k < N; k++) {
    let p = k, best = -1;
    for (let i = k; i < N; i++) {
      const r = are[i * N + k] as number, s = aim[i * N + k] as number;
      const m = r * r + s * s;
      if (m > best) { best = m; p = i; }
    }
    if (!(best > 0) || !Number.isFinite(best)) return 0;
    piv[k] = p;
    if (p !== k) {
      for (let j = 0; j < N; j++) {
        const a = are[k * N + j] as number, b = aim[k * N + j] as number;
        are[k * N + j] = are[p * N + j] as number; aim[k * N + j] = aim[p * N + j] as number;
        are[p * N + j] = a; aim[p * N + j] = b;
      }
    }
    const pr = are[k * N + k] as number, pi = aim[k * N + k] as number;
    const mod = Math.sqrt(best);
    minPivot = Math.min(minPivot, mod); maxPivot = Math.max(maxPivot, mod);
    const ir = pr / best, ii = -pi / best;
    for (let i = k + 1; i < N; i++) {
      const ar = are[i * N + k] as number, ai = aim[i * N + k] as number;
      const lr = ar * ir - ai * ii, li = ar * ii + ai * ir;
      are[i * N + k] = lr; aim[i * N + k] = li;
      if (lr === 0 && li === 0) continue;
      for (let j = k + 1; j < N; j++) {
        const ur = are[k * N + j] as number, ui = aim[k * N + j] as number;
        are[i * N + j] = (are[i * N + j] as number) - (lr * ur - li * ui);
        aim[i * N + j] = (aim[i * N + j] as number) - (lr * ui + li * ur);
      }
    }
  }
  return maxPivot > 0 ? minPivot / maxPivot : 0;
}

/** Solves with factors from factorInPlace; b is overwritten with the solution. */
export function solveFactored(N: number, are: Float64Array, aim: Float64Array, piv: Int32Array, bre: Float64Array, bim: Float64Array): void {
  // The row swaps were applied to whole rows (L included), so P·A = L·U with the final P:
  // permute b completely first, then substitute.
  for (let k = 0; k < N; k++) {
    const p = piv[k] as number;
    if (p !== k) {
      const a = bre[k] as number, b = bim[k] as number;
      bre[k] = bre[p] as number; bim[k] = bim[p] as number;
      bre[p] = a; bim[p] = b;
    }
  }
  for (let k = 0; k < N; k++) {
    const br = bre[k] as number, bi = bim[k] as number;
    for (let i = k + 1; i < N; i++) {
      const lr = are[i * N + k] as number, li = aim[i * N + k] as number;
      bre[i] = (bre[i] as number) - (lr * br - li * bi);
      bim[i] = (bim[i] as number) - (lr * bi + li * br);
    }
  }
  for (let k = N - 1; k >= 0; k--) {
    let sr = bre[k] as number, si = bim[k] as number;
    for (let j = k + 1; j < N; j++) {
      const ur = are[k * N + j] as number, ui = aim[k * N + j] as number;
      const zr = bre[j] as number, zi = bim[j] as number;
      sr -= ur * zr - ui * zi;
      si -= ur * zi + ui * zr;
    }
    const pr = are[k * N + k] as number, pi = aim[k * N + k] as number;
    const m = pr * pr + pi * pi;
    bre[k] = (sr * pr + si * pi) / m;
    bim[k] = (si * pr - sr * pi) / m;
  }
}

/**
 * Small dense floating-point linear algebra for the nonlinear solvers: LU solves with partial
 * pivoting, matrix-vector products, and an orthonormal basis of a column space. Matrices are
 * arrays of rows. Nothing here knows about networks.
 */

/** A dense matrix as an array of rows. */
export type Matrix = number[][];

/** The rows × cols zero matrix. */
export function zeros(rows: number, cols: number): Matrix {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}

/** max_i |x_i| (0 for an empty vector): the infinity norm. */
export function maxAbs(x: readonly number[]): number {
  let m = 0;
  for (const v of x) m = Math.max(m, Math.abs(v));
  return m;
}

/** ‖x‖₂ = √(Σ x_i²), computed as m √(Σ (x_i/m)²) with m = max |x_i| so it neither overflows nor underflows. */
export function norm2(x: readonly number[]): number {
  const scale = maxAbs(x);
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (const v of x) s += (v / scale) ** 2;
  return scale * Math.sqrt(s);
}

/**
 * Solves A x = b by Gaussian elimination with partial pivoting (rows scaled by their largest
 * entry when choosing pivots). Returns null when A is singular to working precision.
 */
export function solveLinear(a: readonly (readonly number[])[], b: readonly number[]): number[] | null {
  const n = b.length;
  if (n === 0) return [];
  const m = a.map((row) => [...row]);
  const x = [...b];
  const rowScale = m.map((row) => maxAbs(row) || 1);
  const anorm = Math.max(...rowScale);
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = -1;
    for (let i = k; i < n; i++) {
      const v = Math.abs(m[i]![k]!) / rowScale[i]!;
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (!(Math.abs(m[p]![k]!) > 1e-14 * anorm)) return null;
    if (p !== k) {
      [m[p], m[k]] = [m[k]!, m[p]!];
      [x[p], x[k]] = [x[k]!, x[p]!];
      [rowScale[p], rowScale[k]] = [rowScale[k]!, rowScale[p]!];
    }
    const rk = m[k]!;
    const pivot = rk[k]!;
    for (let i = k + 1; i < n; i++) {
      const ri = m[i]!;
      const f = ri[k]! / pivot;
      if (f === 0) continue;
      for (let j = k; j < n; j++) ri[j] = ri[j]! - f * rk[j]!;
      x[i] = x[i]! - f * x[k]!;
    }
  }
  for (let k = n - 1; k >= 0; k--) {
    const rk = m[k]!;
    let s = x[k]!;
    for (let j = k + 1; j < n; j++) s -= rk[j]! * x[j]!;
    x[k] = s / rk[k]!;
  }
  return x.every(Number.isFinite) ? x : null;
}

/**
 * An orthonormal basis (as columns of an n × r matrix, returned as r vectors) of the span of
 * the given vectors, by modified Gram–Schmidt with pivoting on the largest remaining norm.
 * `rank` caps the number of vectors kept (pass the exactly known rank when there is one).
 */
export function orthonormalBasis(vectors: readonly (readonly number[])[], rank: number): number[][] {
  const work = vectors.map((v) => [...v]);
  const basis: number[][] = [];
  const original = Math.max(1e-300, ...work.map(norm2));
  while (basis.length < rank && work.length > 0) {
    let best = -1;
    let bestNorm = 0;
    work.forEach((v, i) => {
      const n = norm2(v);
      if (n > bestNorm) {
        bestNorm = n;
        best = i;
      }
    });
    if (best < 0 || bestNorm <= 1e-12 * original) break;
    const q = work[best]!.map((v) => v / bestNorm);
    // Re-orthogonalise once against the kept basis for accuracy.
    for (const b of basis) {
      const d = dot(q, b);
      for (let i = 0; i < q.length; i++) q[i] = q[i]! - d * b[i]!;
    }
    const qn = norm2(q);
    for (let i = 0; i < q.length; i++) q[i] = q[i]! / qn;
    basis.push(q);
    work.splice(best, 1);
    for (const v of work) {
      const d = dot(v, q);
      for (let i = 0; i < v.length; i++) v[i] = v[i]! - d * q[i]!;
    }
  }
  return basis;
}

/** Σ a_i b_i over the indices of a (b at least as long). */
export function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/**
 * Exact integer linear algebra over BigInt, fraction-free: rank, the reduced row echelon form,
 * and integer kernel bases in fundamental (chord) form. Nothing here knows about networks.
 *
 * Rows are kept sparse (sorted column indices with BigInt values) and fully reduced as they are
 * inserted one at a time (incremental Gauss–Jordan). Every stored row is primitive (the gcd of
 * its entries is 1) with a positive pivot, which keeps entries as small as elimination allows.
 */
import { fastEchelon, fastKernel } from "./integer-matrix-fast.js";
import { rational, type Rational } from "./rational.js";
import type { Echelon, IntRows, SparseRow } from "./types.js";

export type { Echelon, IntRows, SparseRow } from "./types.js";

/** |a|. */
export function abs(a: bigint): bigint {
  return a < 0n ? -a : a;
}

/** The greatest common divisor of |a| and |b| (gcd(0, 0) = 0). */
export function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** The least common multiple of |a| and |b| (0 when either is 0). */
export function lcm(a: bigint, b: bigint): bigint {
  return a === 0n || b === 0n ? 0n : abs((a / gcd(a, b)) * b);
}

/** The non-zero entries of a dense row. */
export function sparse(row: readonly bigint[]): SparseRow {
  const idx: number[] = [], val: bigint[] = [];
  for (let j = 0; j < row.length; j++) {
    const v = row[j]!;
    if (v !== 0n) {
      idx.push(j);
      val.push(v);
    }
  }
  return { idx, val };
}

/** Divides a vector by the gcd of its entries (in place); returns it. */
export function makePrimitive(v: bigint[]): bigint[] {
  let g = 0n;
  for (const x of v) if (x !== 0n && (g = gcd(g, x)) === 1n) return v;
  if (g > 1n) for (let i = 0; i < v.length; i++) v[i] = v[i]! / g;
  return v;
}

function entryAt(row: SparseRow, col: number): bigint {
  const { idx } = row;
  let lo = 0, hi = idx.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1, c = idx[mid]!;
    if (c === col) return row.val[mid]!;
    if (c < col) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0n;
}

/** a·x − b·y, merged over the union of supports, zeros dropped. */
function combine(a: bigint, x: SparseRow, b: bigint, y: SparseRow): SparseRow {
  const idx: number[] = [], val: bigint[] = [];
  let i = 0, j = 0;
  const nx = x.idx.length, ny = y.idx.length;
  while (i < nx || j < ny) {
    const cx = i < nx ? x.idx[i]! : Infinity, cy = j < ny ? y.idx[j]! : Infinity;
    let v: bigint, c: number;
    if (cx === cy) {
      c = cx;
      v = a * x.val[i++]! - b * y.val[j++]!;
    } else if (cx < cy) {
      c = cx;
      v = a * x.val[i++]!;
    } else {
      c = cy;
      v = -b * y.val[j++]!;
    }
    if (v !== 0n) {
      idx.push(c);
      val.push(v);
    }
  }
  return { idx, val };
}

function primitiveRow(r: SparseRow, pivotCol: number): SparseRow {
  makePrimitive(r.val);
  if (entryAt(r, pivotCol) < 0n) for (let k = 0; k < r.val.length; k++) r.val[k] = -r.val[k]!;
  return r;
}

/** Picks the pivot of a new row: the entry of least magnitude, the first column on ties. */
function choosePivot(r: SparseRow): number {
  let best = 0;
  let bestAbs = abs(r.val[0]!);
  for (let k = 1; k < r.val.length && bestAbs > 1n; k++) {
    const a = abs(r.val[k]!);
    if (a < bestAbs) {
      best = k;
      bestAbs = a;
    }
  }
  return r.idx[best]!;
}

/**
 * Incremental fraction-free Gauss–Jordan: rows are inserted one at a time into a reduced echelon
 * form. `insert` says whether the row was independent of those before it.
 */
export class EchelonBuilder {
  readonly rows: SparseRow[] = [];
  readonly pivots: number[] = [];
  private readonly pivotRowOf: Int32Array;
  constructor(readonly ncols: number) {
    this.pivotRowOf = new Int32Array(ncols).fill(-1);
  }

  /** A builder that continues from an echelon form already computed. */
  static from(e: Echelon): EchelonBuilder {
    const b = new EchelonBuilder(e.ncols);
    e.rows.forEach((r, i) => {
      b.rows.push({ idx: [...r.idx], val: [...r.val] });
      b.pivots.push(e.pivots[i]!);
      b.pivotRowOf[e.pivots[i]!] = i;
    });
    return b;
  }

  insert(input: readonly bigint[] | SparseRow): boolean {
    const out = this.rows;
    let r: SparseRow = isSparse(input) ? { idx: [...input.idx], val: [...input.val] } : sparse(input);
    // Eliminate every pivot column present in r; rows are reduced, so no new pivot entries appear.
    const hits: number[] = [];
    for (const c of r.idx) if (this.pivotRowOf[c]! >= 0) hits.push(c);
    for (const c of hits) {
      const p = out[this.pivotRowOf[c]!]!;
      const a = entryAt(r, c);
      if (a === 0n) continue;
      const pv = entryAt(p, c);
      const g = gcd(pv, a);
      r = combine(pv / g, r, a / g, p);
    }
    if (r.idx.length === 0) return false;
    const c = choosePivot(r);
    r = primitiveRow(r, c);
    const pv = entryAt(r, c);
    for (let k = 0; k < out.length; k++) {
      const q = out[k]!;
      const a = entryAt(q, c);
      if (a === 0n) continue;
      const g = gcd(pv, a);
      out[k] = primitiveRow(combine(pv / g, q, a / g, r), this.pivots[k]!);
    }
    this.pivotRowOf[c] = out.length;
    out.push(r);
    this.pivots.push(c);
    return true;
  }

  get echelon(): Echelon {
    return { ncols: this.ncols, rows: this.rows, pivots: this.pivots };
  }
}

/**
 * The reduced echelon form of `rows` (each of length `ncols`), exactly, by fraction-free
 * Gauss–Jordan. Cost grows with fill-in, not with ncols × nrows.
 */
export function reducedEchelon(rows: IntRows | readonly SparseRow[], ncols: number): Echelon {
  const sparseRows = rows.map((r) => (isSparse(r) ? r : sparse(r)));
  const fast = fastEchelon(sparseRows, ncols);
  if (fast !== null) return fast;
  const b = new EchelonBuilder(ncols);
  for (const r of sparseRows) b.insert(r);
  return b.echelon;
}

function isSparse(x: readonly bigint[] | SparseRow): x is SparseRow {
  return !Array.isArray(x);
}

/** The rank of an integer matrix, exactly. */
export function rank(rows: IntRows, ncols: number): number {
  return reducedEchelon(rows, ncols).pivots.length;
}

/**
 * The reduced row echelon form over the rationals: pivots equal to 1, pivot columns otherwise 0,
 * rows ordered by pivot column. Dense; for small matrices and display.
 */
export function rref(rows: IntRows, ncols: number): { rows: Rational[][]; pivots: number[] } {
  const e = reducedEchelon(rows, ncols);
  const order = e.pivots.map((c, i) => [c, i] as const).sort((a, b) => a[0] - b[0]);
  const out = order.map(([c, i]) => {
    const r = e.rows[i]!;
    const pv = entryAt(r, c);
    const dense: Rational[] = Array.from({ length: ncols }, () => rational(0n));
    r.idx.forEach((j, k) => (dense[j] = rational(r.val[k]!, pv)));
    return dense;
  });
  return { rows: out, pivots: order.map(([c]) => c) };
}

/** The transpose of a dense integer matrix with `ncols` columns. */
export function transpose(rows: IntRows, ncols: number): bigint[][] {
  return Array.from({ length: ncols }, (_, j) => rows.map((r) => r[j]!));
}

/**
 * An integer basis of the kernel {x : M x = 0} in fundamental (chord) form. For every free
 * (non-pivot) column j, `vectors` holds one primitive vector with entry d_j > 0 at j and 0 at every
 * other free column, so any kernel vector J is Σ_j (J_j / d_j) · vectors[j].
 *
 * Example: M = [[1, -1, 0], [0, 1, -1]] (A→B, B→C as columns of S would be the transpose)
 *   fundamentalKernel([[1n, -1n, 0n], [0n, 1n, -1n]], 3)
 *   // { vectors: [[1n, 1n, 1n]], free: [2] }
 */
export function fundamentalKernel(rows: IntRows, ncols: number): { vectors: bigint[][]; free: number[] } {
  return kernelOfEchelon(reducedEchelon(rows, ncols));
}

/** The fundamental kernel basis read off a reduced echelon form. */
export function kernelOfEchelon(e: Echelon): { vectors: bigint[][]; free: number[] } {
  return fastKernel(e) ?? exactKernel(e);
}

function exactKernel(e: Echelon): { vectors: bigint[][]; free: number[] } {
  const isPivot = new Uint8Array(e.ncols);
  for (const c of e.pivots) isPivot[c] = 1;
  // Column j → the rows with a non-zero entry there.
  const byCol: { row: number; value: bigint }[][] = Array.from({ length: e.ncols }, () => []);
  e.rows.forEach((r, i) => r.idx.forEach((j, k) => byCol[j]!.push({ row: i, value: r.val[k]! })));
  const vectors: bigint[][] = [];
  const free: number[] = [];
  for (let j = 0; j < e.ncols; j++) {
    if (isPivot[j]) continue;
    let scale = 1n;
    for (const { row } of byCol[j]!) scale = lcm(scale, entryAt(e.rows[row]!, e.pivots[row]!));
    const v = new Array<bigint>(e.ncols).fill(0n);
    v[j] = scale;
    for (const { row, value } of byCol[j]!) {
      const c = e.pivots[row]!;
      v[c] = (-scale * value) / entryAt(e.rows[row]!, c);
    }
    vectors.push(makePrimitive(v));
    free.push(j);
  }
  return { vectors, free };
}

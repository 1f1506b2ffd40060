/**
 * The fast path of `integer-matrix.ts`: the same fraction-free Gauss–Jordan and fundamental
 * kernel in double-precision integers, exact as long as every intermediate product stays below
 * 2^53. Each operation checks that bound first and gives up (returns null) before it could round;
 * the caller then redoes the work in BigInt. Results are identical to the BigInt path.
 */
import type { Echelon, SparseRow } from "./types.js";

const LIMIT = 2 ** 53;

interface Row {
  idx: number[];
  val: number[];
  max: number;
}

class Overflow extends Error {}

function gcdN(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function entry(row: Row, col: number): number {
  const { idx } = row;
  let lo = 0, hi = idx.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1, c = idx[mid]!;
    if (c === col) return row.val[mid]!;
    if (c < col) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** a·x − b·y; throws Overflow when a product could leave the exact range. */
function combine(a: number, x: Row, b: number, y: Row): Row {
  if (Math.abs(a) * x.max + Math.abs(b) * y.max >= LIMIT) throw new Overflow();
  const idx: number[] = [], val: number[] = [];
  let i = 0, j = 0, max = 0;
  const nx = x.idx.length, ny = y.idx.length;
  while (i < nx || j < ny) {
    const cx = i < nx ? x.idx[i]! : Infinity, cy = j < ny ? y.idx[j]! : Infinity;
    let v: number, c: number;
    if (cx === cy) { c = cx; v = a * x.val[i++]! - b * y.val[j++]!; }
    else if (cx < cy) { c = cx; v = a * x.val[i++]!; }
    else { c = cy; v = -b * y.val[j++]!; }
    if (v !== 0) {
      idx.push(c);
      val.push(v);
      const av = v < 0 ? -v : v;
      if (av > max) max = av;
    }
  }
  return { idx, val, max };
}

function primitive(r: Row, pivotCol: number): Row {
  let g = 0;
  for (const v of r.val) if ((g = gcdN(g, v)) === 1) break;
  const s = entry(r, pivotCol) < 0 ? -1 : 1;
  if (g > 1 || s < 0) {
    const d = g * s;
    for (let k = 0; k < r.val.length; k++) r.val[k] = r.val[k]! / d;
    r.max /= g;
  }
  return r;
}

/**
 * The reduced echelon form in doubles, or null when an entry would exceed 2^53.
 *
 * Forward elimination first (each new row cleared of the earlier rows' pivots, earliest first,
 * since clearing one may bring in a later one), then one backward pass from the last row up, each
 * row cleared of the later rows' pivots with rows already reduced. The reduced form is unique and
 * so are its primitive rows, so this is the form Gauss–Jordan gives, with no back-elimination per
 * row: a chain's n rows cost O(n), not the O(n²) of clearing every earlier row at each pivot.
 */
export function fastEchelon(rows: readonly SparseRow[], ncols: number): Echelon | null {
  try {
    const out: Row[] = [];
    const pivots: number[] = [];
    const pivotRowOf = new Int32Array(ncols).fill(-1);
    for (const input of rows) {
      let r: Row = { idx: [...input.idx], val: input.val.map(Number), max: 0 };
      for (const v of r.val) {
        if (Math.abs(v) >= LIMIT) throw new Overflow();
        r.max = Math.max(r.max, Math.abs(v));
      }
      // clear the earlier pivots, earliest row first: row p holds no pivot of a row before it
      for (let p = firstPivotRow(r, pivotRowOf, -1); p >= 0; p = firstPivotRow(r, pivotRowOf, p)) {
        const q = out[p]!, c = pivots[p]!;
        const a = entry(r, c), pv = entry(q, c);
        const g = gcdN(pv, a);
        r = combine(pv / g, r, a / g, q);
      }
      if (r.idx.length === 0) continue;
      let best = 0;
      for (let k = 1; k < r.val.length && Math.abs(r.val[best]!) > 1; k++) if (Math.abs(r.val[k]!) < Math.abs(r.val[best]!)) best = k;
      const c = r.idx[best]!;
      r = primitive(r, c);
      pivotRowOf[c] = out.length;
      out.push(r);
      pivots.push(c);
    }
    // backward: rows after k are reduced, so clearing their pivots from row k brings in none
    for (let k = out.length - 2; k >= 0; k--) {
      let r = out[k]!;
      const later = r.idx.filter((c) => pivotRowOf[c]! > k);
      if (later.length === 0) continue;
      for (const c of later) {
        const q = out[pivotRowOf[c]!]!;
        const a = entry(r, c), qv = entry(q, c);
        const g = gcdN(qv, a);
        r = combine(qv / g, r, a / g, q);
      }
      out[k] = primitive(r, pivots[k]!);
    }
    return { ncols, rows: out.map((r) => ({ idx: r.idx, val: r.val.map(BigInt) })), pivots };
  } catch (e) {
    if (e instanceof Overflow) return null;
    throw e;
  }
}

/** The earliest row after `after` whose pivot column `r` holds, or −1. */
function firstPivotRow(r: Row, pivotRowOf: Int32Array, after: number): number {
  let best = -1;
  for (const c of r.idx) {
    const p = pivotRowOf[c]!;
    if (p > after && (best < 0 || p < best)) best = p;
  }
  return best;
}

/** The fundamental kernel (see `kernelOfEchelon`) in doubles, or null when it would overflow. */
export function fastKernel(e: Echelon): { vectors: bigint[][]; free: number[] } | null {
  const rows = e.rows.map((r) => ({ idx: r.idx, val: r.val.map(Number) }));
  const pivotValue = rows.map((r, i) => entry({ ...r, max: 0 }, e.pivots[i]!));
  if (pivotValue.some((v) => !(Math.abs(v) < LIMIT))) return null;
  const isPivot = new Uint8Array(e.ncols);
  for (const c of e.pivots) isPivot[c] = 1;
  const byColRow: number[][] = Array.from({ length: e.ncols }, () => []);
  const byColVal: number[][] = Array.from({ length: e.ncols }, () => []);
  rows.forEach((r, i) => r.idx.forEach((j, k) => { byColRow[j]!.push(i); byColVal[j]!.push(r.val[k]!); }));
  const vectors: bigint[][] = [];
  const free: number[] = [];
  for (let j = 0; j < e.ncols; j++) {
    if (isPivot[j]) continue;
    let scale = 1;
    for (const i of byColRow[j]!) {
      const pv = pivotValue[i]!;
      scale = (scale / gcdN(scale, pv)) * pv;
      if (scale >= LIMIT) return null;
    }
    const entries: [number, number][] = [[j, scale]];
    let g = scale;
    byColRow[j]!.forEach((i, k) => {
      const x = (scale / pivotValue[i]!) * byColVal[j]![k]!;
      entries.push([e.pivots[i]!, -x]);
      g = gcdN(g, x);
    });
    for (const [, x] of entries) if (Math.abs(x) >= LIMIT) return null;
    const v = new Array<bigint>(e.ncols).fill(0n);
    for (const [c, x] of entries) v[c] = BigInt(x / g);
    vectors.push(v);
    free.push(j);
  }
  return { vectors, free };
}

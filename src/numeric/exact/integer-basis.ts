/**
 * Readable integer kernel bases: small entries, non-negative where the kernel allows it.
 *
 * 1. The extreme rays of the cone {x ≥ 0 : M x = 0} by the double description method (the
 *    semi-positive conservation laws or elementary modes), for small sizes within a work budget.
 * 2. A basis is picked greedily from those rays, fewest non-zeros and smallest entries first.
 * 3. The fundamental (chord) basis completes it; completion vectors are size-reduced
 *    (b ← b − round(⟨b,a⟩/⟨a,a⟩)·a while the norm drops, a cheap relative of LLL), made primitive,
 *    and signed so that most entries are positive.
 */
import { abs, EchelonBuilder, gcd, kernelOfEchelon, makePrimitive, reducedEchelon, type Echelon, type IntRows, type SparseRow } from "./integer-matrix.js";

export interface BasisOptions {
  /** Largest number of unknowns for which extreme rays are tried (default 200). */
  readonly maxRayColumns?: number;
  /** Largest number of intermediate rays (default 2000). */
  readonly maxRays?: number;
  /** Budget of elementary operations for the ray enumeration and the size reduction (default 1e7). */
  readonly maxWork?: number;
  /** Size reduction runs only when dim² × columns is at most this (default 5e6). */
  readonly maxReduceWork?: number;
}

export interface ReadableBasis {
  readonly vectors: bigint[][];
  /** How many of `vectors` (the first ones) are non-negative extreme rays. */
  readonly nonNegative: number;
  /** True when the rays were enumerated completely (within budget). */
  readonly raysComplete: boolean;
  /** The fundamental (chord) basis it started from. */
  readonly fundamental: bigint[][];
}

/**
 * An integer basis of {x : M x = 0} with small entries, non-negative vectors first where the
 * non-negative cone spans part of the kernel.
 *
 * Example: M = [[1, -1]] (the transpose of S for A ⇌ B): readableKernel → [[1n, 1n]] (A + B).
 */
export function readableKernel(rows: IntRows | readonly SparseRow[], ncols: number, options: BasisOptions = {}): ReadableBasis {
  return readableKernelOfEchelon(reducedEchelon(rows, ncols), options);
}

/** As `readableKernel`, from an echelon form already computed. */
export function readableKernelOfEchelon(echelon: Echelon, options: BasisOptions = {}): ReadableBasis {
  const ncols = echelon.ncols;
  const { vectors: fundamental } = kernelOfEchelon(echelon);
  const dim = fundamental.length;
  if (dim === 0) return { vectors: [], nonNegative: 0, raysComplete: true, fundamental };
  const budget = { work: options.maxWork ?? 1e7 };
  const rays = ncols <= (options.maxRayColumns ?? 200) ? extremeRays(echelon.rows, ncols, options.maxRays ?? 2000, budget) : null;

  const chosen: bigint[][] = [];
  const span = new EchelonBuilder(ncols);
  for (const r of byReadability(rays ?? [])) {
    if (chosen.length === dim) break;
    if (span.insert(r)) chosen.push(r);
  }
  const nonNegative = chosen.length;
  let completion: bigint[][] = [];
  // copies: the completion is size-reduced and re-signed in place, `fundamental` must keep chord form
  if (chosen.length === 0) completion = fundamental.map((v) => [...v]);
  else {
    for (const f of byReadability(fundamental)) {
      if (chosen.length + completion.length === dim) break;
      if (span.insert(f)) completion.push(f);
    }
  }
  if (dim * dim * ncols <= (options.maxReduceWork ?? 5e6)) sizeReduce(completion, chosen, budget);
  for (const v of completion) orient(makePrimitive(v));
  return { vectors: [...chosen, ...byReadability(completion)], nonNegative, raysComplete: rays !== null, fundamental };
}

/** Sorted copy: fewer non-zeros first, then smaller largest entry, then earlier first non-zero. */
function byReadability(vectors: readonly bigint[][]): bigint[][] {
  const keyed = vectors.map((v) => ({ v, s: support(v), m: maxAbs(v), f: firstNonZero(v) }));
  keyed.sort((a, b) => a.s - b.s || (a.m < b.m ? -1 : a.m > b.m ? 1 : 0) || a.f - b.f);
  return keyed.map((k) => k.v);
}

const support = (v: readonly bigint[]): number => v.reduce((n, x) => n + (x !== 0n ? 1 : 0), 0);
const maxAbs = (v: readonly bigint[]): bigint => v.reduce((m, x) => (abs(x) > m ? abs(x) : m), 0n);
const firstNonZero = (v: readonly bigint[]): number => v.findIndex((x) => x !== 0n);

/** Flips v so that it has more positive than negative entries (the first non-zero decides ties). */
function orient(v: bigint[]): void {
  let pos = 0, neg = 0;
  for (const x of v) x > 0n ? pos++ : x < 0n ? neg++ : 0;
  const first = v[firstNonZero(v)] ?? 0n;
  if (neg > pos || (neg === pos && first < 0n)) for (let i = 0; i < v.length; i++) v[i] = -v[i]!;
}

/** Pairwise size reduction of `targets` against every basis vector, within the work budget. */
function sizeReduce(targets: bigint[][], fixed: readonly bigint[][], budget: { work: number }): void {
  const n = targets[0]?.length ?? 0;
  for (let pass = 0; pass < 8; pass++) {
    let changed = false;
    for (let i = 0; i < targets.length; i++) {
      for (let j = 0; j < fixed.length + targets.length; j++) {
        if (j === fixed.length + i) continue;
        const a = j < fixed.length ? fixed[j]! : targets[j - fixed.length]!;
        const b = targets[i]!;
        if ((budget.work -= 2 * n) < 0) return;
        const aa = dot(a, a), ab = dot(a, b);
        if (aa === 0n) continue;
        // q = round(ab / aa)
        const q = (2n * ab + (ab >= 0n ? aa : -aa)) / (2n * aa);
        if (q === 0n) continue;
        const next = b.map((x, k) => x - q * a[k]!);
        if (dot(next, next) < dot(b, b)) {
          targets[i] = next;
          changed = true;
        }
      }
    }
    if (!changed) return;
  }
}

function dot(a: readonly bigint[], b: readonly bigint[]): bigint {
  let s = 0n;
  for (let k = 0; k < a.length; k++) if (a[k] !== 0n && b[k] !== 0n) s += a[k]! * b[k]!;
  return s;
}

/**
 * Extreme rays of {x ≥ 0 : R x = 0} by the double description method, one constraint row at a
 * time from the unit vectors, keeping a combination of a positive and a negative ray only when no
 * third ray's support lies inside the union of theirs (the combinatorial adjacency test).
 * Returns null when the ray count or the work budget is exceeded.
 */
export function extremeRays(constraints: readonly SparseRow[], n: number, maxRays: number, budget: { work: number }): bigint[][] | null {
  const words = (n + 31) >>> 5;
  interface Ray { v: bigint[]; sup: Uint32Array }
  const supOf = (v: readonly bigint[]): Uint32Array => {
    const s = new Uint32Array(words);
    v.forEach((x, i) => { if (x !== 0n) s[i >>> 5]! |= 1 << (i & 31); });
    return s;
  };
  let rays: Ray[] = Array.from({ length: n }, (_, i) => {
    const v = new Array<bigint>(n).fill(0n);
    v[i] = 1n;
    return { v, sup: supOf(v) };
  });
  for (const row of constraints) {
    const s = rays.map((r) => row.idx.reduce((acc, j, k) => acc + row.val[k]! * r.v[j]!, 0n));
    const zero: Ray[] = [], pos: number[] = [], neg: number[] = [];
    s.forEach((x, i) => (x === 0n ? zero.push(rays[i]!) : x > 0n ? pos.push(i) : neg.push(i)));
    const next = zero;
    const union = new Uint32Array(words);
    for (const p of pos) {
      for (const q of neg) {
        const rp = rays[p]!, rq = rays[q]!;
        for (let w = 0; w < words; w++) union[w] = rp.sup[w]! | rq.sup[w]!;
        if ((budget.work -= rays.length * words + 1) < 0) return null;
        if (!adjacent(rays, p, q, union, words)) continue;
        const a = abs(s[q]!), b = s[p]!;
        const v = rp.v.map((x, k) => a * x + b * rq.v[k]!);
        let g = 0n;
        for (const x of v) if (x !== 0n) g = gcd(g, x);
        const w = g > 1n ? v.map((x) => x / g) : v;
        next.push({ v: w, sup: supOf(w) });
        if (next.length > maxRays) return null;
      }
    }
    rays = next;
  }
  return rays.map((r) => r.v);
}

function adjacent(rays: readonly { sup: Uint32Array }[], p: number, q: number, union: Uint32Array, words: number): boolean {
  for (let k = 0; k < rays.length; k++) {
    if (k === p || k === q) continue;
    const s = rays[k]!.sup;
    let inside = true;
    for (let w = 0; w < words && inside; w++) if ((s[w]! & ~union[w]!) !== 0) inside = false;
    if (inside) return false;
  }
  return true;
}

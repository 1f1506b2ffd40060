/**
 * Compressed sparse rows for directed weighted graphs (Markov jump rates), and the patterns the
 * solvers need: the transpose (in-edges) and the symmetrised adjacency (for orderings).
 * Plain typed arrays, no objects per entry, so 10^6 states and 10^7 edges fit in memory.
 */
import { outOfRange } from "../checked.js";

/** Row i holds the entries idx[ptr[i]..ptr[i+1]) with values val[...]. No duplicates. */
export interface Csr {
  readonly n: number;
  readonly ptr: Int32Array;
  readonly idx: Int32Array;
  readonly val: Float64Array;
}

/**
 * The matrix with entry (from[e], to[e]) += rate[e] for every kept edge e, duplicates summed,
 * self-loops and edges with `keep(e) === false` left out. Linear time (counting sort).
 */
export function csrFromEdges(
  n: number,
  from: Int32Array,
  to: Int32Array,
  rate: Float64Array,
  keep: (e: number) => boolean = () => true,
): Csr {
  const count = new Int32Array(n + 1);
  const m = from.length;
  for (let e = 0; e < m; e++) {
    const i = from[e] ?? outOfRange();
    if (i !== to[e] && keep(e)) count[i + 1] = (count[i + 1] ?? outOfRange()) + 1;
  }
  cumulate(count);
  const fill = count.slice(0, n);
  const rawIdx = new Int32Array(count[n] ?? outOfRange());
  const rawVal = new Float64Array(rawIdx.length);
  for (let e = 0; e < m; e++) {
    const i = from[e] ?? outOfRange(), j = to[e] ?? outOfRange();
    if (i === j || !keep(e)) continue;
    const p = fill[i] ?? outOfRange();
    fill[i] = p + 1;
    rawIdx[p] = j;
    rawVal[p] = rate[e] ?? outOfRange();
  }
  return dedupe(n, count, rawIdx, rawVal);
}

/** Counts to row pointers, in place: count[i + 1] (entries of row i) becomes Σ_{r ≤ i} count[r + 1]. */
function cumulate(count: Int32Array): void {
  let run = 0;
  for (let i = 0; i < count.length; i++) {
    run += count[i] ?? outOfRange();
    count[i] = run;
  }
}

/** Sums duplicate column entries within each row (first occurrence keeps its place). */
function dedupe(n: number, ptr: Int32Array, idx: Int32Array, val: Float64Array): Csr {
  const seen = new Int32Array(n).fill(-1);
  const outPtr = new Int32Array(n + 1);
  let w = 0;
  for (let i = 0, end = ptr[0] ?? outOfRange(); i < n; i++) {
    const rowStart = w;
    const begin = end;
    end = ptr[i + 1] ?? outOfRange();
    for (let p = begin; p < end; p++) {
      const j = idx[p] ?? outOfRange(), v = val[p] ?? outOfRange();
      const at = seen[j] ?? outOfRange();
      if (at >= rowStart) {
        val[at] = (val[at] ?? outOfRange()) + v;
      } else {
        seen[j] = w;
        idx[w] = j;
        val[w] = v;
        w++;
      }
    }
    outPtr[i + 1] = w;
  }
  return { n, ptr: outPtr, idx: idx.slice(0, w), val: val.slice(0, w) };
}

/** The transpose: row j lists the entries (i, j) of `a`. */
export function transpose(a: Csr): Csr {
  const { n, ptr, idx, val } = a;
  const count = new Int32Array(n + 1);
  for (let p = 0; p < idx.length; p++) {
    const j = idx[p] ?? outOfRange();
    count[j + 1] = (count[j + 1] ?? outOfRange()) + 1;
  }
  cumulate(count);
  const fill = count.slice(0, n);
  const tIdx = new Int32Array(idx.length);
  const tVal = new Float64Array(idx.length);
  for (let i = 0, end = ptr[0] ?? outOfRange(); i < n; i++) {
    const begin = end;
    end = ptr[i + 1] ?? outOfRange();
    for (let p = begin; p < end; p++) {
      const j = idx[p] ?? outOfRange();
      const q = fill[j] ?? outOfRange();
      fill[j] = q + 1;
      tIdx[q] = i;
      tVal[q] = val[p] ?? outOfRange();
    }
  }
  return { n, ptr: count, idx: tIdx, val: tVal };
}

/** Undirected adjacency of a ∪ aᵀ without duplicates or self-loops: ptr/idx only. */
export function symmetricPattern(a: Csr): { ptr: Int32Array; idx: Int32Array } {
  const { n, ptr, idx } = a;
  const count = new Int32Array(n + 1);
  for (let i = 0, end = ptr[0] ?? outOfRange(); i < n; i++) {
    const begin = end;
    end = ptr[i + 1] ?? outOfRange();
    count[i + 1] = (count[i + 1] ?? outOfRange()) + end - begin;
    for (let p = begin; p < end; p++) {
      const j = idx[p] ?? outOfRange();
      count[j + 1] = (count[j + 1] ?? outOfRange()) + 1;
    }
  }
  cumulate(count);
  const fill = count.slice(0, n);
  const raw = new Int32Array(count[n] ?? outOfRange());
  for (let i = 0, end = ptr[0] ?? outOfRange(); i < n; i++) {
    const begin = end;
    end = ptr[i + 1] ?? outOfRange();
    for (let p = begin; p < end; p++) {
      const j = idx[p] ?? outOfRange();
      const fi = fill[i] ?? outOfRange(), fj = fill[j] ?? outOfRange();
      raw[fi] = j;
      fill[i] = fi + 1;
      raw[fj] = i;
      fill[j] = fj + 1;
    }
  }
  const d = dedupe(n, count, raw, new Float64Array(raw.length));
  return { ptr: d.ptr, idx: d.idx };
}

/** The submatrix on `vertices` (old indices, in local order), in local indices. */
export function restrict(a: Csr, vertices: Int32Array, local: Int32Array): Csr {
  // `local[v]` must be the position of v in `vertices`, and -1 for every other vertex.
  const k = vertices.length;
  const ptr = new Int32Array(k + 1);
  let c = 0;
  for (let r = 0; r < k; r++) {
    const v = vertices[r] ?? outOfRange();
    const end = a.ptr[v + 1] ?? outOfRange();
    for (let p = a.ptr[v] ?? outOfRange(); p < end; p++) if ((local[a.idx[p] ?? outOfRange()] ?? outOfRange()) >= 0) c++;
    ptr[r + 1] = c;
  }
  const idx = new Int32Array(c);
  const val = new Float64Array(c);
  let w = 0;
  for (let r = 0; r < k; r++) {
    const v = vertices[r] ?? outOfRange();
    const end = a.ptr[v + 1] ?? outOfRange();
    for (let p = a.ptr[v] ?? outOfRange(); p < end; p++) {
      const j = local[a.idx[p] ?? outOfRange()] ?? outOfRange();
      if (j >= 0) {
        idx[w] = j;
        val[w++] = a.val[p] ?? outOfRange();
      }
    }
  }
  return { n: k, ptr, idx, val };
}

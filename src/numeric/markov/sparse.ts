/**
 * Compressed sparse rows for directed weighted graphs (Markov jump rates), and the patterns the
 * solvers need: the transpose (in-edges) and the symmetrised adjacency (for orderings).
 * Plain typed arrays, no objects per entry, so 10^6 states and 10^7 edges fit in memory.
 */

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
  for (let e = 0; e < m; e++) if (from[e] !== to[e] && keep(e)) count[from[e] + 1]++;
  for (let i = 0; i < n; i++) count[i + 1] += count[i];
  const fill = count.slice(0, n);
  const rawIdx = new Int32Array(count[n]);
  const rawVal = new Float64Array(count[n]);
  for (let e = 0; e < m; e++) {
    if (from[e] === to[e] || !keep(e)) continue;
    const p = fill[from[e]]++;
    rawIdx[p] = to[e];
    rawVal[p] = rate[e];
  }
  return dedupe(n, count, rawIdx, rawVal);
}

/** Sums duplicate column entries within each row (first occurrence keeps its place). */
function dedupe(n: number, ptr: Int32Array, idx: Int32Array, val: Float64Array): Csr {
  const seen = new Int32Array(n).fill(-1);
  const outPtr = new Int32Array(n + 1);
  let w = 0;
  for (let i = 0; i < n; i++) {
    const rowStart = w;
    for (let p = ptr[i]; p < ptr[i + 1]; p++) {
      const j = idx[p];
      if (seen[j] >= rowStart) {
        val[seen[j]] += val[p];
      } else {
        seen[j] = w;
        idx[w] = j;
        val[w] = val[p];
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
  for (let p = 0; p < idx.length; p++) count[idx[p] + 1]++;
  for (let i = 0; i < n; i++) count[i + 1] += count[i];
  const fill = count.slice(0, n);
  const tIdx = new Int32Array(idx.length);
  const tVal = new Float64Array(idx.length);
  for (let i = 0; i < n; i++) {
    for (let p = ptr[i]; p < ptr[i + 1]; p++) {
      const q = fill[idx[p]]++;
      tIdx[q] = i;
      tVal[q] = val[p];
    }
  }
  return { n, ptr: count, idx: tIdx, val: tVal };
}

/** Undirected adjacency of a ∪ aᵀ without duplicates or self-loops: ptr/idx only. */
export function symmetricPattern(a: Csr): { ptr: Int32Array; idx: Int32Array } {
  const { n, ptr, idx } = a;
  const count = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    count[i + 1] += ptr[i + 1] - ptr[i];
    for (let p = ptr[i]; p < ptr[i + 1]; p++) count[idx[p] + 1]++;
  }
  for (let i = 0; i < n; i++) count[i + 1] += count[i];
  const fill = count.slice(0, n);
  const raw = new Int32Array(count[n]);
  for (let i = 0; i < n; i++) {
    for (let p = ptr[i]; p < ptr[i + 1]; p++) {
      raw[fill[i]++] = idx[p];
      raw[fill[idx[p]]++] = i;
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
  for (let r = 0; r < k; r++) {
    const v = vertices[r];
    let c = 0;
    for (let p = a.ptr[v]; p < a.ptr[v + 1]; p++) if (local[a.idx[p]] >= 0) c++;
    ptr[r + 1] = ptr[r] + c;
  }
  const idx = new Int32Array(ptr[k]);
  const val = new Float64Array(ptr[k]);
  for (let r = 0, w = 0; r < k; r++) {
    const v = vertices[r];
    for (let p = a.ptr[v]; p < a.ptr[v + 1]; p++) {
      const j = local[a.idx[p]];
      if (j >= 0) {
        idx[w] = j;
        val[w++] = a.val[p];
      }
    }
  }
  return { n: k, ptr, idx, val };
}

/**
 * The generator of a Markov network as a sparse matrix in compressed rows, the form both file
 * writers take. Stored transposed, Qᵀ: row j holds the rates into state j (Qᵀ_ji = q_ij, i ≠ j)
 * and the diagonal −Σ_k q_jk, so that the stationary law is the null vector of the stored matrix,
 * Qᵀ π = 0, as a distributed solver wants it (rows split across ranks, no transpose at run time).
 */
import { outOfRange } from "../numeric/checked.js";
import { csrFromEdges, type Csr } from "../numeric/markov/sparse.js";

/** The jump list of a Markov process: rate[e] from from[e] to to[e]. */
export interface Jumps {
  readonly states: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly rate: Float64Array;
}

/**
 * Qᵀ in compressed rows with the diagonal in each row, columns ascending. Duplicate jumps add;
 * self-loops and non-positive rates are left out (they are not jumps).
 *
 *   transposedGenerator({ states: 2, from: [0, 1], to: [1, 0], rate: [1, 3] })
 *   // rows: [−1, 3], [1, −3]
 */
export function transposedGenerator(j: Jumps): Csr {
  const n = j.states;
  const keep = (e: number): boolean => (j.rate[e] ?? 0) > 0;
  const incoming = csrFromEdges(n, j.to, j.from, j.rate, keep); // row = target, column = source
  const out = new Float64Array(n);
  for (let e = 0; e < j.from.length; e++) {
    const i = j.from[e] ?? outOfRange();
    if (i !== j.to[e] && keep(e)) out[i] = (out[i] ?? outOfRange()) + (j.rate[e] ?? outOfRange());
  }
  const ptr = new Int32Array(n + 1), idx = new Int32Array(incoming.idx.length + n), val = new Float64Array(idx.length);
  const cols: { c: number; v: number }[] = [];
  let w = 0;
  for (let r = 0; r < n; r++) {
    cols.length = 0;
    for (let p = incoming.ptr[r] ?? outOfRange(), stop = incoming.ptr[r + 1] ?? outOfRange(); p < stop; p++) cols.push({ c: incoming.idx[p] ?? outOfRange(), v: incoming.val[p] ?? outOfRange() });
    cols.push({ c: r, v: -(out[r] ?? outOfRange()) });
    cols.sort((a, b) => a.c - b.c);
    for (const { c, v } of cols) { idx[w] = c; val[w] = v; w++; }
    ptr[r + 1] = w;
  }
  return { n, ptr, idx, val };
}

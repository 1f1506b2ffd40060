/**
 * Lowest common ancestors of many vertex pairs in a rooted forest, by Tarjan's offline algorithm:
 * one depth-first pass with union–find, O((n + q) α(n)) for q pairs. Kolmogorov's check uses it to
 * make each chord's error bound and exactness test cycle-local from root-path prefix sums:
 *   Σ_{cycle of chord (a,b)} x = x_chord + X(a) + X(b) − 2 X(lca(a, b)).
 * Every index read here is in range by construction (a vertex, a CSR offset, a query number), so a
 * read past the end is a bug in ness: `?? outOfRange()` (numeric/checked.ts), free in optimised code.
 */
import { outOfRange } from "../../numeric/checked.js";

/** CSR offsets of buckets 0 … count − 1 holding `counts[b]` items each: start[b] … start[b + 1] − 1. */
function starts(counts: Int32Array): Int32Array {
  const start = new Int32Array(counts.length + 1);
  let sum = 0;
  for (let b = 0; b < counts.length; b++) { sum += counts[b] ?? outOfRange(); start[b + 1] = sum; }
  return start;
}

/**
 * lca[i] of the pair (a[i], b[i]) in the forest given by `parent` (−1 at roots); both ends of a
 * pair must lie in one tree (a chord of a spanning forest does).
 *
 *   // path 0 – 1 – 2 with 3 a child of 1:
 *   lowestCommonAncestors(Int32Array.of(-1, 0, 1, 1), Int32Array.of(2), Int32Array.of(3)) // [1]
 */
export function lowestCommonAncestors(parent: Int32Array, a: Int32Array, b: Int32Array): Int32Array {
  const n = parent.length, q = a.length;
  // children in CSR form
  const fill = new Int32Array(n);
  for (let v = 0; v < n; v++) { const p = parent[v] ?? outOfRange(); if (p >= 0) fill[p] = (fill[p] ?? outOfRange()) + 1; }
  const childStart = starts(fill);
  fill.set(childStart.subarray(0, n));
  const children = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    const p = parent[v] ?? outOfRange();
    if (p < 0) continue;
    const slot = fill[p] ?? outOfRange();
    children[slot] = v;
    fill[p] = slot + 1;
  }
  // queries per vertex in CSR form, each pair listed at both ends
  const qfill = new Int32Array(n);
  for (const ends of [a, b]) for (let i = 0; i < q; i++) { const v = ends[i] ?? outOfRange(); qfill[v] = (qfill[v] ?? outOfRange()) + 1; }
  const queryStart = starts(qfill);
  qfill.set(queryStart.subarray(0, n));
  const queries = new Int32Array(2 * q);
  for (const ends of [a, b]) for (let i = 0; i < q; i++) {
    const v = ends[i] ?? outOfRange(), slot = qfill[v] ?? outOfRange();
    queries[slot] = i;
    qfill[v] = slot + 1;
  }

  // a finished vertex is linked to its parent; an open vertex (on the stack) is the root of its
  // set, so find(w) of a finished w is its lowest open ancestor: the LCA when v is being finished
  const uf = new Int32Array(n);
  for (let v = 0; v < n; v++) uf[v] = v;
  const find = (x: number): number => {
    let r = x;
    for (let up = uf[r] ?? outOfRange(); up !== r; up = uf[r] ?? outOfRange()) r = up;
    for (let next = uf[x] ?? outOfRange(); next !== r; next = uf[x] ?? outOfRange()) { uf[x] = r; x = next; }
    return r;
  };
  const done = new Uint8Array(n);
  const lca = new Int32Array(q).fill(-1);
  const stack = new Int32Array(n), next = new Int32Array(n);
  for (let root = 0; root < n; root++) {
    if ((parent[root] ?? outOfRange()) !== -1) continue;
    let top = 0;
    stack[0] = root;
    next[root] = childStart[root] ?? outOfRange();
    while (top >= 0) {
      const v = stack[top] ?? outOfRange();
      const k = next[v] ?? outOfRange();
      if (k < (childStart[v + 1] ?? outOfRange())) {
        next[v] = k + 1;
        const c = children[k] ?? outOfRange();
        next[c] = childStart[c] ?? outOfRange();
        stack[++top] = c;
        continue;
      }
      done[v] = 1;
      for (let j = queryStart[v] ?? outOfRange(), stop = queryStart[v + 1] ?? outOfRange(); j < stop; j++) {
        const i = queries[j] ?? outOfRange();
        const x = a[i] ?? outOfRange(), w = x === v ? b[i] ?? outOfRange() : x;
        if (done[w]) lca[i] = find(w);
      }
      top--;
      if (top >= 0) uf[v] = stack[top] ?? outOfRange(); // v is the root of its set: link it to its parent
    }
  }
  return lca;
}

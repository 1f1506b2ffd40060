/**
 * Lowest common ancestors of many vertex pairs in a rooted forest, by Tarjan's offline algorithm:
 * one depth-first pass with union–find, O((n + q) α(n)) for q pairs. Kolmogorov's check uses it to
 * make each chord's error bound and exactness test cycle-local from root-path prefix sums:
 *   Σ_{cycle of chord (a,b)} x = x_chord + X(a) + X(b) − 2 X(lca(a, b)).
 */

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
  const childStart = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) { const p = parent[v]!; if (p >= 0) childStart[p + 1]!++; }
  for (let v = 0; v < n; v++) childStart[v + 1]! += childStart[v]!;
  const children = new Int32Array(childStart[n]!);
  const fill = childStart.slice(0, n);
  for (let v = 0; v < n; v++) { const p = parent[v]!; if (p >= 0) children[fill[p]!++] = v; }
  // queries per vertex in CSR form (each pair listed at both ends)
  const queryStart = new Int32Array(n + 1);
  for (let i = 0; i < q; i++) { queryStart[a[i]! + 1]!++; queryStart[b[i]! + 1]!++; }
  for (let v = 0; v < n; v++) queryStart[v + 1]! += queryStart[v]!;
  const queries = new Int32Array(2 * q);
  const qfill = queryStart.slice(0, n);
  for (let i = 0; i < q; i++) { queries[qfill[a[i]!]!++] = i; queries[qfill[b[i]!]!++] = i; }

  const uf = new Int32Array(n);
  for (let v = 0; v < n; v++) uf[v] = v;
  const find = (x: number): number => {
    let r = x;
    while (uf[r]! !== r) r = uf[r]!;
    while (uf[x]! !== r) { const next = uf[x]!; uf[x] = r; x = next; }
    return r;
  };
  const ancestor = new Int32Array(n), done = new Uint8Array(n);
  const lca = new Int32Array(q).fill(-1);
  const stack = new Int32Array(n), next = new Int32Array(n);
  for (let root = 0; root < n; root++) {
    if (parent[root]! !== -1) continue;
    let top = 0;
    stack[0] = root;
    next[root] = childStart[root]!;
    ancestor[root] = root;
    while (top >= 0) {
      const v = stack[top]!;
      const k = next[v]!;
      if (k < childStart[v + 1]!) {
        next[v] = k + 1;
        const c = children[k]!;
        ancestor[c] = c;
        next[c] = childStart[c]!;
        stack[++top] = c;
        continue;
      }
      done[v] = 1;
      for (let j = queryStart[v]!; j < queryStart[v + 1]!; j++) {
        const i = queries[j]!;
        const w = a[i]! === v ? b[i]! : a[i]!;
        if (done[w]) lca[i] = ancestor[find(w)]!;
      }
      top--;
      if (top >= 0) {
        const p = stack[top]!;
        uf[find(v)] = find(p);
        ancestor[find(p)] = p;
      }
    }
  }
  return lca;
}

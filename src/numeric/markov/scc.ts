/**
 * Strongly connected components by Tarjan's algorithm, iterative (an explicit stack instead of
 * recursion, so a path of 10^6 states does not overflow the call stack).
 */

export interface Components {
  readonly count: number;
  /** Component of each vertex. Components are numbered in reverse topological order: an edge
   * between two components always goes from a higher number to a lower or equal one. */
  readonly component: Int32Array;
}

/** The strongly connected components of the directed graph with out-edges idx[ptr[i]..ptr[i+1]). */
export function stronglyConnectedComponents(n: number, ptr: Int32Array, idx: Int32Array): Components {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n); // Tarjan's stack of open vertices
  const callV = new Int32Array(n); // explicit call stack: vertex and next edge position
  const callP = new Int32Array(n);
  let sp = 0, cp = 0, counter = 0, count = 0;

  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    callV[cp] = root;
    callP[cp++] = ptr[root];
    while (cp > 0) {
      const v = callV[cp - 1];
      const p = callP[cp - 1];
      if (p < ptr[v + 1]) {
        callP[cp - 1] = p + 1;
        const w = idx[p];
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          callV[cp] = w;
          callP[cp++] = ptr[w];
        } else if (component[w] < 0 && index[w] < low[v]) {
          low[v] = index[w]; // w is open: still on Tarjan's stack
        }
        continue;
      }
      cp--;
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp];
          component[w] = count;
        } while (w !== v);
        count++;
      }
      if (cp > 0) {
        const u = callV[cp - 1];
        if (low[v] < low[u]) low[u] = low[v];
      }
    }
  }
  return { count, component };
}

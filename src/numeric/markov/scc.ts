/**
 * Strongly connected components by Tarjan's algorithm, iterative (an explicit stack instead of
 * recursion, so a path of 10^6 states does not overflow the call stack).
 */
import { outOfRange } from "../checked.js";

/** The strongly connected components: how many, and each vertex's. */
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
    if ((index[root] ?? outOfRange()) >= 0) continue;
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    callV[cp] = root;
    callP[cp++] = ptr[root] ?? outOfRange();
    while (cp > 0) {
      const v = callV[cp - 1] ?? outOfRange();
      const p = callP[cp - 1] ?? outOfRange();
      const lowV = low[v] ?? outOfRange();
      if (p < (ptr[v + 1] ?? outOfRange())) {
        callP[cp - 1] = p + 1;
        const w = idx[p] ?? outOfRange();
        const indexW = index[w] ?? outOfRange();
        if (indexW < 0) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          callV[cp] = w;
          callP[cp++] = ptr[w] ?? outOfRange();
        } else if ((component[w] ?? outOfRange()) < 0 && indexW < lowV) {
          low[v] = indexW; // w is open: still on Tarjan's stack
        }
        continue;
      }
      cp--;
      if (lowV === index[v]) {
        let w: number;
        do {
          w = stack[--sp] ?? outOfRange();
          component[w] = count;
        } while (w !== v);
        count++;
      }
      if (cp > 0) {
        const u = callV[cp - 1] ?? outOfRange();
        if (lowV < (low[u] ?? outOfRange())) low[u] = lowV;
      }
    }
  }
  return { count, component };
}

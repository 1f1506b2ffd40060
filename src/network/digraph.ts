/**
 * Graph algorithms on typed arrays, for networks too large for per-edge objects (a Markov network
 * of 10^6 transitions): connected components by union–find, and a spanning forest with the
 * fundamental cycle of each chord. Edges are given as parallel arrays `from[e] → to[e]`.
 */
import { outOfRange } from "../numeric/checked.js";

/** Connected components of the undirected graph; components numbered by their lowest vertex. */
export function weakComponents(n: number, from: ArrayLike<number>, to: ArrayLike<number>): { count: number; component: Int32Array } {
  const uf = new UnionFind(n);
  for (let e = 0; e < from.length; e++) uf.union(from[e] ?? outOfRange(), to[e] ?? outOfRange());
  const component = new Int32Array(n).fill(-1);
  let count = 0;
  for (let v = 0; v < n; v++) {
    const r = uf.find(v);
    if ((component[r] ?? outOfRange()) < 0) component[r] = count++;
    component[v] = component[r] ?? outOfRange();
  }
  return { count, component };
}

export class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(v: number): number {
    const p = this.parent;
    while (p[v] !== v) {
      p[v] = p[p[v] ?? outOfRange()] ?? outOfRange();
      v = p[v] ?? outOfRange();
    }
    return v;
  }
  /** Joins the sets of a and b; false when they were already one. */
  union(a: number, b: number): boolean {
    const ra = this.find(a), rb = this.find(b);
    if (ra === rb) return false;
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
    return true;
  }
}

export interface SpanningForest {
  /** 1 for a tree edge, 0 for a chord. */
  readonly isTree: Uint8Array;
  /** Each vertex's parent and the tree edge to it; −1 at a root. */
  readonly parent: Int32Array;
  readonly parentEdge: Int32Array;
  readonly depth: Int32Array;
  /** Vertices in breadth-first order from the roots: every parent before its children. */
  readonly order: Int32Array;
  /** Number of trees (connected components). */
  readonly trees: number;
}

/**
 * A breadth-first spanning forest: from the lowest-numbered unvisited vertex of each component,
 * level by level through `preferred` edges; only when no preferred edge reaches further does a
 * non-preferred edge join the tree (the earliest found), and the search goes on breadth-first from
 * its far end. So trees are shallow (tree paths, hence fundamental cycles, are short) and, for a
 * Markov network with two-way transitions preferred, one-way transitions are tree edges only where
 * no two-way path connects (as few as Kruskal's rule would take). O(vertices + edges), typed arrays.
 *
 *   const f = spanningForest(3, [0, 1, 2], [1, 2, 0]);
 *   // f.isTree = [1, 0, 1]: 0–1 and 2–0 from the root 0, chord 1 → 2; f.depth = [0, 1, 1]
 */
export function spanningForest(n: number, from: ArrayLike<number>, to: ArrayLike<number>, preferred?: ArrayLike<number>): SpanningForest {
  const m = from.length;
  // Undirected adjacency in CSR form: each edge listed at both ends.
  const ptr = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) { ptr[(from[e] ?? outOfRange()) + 1]!++; ptr[(to[e] ?? outOfRange()) + 1]!++; }
  for (let v = 0; v < n; v++) ptr[v + 1]! += ptr[v] ?? outOfRange();
  const adj = new Int32Array(2 * m);
  const fill = ptr.slice(0, n);
  for (let e = 0; e < m; e++) { adj[fill[from[e] ?? outOfRange()]!++] = e; adj[fill[to[e] ?? outOfRange()]!++] = e; }
  const isTree = new Uint8Array(m);
  const parent = new Int32Array(n).fill(-2), parentEdge = new Int32Array(n).fill(-1), depth = new Int32Array(n);
  const order = new Int32Array(n);
  // Non-preferred edges met at a visited vertex, in the order met: candidates once preferred edges run out.
  const later = new Int32Array(preferred ? 2 * m : 0);
  let head = 0, tail = 0, trees = 0;
  const join = (w: number, v: number, e: number): void => {
    parent[w] = v;
    parentEdge[w] = e;
    depth[w] = (depth[v] ?? outOfRange()) + 1;
    isTree[e] = 1;
    order[tail++] = w;
  };
  for (let root = 0; root < n; root++) {
    if (parent[root] !== -2) continue;
    parent[root] = -1;
    trees++;
    order[tail++] = root;
    let laterHead = 0, laterTail = 0;
    for (;;) {
      while (head < tail) {
        const v = order[head++] ?? outOfRange();
        for (let k = ptr[v] ?? outOfRange(); k < (ptr[v + 1] ?? outOfRange()); k++) {
          const e = adj[k] ?? outOfRange();
          const w = from[e] === v ? to[e] ?? outOfRange() : from[e] ?? outOfRange();
          if (parent[w] !== -2) continue;
          if (preferred && !preferred[e]) later[laterTail++] = e;
          else join(w, v, e);
        }
      }
      // The earliest-met non-preferred edge that still leads to an unvisited vertex, if any.
      let joined = false;
      while (laterHead < laterTail && !joined) {
        const e = later[laterHead++] ?? outOfRange();
        const a = from[e] ?? outOfRange(), b = to[e] ?? outOfRange();
        if (parent[a] === -2) join(a, b, e);
        else if (parent[b] === -2) join(b, a, e);
        joined = tail > head;
      }
      if (!joined) break;
    }
  }
  return { isTree, parent, parentEdge, depth, order, trees };
}

/** A closed walk: vertices v0 → v1 → … → v0 and the edges between them with their sense. */
export interface Cycle {
  readonly vertices: number[];
  readonly edges: number[];
  /** +1 when the walk crosses the edge from `from` to `to`, −1 against it. */
  readonly signs: number[];
}

/**
 * The fundamental cycle of chord e: across e from from[e] to to[e], then back along the tree.
 * Cost is the cycle's length.
 */
export function fundamentalCycle(forest: SpanningForest, from: ArrayLike<number>, to: ArrayLike<number>, e: number): Cycle {
  const u = from[e] ?? outOfRange(), v = to[e] ?? outOfRange();
  // Tree path from v up to the common ancestor, then down to u.
  const up: number[] = [], down: number[] = [];
  let a = v, b = u;
  while ((forest.depth[a] ?? outOfRange()) > (forest.depth[b] ?? outOfRange())) { up.push(a); a = forest.parent[a] ?? outOfRange(); }
  while ((forest.depth[b] ?? outOfRange()) > (forest.depth[a] ?? outOfRange())) { down.push(b); b = forest.parent[b] ?? outOfRange(); }
  while (a !== b) {
    up.push(a); a = forest.parent[a] ?? outOfRange();
    down.push(b); b = forest.parent[b] ?? outOfRange();
  }
  const vertices = [u];
  const edges = [e];
  const signs = [1];
  let cur = v;
  for (const w of up) {
    // Step from w to its parent.
    const pe = forest.parentEdge[w] ?? outOfRange();
    vertices.push(w);
    edges.push(pe);
    signs.push(from[pe] === w && to[pe] !== w ? 1 : -1);
    cur = forest.parent[w] ?? outOfRange();
  }
  if (up.length === 0) cur = v;
  for (let k = down.length - 1; k >= 0; k--) {
    const w = down[k] ?? outOfRange();
    const pe = forest.parentEdge[w] ?? outOfRange();
    vertices.push(cur);
    edges.push(pe);
    signs.push(to[pe] === w && from[pe] !== w ? 1 : -1);
    cur = w;
  }
  if (u === v) return { vertices: [u], edges: [e], signs: [1] };
  return { vertices, edges, signs };
}

/** A cycle vector by its nonzero entries: coefficient coefficients[i] on edge (reaction) reactions[i], reactions ascending. */
export interface SparseCycle {
  readonly reactions: readonly number[];
  readonly coefficients: readonly number[];
}

/**
 * The nonzero coefficients of the cycle whose dense vector adds `signs[i]` at `edges[i]`, merged
 * and in ascending order, at the cost of the walk's length (not the number of edges).
 *
 *   sparseCycle([4, 1, 4], [1, -1, 1])   // { reactions: [1, 4], coefficients: [-1, 2] }
 */
export function sparseCycle(edges: readonly number[], signs: readonly number[]): SparseCycle {
  const order = edges.map((_, i) => i).sort((x, y) => (edges[x] ?? outOfRange()) - (edges[y] ?? outOfRange()));
  const reactions: number[] = [], coefficients: number[] = [];
  for (const i of order) {
    const r = edges[i] ?? outOfRange(), c = signs[i] ?? outOfRange();
    const last = reactions.length - 1;
    if (last >= 0 && reactions[last] === r) coefficients[last] = (coefficients[last] ?? outOfRange()) + c;
    else reactions.push(r), coefficients.push(c);
  }
  if (coefficients.every((c) => c !== 0)) return { reactions, coefficients };
  const keep = coefficients.flatMap((c, i) => (c !== 0 ? [i] : []));
  return { reactions: keep.map((i) => reactions[i] ?? outOfRange()), coefficients: keep.map((i) => coefficients[i] ?? outOfRange()) };
}

/** The dense vector (one entry per edge, m of them) of a sparse cycle. */
export function denseCycle(m: number, cycle: SparseCycle): number[] {
  const dense = new Array<number>(m).fill(0);
  cycle.reactions.forEach((r, i) => (dense[r] = cycle.coefficients[i] ?? outOfRange()));
  return dense;
}

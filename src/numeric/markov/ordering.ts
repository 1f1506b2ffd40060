/**
 * Nested dissection by level-structure separators (George's automatic nested dissection):
 * a breadth-first level structure from a pseudo-peripheral vertex, and as separator the level
 * with the best ratio of its size to the smaller side (a middle level on a grid, the hub of a
 * star), recursively on each remaining connected piece. No coordinates needed; on
 * grids and tori the separators are about the width of the graph, which gives the
 * O(n log n) fill and O(n^1.5) work of nested dissection in 2-D.
 *
 * The result is a separator tree in postorder: every node owns a consecutive range of the new
 * order, and its subtree's vertices come just before it. The multifrontal elimination
 * (src/numeric/frontal.ts) walks it.
 */
import { outOfRange } from "../checked.js";

/** A fill-reducing order with its separator tree (postorder). */
export interface Dissection {
  /** New position → vertex. */
  readonly perm: Int32Array;
  /** Vertex → new position. */
  readonly iperm: Int32Array;
  /** Nodes in postorder: node t owns new positions [start[t], end[t]). */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Number of children of each node (they are the nearest preceding subtrees). */
  readonly children: Int32Array;
}

/**
 * Orders the undirected graph (adjacency ptr/idx, symmetric, no self-loops).
 * Pieces of at most `leafSize` vertices are not split further.
 */
export function nestedDissection(n: number, ptr: Int32Array, idx: Int32Array, leafSize = 32): Dissection {
  const d = new Dissector(n, ptr, idx);
  const nodeVerts: Int32Array[] = [];
  const nodeParent: number[] = [];
  const tasks: { vs: Int32Array; parent: number }[] = [];
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  const s0 = ++d.stamp;
  d.mark.fill(s0);
  for (const piece of d.pieces(all, s0)) tasks.push({ vs: piece, parent: -1 });

  while (tasks.length > 0) {
    const { vs, parent } = tasks.pop() ?? outOfRange();
    const node = nodeVerts.length;
    if (vs.length <= leafSize) {
      nodeVerts.push(vs);
      nodeParent.push(parent);
      continue;
    }
    const sep = d.separator(vs);
    nodeVerts.push(sep.vertices);
    nodeParent.push(parent);
    for (const piece of d.pieces(vs, sep.rest)) tasks.push({ vs: piece, parent: node });
  }
  return postorder(n, nodeVerts, nodeParent);
}

/** The searches of one dissection, over scratch arrays shared by all of them. */
class Dissector {
  /** Stamp of the current vertex set of each vertex. */
  readonly mark: Int32Array;
  readonly level: Int32Array;
  readonly queue: Int32Array;
  stamp = 0;

  constructor(n: number, readonly ptr: Int32Array, readonly idx: Int32Array) {
    this.mark = new Int32Array(n);
    this.level = new Int32Array(n);
    this.queue = new Int32Array(n);
  }

  /** BFS inside the set stamped `s` from `src`, stamping what it reaches `seen`; fills level[], returns the visited count in queue. */
  bfs(src: number, s: number, seen: number): number {
    const { mark, level, queue, ptr, idx } = this;
    let head = 0, tail = 0;
    queue[tail++] = src;
    mark[src] = seen;
    level[src] = 0;
    while (head < tail) {
      const v = queue[head++] ?? outOfRange();
      const next = (level[v] ?? outOfRange()) + 1;
      for (let p = ptr[v] ?? outOfRange(), stop = ptr[v + 1] ?? outOfRange(); p < stop; p++) {
        const w = idx[p] ?? outOfRange();
        if (mark[w] === s) {
          mark[w] = seen;
          level[w] = next;
          queue[tail++] = w;
        }
      }
    }
    return tail;
  }

  /** Connected pieces of the set stamped `s`, listed from `vs`. */
  pieces(vs: Int32Array, s: number): Int32Array[] {
    const out: Int32Array[] = [];
    for (let i = 0; i < vs.length; i++) {
      const v = vs[i] ?? outOfRange();
      if (this.mark[v] !== s) continue;
      const seen = ++this.stamp;
      const k = this.bfs(v, s, seen);
      out.push(this.queue.slice(0, k));
    }
    return out;
  }

  /** The middle level of a level structure rooted at a pseudo-peripheral vertex of `vs`. */
  separator(vs: Int32Array): { vertices: Int32Array; rest: number } {
    // each loop is a method of its own: a loop this long inside `separator` was compiled on the
    // stack (OSR) and the code after it, which the interpreter had never run, deoptimised it again
    // on every call (`node --trace-deopt`: ~500 times in one ordering of the 40 000-state torus)
    const s = ++this.stamp;
    this.stampFirst(vs, vs.length, s);
    let src = vs[0] ?? outOfRange(), depth = -1;
    for (let round = 0; round < 4; round++) {
      const k = this.bfs(src, s, ++this.stamp);
      this.stampFirst(this.queue, k, s); // membership for the next pass
      const far = this.level[this.queue[k - 1] ?? outOfRange()] ?? outOfRange();
      if (far <= depth) break;
      depth = far;
      src = this.farthestOfLeastDegree(k, far);
    }
    const seen = ++this.stamp;
    const k = this.bfs(src, s, seen);
    const cut = this.bestLevel(this.levelCounts(k, depth), depth, k);
    const rest = ++this.stamp;
    const sepList = this.split(k, cut, cut >= depth, s, seen, rest);
    if (sepList.length === 0) this.wholeLevel(k, cut, sepList);
    for (const v of sepList) this.mark[v] = 0;
    return { vertices: Int32Array.from(sepList), rest };
  }

  /** Stamps the first `count` vertices of `list` `s` (the set a separator is sought in, or a BFS's visits restored to it). */
  stampFirst(list: Int32Array, count: number, s: number): void {
    const mark = this.mark;
    for (let i = 0; i < count; i++) mark[list[i] ?? outOfRange()] = s;
  }

  /** Among the last level `far` of the queue's first k, the vertex of least degree (the latest of equals). */
  farthestOfLeastDegree(k: number, far: number): number {
    const { level, queue, ptr } = this;
    let best = queue[k - 1] ?? outOfRange(), bestDeg = Infinity;
    for (let i = k - 1; i >= 0; i--) {
      const v = queue[i] ?? outOfRange();
      if (level[v] !== far) break;
      const d = (ptr[v + 1] ?? outOfRange()) - (ptr[v] ?? outOfRange());
      if (d < bestDeg) (bestDeg = d), (best = v);
    }
    return best;
  }

  /** How many of the queue's first k are at each level 0..depth. */
  levelCounts(k: number, depth: number): Int32Array {
    const { level, queue } = this;
    const counts = new Int32Array(depth + 2);
    for (let i = 0; i < k; i++) {
      const l = level[queue[i] ?? outOfRange()] ?? outOfRange();
      counts[l] = (counts[l] ?? outOfRange()) + 1;
    }
    return counts;
  }

  /**
   * The level with the best ratio of separator size to the smaller side (a middle level on a
   * grid, the hub of a star), ties to the more balanced cut.
   */
  bestLevel(counts: Int32Array, depth: number, k: number): number {
    let cut = depth >= 2 ? 1 : depth, best = Infinity, bestBalance = -1;
    for (let l = 1, before = counts[0] ?? outOfRange(); l < depth; l++) {
      const here = counts[l] ?? outOfRange();
      const small = Math.max(1, Math.min(before, k - before - here));
      const score = here / small;
      if (score < best || (score === best && small > bestBalance)) (best = score), (bestBalance = small), (cut = l);
      before += here;
    }
    return cut;
  }

  /**
   * The separator at level `cut` of the queue's first k (stamped `seen`, the set `s`): the level's
   * vertices with a neighbour beyond it; the others stamped `rest`. Nothing follows the loop (see `separator`).
   */
  split(k: number, cut: number, last: boolean, s: number, seen: number, rest: number): number[] {
    const { mark, level, queue, ptr, idx } = this;
    const sepList: number[] = [];
    for (let i = 0; i < k; i++) {
      const v = queue[i] ?? outOfRange();
      if (level[v] !== cut) {
        mark[v] = rest;
        continue;
      }
      // a separator vertex with no neighbour beyond the cut can join the near side
      let beyond = last;
      for (let p = ptr[v] ?? outOfRange(), stop = ptr[v + 1] ?? outOfRange(); p < stop && !beyond; p++) {
        const w = idx[p] ?? outOfRange();
        const m = mark[w];
        if (m !== s && m !== rest && m !== seen) continue;
        if (level[w] === cut + 1) beyond = true;
      }
      if (beyond) sepList.push(v);
      else mark[v] = rest;
    }
    return sepList;
  }

  /** Every vertex at level `cut` of the queue's first k, onto `list` (the separator when none has a neighbour beyond the level). */
  wholeLevel(k: number, cut: number, list: number[]): void {
    const { level, queue } = this;
    for (let i = 0; i < k; i++) if (level[queue[i] ?? outOfRange()] === cut) list.push(queue[i] ?? outOfRange());
  }
}

/** Numbers the tree in postorder: children's subtrees first, then the node's own vertices. */
function postorder(n: number, verts: Int32Array[], parent: number[]): Dissection {
  const m = verts.length;
  const childCount = new Int32Array(m);
  for (let t = 0; t < m; t++) {
    const u = parent[t] ?? outOfRange();
    if (u >= 0) childCount[u] = (childCount[u] ?? outOfRange()) + 1;
  }
  const firstChild = new Int32Array(m + 1);
  for (let t = 0; t < m; t++) firstChild[t + 1] = (firstChild[t] ?? outOfRange()) + (childCount[t] ?? outOfRange());
  const kids = new Int32Array(m);
  const fill = firstChild.slice(0, m);
  for (let t = 0; t < m; t++) {
    const u = parent[t] ?? outOfRange();
    if (u < 0) continue;
    const at = fill[u] ?? outOfRange();
    kids[at] = t;
    fill[u] = at + 1;
  }

  const perm = new Int32Array(n);
  const iperm = new Int32Array(n);
  const start = new Int32Array(m);
  const end = new Int32Array(m);
  const children = new Int32Array(m);
  let pos = 0, out = 0;
  const stackT = new Int32Array(m);
  const stackC = new Int32Array(m);
  for (let root = 0; root < m; root++) {
    if ((parent[root] ?? outOfRange()) >= 0) continue;
    let sp = 0;
    stackT[sp] = root;
    stackC[sp++] = 0;
    while (sp > 0) {
      const t = stackT[sp - 1] ?? outOfRange();
      const c = stackC[sp - 1] ?? outOfRange();
      const count = childCount[t] ?? outOfRange();
      if (c < count) {
        stackC[sp - 1] = c + 1;
        stackT[sp] = kids[(firstChild[t] ?? outOfRange()) + c] ?? outOfRange();
        stackC[sp++] = 0;
        continue;
      }
      sp--;
      start[out] = pos;
      for (const v of verts[t] ?? outOfRange()) {
        perm[pos] = v;
        iperm[v] = pos++;
      }
      end[out] = pos;
      children[out++] = count;
    }
  }
  return { perm, iperm, start, end, children };
}

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
  const mark = new Int32Array(n); // stamp of the current vertex set
  const level = new Int32Array(n);
  const queue = new Int32Array(n);
  let stamp = 0;
  const nodeVerts: Int32Array[] = [];
  const nodeParent: number[] = [];

  /** BFS inside the set stamped `s` from `src`; fills level[], returns visited count in queue. */
  const bfs = (src: number, s: number, seen: number): number => {
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
  };

  /** Connected pieces of the set stamped `s`, listed from `vs`. */
  const pieces = (vs: Int32Array, s: number): Int32Array[] => {
    const out: Int32Array[] = [];
    for (let i = 0; i < vs.length; i++) {
      const v = vs[i] ?? outOfRange();
      if (mark[v] !== s) continue;
      const seen = ++stamp;
      const k = bfs(v, s, seen);
      out.push(queue.slice(0, k));
    }
    return out;
  };

  const tasks: { vs: Int32Array; parent: number }[] = [];
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  const s0 = ++stamp;
  mark.fill(s0);
  for (const piece of pieces(all, s0)) tasks.push({ vs: piece, parent: -1 });

  while (tasks.length > 0) {
    const { vs, parent } = tasks.pop() ?? outOfRange();
    const node = nodeVerts.length;
    if (vs.length <= leafSize) {
      nodeVerts.push(vs);
      nodeParent.push(parent);
      continue;
    }
    const sep = separator(vs);
    nodeVerts.push(sep.vertices);
    nodeParent.push(parent);
    for (const piece of pieces(vs, sep.rest)) tasks.push({ vs: piece, parent: node });
  }

  /** The middle level of a level structure rooted at a pseudo-peripheral vertex of `vs`. */
  function separator(vs: Int32Array): { vertices: Int32Array; rest: number } {
    const s = ++stamp;
    for (let i = 0; i < vs.length; i++) mark[vs[i] ?? outOfRange()] = s;
    let src = vs[0] ?? outOfRange(), depth = -1;
    let cur = s;
    const levelAt = (i: number): number => level[queue[i] ?? outOfRange()] ?? outOfRange();
    for (let round = 0; round < 4; round++) {
      const seen = ++stamp;
      const k = bfs(src, cur, seen);
      for (let i = 0; i < k; i++) mark[queue[i] ?? outOfRange()] = s; // restore membership for the next pass
      const far = levelAt(k - 1);
      if (far <= depth) break;
      depth = far;
      // the farthest vertex of least degree
      let best = queue[k - 1] ?? outOfRange(), bestDeg = Infinity;
      for (let i = k - 1; i >= 0 && levelAt(i) === far; i--) {
        const v = queue[i] ?? outOfRange();
        const d = (ptr[v + 1] ?? outOfRange()) - (ptr[v] ?? outOfRange());
        if (d < bestDeg) (bestDeg = d), (best = v);
      }
      src = best;
      cur = s;
    }
    const seen = ++stamp;
    const k = bfs(src, s, seen);
    const counts = new Int32Array(depth + 2);
    for (let i = 0; i < k; i++) {
      const l = levelAt(i);
      counts[l] = (counts[l] ?? outOfRange()) + 1;
    }
    // the level with the best ratio of separator size to the smaller side (a middle level on a
    // grid, the hub of a star), ties to the more balanced cut
    let cut = depth >= 2 ? 1 : depth, best = Infinity, bestBalance = -1;
    for (let l = 1, before = counts[0] ?? outOfRange(); l < depth; l++) {
      const here = counts[l] ?? outOfRange();
      const small = Math.max(1, Math.min(before, k - before - here));
      const score = here / small;
      if (score < best || (score === best && small > bestBalance)) (best = score), (bestBalance = small), (cut = l);
      before += here;
    }
    const last = cut >= depth;
    const sepList: number[] = [];
    const rest = ++stamp;
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
    if (sepList.length === 0) {
      for (let i = 0; i < k; i++) if (levelAt(i) === cut) sepList.push(queue[i] ?? outOfRange());
      for (const v of sepList) mark[v] = 0;
    } else {
      for (const v of sepList) mark[v] = 0;
    }
    return { vertices: Int32Array.from(sepList), rest };
  }

  return postorder(n, nodeVerts, nodeParent);
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

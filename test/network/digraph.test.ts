import { describe, expect, it } from "vitest";
import { spanningForest, weakComponents } from "../../src/network/digraph.js";
import { mulberry32 } from "../../src/numeric/random.js";

/** Breadth-first distances from `root` over the undirected edges e with keep(e). */
function distances(n: number, from: number[], to: number[], root: number, keep: (e: number) => boolean): Int32Array {
  const d = new Int32Array(n).fill(-1);
  d[root] = 0;
  const queue = [root];
  for (let h = 0; h < queue.length; h++) {
    const v = queue[h]!;
    for (const [e, a] of from.entries()) {
      const b = to[e]!;
      if (!keep(e) || (a !== v && b !== v)) continue;
      const w = a === v ? b : a;
      if (d[w] === -1) { d[w] = d[v]! + 1; queue.push(w); }
    }
  }
  return d;
}

describe("spanningForest", () => {
  it("is breadth-first: with every edge preferred, each depth is the distance from the component's lowest vertex", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const random = mulberry32(seed);
      const n = 2 + Math.floor(random() * 30), m = Math.floor(random() * 2 * n);
      const from = Array.from({ length: m }, () => Math.floor(random() * n));
      const to = Array.from({ length: m }, () => Math.floor(random() * n));
      const f = spanningForest(n, from, to);
      const comp = weakComponents(n, from, to);
      expect(f.trees).toBe(comp.count);
      expect(f.isTree.reduce((s, t) => s + t, 0)).toBe(n - comp.count);
      for (let v = 0; v < n; v++) {
        const root = comp.component.indexOf(comp.component[v]!);
        expect(f.depth[v]).toBe(distances(n, from, to, root, () => true)[v]);
      }
    }
  });

  it("takes a non-preferred edge into the tree only where no preferred path connects", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const random = mulberry32(100 + seed);
      const n = 2 + Math.floor(random() * 30), m = Math.floor(random() * 2 * n);
      const from = Array.from({ length: m }, () => Math.floor(random() * n));
      const to = Array.from({ length: m }, () => Math.floor(random() * n));
      const preferred = Array.from({ length: m }, () => (random() < 0.6 ? 1 : 0));
      const f = spanningForest(n, from, to, preferred);
      const all = weakComponents(n, from, to).count;
      const pf = from.filter((_, e) => preferred[e]), pt = to.filter((_, e) => preferred[e]);
      const twoWay = weakComponents(n, pf, pt).count;
      const oneWayTree = from.filter((_, e) => f.isTree[e] && !preferred[e]).length;
      expect(oneWayTree).toBe(twoWay - all);
      expect(f.isTree.reduce((s, t) => s + t, 0)).toBe(n - all);
      // every parent comes before its children in `order`
      const at = new Int32Array(n);
      f.order.forEach((v, k) => (at[v] = k));
      for (let v = 0; v < n; v++) if (f.parent[v]! >= 0) expect(at[f.parent[v]!]).toBeLessThan(at[v]!);
    }
  });
});

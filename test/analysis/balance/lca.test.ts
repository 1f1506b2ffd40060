/** Tarjan's offline LCA against the definition: the deepest vertex on both root paths. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lowestCommonAncestors } from "../../../src/analysis/balance/lca.js";
import { mulberry32 } from "../helpers.js";

/** lca by walking both ends to the root: the first ancestor of b that is an ancestor of a. */
function naive(parent: Int32Array, a: number, b: number): number {
  const above = new Set<number>();
  for (let v = a; v >= 0; v = parent.at(v) ?? -1) above.add(v);
  for (let v = b; v >= 0; v = parent.at(v) ?? -1) if (above.has(v)) return v;
  return -1;
}

describe("lowestCommonAncestors", () => {
  it("the doc example: path 0 – 1 – 2 with 3 a child of 1", () => {
    expect(Array.from(lowestCommonAncestors(Int32Array.of(-1, 0, 1, 1), Int32Array.of(2), Int32Array.of(3)))).toEqual([1]);
  });

  it("property: agrees with the root-path definition on random forests (several roots, a = b, ancestors)", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 60 }), fc.integer(), (n, seed) => {
      const rand = mulberry32(seed);
      // parents point to lower-numbered vertices except at roots, in a shuffled labelling
      const label = Array.from({ length: n }, (_, i) => i).sort(() => rand() - 0.5);
      const parent = new Int32Array(n).fill(-1);
      for (let i = 1; i < n; i++) if (rand() < 0.9) parent[label[i] ?? 0] = label[Math.floor(rand() * i)] ?? 0;
      const root = (v: number): number => { while ((parent.at(v) ?? -1) >= 0) v = parent.at(v) ?? -1; return v; };
      const a: number[] = [], b: number[] = [];
      for (let t = 0; t < 3 * n; t++) {
        const x = Math.floor(rand() * n), y = Math.floor(rand() * n);
        if (root(x) === root(y)) { a.push(x); b.push(y); }
      }
      const got = lowestCommonAncestors(parent, Int32Array.from(a), Int32Array.from(b));
      expect(Array.from(got)).toEqual(a.map((x, i) => naive(parent, x, b.at(i) ?? -1)));
    }), { numRuns: 200 });
  });
});

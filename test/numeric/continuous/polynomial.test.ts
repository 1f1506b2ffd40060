import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { polyEval, polyMul, realRoots } from "../../../src/numeric/continuous/polynomial.js";

const fromRoots = (roots: number[], lead = 1): number[] => roots.reduce((p, r) => polyMul(p, [-r, 1]), [lead]);

describe("realRoots", () => {
  it("finds every simple root of a cubic, ascending", () => {
    const p = fromRoots([4, 0.5, 1], -1); // Schlögl's dX/dt
    const roots = realRoots(p, 0, Infinity)!;
    expect(roots).toHaveLength(3);
    [0.5, 1, 4].forEach((r, i) => expect(roots[i]).toBeCloseTo(r, 12));
  });

  it("keeps only roots in the interval, ends included", () => {
    const p = fromRoots([-2, 0, 3]);
    expect(realRoots(p, 0, 2)).toEqual([0]);
    expect(realRoots(p, -Infinity, Infinity)!.map((r) => Math.round(r * 1e9) / 1e9)).toEqual([-2, 0, 3]);
  });

  it("reports a double root at a critical point", () => {
    const p = fromRoots([1, 1, 3]);
    const roots = realRoots(p, -10, 10)!;
    expect(roots).toHaveLength(2);
    expect(roots[0]).toBeCloseTo(1, 7);
    expect(roots[1]).toBeCloseTo(3, 12);
  });

  it("returns no roots for x^2 + 1 and null for the zero polynomial", () => {
    expect(realRoots([1, 0, 1], -Infinity, Infinity)).toEqual([]);
    expect(realRoots([0, 0], 0, 1)).toBeNull();
  });

  it("finds every root of random products of distinct linear factors", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -40, max: 40 }), { minLength: 1, maxLength: 6 }), (ints) => {
        const roots = ints.map((k) => k / 8);
        const found = realRoots(fromRoots(roots), -Infinity, Infinity)!;
        const sorted = [...roots].sort((a, b) => a - b);
        expect(found).toHaveLength(sorted.length);
        sorted.forEach((r, i) => expect(Math.abs(found[i]! - r)).toBeLessThan(1e-8));
        found.forEach((r) => expect(Math.abs(polyEval(fromRoots(roots), r))).toBeLessThan(1e-6));
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});

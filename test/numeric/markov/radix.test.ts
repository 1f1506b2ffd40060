import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { descendingOrder } from "../../../src/numeric/markov/radix.js";

describe("descendingOrder", () => {
  it("orders by hand: largest first, ties by index, zero left out", () => {
    expect(Array.from(descendingOrder(Float64Array.of(1, 3, 0, 3, 2)))).toEqual([1, 3, 4, 0]);
    expect(Array.from(descendingOrder(new Float64Array(0)))).toEqual([]);
    expect(Array.from(descendingOrder(Float64Array.of(0, -1, NaN)))).toEqual([]);
  });

  it("is the stable comparator sort of the positive values (ties, +∞, subnormals, 24 decades)", () => {
    const value = fc.oneof(
      fc.constantFrom(0, -2, 1, 1, 2.5, Infinity, Number.MIN_VALUE, Number.MAX_VALUE, NaN),
      fc.double({ min: -1e12, max: 1e12 }),
      fc.integer({ min: -24, max: 24 }).map((e) => 10 ** e),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300 }), (xs) => {
        const v = Float64Array.from(xs);
        // the stable comparator sort, written so that equal infinities compare equal (∞ − ∞ is NaN)
        const expected = xs.map((_, i) => i).filter((i) => (v[i] ?? 0) > 0).sort((a, b) => {
          const x = v[a] ?? 0, y = v[b] ?? 0;
          return x === y ? a - b : y > x ? 1 : -1;
        });
        expect(Array.from(descendingOrder(v))).toEqual(expected);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

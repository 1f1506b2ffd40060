import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { entropyProduction, entropyTerm, logRatio } from "../../src/analysis/entropy.js";

describe("entropy production", () => {
  it("is (v+ − v−) ln(v+/v−) summed over reactions", () => {
    expect(entropyProduction([2, 3], [1, 3]).value).toBeCloseTo(Math.LN2, 15);
    expect(entropyTerm(1, 2)).toBeCloseTo(Math.LN2, 15); // a reverse-running reaction adds too
  });

  it("keeps full relative precision when the rates nearly balance", () => {
    const v = 1e-3;
    const eps = 1e-12;
    // (v ε)·ln(1 + ε) = v ε² (1 − ε/2 + …)
    expect(entropyTerm(v * (1 + eps), v) / (v * eps * eps)).toBeCloseTo(1, 3);
    expect(logRatio(1 + 2 ** -50, 1) / 2 ** -50).toBeCloseTo(1, 12);
  });

  it("does not overflow when the rates differ by 600 orders of magnitude", () => {
    expect(entropyTerm(1e300, 1e-300)).toBeCloseTo(1e300 * 600 * Math.LN10, -290);
  });

  it("is infinite (null) when a one-way reaction carries flux, 0 when nothing flows", () => {
    expect(entropyProduction([1, 2], [0, 1])).toEqual({ value: null, oneWay: [0] });
    expect(entropyProduction([0], [0])).toEqual({ value: 0, oneWay: [] });
  });

  it("is never negative", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 1e-200, max: 1e200, noNaN: true }), fc.double({ min: 1e-200, max: 1e200, noNaN: true })), { minLength: 1, maxLength: 8 }), (pairs) => {
        const e = entropyProduction(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
        expect(e.value).not.toBeNull();
        expect(e.value!).toBeGreaterThanOrEqual(0);
      }),
      { seed: 3, numRuns: 300 },
    );
  });
});

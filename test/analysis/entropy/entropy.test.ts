import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { entropyProduction, entropyTerm, logRatio } from "../../../src/analysis/entropy/index.js";

describe("entropy production", () => {
  it("is (v+ − v−) ln(v+/v−) summed over reactions", () => {
    expect(entropyProduction([2, 3], [1, 3]).value).toBeCloseTo(Math.LN2, 15);
    expect(entropyTerm(1, 2)).toBeCloseTo(Math.LN2, 15); // a reverse-running reaction adds too
  });

  it("keeps full relative precision when the rates nearly balance", () => {
    // exactly representable rates: a = 3(1 + ε), b = 3 with ε = 2^-40, so a − b = 3ε exactly and
    // the expected values are known to full precision
    const eps = 2 ** -40;
    const a = 3 * (1 + eps), b = 3;
    const expected = 3 * eps * Math.log1p(eps); // (a − b)·ln(a/b)
    expect(Math.abs(entropyTerm(a, b) / expected - 1)).toBeLessThan(1e-12);
    expect(Math.abs(logRatio(a, b) / Math.log1p(eps) - 1)).toBeLessThan(1e-12);
  });

  it("does not overflow when the rates differ by 600 orders of magnitude", () => {
    expect(entropyTerm(1e300, 1e-300)).toBeCloseTo(1e300 * 600 * Math.LN10, -290);
  });

  it("is infinite (null) when a one-way reaction carries flux, 0 when nothing flows", () => {
    expect(entropyProduction([1, 2], [0, 1])).toEqual({ value: null, bound: null, oneWay: [0] });
    expect(entropyProduction([0], [0])).toEqual({ value: 0, bound: 0, oneWay: [] });
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

describe("the rounding bound of σ", () => {
  it("bounds the error against σ in exact terms: (2 − 1) ln 2 as computed is within u·ln 2 of ln 2", () => {
    // J = 1 exactly and ln 2 is correctly rounded to within u/2 · ln 2, so |σ̂ − σ| ≤ u ln 2 < B
    const { value, bound } = entropyProduction([2], [1], undefined, [3 * 2 ** -53]);
    expect(Math.abs((value ?? NaN) - Math.LN2)).toBeLessThanOrEqual(2 ** -53);
    expect(bound).toBeGreaterThan(2 ** -53 * Math.LN2);
    // and is tight to a few units of the rates' error: ε(v⁺ + v⁻) |L| + |J| 2ε ≈ 3ε + 2.1ε
    expect(bound).toBeLessThan(20 * 3 * 2 ** -53);
  });

  it("at equal rates perturbed by one ulp the bound covers the computed σ (order u² v)", () => {
    const v = 3.7, w = v * (1 + 2 ** -52);
    const { value, bound } = entropyProduction([w], [v], undefined, [3 * 2 ** -53]);
    expect(Math.abs(value ?? NaN)).toBeLessThanOrEqual(bound ?? -1);
    expect(bound).toBeLessThan(1e-28);
  });
});


/** The generator against hand-derived xoshiro128** outputs, and the distribution functions against tables. */
import { describe, expect, it } from "vitest";
import { Xoshiro128 } from "../../src/stochastic/random.js";
import { chiSquareQuantile, chiSquareTail, gammaQuantile, incompleteGamma, lnGamma, normalQuantile, poissonRateInterval } from "../../src/stochastic/stats.js";

describe("xoshiro128**", () => {
  it("gives the reference algorithm's outputs from state (1, 2, 3, 4)", () => {
    // by hand: rotl(2·5, 7)·9 = 11520; the state becomes (7, 0, 1026, 12288): output 0; then
    // (12295, 1029, 1029, 25165824): rotl(1029·5, 7)·9 = 658560·9
    const g = Xoshiro128.fromState(1, 2, 3, 4);
    expect([g.next32(), g.next32(), g.next32()]).toEqual([11520, 0, 5927040]);
  });

  it("is reproducible from a seed, and streams differ", () => {
    const a = new Xoshiro128(42), b = new Xoshiro128(42), c = new Xoshiro128(42, 1);
    const xs = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it("draws Gamma deviates with mean and variance equal to the shape", () => {
    const g = new Xoshiro128(7);
    for (const shape of [0.5, 3, 40]) {
      const n = 40000;
      let s = 0, s2 = 0;
      for (let i = 0; i < n; i++) {
        const x = g.gamma(shape);
        s += x;
        s2 += x * x;
      }
      const mean = s / n, variance = s2 / n - mean * mean;
      // the sample mean's standard error is √(shape/n): 5 of them
      expect(Math.abs(mean - shape)).toBeLessThan(5 * Math.sqrt(shape / n));
      expect(Math.abs(variance / shape - 1)).toBeLessThan(0.06);
    }
  });
});

describe("distribution functions", () => {
  it("match published chi-square and normal tables", () => {
    expect(chiSquareQuantile(0.95, 1)).toBeCloseTo(3.841459, 5);
    expect(chiSquareQuantile(0.95, 2)).toBeCloseTo(5.991465, 5);
    expect(chiSquareQuantile(0.975, 10)).toBeCloseTo(20.48318, 4);
    expect(chiSquareQuantile(0.999, 5)).toBeCloseTo(20.51501, 4);
    expect(chiSquareTail(3.841459, 1)).toBeCloseTo(0.05, 6);
    expect(chiSquareTail(18.30704, 10)).toBeCloseTo(0.05, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 6);
  });

  it("agree with closed forms", () => {
    // P(1, x) = 1 − e^{−x}; Γ(10) = 9!; Γ(½) = √π
    for (const x of [0.1, 1, 5, 30]) expect(incompleteGamma(1, x)[1]).toBeCloseTo(Math.exp(-x), 14);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(gammaQuantile(1, 0.5)).toBeCloseTo(Math.LN2, 12);
  });

  it("gives Garwood's exact Poisson intervals", () => {
    // n = 0: [0, −ln 0.025]; n = 10 (Garwood 1936 tables): [4.795, 18.39]
    const [lo0, hi0] = poissonRateInterval(0, 1, 0.95);
    expect(lo0).toBe(0);
    expect(hi0).toBeCloseTo(-Math.log(0.025), 10);
    const [lo, hi] = poissonRateInterval(10, 2, 0.95);
    expect(lo * 2).toBeCloseTo(4.7954, 3);
    expect(hi * 2).toBeCloseTo(18.3904, 3);
  });
});

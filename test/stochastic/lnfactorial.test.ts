/** ln(x!) as the mass-action SSA uses it for its entropy estimate (Σ ln(a_fired/a_opposite) telescoped). */
import { describe, expect, it } from "vitest";
import { lnFactorial } from "../../src/stochastic/mass-action.js";

describe("lnFactorial", () => {
  it("is ln of the factorial: exact small values, and Stirling's series against the summed logarithms above 256", () => {
    expect(lnFactorial(0)).toBe(0);
    expect(lnFactorial(1)).toBe(0);
    expect(lnFactorial(10)).toBeCloseTo(Math.log(3628800), 13);
    for (const x of [256, 300, 1000, 12345]) {
      let s = 0;
      for (let k = 2; k <= x; k++) s += Math.log(k);
      expect(Math.abs(lnFactorial(x) - s) / s).toBeLessThan(1e-13);
    }
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bigLogRatio, bigRatio, parseDecimal, rational } from "../../../src/numeric/exact/rational.js";

describe("exact decimals", () => {
  it("parse every written form in lowest terms, as a gcd reduction would", () => {
    const literal = fc.tuple(fc.stringMatching(/^\d{0,8}$/), fc.option(fc.stringMatching(/^\d{0,8}$/), { nil: undefined }), fc.option(fc.integer({ min: -30, max: 30 }), { nil: undefined }))
      .filter(([i, f]) => i !== "" || (f ?? "") !== "")
      .map(([i, f, e]) => `${i}${f === undefined ? "" : `.${f}`}${e === undefined ? "" : `e${e}`}`);
    fc.assert(
      fc.property(literal, (text) => {
        const m = /^(\d*)(?:\.(\d*))?(?:e(-?\d+))?$/.exec(text)!;
        const digits = BigInt((m[1] ?? "") + (m[2] ?? "") || "0");
        const scale = Number(m[3] ?? 0) - (m[2] ?? "").length;
        const expected = scale >= 0 ? rational(digits * 10n ** BigInt(scale)) : rational(digits, 10n ** BigInt(-scale));
        expect(parseDecimal(text)).toEqual(expected);
      }),
      { numRuns: 2000, seed: 1 },
    );
  });

  it("turn huge integer ratios into doubles and logs without reducing them", () => {
    const a = 3n ** 5000n, b = 2n ** 7000n;
    expect(bigLogRatio(a, b)).toBeCloseTo(5000 * Math.log(3) - 7000 * Math.log(2), 6);
    expect(bigRatio(10n ** 400n + 1n, 10n ** 400n)).toBe(1);
    expect(bigRatio(-(7n * 10n ** 300n), 2n * 10n ** 300n)).toBeCloseTo(-3.5, 12);
  });
});

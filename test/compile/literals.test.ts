/**
 * The literal rule: a decimal literal with at most 15 significant digits is the exact rational it
 * spells; one with 16–17 (a printed double) is that double, inexact. One rule for literal rate
 * constants, literals inside expressions, declared amounts and SBML numbers.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/index.js";
import { isExactLiteral, significantDigits } from "../../src/network/rate.js";
import type { RateConstant } from "../../src/network/types.js";
import { rational } from "../../src/numeric/exact/rational.js";
import { parseNum } from "../../src/sbml/num.js";

function forward(rate: string): RateConstant {
  const { network, diagnostics } = compile(`species A, B\nA -> B @ ${rate}\n`);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const r = network?.reactions[0];
  if (!r) throw new Error("no reaction");
  return r.forward;
}

describe("significant digits", () => {
  it.each([
    ["1", 1], ["0", 0], ["0.0", 0], ["100", 1], ["1.50", 2], ["0.00150e3", 2], ["1e-300", 1],
    ["123456789012345", 15], ["0.000123456789012345000", 15], ["1.0000000000000002", 17],
    ["2.718281828459045", 16], ["0.36787944117144233", 17], ["1234567890123456e-3", 16], ["100000000000000000000", 1],
  ])("%s has %i", (text, n) => {
    expect(significantDigits(text)).toBe(n);
    expect(isExactLiteral(text)).toBe(n <= 15);
  });
});

describe("literal rate constants", () => {
  it("up to 15 significant digits are exact rationals", () => {
    const k = forward("0.123456789012345");
    expect(k.rational).toBe(true);
    expect(k.exact).toEqual(rational(123456789012345n, 10n ** 15n));
    // leading and trailing zeros do not count
    expect(forward("0.000123456789012345000").exact).toEqual(rational(123456789012345n, 10n ** 18n));
    expect(forward("100000000000000000000").exact).toEqual({ num: 10n ** 20n, den: 1n });
  });

  it.each(["0.36787944117144233", "2.718281828459045", "1.0000000000000002", "2.718281828459045e0"])("%s (a printed double) is inexact", (text) => {
    const k = forward(text);
    expect(k.rational).toBe(false);
    expect(k.exact).toBeNull();
    expect(k.value).toBe(Number(text));
  });
});

describe("literals inside expressions follow the same rule", () => {
  it("a printed double makes the expression inexact; short literals keep it exact", () => {
    expect(forward("2 * 0.36787944117144233").exact).toBeNull();
    expect(forward("2 * 0.5").exact).toEqual({ num: 1n, den: 1n });
    expect(forward("1.0000000000000002 / 2").exact).toBeNull();
    expect(forward("(0.123456789012345 + 0)").exact).toEqual(rational(123456789012345n, 10n ** 15n));
  });

  it("params, reservoirs and amounts too", () => {
    const { network } = compile("param k = 2.718281828459045\nreservoir X = 0.36787944117144233, Y = 0.25\nspecies A, B\nA + X -> B + Y @ k\n");
    expect(network?.reactions[0]?.forward.exact).toBeNull();
    expect(network?.reservoirs.map((r) => r.exact)).toEqual([null, { num: 1n, den: 4n }]);
  });
});

describe("SBML numbers follow the same rule", () => {
  it("15 digits exact, 17 a double", () => {
    expect(parseNum("0.123456789012345")?.exact).toEqual(rational(123456789012345n, 10n ** 15n));
    expect(parseNum("-0.36787944117144233")).toEqual({ value: -0.36787944117144233, exact: null });
  });
});

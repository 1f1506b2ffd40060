/**
 * The fast path's reading of a number literal (compile/decimal.ts): the same double as Number()
 * on every literal the scanner takes, those whose digits are below 2^53 by Clinger's fast path and
 * the rest (17 digits and more, far exponents) through Number() itself.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimal, readDecimal } from "../../src/compile/decimal.js";
import { significantDigits } from "../../src/network/rate.js";

const digitsOf = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
/** `(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?`, the scanner's NumberLiteral. */
const literal = fc.tuple(
  fc.oneof(fc.tuple(digitsOf(1, 19), fc.constantFrom("", "."), digitsOf(0, 19)).map(([a, p, b]) => a + p + (p ? b : "")), digitsOf(1, 19).map((b) => `.${b}`)),
  fc.option(fc.tuple(fc.constantFrom("e", "E"), fc.constantFrom("", "+", "-"), digitsOf(1, 4)).map((x) => x.join(""))),
).map(([m, e]) => m + (e ?? ""));

describe("decimal", () => {
  it("reads every literal as Number() does", () => {
    fc.assert(fc.property(literal, (t) => Object.is(decimal(` ${t} `, 1, 1 + t.length), Number(t))), { numRuns: 20000 });
  });

  it("counts the significant digits as the literal rule does, in the same pass", () => {
    fc.assert(fc.property(literal, (t) => readDecimal(` ${t} `, 1, 1 + t.length, { value: 0, significant: -1 }).significant === significantDigits(t)), { numRuns: 20000 });
    // 16 and 17 digits below and above 2^53 (the second Clinger bound), 10^22 and past it
    for (const t of ["9007199254740991", "9007199254740992", "1.2345678901234567", "0.8765432109876543", "90071992547409.93e8", "4.5e22", "45e21"])
      expect([t, readDecimal(t, 0, t.length, { value: 0, significant: 0 }).value]).toEqual([t, Number(t)]);
  });

  it("reads the literals generated files write, and the edges of the fast path", () => {
    for (const t of ["0.5", "1", "1.25", "2e-3", "1E+5", ".5", "7.", "007", "0.36787944117144233", "2.718281828459045", "123456789012345", "1234567890123456", "1e22", "1e23", "1e-22", "1e-23", "9007199254740993", "0.1", "0.30000000000000004", "1e308", "1e309", "5e-324", "0.000000000000000000000001234"])
      expect([t, decimal(t, 0, t.length)]).toEqual([t, Number(t)]);
  });
});

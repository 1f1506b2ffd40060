/**
 * The fast path's reading of a number literal (compile/decimal.ts): the same double as Number()
 * on every literal the scanner takes, those whose digits are below 2^53 by Clinger's fast path and
 * the rest (17 digits and more, far exponents) through Number() itself.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimal, readDecimal } from "../../src/compile/decimal.js";
import { significantDigits } from "../../src/network/rate.js";
import { mulberry32 } from "../../src/numeric/random.js";

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

  it("reads 16 to 19 digits as Number() does: shortest forms of doubles, random digits, and values a hair from a tie", () => {
    const rand = mulberry32(7);
    const bits = new Float64Array(1), words = new BigUint64Array(bits.buffer);
    const cases: string[] = [];
    for (let n = 0; n < 20000; n++) {
      // a double's shortest form, as String() writes it (what a generator writes), at many scales
      const x = rand() * 10 ** Math.floor(rand() * 30 - 10);
      cases.push(String(x), x.toPrecision(17), x.toPrecision(19), x.toExponential(18));
      // 16-19 random digits, a point anywhere in them, an exponent that keeps |e| ≤ 22 or not
      const length = 16 + Math.floor(rand() * 4);
      let d = String(1 + Math.floor(rand() * 9));
      while (d.length < length) d += String(Math.floor(rand() * 10));
      const at = Math.floor(rand() * (length + 1));
      cases.push(`${d.slice(0, at)}.${d.slice(at)}e${Math.floor(rand() * 50) - 25}`.replace(/^\./, "0."));
      // the midpoint of x and the next double up, to 19 and 20 digits: a tie's neighbourhood
      bits[0] = x;
      words[0] = words[0]! + 1n;
      const up = bits[0]!;
      for (const p of [19, 20]) {
        const [mx, ex] = x.toExponential(p - 1).split("e"), [mu, eu] = up.toExponential(p - 1).split("e");
        if (ex !== eu) continue;
        const a = BigInt(mx!.replace(".", "")), b = BigInt(mu!.replace(".", ""));
        const mid = ((a + b) / 2n).toString();
        cases.push(`${mid[0]}.${mid.slice(1)}e${ex}`, `${mid[0]}.${mid.slice(1, -1)}${(Number(mid.slice(-1)) + 1) % 10}e${ex}`);
      }
    }
    // exact ties between doubles, which must round to even: (2M + 1)·2^k with 2^53 ≤ 2M + 1 < 2^54,
    // written as D·10^e with D of 16 to 19 digits. For e = 20: 2M + 1 = 5^20·q (odd q), D = q·2^47,
    // so D·10^20 = (2M + 1)·2^67; for e = −1, −2: D = (2M + 1)·5 or ·25, so D·10^e = (2M + 1)/2 or /4
    cases.push("9007199254740993", "9007199254740995", "9007199254740997", "18014398509481986", "18014398509481990", "1.8014398509481987e16", "36028797018963971");
    for (let q = 95n; q < 189n; q += 2n) cases.push(`${q * 2n ** 47n}e20`, `${q * 2n ** 47n}0e19`);
    for (let n = 0; n < 2000; n++) {
      const odd = 2n ** 53n + 2n * BigInt(Math.floor(rand() * 2 ** 52)) + 1n;
      cases.push(`${odd * 5n}e-1`, `${odd * 25n}e-2`, `${(odd * 25n).toString().replace(/(\d)$/, ".$1")}e-1`);
    }
    let nearTies = 0;
    // D·10^e within a few 2^e of a tie: O·2^j (O odd, 54 bits) with O·2^(j−e) ≡ ±1, ±2, 3 (mod 5^e)
    // makes m/10^e that close to an integer D (of 17 digits here)
    const power = (b: bigint, x: bigint, m: bigint): bigint => (x === 0n ? 1n : (x & 1n ? b : 1n) * power((b * b) % m, x >> 1n, m) % m);
    for (const e of [20n, 21n, 22n]) for (let j = 60n; j < 70n; j++) for (const r0 of [1n, 2n, 3n, -1n, -2n]) {
      const p = 5n ** e, target = (((r0 % p) + p) % p) * power(power(2n, j - e, p), p / 5n * 4n - 1n, p) % p; // 2's inverse: φ(5^e) − 1
      let odd = 2n ** 53n + ((((target - 2n ** 53n) % p) + p) % p);
      if (odd % 2n === 0n) odd += p;
      const d = (odd * 2n ** j) / 10n ** e + (r0 > 0n ? 0n : 1n);
      if (odd < 2n ** 54n && d >= 2n ** 53n && d < 10n ** 19n) nearTies = cases.push(`${d}e${e}`) && nearTies + 1;
    }
    for (const t of cases) {
      const got = decimal(` ${t} `, 1, 1 + t.length);
      if (!Object.is(got, Number(t))) expect([t, got]).toEqual([t, Number(t)]);
    }
    expect(cases.length).toBeGreaterThan(100000);
    expect(nearTies).toBeGreaterThan(10);
  });

  it("reads the literals generated files write, and the edges of the fast path", () => {
    for (const t of ["0.5", "1", "1.25", "2e-3", "1E+5", ".5", "7.", "007", "0.36787944117144233", "2.718281828459045", "123456789012345", "1234567890123456", "1e22", "1e23", "1e-22", "1e-23", "9007199254740993", "0.1", "0.30000000000000004", "1e308", "1e309", "5e-324", "0.000000000000000000000001234"])
      expect([t, decimal(t, 0, t.length)]).toEqual([t, Number(t)]);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { add as radd, compare, mul as rmul, rational, sub as rsub, div as rdiv, type Rational } from "../../../src/numeric/exact/rational.js";
import { add, div, fromNumber, dadd, dmul, interval, mul, nextDown, nextUp, pow, sub, toInterval, cmul, cpoint, type Interval } from "../../../src/numeric/interval/index.js";

/** The exact value of a double as a BigInt rational, by doubling until it is an integer. */
function exact(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError("exact() of a non-finite double");
  let den = 1n, y = x;
  while (!Number.isInteger(y)) { y *= 2; den *= 2n; }
  return rational(BigInt(y), den);
}

const holds = (iv: Interval, q: Rational): boolean =>
  (iv.lo === -Infinity || compare(exact(iv.lo), q) <= 0) && (iv.hi === Infinity || compare(q, exact(iv.hi)) <= 0);
const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e100, max: 1e100 });

describe("nextUp / nextDown", () => {
  it("step one ulp", () => {
    expect(nextUp(1)).toBe(1 + 2 ** -52);
    expect(nextDown(1)).toBe(1 - 2 ** -53);
    expect(nextUp(0)).toBe(Number.MIN_VALUE);
    expect(nextDown(0)).toBe(-Number.MIN_VALUE);
    expect(nextUp(-Number.MIN_VALUE)).toBe(-0);
    expect(nextUp(Number.MAX_VALUE)).toBe(Infinity);
    expect(nextDown(-1)).toBe(-1 - 2 ** -52);
  });
  it("is the next double: nothing lies strictly between", () => {
    fc.assert(fc.property(finite, (x) => {
      const u = nextUp(x);
      return u > x && (x + u) / 2 === x || (x + u) / 2 === u;
    }));
  });
});

describe("outward-rounded interval arithmetic contains the exact result (BigInt rationals)", () => {
  it("for +, −, · and / of point intervals", () => {
    fc.assert(fc.property(finite, finite, (a, b) => {
      const A = interval(a), B = interval(b), qa = exact(a), qb = exact(b);
      const ok = holds(add(A, B), radd(qa, qb)) && holds(sub(A, B), rsub(qa, qb)) && holds(mul(A, B), rmul(qa, qb));
      return ok && (b === 0 || holds(div(A, B), rdiv(qa, qb) as Rational));
    }), { numRuns: 500 });
  });
  it("for products of wide intervals at every corner", () => {
    fc.assert(fc.property(finite, finite, finite, finite, (a, b, c, d) => {
      const A = interval(Math.min(a, b), Math.max(a, b)), B = interval(Math.min(c, d), Math.max(c, d));
      const P = mul(A, B);
      return [a, b].every((x) => [c, d].every((y) => holds(P, rmul(exact(x), exact(y)))));
    }), { numRuns: 300 });
  });
  it("integer powers are tight around 0 and contain the exact power", () => {
    expect(pow(interval(-1, 2), 2).lo).toBe(0);
    expect(pow(interval(-1, 2), 2).hi).toBeGreaterThanOrEqual(4);
    expect(pow(interval(-3, -2), 3).hi).toBeGreaterThanOrEqual(-8);
    fc.assert(fc.property(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.integer({ min: 0, max: 7 }), (x, n) => {
      let q = rational(1n);
      for (let k = 0; k < n; k++) q = rmul(q, exact(x));
      return holds(pow(interval(x), n), q);
    }), { numRuns: 300 });
  });
  it("0.1 + 0.2 encloses the exact sum of the two doubles, not 0.3", () => {
    const s = add(interval(0.1), interval(0.2));
    expect(holds(s, radd(exact(0.1), exact(0.2)))).toBe(true);
    expect(s.hi - s.lo).toBeLessThanOrEqual(4 * Number.EPSILON * 0.3);
  });
  it("complex products contain the exact real and imaginary parts", () => {
    fc.assert(fc.property(finite, finite, finite, finite, (a, b, c, d) => {
      const z = cmul(cpoint(a, b), cpoint(c, d));
      const [qa, qb, qc, qd] = [a, b, c, d].map(exact) as [Rational, Rational, Rational, Rational];
      return holds(z.re, rsub(rmul(qa, qc), rmul(qb, qd))) && holds(z.im, radd(rmul(qa, qd), rmul(qb, qc)));
    }), { numRuns: 300 });
  });
});

describe("dyadic rationals", () => {
  it("represent doubles exactly and round to the tightest enclosing doubles", () => {
    fc.assert(fc.property(finite, finite, finite, (a, b, c) => {
      // a·b + c exactly, then enclosed
      const d = dadd(dmul(fromNumber(a), fromNumber(b)), fromNumber(c));
      const q = radd(rmul(exact(a), exact(b)), exact(c));
      const iv = toInterval(d);
      const tight = iv.lo === iv.hi || nextUp(iv.lo) === iv.hi;
      return holds(iv, q) && tight;
    }), { numRuns: 500 });
  });
  it("keep cancellation exact: (1 + 2^-60) − 1 is 2^-60", () => {
    const d = dadd(dadd(fromNumber(1), fromNumber(2 ** -60)), fromNumber(-1));
    expect(toInterval(d)).toEqual({ lo: 2 ** -60, hi: 2 ** -60 });
  });
});

/**
 * Numbers of an SBML model: a double, and the exact rational when the number is a rational
 * expression of the file's decimal literals. Keeping the exact value lets a volume folded into a
 * rate constant cancel exactly around a cycle, so detailed-balance verdicts stay exact.
 */
import * as Q from "../numeric/exact/rational.js";
import type { Rational } from "../numeric/exact/rational.js";
import { isExactLiteral } from "../network/rate.js";

export interface Num {
  readonly value: number;
  readonly exact: Rational | null;
}

export const num = (value: number): Num => ({ value, exact: null });
export const exactNum = (r: Rational): Num => ({ value: toDouble(r), exact: r });

const TWO53 = 2n ** 53n;

/** The double nearest to r (via 30 significant digits when the parts exceed 2^53). */
export function toDouble(r: Rational): number {
  const a = r.num < 0n ? -r.num : r.num;
  if (a === 0n) return 0;
  if (a <= TWO53 && r.den <= TWO53) return Number(r.num) / Number(r.den);
  const shift = 30 - (a.toString().length - r.den.toString().length);
  const q = shift >= 0 ? (a * 10n ** BigInt(shift)) / r.den : a / (r.den * 10n ** BigInt(-shift));
  const x = parseFloat(`${q}e${-shift}`);
  return r.num < 0n ? -x : x;
}
export const ZERO_N: Num = exactNum(Q.ZERO);
export const ONE_N: Num = exactNum(Q.ONE);

/**
 * Parses a signed decimal literal (`-1.5e3`, `+2`, ` 0.1 `): exactly when it has at most 15
 * significant digits (network/rate.ts), else as the double it prints; `INF`, `NaN` as doubles.
 */
export function parseNum(text: string): Num | undefined {
  const t = text.trim();
  const sign = t.startsWith("-") ? -1n : 1n;
  const body = t.replace(/^[+-]/, "");
  const r = Q.parseDecimal(body);
  // the literal rule of .crn files: more than 15 significant digits is a printed double, inexact
  if (r && !isExactLiteral(body)) return num(sign < 0n ? -Number(body) : Number(body));
  if (r) return exactNum(sign < 0n ? Q.neg(r) : r);
  if (/^(inf|infinity)$/i.test(body)) return num(sign < 0n ? -Infinity : Infinity);
  if (/^nan$/i.test(body)) return num(NaN);
  return undefined;
}

export const isZeroN = (a: Num): boolean => (a.exact ? Q.isZero(a.exact) : a.value === 0);
export const signN = (a: Num): number => (a.exact ? Q.compare(a.exact, Q.ZERO) : Math.sign(a.value));

export function addN(a: Num, b: Num): Num {
  return a.exact && b.exact ? exactNum(Q.add(a.exact, b.exact)) : num(a.value + b.value);
}
export function negN(a: Num): Num {
  return a.exact ? exactNum(Q.neg(a.exact)) : num(-a.value);
}
export function mulN(a: Num, b: Num): Num {
  return a.exact && b.exact ? exactNum(Q.mul(a.exact, b.exact)) : num(a.value * b.value);
}
export function divN(a: Num, b: Num): Num {
  if (a.exact && b.exact) {
    const q = Q.div(a.exact, b.exact);
    return q ? exactNum(q) : num(a.value / b.value);
  }
  return num(a.value / b.value);
}
/** a^b: exact for an exact base and a small integer exponent. */
export function powN(a: Num, b: Num): Num {
  if (a.exact && b.exact && b.exact.den === 1n && b.exact.num >= -64n && b.exact.num <= 64n) {
    const r = Q.powInt(a.exact, Number(b.exact.num));
    if (r) return exactNum(r);
  }
  return num(Math.pow(a.value, b.value));
}

/** The integer value of `a` when it is an integer, else undefined. */
export function integerOf(a: Num): number | undefined {
  if (a.exact) return a.exact.den === 1n ? Number(a.exact.num) : undefined;
  return Number.isInteger(a.value) ? a.value : undefined;
}

/** Writes a big integer readably: `1e13` for 10000000000000, else its digits. */
function intText(n: bigint): string {
  const s = n.toString();
  const m = /^(-?\d*?[1-9])(0{3,})$/.exec(s);
  return m ? `${m[1]}e${m[2]!.length}` : s;
}

/** A double in the language's number syntax: shortest round-trip form, no `+` in the exponent. */
export function doubleText(x: number): string {
  return String(x).replace("e+", "e");
}

/**
 * The factor that marks a floating-point result (of exp, a real power, …) as inexact: exp(0) is
 * exactly 1, and the compiler keeps no exact value for an expression with exp in it, so it
 * compares such rate constants with a tolerance instead of exactly.
 */
export const INEXACT = "exp(0)";

/**
 * A number as the network language writes it, keeping the exact value: the shortest round-trip
 * decimal when it is exact, else `N / D` with integers; a floating-point result is `x * exp(0)`,
 * or just `x` when x has more than 15 significant digits (inexact by the literal rule).
 */
export function numText(a: Num): string {
  if (!a.exact) {
    // a printed double's 16–17 digits are inexact by the literal rule already
    const text = doubleText(a.value);
    return isExactLiteral(text) ? `${text} * ${INEXACT}` : text;
  }
  const short = doubleText(a.value);
  const back = parseNum(short);
  if (back?.exact && Q.equals(back.exact, a.exact)) return short;
  if (a.exact.den === 1n) return intText(a.exact.num);
  return `${intText(a.exact.num)} / ${intText(a.exact.den)}`;
}

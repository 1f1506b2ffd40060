/**
 * Exact rationals over BigInt, always in lowest terms with a positive denominator.
 * Used for rate constants written as decimal literals (and rational expressions of them), so that
 * detailed-balance verdicts compare products of rationals exactly.
 */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** num / den in lowest terms with a positive denominator; RangeError when den is 0. */
export function rational(num: bigint, den: bigint = 1n): Rational {
  if (den === 0n) throw new RangeError("rational with zero denominator");
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

/** The rationals 0 and 1. */
export const ZERO: Rational = { num: 0n, den: 1n };
export const ONE: Rational = { num: 1n, den: 1n };

/** a + b, a − b, a · b and −a, in lowest terms. */
export const add = (a: Rational, b: Rational): Rational => rational(a.num * b.den + b.num * a.den, a.den * b.den);
export const sub = (a: Rational, b: Rational): Rational => rational(a.num * b.den - b.num * a.den, a.den * b.den);
export const mul = (a: Rational, b: Rational): Rational => rational(a.num * b.num, a.den * b.den);
export const neg = (a: Rational): Rational => ({ num: -a.num, den: a.den });
/** a = 0. */
export const isZero = (a: Rational): boolean => a.num === 0n;
/** a = b (both are in lowest terms, so this compares numerators and denominators). */
export const equals = (a: Rational, b: Rational): boolean => a.num === b.num && a.den === b.den;
/** The sign of a − b: −1, 0 or 1. */
export const compare = (a: Rational, b: Rational): number => {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};

/** a / b; undefined when b is zero. */
export function div(a: Rational, b: Rational): Rational | undefined {
  return b.num === 0n ? undefined : rational(a.num * b.den, a.den * b.num);
}

/** a ^ n for an integer n; undefined for 0 ^ negative. */
export function powInt(a: Rational, n: number): Rational | undefined {
  if (n < 0) {
    const inv = div(ONE, a);
    return inv === undefined ? undefined : powInt(inv, -n);
  }
  const e = BigInt(n);
  return { num: a.num ** e, den: a.den ** e };
}

/**
 * Parses a decimal literal (`3`, `2.5`, `.5`, `1e-3`, `6.02E23`) exactly.
 * Returns undefined for text that is not such a literal.
 */
export function parseDecimal(text: string): Rational | undefined {
  const m = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || (m[1] === "" && (m[2] ?? "") === "")) return undefined;
  const intPart = m[1] ?? "";
  const frac = m[2] ?? "";
  const exp = m[3] === undefined ? 0 : Number(m[3]);
  if (!Number.isFinite(exp) || Math.abs(exp) > 10000) return undefined;
  const all = intPart + frac;
  const digits = BigInt(all.replace(/^0+(?=\d)/, "") || "0");
  const scale = exp - frac.length;
  if (scale >= 0) return { num: digits * pow(10, scale), den: 1n };
  // a last digit of 1, 3, 7 or 9: neither 2 nor 5 divides it, so digits / 10^k is in lowest terms
  const last = all.charCodeAt(all.length - 1) - 48;
  if (last % 2 === 1 && last !== 5) return { num: digits, den: pow(10, -scale) };
  return reduceDecimal(digits, -scale);
}

/** Small powers of 2, 5 and 10 as BigInt, from a table: literals ask for the same few again and again. */
const POWERS = new Map<number, bigint[]>([[2, []], [5, []], [10, []]]);

function pow(base: 2 | 5 | 10, k: number): bigint {
  const table = POWERS.get(base)!;
  if (k >= 64) return BigInt(base) ** BigInt(k);
  return (table[k] ??= BigInt(base) ** BigInt(k));
}

/** digits / 10^k in lowest terms: the only common factors are 2 and 5, so no gcd is needed. */
function reduceDecimal(digits: bigint, k: number): Rational {
  if (digits === 0n) return ZERO;
  let twos = 0, fives = 0;
  let n = digits;
  while (twos < k && (n & 1n) === 0n) {
    n >>= 1n;
    twos++;
  }
  while (fives < k && n % 5n === 0n) {
    n /= 5n;
    fives++;
  }
  return { num: n, den: twos === fives ? pow(10, k - twos) : pow(2, k - twos) * pow(5, k - fives) };
}

/** The nearest double. Exact for small parts; goes through a scaled quotient for huge ones. */
export function toNumber(a: Rational): number {
  const n = Number(a.num), d = Number(a.den);
  if (Number.isFinite(n) && Number.isFinite(d)) return n / d;
  // Scale both to ~1e300 range, keeping their ratio.
  const shift = BigInt(Math.max(a.num.toString().length, a.den.toString().length) - 300);
  const s = 10n ** (shift > 0n ? shift : 0n);
  return Number(a.num / s) / Number(a.den / s);
}


function bitLength(x: bigint): number {
  if (x < 0n) x = -x;
  let bits = 0;
  // hexadecimal digits are cheap to count for small numbers; shift through large ones
  while (x >= 1n << 1024n) {
    x >>= 1024n;
    bits += 1024;
  }
  return bits + (x === 0n ? 0 : x.toString(2).length);
}

/** a / b as a double for integers of any size, without reducing the fraction (no gcd). */
export function bigRatio(a: bigint, b: bigint): number {
  if (a === 0n) return 0;
  const sign = (a < 0n) !== (b < 0n) ? -1 : 1;
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  const la = bitLength(a), lb = bitLength(b);
  const sa = Math.max(0, la - 64), sb = Math.max(0, lb - 64);
  const top = Number(a >> BigInt(sa)) / Number(b >> BigInt(sb));
  return sign * top * 2 ** (sa - sb);
}

/** ln(a / b) for positive integers of any size, without reducing the fraction. */
export function bigLogRatio(a: bigint, b: bigint): number {
  const la = bitLength(a), lb = bitLength(b);
  const sa = Math.max(0, la - 64), sb = Math.max(0, lb - 64);
  return Math.log(Number(a >> BigInt(sa))) - Math.log(Number(b >> BigInt(sb))) + (sa - sb) * Math.LN2;
}

/**
 * The double a decimal literal stands for, read from a line's characters without slicing it out:
 * the fast path's rate literals (fast-reaction.ts) and declared amounts (declarations.ts).
 */

import { twoProductError, twoSumError } from "../numeric/eft.js";

/** Powers of ten a double holds exactly: 10^0 … 10^22. */
const EXACT_TENS: readonly number[] = Object.freeze(Array.from({ length: 23 }, (_, k) => 10 ** k));

/** The largest integer below which every integer is a double, 2^53. */
const EXACT_INTEGERS = 2 ** 53;

/** What reading a literal gives: its double and its significant digits (as network/rate.ts counts them). */
export interface DecimalRead {
  value: number;
  significant: number;
}

/**
 * The value of the number literal t[start, end) (the scanner's `(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?`),
 * as Number() reads it. When its digits D, read as an integer, are below 2^53 and the power of ten
 * is at most 10^22, D and 10^|e| are exact doubles, so D·10^e or D/10^−e is one correctly rounded
 * operation, which is what Number() gives (Clinger's fast path); anything else goes to Number().
 * (While D is below 2^53 every partial sum is exact; once it is not, the rounded sum is not below
 * 2^53 either, so the test cannot be fooled.)
 */
export function decimal(t: string, start: number, end: number): number {
  return readDecimal(t, start, end, { value: 0, significant: 0 }).value;
}

/**
 * `decimal`, writing into `out` its value and its significant digits (the first to the last
 * non-zero digit of the mantissa, network/rate.ts's significantDigits) in the same pass.
 */
export function readDecimal(t: string, start: number, end: number, out: DecimalRead): DecimalRead {
  let digits = 0, count = 0, first = -1, last = -1, fraction = 0, i = start, point = false;
  // the same digits from the first non-zero one, exactly: the first 15 in `high`, up to 4 more in `low`
  let high = 0, low = 0, lowDigits = 0, kept = 0;
  for (; i < end; i++) {
    const c = t.charCodeAt(i);
    if (c === 46) {
      point = true;
      continue;
    }
    if (c < 48 || c > 57) break;
    count++;
    if (c !== 48) {
      if (first < 0) first = count;
      last = count;
    }
    digits = 10 * digits + (c - 48);
    if (point) fraction++;
    if (first < 0) continue;
    if (++kept <= 15) high = 10 * high + (c - 48);
    else if (kept <= 19) {
      low = 10 * low + (c - 48);
      lowDigits++;
    }
  }
  out.significant = first < 0 ? 0 : last - first + 1;
  let exponent = 0;
  if (i < end) {
    // [eE][+-]?\d+
    let j = i + 1, sign = 1;
    const c = t.charCodeAt(j);
    if (c === 45 || c === 43) {
      sign = c === 45 ? -1 : 1;
      j++;
    }
    if (end - j > 3) {
      out.value = Number(t.slice(start, end));
      return out;
    }
    for (; j < end; j++) exponent = 10 * exponent + (t.charCodeAt(j) - 48);
    exponent *= sign;
  }
  const e = exponent - fraction;
  if (e < -22 || e > 22) out.value = Number(t.slice(start, end));
  else if (digits < EXACT_INTEGERS) out.value = e >= 0 ? digits * EXACT_TENS[e]! : digits / EXACT_TENS[-e]!;
  else {
    // 16 to 19 digits (what a double's shortest form and most generated files write): read in
    // double-double when that decides the rounding, else by Number()
    const wide = kept <= 19 ? wideDecimal(high, low, lowDigits, e) : NaN;
    out.value = Number.isNaN(wide) ? Number(t.slice(start, end)) : wide;
  }
  return out;
}

/** 2^-50: a generous multiple of the unit roundoff 2^-53 for the error bounds below. */
const SLACK = 2 ** -50;

/**
 * The double nearest D·10^e, D = high·10^lowDigits + low (2^53 ≤ D < 10^19, |e| ≤ 22), or NaN
 * when the double-double value below cannot decide it (then Number() must). D is held exactly as
 * dh + dl; the product or quotient by the exact 10^|e| is formed as x + r with an error bound b
 * (error-free transformations, numeric/eft.ts), and x is the correctly rounded value whenever
 * |r| + b is below half the spacing of doubles at x. An exact tie, a value that close to one, or an
 * x that is a power of two (where the spacing below is half the spacing above) is left to Number().
 */
function wideDecimal(high: number, low: number, lowDigits: number, e: number): number {
  const scale = EXACT_TENS[lowDigits]!;
  // high·10^k is an integer below 10^19: a + b exactly, then + low; every part an integer, dl below 2^12
  const a = high * scale, b = twoProductError(high, scale, a);
  const s = a + low, ds = twoSumError(a, low, s);
  const sum = s + (b + ds), dl = (b + ds) - (sum - s), dh = sum;
  let x: number, r: number, bound: number;
  if (e >= 0) {
    const p = EXACT_TENS[e]!, ph = dh * p, pl = twoProductError(dh, p, ph);
    const tail = dl * p, c = pl + tail;
    x = ph + c;
    r = twoSumError(ph, c, x);
    bound = (Math.abs(pl) + Math.abs(tail)) * SLACK;
  } else {
    const p = EXACT_TENS[-e]!, q1 = dh / p;
    // the remainder dh + dl − q1·p: dh − mh is exact (Sterbenz), the rest rounded twice
    const mh = q1 * p, ml = twoProductError(q1, p, mh);
    const s1 = (dh - mh) - ml, rem = s1 + dl, q2 = rem / p;
    x = q1 + q2;
    r = twoSumError(q1, q2, x);
    bound = (Math.abs(s1) / p + Math.abs(q2)) * SLACK;
  }
  const half = halfSpacing(x);
  return Math.abs(r) + bound < half ? x : NaN;
}

const bits = new Float64Array(1), words = new Uint32Array(bits.buffer);
const HIGH = new Uint16Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0; // the word with the sign and exponent

/** Half the spacing of doubles at the normal, positive x (0 for a power of two: the caller then declines). */
function halfSpacing(x: number): number {
  bits[0] = x;
  const hi = words[HIGH]!, exp = (hi >>> 20) & 0x7ff;
  if ((hi & 0xfffff) === 0 && words[1 - HIGH] === 0) return 0;
  // 2^(exp − 1023 − 53), built from its bits: exp − 53 ≥ 1 for every x this reads (≥ 2^53·10^−22)
  words[HIGH] = (exp - 53) << 20;
  words[1 - HIGH] = 0;
  return bits[0]!;
}

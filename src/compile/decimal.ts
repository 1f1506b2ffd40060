/**
 * The double a decimal literal stands for, read from a line's characters without slicing it out:
 * the fast path's rate literals (fast-reaction.ts) and declared amounts (declarations.ts).
 */

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
  if (!(digits < EXACT_INTEGERS) || e < -22 || e > 22) out.value = Number(t.slice(start, end));
  else out.value = e >= 0 ? digits * EXACT_TENS[e]! : digits / EXACT_TENS[-e]!;
  return out;
}

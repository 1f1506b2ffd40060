/**
 * The double a decimal literal stands for, read from a line's characters without slicing it out:
 * the fast path's rate literals (fast-reaction.ts) and declared amounts (declarations.ts).
 */

/** Powers of ten a double holds exactly: 10^0 … 10^22. */
const EXACT_TENS: readonly number[] = Object.freeze(Array.from({ length: 23 }, (_, k) => 10 ** k));

/**
 * The value of the number literal t[start, end) (the scanner's `(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?`),
 * as Number() reads it. With at most 15 significant digits and a power of ten up to 10^22 the
 * digits D and 10^|e| are exact doubles, so D·10^e or D/10^−e is one correctly rounded operation,
 * which is what Number() gives (Clinger's fast path); anything longer goes to Number().
 */
export function decimal(t: string, start: number, end: number): number {
  let digits = 0, significant = 0, fraction = 0, i = start, point = false;
  for (; i < end; i++) {
    const c = t.charCodeAt(i);
    if (c === 46) {
      point = true;
      continue;
    }
    if (c < 48 || c > 57) break;
    if (c !== 48 || significant > 0) significant++;
    digits = 10 * digits + (c - 48);
    if (point) fraction++;
  }
  let exponent = 0;
  if (i < end) {
    // [eE][+-]?\d+
    let j = i + 1, sign = 1;
    const c = t.charCodeAt(j);
    if (c === 45 || c === 43) {
      sign = c === 45 ? -1 : 1;
      j++;
    }
    if (end - j > 3) return Number(t.slice(start, end));
    for (; j < end; j++) exponent = 10 * exponent + (t.charCodeAt(j) - 48);
    exponent *= sign;
  }
  const e = exponent - fraction;
  if (significant > 15 || e < -22 || e > 22) return Number(t.slice(start, end));
  return e >= 0 ? digits * EXACT_TENS[e]! : digits / EXACT_TENS[-e]!;
}

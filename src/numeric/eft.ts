/**
 * Error-free transformations of floating-point arithmetic (Dekker, Knuth): the exact error of a
 * product or a sum of two doubles, as a double. JavaScript has no fused multiply-add, so the
 * product's error is found by Veltkamp's splitting (each factor into two halves of 26 bits, whose
 * products are exact). Exact while nothing overflows (|a|, |b| below about 2^996).
 *
 *   const p = a * b, e = twoProductError(a, b, p);   // a·b = p + e exactly
 *   const s = a + b, f = twoSumError(a, b, s);       // a + b = s + f exactly
 */

const SPLIT = 134217729; // 2^27 + 1

/** The error of the rounded product p = fl(a·b): a·b − p, exactly. */
export function twoProductError(a: number, b: number, p: number): number {
  const ca = SPLIT * a, cb = SPLIT * b;
  const ah = ca - (ca - a), al = a - ah, bh = cb - (cb - b), bl = b - bh;
  return al * bl - (((p - ah * bh) - al * bh) - ah * bl);
}

/** The error of the rounded sum s = fl(a + b): a + b − s, exactly (Knuth's TwoSum, any order of magnitude). */
export function twoSumError(a: number, b: number, s: number): number {
  const z = s - a;
  return (a - (s - z)) + (b - z);
}

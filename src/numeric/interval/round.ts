/**
 * Outward rounding without rounding modes. JavaScript cannot switch the FPU to round up or
 * down, but every +, −, ·, / and sqrt is correctly rounded to nearest, so the exact result lies
 * within half an ulp of the computed one: stepping the computed value one representable double
 * down (nextDown) and up (nextUp) gives an enclosure of the exact result. Each interval
 * operation in this folder does exactly that, so enclosures are one ulp wider each side than
 * true directed rounding would give, and never wrong.
 *
 * The step is done on the bit pattern: for a positive finite double, the next double up is the
 * 64-bit integer pattern plus one. A DataView with explicit little-endian access makes this
 * independent of the platform's byte order. The scratch view is written and read within one
 * call and carries nothing between calls.
 */
const scratch = new DataView(new ArrayBuffer(8));

/** The smallest double greater than x (x itself for NaN and +Infinity). */
export function nextUp(x: number): number {
  if (x !== x || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  if (x === -Infinity) return -Number.MAX_VALUE;
  scratch.setFloat64(0, x, true);
  let lo = scratch.getUint32(0, true);
  let hi = scratch.getUint32(4, true);
  if (x > 0) {
    lo = (lo + 1) >>> 0;
    if (lo === 0) hi = (hi + 1) >>> 0;
  } else {
    if (lo === 0) hi = (hi - 1) >>> 0;
    lo = (lo - 1) >>> 0;
  }
  scratch.setUint32(0, lo, true);
  scratch.setUint32(4, hi, true);
  return scratch.getFloat64(0, true);
}

/** The largest double less than x (x itself for NaN and −Infinity). */
export function nextDown(x: number): number {
  return -nextUp(-x);
}

/**
 * Exact dyadic rationals m·2^e (m a BigInt): every double is one, and sums and products of
 * dyadics are dyadics, so a polynomial with double coefficients evaluated at a point with double
 * coordinates has an exact dyadic value. Certification evaluates F at the box centre this way and
 * rounds the exact value outward once, so the residual enclosure is one ulp of the residual, not
 * one ulp of the largest term (cancellation costs nothing). No gcd is ever taken, which keeps
 * this several times faster than general rationals.
 *
 *     toInterval(add(fromNumber(0.1), fromNumber(0.2)))   // the exact sum of the two doubles, enclosed
 */
import type { Interval } from "./interval.js";
import { nextDown, nextUp } from "./round.js";

export interface Dyadic {
  readonly m: bigint;
  readonly e: number;
}

export const DYADIC_ZERO: Dyadic = { m: 0n, e: 0 };

const scratch = new DataView(new ArrayBuffer(8));

/** The exact dyadic value of a finite double; a RangeError for NaN or ±Infinity. */
export function fromNumber(x: number): Dyadic {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  if (x === 0) return DYADIC_ZERO;
  scratch.setFloat64(0, x, true);
  const hi = scratch.getUint32(4, true), lo = scratch.getUint32(0, true);
  const biased = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  const m = biased === 0 ? frac : frac | (1n << 52n);
  const e = (biased === 0 ? 1 : biased) - 1075;
  return { m: x < 0 ? -m : m, e };
}

export const dmul = (a: Dyadic, b: Dyadic): Dyadic => (a.m === 0n || b.m === 0n ? DYADIC_ZERO : { m: a.m * b.m, e: a.e + b.e });

export function dadd(a: Dyadic, b: Dyadic): Dyadic {
  if (a.m === 0n) return b;
  if (b.m === 0n) return a;
  const e = Math.min(a.e, b.e);
  return { m: (a.m << BigInt(a.e - e)) + (b.m << BigInt(b.e - e)), e };
}

export const dneg = (a: Dyadic): Dyadic => ({ m: -a.m, e: a.e });
export const dsub = (a: Dyadic, b: Dyadic): Dyadic => dadd(a, dneg(b));

/** Sign of a − b. */
export function dcompare(a: Dyadic, b: Dyadic): number {
  const d = dsub(a, b).m;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** m·2^k as a double, the scaling done in steps that are exact in the normal range. */
function scale(x: number, k: number): number {
  while (k > 1000) { x *= 2 ** 1000; k -= 1000; }
  while (k < -1000) { x *= 2 ** -1000; k += 1000; }
  return x * 2 ** k;
}

/** A nearby double (not rigorous; the start of toInterval). */
export function approx(a: Dyadic): number {
  if (a.m === 0n) return 0;
  const bits = (a.m < 0n ? -a.m : a.m).toString(2).length;
  const s = Math.max(0, bits - 60);
  return scale(Number(a.m >> BigInt(s)), a.e + s);
}

/**
 * The tightest interval of doubles around the exact value: start at a nearby double, then step
 * down (up) until the bound is ≤ (≥) the exact value, each comparison exact.
 */
export function toInterval(a: Dyadic): Interval {
  if (a.m === 0n) return { lo: 0, hi: 0 };
  const x = approx(a);
  if (!Number.isFinite(x)) return x > 0 ? { lo: Number.MAX_VALUE, hi: Infinity } : { lo: -Infinity, hi: -Number.MAX_VALUE };
  let lo = x, hi = x;
  while (dcompare(fromNumber(lo), a) > 0) lo = nextDown(lo);
  while (dcompare(fromNumber(hi), a) < 0) {
    hi = nextUp(hi);
    if (!Number.isFinite(hi)) break;
  }
  return { lo, hi };
}

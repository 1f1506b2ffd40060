/**
 * Real intervals [lo, hi] with outward rounding (see round.ts): every operation returns an
 * interval that contains the exact result of the operation on any points of its operands.
 * Plain immutable objects; intervals are used to certify roots, not in hot loops.
 *
 *     const x = interval(1, 2);
 *     mul(x, x)            // ⊇ [1, 4]
 *     sub(x, x)            // ⊇ [-1, 1]: interval arithmetic forgets that both are the same x
 */
import { nextDown, nextUp } from "./round.js";

export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

/** [lo, hi]; a RangeError when lo > hi or either is NaN (an empty interval is never made). */
export function interval(lo: number, hi: number = lo): Interval {
  if (!(lo <= hi)) throw new RangeError(`not an interval: [${lo}, ${hi}]`);
  return { lo, hi };
}

/** The point interval [x, x] (exact: x is a double). */
export const point = (x: number): Interval => ({ lo: x, hi: x });

/** [x − r, x + r] rounded outward. */
export const ball = (x: number, r: number): Interval => ({ lo: nextDown(x - r), hi: nextUp(x + r) });

/** Rounds a computed [lo, hi] outward, except where the bound is exact by construction. */
const out = (lo: number, hi: number): Interval => ({ lo: nextDown(lo), hi: nextUp(hi) });

export const add = (a: Interval, b: Interval): Interval => out(a.lo + b.lo, a.hi + b.hi);
export const sub = (a: Interval, b: Interval): Interval => out(a.lo - b.hi, a.hi - b.lo);
export const neg = (a: Interval): Interval => ({ lo: -a.hi, hi: -a.lo });

export function mul(a: Interval, b: Interval): Interval {
  if ((a.lo === 0 && a.hi === 0) || (b.lo === 0 && b.hi === 0)) return { lo: 0, hi: 0 };
  const p = a.lo * b.lo, q = a.lo * b.hi, r = a.hi * b.lo, s = a.hi * b.hi;
  return out(Math.min(p, q, r, s), Math.max(p, q, r, s));
}

/** a / b; a RangeError when b contains 0 (extended division is never needed here). */
export function div(a: Interval, b: Interval): Interval {
  if (b.lo <= 0 && b.hi >= 0) throw new RangeError("interval division by an interval containing 0");
  const p = a.lo / b.lo, q = a.lo / b.hi, r = a.hi / b.lo, s = a.hi / b.hi;
  return out(Math.min(p, q, r, s), Math.max(p, q, r, s));
}

/** a^n for an integer n ≥ 0, tight for even n (a^2 of [-1, 2] is [0, 4], not [-2, 4]). */
export function pow(a: Interval, n: number): Interval {
  if (n === 0) return { lo: 1, hi: 1 };
  const absLo = Math.abs(a.lo), absHi = Math.abs(a.hi);
  const even = n % 2 === 0;
  if (even && a.lo <= 0 && a.hi >= 0) {
    const m = Math.max(absLo, absHi);
    let h = 1;
    for (let k = 0; k < n; k++) h = nextUp(h * m);
    return { lo: 0, hi: h };
  }
  // Monotone on the interval (odd n, or even n on one side of 0): power each bound with
  // rounding at every multiplication, directed by the sign.
  const [from, to] = even && a.hi < 0 ? [absHi, absLo] : [a.lo, a.hi];
  return { lo: powDirected(from, n, false), hi: powDirected(to, n, true) };
}

/** x^n rounded up (up = true) or down, one multiplication at a time. */
function powDirected(x: number, n: number, up: boolean): number {
  const neg = x < 0 && n % 2 === 1;
  const m = Math.abs(x);
  let p = 1;
  // |x|^n rounded away from zero when the sign-corrected result must go in direction `up`.
  const away = neg ? !up : up;
  for (let k = 0; k < n; k++) p = away ? nextUp(p * m) : Math.max(0, nextDown(p * m));
  return neg ? -p : p;
}

/** The smallest interval holding both. */
export const hull = (a: Interval, b: Interval): Interval => ({ lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) });
/** a ∩ b, or undefined when they are disjoint. */
export function intersect(a: Interval, b: Interval): Interval | undefined {
  const lo = Math.max(a.lo, b.lo), hi = Math.min(a.hi, b.hi);
  return lo <= hi ? { lo, hi } : undefined;
}
/** a lies in the interior of b: b.lo < a.lo and a.hi < b.hi. */
export const inInterior = (a: Interval, b: Interval): boolean => b.lo < a.lo && a.hi < b.hi;
export const contains = (a: Interval, x: number): boolean => a.lo <= x && x <= a.hi;
/** hi − lo rounded up; the radius used for inflation. */
export const width = (a: Interval): number => nextUp(a.hi - a.lo);
/** A double in [lo, hi] near the midpoint. */
export const mid = (a: Interval): number => (a.lo === a.hi ? a.lo : a.lo / 2 + a.hi / 2);
/** max |x| over the interval (exact: a bound of the interval). */
export const mag = (a: Interval): number => Math.max(Math.abs(a.lo), Math.abs(a.hi));

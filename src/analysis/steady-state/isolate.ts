/**
 * Confirming the roots of a one-dimensional class by the exact sign of g(t) = q · dx/dt
 * (exact-sign.ts). The floating root isolation (numeric/continuous/polynomial.ts) reports a
 * critical point where g is within rounding of 0 as an even root; two simple roots 1e-7 apart
 * look exactly like that (the dip between them is ~1e-15 of the rates). For each floating root t:
 *
 *   - g(t) = 0 exactly: a root.
 *   - g changes sign exactly within t ± h0 (h0 = 2^-44 max(|t|, class scale)): a simple root, bisected exactly to
 *     adjacent doubles.
 *   - otherwise the exact sign is looked for on each side, h = h0, 2h0, 4h0, … up to halfway to
 *     the neighbouring roots: every side where it flips holds a simple root, bisected exactly. Two
 *     flips are two distinct roots (opposite slopes, one stable, one unstable), one flip is one.
 *   - no flip and g(t) ≠ 0: t is a root to rounding only ("unconfirmed"); the caller may list it
 *     after certification but cannot call the list proved complete.
 */
import type { CompatibilityClass } from "./class.js";
import type { Kinetics } from "./kinetics.js";
import { exactNetRateSign } from "./exact-sign.js";

/** Half-width of the first bracket around a floating root, relative to |t|. */
const FIRST_BRACKET = 2 ** -44;
/** Doublings of the search on each side: from 2^-44 to 2^56 times the scale. */
const MAX_DOUBLINGS = 100;

export interface ConfirmedRoots {
  /** Ascending roots in t, each bracketed by an exact sign change or an exact zero, or unconfirmed. */
  readonly roots: readonly number[];
  /** How many listed roots have no exact sign change or zero behind them. */
  readonly unconfirmed: number;
}

/**
 * The floating roots `ts` (ascending, in [lo, hi]) checked and split by exact signs (module comment).
 *
 *   // X = 0;  0 <-> X @ 2.0000002, 5.0000003;  2 X <-> 3 X @ 4.0000001, 1: g = −(x−1)(x−1−1e-7)(x−2)
 *   confirmRoots(kin, cls, [1.00000005, 2], 0, Infinity);
 *   // { roots: [1.0000000000000…, 1.0000001000000…, 2], unconfirmed: 0 }
 */
export function confirmRoots(kin: Kinetics, cls: CompatibilityClass, ts: readonly number[], lo: number, hi: number): ConfirmedRoots {
  const sign = (t: number): number => exactNetRateSign(kin, cls, t);
  const roots: number[] = [];
  let unconfirmed = 0;
  for (const [j, t] of ts.entries()) {
    const s0 = sign(t);
    if (s0 === 0) {
      roots.push(t);
      continue;
    }
    const prev = ts[j - 1], next = ts[j + 1];
    const left = prev === undefined ? lo : prev + (t - prev) / 2;
    const right = next === undefined ? hi : t + (next - t) / 2;
    const h0 = Math.max(Math.abs(t), cls.scale) * FIRST_BRACKET;
    const a = Math.max(left, t - h0), b = Math.min(right, t + h0);
    const sa = sign(a), sb = sign(b);
    if (sa !== s0 && sa !== 0 && sb === s0) {
      roots.push(bisect(sign, a, t, sa));
      continue;
    }
    if (sb !== s0 && sb !== 0 && sa === s0) {
      roots.push(bisect(sign, t, b, s0));
      continue;
    }
    const found = [flipOnSide(sign, t, s0, left, h0, -1), flipOnSide(sign, t, s0, right, h0, 1)].filter((r): r is number => r !== null);
    if (found.length === 0) {
      roots.push(t);
      unconfirmed++;
    } else roots.push(...found);
  }
  return { roots: [...new Set(roots)].sort((u, v) => u - v), unconfirmed };
}

/** The root where sign first differs from s0 going from t towards `bound` (direction ±1), or null. */
function flipOnSide(sign: (t: number) => number, t: number, s0: number, bound: number, h0: number, dir: 1 | -1): number | null {
  let inner = t;
  for (let h = h0, k = 0; k < MAX_DOUBLINGS; h *= 2, k++) {
    const far = dir < 0 ? Math.max(bound, t - h) : Math.min(bound, t + h);
    const s = sign(far);
    if (s === 0) return far;
    if (s !== s0) return dir < 0 ? bisect(sign, far, inner, s) : bisect(sign, inner, far, s0);
    if (far === bound || !Number.isFinite(far)) return null;
    inner = far;
  }
  return null;
}

/** A point where the exact sign changes in [a, b] (sign(a) = sa ≠ sign(b)), to adjacent doubles. */
function bisect(sign: (t: number) => number, a: number, b: number, sa: number): number {
  let lo = a, hi = b;
  for (;;) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) return lo;
    const s = sign(mid);
    if (s === 0) return mid;
    if (s === sa) lo = mid;
    else hi = mid;
  }
}

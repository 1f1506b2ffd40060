/**
 * Steady states of a one-dimensional class where the polynomial of search.ts cannot be formed:
 * with powers like A¹⁰⁰⁰ its coefficients overflow and cancel. Along the class x = x0 + t q,
 *   g(t) = q·dx/dt = Σ_r (q·S_r) (v⁺_r(t) − v⁻_r(t)),  ln v = ln k + Σ_i α_i ln x_i(t),
 * is evaluated with every term scaled by the largest e^(ln v) (so nothing underflows), its sign
 * changes on a grid over the interval where x ≥ 0 are bisected to the last bit, and the roots are
 * returned for the caller to certify. Not proved complete: roots closer than the grid spacing with
 * no sign change between them can be missed.
 */
import { type CompatibilityClass, toSpecies } from "./class.js";
import type { Kinetics } from "./kinetics.js";
import type { SteadyStateThresholds } from "./options.js";

/** Grid points of the scan; a named constant rather than an option, as the result is certified anyway. */
const SCAN_POINTS = 4096;

/**
 * The roots of g(t) found by sign changes on a grid and bisection (see the module comment), as
 * species vectors. Assumes a one-dimensional class (`cls.basis.length === 1`).
 *
 *   // species A = 1, B;  1000 A <-> 1000 B @ 1, 2:  g ∝ A¹⁰⁰⁰ − 2 B¹⁰⁰⁰, A + B = 1
 *   scanUnivariate(kin, cls, o);   // [[0.500173…, 0.499826…]]
 */
export function scanUnivariate(kin: Kinetics, cls: CompatibilityClass, o: SteadyStateThresholds): number[][] {
  const [q] = cls.basis;
  if (q === undefined || cls.basis.length !== 1) return [];
  let lo = -Infinity, hi = Infinity;
  for (const [i, qi] of q.entries()) {
    const xi = cls.x0[i] ?? NaN;
    if (qi > 0) lo = Math.max(lo, -xi / qi);
    else if (qi < 0) hi = Math.min(hi, xi / -qi);
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(hi > lo)) return [];
  const weight = kin.columns.map((column) => column.reduce((s, [i, c]) => s + c * (q[i] ?? NaN), 0));
  const sign = (t: number): number => {
    const x = toSpecies(cls, [t]).map((v) => Math.max(0, v));
    const logRate = (m: { k: number; terms: readonly { index: number; coefficient: number }[] } | null | undefined): number =>
      m ? m.terms.reduce((s, u) => s + u.coefficient * Math.log(x[u.index] ?? NaN), Math.log(m.k)) : -Infinity;
    const terms: [number, number][] = [];
    for (const [r, w] of weight.entries()) {
      if (w === 0) continue;
      terms.push([w, logRate(kin.forward[r])], [-w, logRate(kin.reverse[r])]);
    }
    let top = -Infinity;
    for (const [, l] of terms) top = Math.max(top, l);
    if (top === -Infinity) return 0;
    let g = 0;
    for (const [w, l] of terms) g += w * Math.exp(l - top);
    return Math.sign(g);
  };
  const roots: number[][] = [];
  let tPrev = lo, sPrev = sign(lo);
  if (sPrev === 0) roots.push(toSpecies(cls, [lo]));
  for (let k = 1; k <= SCAN_POINTS; k++) {
    const t = k === SCAN_POINTS ? hi : lo + ((hi - lo) * k) / SCAN_POINTS;
    const s = sign(t);
    if (s === 0) roots.push(toSpecies(cls, [t]));
    else if (sPrev !== 0 && s !== sPrev) roots.push(toSpecies(cls, [bisect(sign, tPrev, t, sPrev)]));
    tPrev = t;
    sPrev = s;
  }
  const clip = o.zeroCut * cls.scale;
  return roots.map((x) => x.map((v) => (Math.abs(v) < clip ? 0 : Math.max(0, v))));
}

/** The point where `sign` changes in [a, b] (sign(a) = sa), to the last bit. */
function bisect(sign: (t: number) => number, a: number, b: number, sa: number): number {
  let lo = a, hi = b;
  for (let it = 0; it < 200; it++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    const s = sign(mid);
    if (s === 0) return mid;
    if (s === sa) lo = mid;
    else hi = mid;
  }
  return lo + (hi - lo) / 2;
}

/**
 * Finding the steady states of a mass-action network in one compatibility class.
 * - `univariateSteadyStates`: when the class is one-dimensional (rank S = 1), x = x0 + t q and
 *   the dynamics along the class is dt/dt = g(t) = q·f(x0 + t q), a polynomial in t; every real
 *   root on the interval where x ≥ 0 is found (`realRoots`), then polished by Newton. Complete.
 * - `multiStartSteadyStates`: damped Newton, falling back to pseudo-transient continuation, from
 *   seeded interior points of the class, some pushed near faces to catch boundary states.
 *   Not proved complete.
 */
import { newtonSolve } from "../../numeric/continuous/newton.js";
import { polyAdd, polyMul, polyPow, polyScale, realRoots, type Polynomial } from "../../numeric/continuous/polynomial.js";
import { type Kinetics, rateScale, rhs } from "./kinetics.js";
import { type CompatibilityClass, fullSystem, interiorPoint, isSteady, reducedJacobian, toReduced, toSpecies } from "./class.js";
import { mulberry32 } from "../../numeric/random.js";
import { confirmRoots } from "./isolate.js";
import { eigenvalues } from "../../numeric/continuous/eigen.js";
import { maxAbs } from "../../numeric/continuous/dense.js";
import type { SteadyStateThresholds } from "./options.js";

/** Newton (then pseudo-transient continuation) from a species-space point to `steadyTolerance`, then `clean`. Null when it fails. */
export function polish(kin: Kinetics, cls: CompatibilityClass, x: readonly number[], o: SteadyStateThresholds): number[] | null {
  const system = fullSystem(kin, cls, o.steadyTolerance, o.zeroCut);
  let res = newtonSolve(system, x, { mode: "newton" });
  if (!res.converged) res = newtonSolve(system, x, { mode: "pseudo-transient" });
  if (!res.converged) return null;
  return clean(kin, cls, res.z, o);
}

/**
 * Rejects clearly negative points (below −negativeCut · scale), clips rounding negatives, and
 * snaps species below zeroCut · scale to 0 when the snapped point is steady to `snapTolerance`.
 */
export function clean(kin: Kinetics, cls: CompatibilityClass, x: readonly number[], o: SteadyStateThresholds): number[] | null {
  if (x.some((v) => v < -o.negativeCut * cls.scale)) return null;
  const clipped = x.map((v) => Math.max(0, v));
  const snapped = clipped.map((v) => (v < o.zeroCut * cls.scale ? 0 : v));
  if (snapped.some((v, i) => v !== clipped[i]) && exactlySteady(kin, snapped, o.snapTolerance)) return snapped;
  return clipped;
}

/** |dx_i/dt| ≤ tol Σ_r |S_ir|(v⁺+v⁻) with no absolute floor: zero where nothing flows. */
function exactlySteady(kin: Kinetics, x: readonly number[], tol: number): boolean {
  const f = rhs(kin, x);
  const w = rateScale(kin, x);
  return f.every((fi, i) => Math.abs(fi) <= tol * (w[i] ?? NaN));
}

/** |a_i − b_i| ≤ rel · max(|a_i|, |b_i|) + abs · scale for every species. */
export function sameState(a: readonly number[], b: readonly number[], scale: number, rel: number, abs: number): boolean {
  return a.length === b.length && a.every((v, i) => {
    const w = b[i] ?? NaN;
    return Math.abs(v - w) <= rel * Math.max(Math.abs(v), Math.abs(w)) + abs * scale;
  });
}

/**
 * Adds x to the list unless it is the same state (`sameStateRelative`, `sameStateAbsolute`) as one
 * there and not proved a different root: two nearby points whose Jacobians on the class have
 * decided determinants of opposite sign (`orientation`) are two roots, whatever their distance.
 */
export function addUnique(list: number[][], x: number[], kin: Kinetics, cls: CompatibilityClass, o: SteadyStateThresholds): boolean {
  const near = list.filter((y) => sameState(x, y, cls.scale, o.sameStateRelative, o.sameStateAbsolute));
  if (near.length > 0) {
    const sx = orientation(kin, cls, x, o.stabilityTolerance);
    if (sx === null || near.some((y) => orientation(kin, cls, y, o.stabilityTolerance) !== -sx)) return false;
  }
  list.push(x);
  return true;
}

/**
 * The sign of det J on the class at x, the product of the signs of the real eigenvalues (a complex
 * pair contributes +1); null when a real part is within `tolerance` of the Jacobian's size of 0.
 * Nearby approximations of one simple root share it; two simple roots of opposite sign are two.
 *
 *   // dx/dt = −(x − 1)(x − 1 − 1e-7)(x − 2)
 *   orientation(kin, cls, [1], 1e-9);          // −1  (slope −1e-7)
 *   orientation(kin, cls, [1 + 1e-7], 1e-9);   //  1  (slope +1e-7)
 */
export function orientation(kin: Kinetics, cls: CompatibilityClass, x: readonly number[], tolerance: number): number | null {
  if (cls.basis.length === 0) return 1;
  const jr = reducedJacobian(kin, cls, x);
  const ev = eigenvalues(jr);
  if (ev === null) return null;
  const size = Math.max(maxAbs(jr.flat()), ...ev.re.map(Math.abs), ...ev.im.map(Math.abs));
  let sign = 1;
  for (const [k, re] of ev.re.entries()) {
    if (Math.abs(re) <= tolerance * size) return null;
    if ((ev.im[k] ?? 0) === 0 && re < 0) sign = -sign;
  }
  return sign;
}

export type UnivariateResult =
  | { readonly kind: "roots"; readonly states: number[][]; readonly unconfirmed: number }
  | { readonly kind: "continuum" };

/** Every steady state of a one-dimensional class, by the real roots of g(t). */
export function univariateSteadyStates(kin: Kinetics, cls: CompatibilityClass, o: SteadyStateThresholds): UnivariateResult {
  const q = cls.basis[0]!;
  const x0 = cls.x0;
  const linear = (i: number): Polynomial => [x0[i]!, q[i]!];
  const monomialPoly = (k: number, terms: readonly { index: number; coefficient: number }[]): Polynomial =>
    terms.reduce<Polynomial>((p, t) => polyMul(p, polyPow(linear(t.index), t.coefficient)), [k]);
  let g: Polynomial = [];
  for (let r = 0; r < kin.reactions; r++) {
    const weight = kin.stoichiometry.reduce((s, row, i) => s + row[r]! * q[i]!, 0);
    if (weight === 0) continue;
    const fwd = monomialPoly(kin.forward[r]!.k, kin.forward[r]!.terms);
    const rev = kin.reverse[r];
    const net = rev ? polyAdd(fwd, polyScale(monomialPoly(rev.k, rev.terms), -1)) : fwd;
    g = polyAdd(g, polyScale(net, weight));
  }
  let lo = -Infinity;
  let hi = Infinity;
  q.forEach((qi, i) => {
    if (qi > 0) lo = Math.max(lo, -x0[i]! / qi);
    else if (qi < 0) hi = Math.min(hi, x0[i]! / -qi);
  });
  const big = Math.max(0, ...g.map(Math.abs));
  const roots = realRoots(g.map((c) => (Math.abs(c) <= 1e-15 * big ? 0 : c)), lo, hi);
  if (roots === null) return { kind: "continuum" };
  // the floating isolation can merge close roots into one critical point: split by exact signs
  const confirmed = confirmRoots(kin, cls, roots, lo, hi);
  const states: number[][] = [];
  for (const [j, t] of confirmed.roots.entries()) {
    const raw = toSpecies(cls, [t]).map((v, i) => ((t === lo && (q[i] ?? 0) > 0) || (t === hi && (q[i] ?? 0) < 0) ? Math.max(0, v) : v));
    const cleaned = clean(kin, cls, raw, o);
    if (cleaned === null) continue;
    // Newton polishes the species to full precision, but must not carry the root to a neighbour
    const polished = polish(kin, cls, cleaned, o);
    const [tp] = polished === null ? [NaN] : toReduced(cls, polished);
    const below = confirmed.roots[j - 1], above = confirmed.roots[j + 1];
    const own = tp !== undefined && (below === undefined || tp > t - (t - below) / 2) && (above === undefined || tp < t + (above - t) / 2);
    const x = polished !== null && own && sameState(polished, cleaned, cls.scale, o.sameStateRelative, o.sameStateAbsolute) ? polished : cleaned;
    // distinct isolated roots are never merged by distance, only exact repeats
    if (!states.some((y) => y.every((v, i) => v === x[i]))) states.push(x);
  }
  return { kind: "roots", states, unconfirmed: confirmed.unconfirmed };
}


export interface MultiStartOptions {
  readonly starts: number;
  readonly seed: number;
  /** Extra species-space starting points tried first (e.g. the initial amounts). */
  readonly extra: readonly (readonly number[])[];
  /** Called before each random start, for progress reports. */
  readonly onStart?: (k: number, of: number) => void;
}

/** Steady states found by damped Newton / pseudo-transient continuation from many starts. */
export function multiStartSteadyStates(kin: Kinetics, cls: CompatibilityClass, options: MultiStartOptions, o: SteadyStateThresholds): number[][] {
  const random = mulberry32(options.seed);
  const n = kin.species;
  const found: number[][] = [];
  const tryFrom = (x: readonly number[]): void => {
    const s = polish(kin, cls, x, o);
    if (s !== null && isSteady(kin, cls, s, o.acceptTolerance, o.zeroCut)) addUnique(found, s, kin, cls, o);
  };
  for (const x of options.extra) tryFrom(x);
  for (let k = 0; k < options.starts; k++) {
    options.onStart?.(k, options.starts);
    const nearFace = k % 3 === 2;
    const weights = Array.from({ length: n }, () => {
      const w = cls.scale * 10 ** (4 * random() - 2);
      return nearFace && random() < 0.5 ? w * 1e-8 : w;
    });
    const x = interiorPoint(cls, weights);
    if (x !== null) tryFrom(x);
  }
  return found;
}

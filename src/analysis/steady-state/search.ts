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
import { type CompatibilityClass, fullSystem, interiorPoint, isSteady, toSpecies } from "./class.js";
import { mulberry32 } from "../../numeric/random.js";

/** Convergence tolerance of a steady state: net rate relative to the rates that cancel. */
export const STEADY_TOL = 1e-10;

/** Newton from a species-space point, then clip and snap to faces. Null when it fails. */
export function polish(kin: Kinetics, cls: CompatibilityClass, x: readonly number[]): number[] | null {
  const system = fullSystem(kin, cls, STEADY_TOL);
  let res = newtonSolve(system, x, { mode: "newton" });
  if (!res.converged) res = newtonSolve(system, x, { mode: "pseudo-transient" });
  if (!res.converged) return null;
  return clean(kin, cls, res.z);
}

/** Rejects clearly negative points, clips rounding negatives, snaps near-zero species to 0. */
export function clean(kin: Kinetics, cls: CompatibilityClass, x: readonly number[]): number[] | null {
  if (x.some((v) => v < -1e-9 * cls.scale)) return null;
  const clipped = x.map((v) => Math.max(0, v));
  const snapped = clipped.map((v) => (v < 1e-12 * cls.scale ? 0 : v));
  if (snapped.some((v, i) => v !== clipped[i]) && exactlySteady(kin, snapped)) return snapped;
  return clipped;
}

/** |dx_i/dt| ≤ 1e-9 Σ_r |S_ir|(v⁺+v⁻) with no absolute floor: zero where nothing flows. */
function exactlySteady(kin: Kinetics, x: readonly number[]): boolean {
  const f = rhs(kin, x);
  const w = rateScale(kin, x);
  return f.every((fi, i) => Math.abs(fi) <= 1e-9 * w[i]!);
}

export function sameState(a: readonly number[], b: readonly number[], scale: number, rel = 1e-6): boolean {
  return a.every((v, i) => Math.abs(v - b[i]!) <= rel * Math.max(Math.abs(v), Math.abs(b[i]!)) + 1e-9 * scale);
}

export function addUnique(list: number[][], x: number[], scale: number): boolean {
  if (list.some((y) => sameState(x, y, scale))) return false;
  list.push(x);
  return true;
}

export type UnivariateResult =
  | { readonly kind: "roots"; readonly states: number[][] }
  | { readonly kind: "continuum" };

/** Every steady state of a one-dimensional class, by the real roots of g(t). */
export function univariateSteadyStates(kin: Kinetics, cls: CompatibilityClass): UnivariateResult {
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
  const states: number[][] = [];
  for (const t of roots) {
    const raw = toSpecies(cls, [t]).map((v, i) => ((t === lo && q[i]! > 0) || (t === hi && q[i]! < 0) ? Math.max(0, v) : v));
    const cleaned = clean(kin, cls, raw);
    if (cleaned === null) continue;
    const polished = polish(kin, cls, cleaned);
    const x = polished !== null && sameState(polished, cleaned, cls.scale, 1e-6) ? polished : cleaned;
    addUnique(states, x, cls.scale);
  }
  return { kind: "roots", states };
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
export function multiStartSteadyStates(kin: Kinetics, cls: CompatibilityClass, options: MultiStartOptions): number[][] {
  const random = mulberry32(options.seed);
  const n = kin.species;
  const found: number[][] = [];
  const tryFrom = (x: readonly number[]): void => {
    const s = polish(kin, cls, x);
    if (s !== null && isSteady(kin, cls, s, 1e-8)) addUnique(found, s, cls.scale);
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

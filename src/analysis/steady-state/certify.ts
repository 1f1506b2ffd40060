/**
 * The test every listed steady state passes, one that scale and high powers cannot fool. A small
 * net rate relative to the rates that cancel in it is not enough: a point far out on a ray where
 * an inflow is dwarfed by two large opposite rates (X0 = 2.5e11 fed at rate 2), or a point where a
 * sixth power has made every rate tiny, passes it. So a point is steady when
 *
 *   1. x ≥ 0, finite, and |dx_i/dt| ≤ acceptTolerance · w_i, w_i = Σ_r |S_ir| (v⁺_r + v⁻_r), and
 *   2. it is a root to rounding: either dx/dt = 0 exactly, or one Newton step of the full system
 *      (species equations, a conservation law in place of each dependent one) moves no species by
 *      more than certifyStep · (|x_i| + zeroCut · scale). A point that is not near a root, or
 *      where the Jacobian is singular on the class, fails this (a singular point passes only with
 *      |dx_i/dt| ≤ steadyTolerance · w_i and within unboundedScale of the class scale, so a
 *      continuum of states keeps its samples but a runaway does not); a point whose Newton step is
 *      large only because the Jacobian is singular to rounding (a fold) passes when
 *      |dx_i/dt| ≤ 64 ε · w_i, the residual rounding leaves at a root.
 *
 * The step is solved with columns scaled by |x_i| + zeroCut · scale and rows by their largest
 * entry, so it is the relative step that is judged.
 */
import { solveLinear } from "../../numeric/continuous/dense.js";
import { type CompatibilityClass, fullSystem } from "./class.js";
import { type Kinetics, rateScale, rhs } from "./kinetics.js";
import type { SteadyStateThresholds } from "./options.js";

/**
 * True when x passes both parts of the test in the module comment.
 *
 *   // species A = 1, B;  6 A <-> B @ 1e15, 1:  A + 6 B = 1
 *   certifiedSteady(kin, cls, [0.0023449748577, 0.16627583752371], o);  // true: 1e15 A⁶ = B
 *   certifiedSteady(kin, cls, [1.1e-16, 1 / 6], o);                      // false: net flux −1/6
 */
export function certifiedSteady(kin: Kinetics, cls: CompatibilityClass, x: readonly number[], o: SteadyStateThresholds): boolean {
  if (!x.every((v) => Number.isFinite(v) && v >= 0)) return false;
  const f = rhs(kin, x);
  const w = rateScale(kin, x);
  const within = (tol: number): boolean => f.every((fi, i) => Math.abs(fi) <= tol * (w[i] ?? NaN));
  if (!within(o.acceptTolerance)) return false;
  if (f.every((fi) => fi === 0)) return true;
  const step = relativeNewtonStep(kin, cls, x, o);
  if (step === null) {
    let big = 0;
    for (const v of x) big = Math.max(big, v);
    return within(o.steadyTolerance) && big <= o.unboundedScale * cls.scale;
  }
  if (step.every((d) => Math.abs(d) <= o.certifyStep)) return true;
  // A singular root (a fold, a double root of dx/dt) has a Jacobian that is singular up to
  // rounding, so the Newton step is rounding noise divided by a rounding-size pivot: judge the
  // residual itself then, at the level rounding leaves (a point not near a root has a net rate
  // far above it; a runaway point is cut by unboundedScale).
  let big = 0;
  for (const v of x) big = Math.max(big, v);
  return within(ROUNDING_RESIDUAL) && big <= o.unboundedScale * cls.scale;
}

/** |dx_i/dt| at a root evaluated in doubles: a few dozen roundings of the rates that cancel. */
const ROUNDING_RESIDUAL = 64 * Number.EPSILON;

/** One Newton step of the full system at x, species j measured in units of |x_j| + zeroCut · scale; null when singular. */
function relativeNewtonStep(kin: Kinetics, cls: CompatibilityClass, x: readonly number[], o: SteadyStateThresholds): number[] | null {
  const system = fullSystem(kin, cls, o.steadyTolerance, o.zeroCut);
  const F = system.residual(x);
  const J = system.jacobian(x);
  const unit = x.map((v) => Math.abs(v) + o.zeroCut * cls.scale);
  const rows: number[][] = [], rhsScaled: number[] = [];
  for (const [i, row] of J.entries()) {
    const scaled = row.map((v, j) => v * (unit[j] ?? NaN));
    let size = 0;
    for (const v of scaled) size = Math.max(size, Math.abs(v));
    if (!(size > 0)) return null;
    rows.push(scaled.map((v) => v / size));
    rhsScaled.push(-(F[i] ?? NaN) / size);
  }
  const step = solveLinear(rows, rhsScaled);
  return step !== null && step.every(Number.isFinite) ? step : null;
}

/**
 * Damped Newton and pseudo-transient continuation for square nonlinear systems F(z) = 0.
 *
 * Plain mode: solve J Δ = −F, cut the step to stay feasible (`maxStep`), then halve it until
 * ‖F‖₂ decreases (Armijo). It converges to stable and unstable roots alike.
 * Pseudo-transient mode (Kelley and Keyes 1998): solve (I/δ − J) Δ = F, an implicit Euler step
 * of dz/dt = F(z) with pseudo time step δ, and grow δ by switched evolution relaxation
 * (δ ← δ·‖F_old‖/‖F_new‖) so it turns into Newton near a root. It follows the flow, so it is
 * robust far from a root, and it finds the attracting roots.
 */
import { norm2, solveLinear } from "./dense.js";

export interface NonlinearSystem {
  readonly dimension: number;
  residual(z: readonly number[]): number[];
  jacobian(z: readonly number[]): number[][];
  /** Largest s in (0, 1] such that z + s·dz stays in the domain; 1 when absent. */
  maxStep?(z: readonly number[], dz: readonly number[]): number;
  /**
   * Pseudo-transient mode: the diagonal mass matrix M of M dz/dt = F(z), 1 for a differential
   * row and 0 for an algebraic one (a constraint); all ones when absent.
   */
  readonly mass?: readonly number[];
  /** Weights of the residual rows in the merit ‖w ∘ F‖₂, evaluated at the current iterate. */
  rowScale?(z: readonly number[]): number[];
  /** The caller's own convergence test (scaled residual); when absent, ‖F‖₂ ≤ tolerance. */
  isSolution?(z: readonly number[], f: readonly number[]): boolean;
}

export interface NewtonOptions {
  readonly mode?: "newton" | "pseudo-transient";
  readonly maxIterations?: number;
  /** Absolute ‖F‖₂ tolerance, used only when the system has no `isSolution`. */
  readonly tolerance?: number;
  /** First pseudo time step; default 0.1 / max |J_ii| at the start. */
  readonly initialTimeStep?: number;
  /** Full Newton steps taken after convergence while they keep reducing ‖F‖₂ (default 3). */
  readonly polishSteps?: number;
}

export interface NewtonResult {
  readonly z: number[];
  readonly converged: boolean;
  readonly iterations: number;
  readonly residualNorm: number;
}

/**
 * Solves F(z) = 0 from z0. Never throws: a singular Jacobian or a stalled line search ends
 * the iteration with `converged: false`.
 */
export function newtonSolve(system: NonlinearSystem, z0: readonly number[], options: NewtonOptions = {}): NewtonResult {
  const mode = options.mode ?? "newton";
  const maxIterations = options.maxIterations ?? (mode === "newton" ? 100 : 400);
  const done = (z: readonly number[], f: readonly number[]): boolean =>
    system.isSolution ? system.isSolution(z, f) : norm2(f) <= (options.tolerance ?? 1e-10);
  const weighted = (f: readonly number[], w: readonly number[] | null): number => norm2(w ? f.map((v, i) => v * w[i]!) : f);
  let z = [...z0];
  let f = system.residual(z);
  let weights = system.rowScale ? system.rowScale(z) : null;
  let fn = weighted(f, weights);
  let delta = options.initialTimeStep ?? 0;
  for (let it = 0; it < maxIterations; it++) {
    if (!Number.isFinite(fn)) return { z, converged: false, iterations: it, residualNorm: fn };
    if (done(z, f)) return polishRoot(system, z, f, it, options.polishSteps ?? 3);
    const jac = system.jacobian(z);
    if (mode === "pseudo-transient" && delta <= 0) {
      const diag = Math.max(1e-300, ...jac.map((row, i) => Math.abs(row[i]!)));
      delta = 0.1 / diag;
    }
    const step = mode === "newton" ? newtonStep(jac, f) : ptcStep(jac, f, delta, system.mass);
    if (step === null) {
      if (mode === "pseudo-transient") {
        delta /= 8;
        continue;
      }
      return { z, converged: false, iterations: it, residualNorm: fn };
    }
    let s = Math.min(1, system.maxStep ? system.maxStep(z, step) : 1);
    if (!(s > 0)) return { z, converged: false, iterations: it, residualNorm: fn };
    let accepted = false;
    for (let halving = 0; halving < 40; halving++) {
      const trial = z.map((v, i) => v + s * step[i]!);
      const ft = system.residual(trial);
      const ftn = weighted(ft, weights);
      const ok = mode === "newton" ? ftn <= (1 - 1e-4 * s) * fn || done(trial, ft) : Number.isFinite(ftn) && ftn < 1e3 * fn + 1e-300;
      if (ok) {
        if (mode === "pseudo-transient") delta *= Math.min(10, Math.max(0.1, fn / Math.max(ftn, 1e-300)));
        const moved = trial.some((v, i) => v !== z[i]);
        z = trial;
        f = ft;
        weights = system.rowScale ? system.rowScale(z) : null;
        fn = weighted(f, weights);
        accepted = moved;
        break;
      }
      if (mode === "pseudo-transient") {
        delta /= 4;
        break;
      }
      s /= 2;
    }
    if (!accepted && mode === "newton") return { z, converged: done(z, f), iterations: it, residualNorm: fn };
  }
  return { z, converged: done(z, f), iterations: maxIterations, residualNorm: fn };
}

/** Extra full Newton steps from a converged point, kept only while ‖F‖₂ drops. */
function polishRoot(system: NonlinearSystem, z0: number[], f0: number[], it: number, steps: number): NewtonResult {
  const weights = system.rowScale ? system.rowScale(z0) : null;
  const weighted = (f: readonly number[]): number => norm2(weights ? f.map((v, i) => v * weights[i]!) : f);
  let z = z0;
  let f = f0;
  let fn = weighted(f);
  for (let k = 0; k < steps && fn > 0; k++) {
    const step = newtonStep(system.jacobian(z), f);
    if (step === null) break;
    if (system.maxStep && system.maxStep(z, step) < 1) break;
    const trial = z.map((v, i) => v + step[i]!);
    const ft = system.residual(trial);
    const ftn = weighted(ft);
    if (!(ftn < fn)) break;
    z = trial;
    f = ft;
    fn = ftn;
  }
  return { z, converged: true, iterations: it, residualNorm: fn };
}

function newtonStep(jac: number[][], f: readonly number[]): number[] | null {
  return solveLinear(jac, f.map((v) => -v));
}

function ptcStep(jac: number[][], f: readonly number[], delta: number, mass: readonly number[] | undefined): number[] | null {
  const a = jac.map((row, i) => row.map((v, j) => (i === j ? (mass ? mass[i]! : 1) / delta : 0) - v));
  return solveLinear(a, f);
}

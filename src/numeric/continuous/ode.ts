/**
 * A stiff integrator for autonomous systems dy/dt = f(y): the two-stage L-stable Rosenbrock
 * method ROS2 (Verwer, Spee, Blom and Hundsdorfer 1999, γ = 1 + 1/√2) with its embedded
 * first-order solution for error control:
 *
 *   (I − γhJ) k1 = f(y),   (I − γhJ) k2 = f(y + h k1) − 2 k1,
 *   y_new = y + (3/2) h k1 + (1/2) h k2,   error = (h/2)(k1 + k2).
 *
 * Made for running a reaction network to its steady state: it stops as soon as `isSteady`
 * says so, keeps components non-negative when asked, and reports blow-up instead of looping.
 */
import { maxAbs, solveLinear } from "./dense.js";

export interface OdeSystem {
  readonly dimension: number;
  rhs(y: readonly number[]): number[];
  jacobian(y: readonly number[]): number[][];
}

export interface OdeOptions {
  readonly tEnd?: number;
  readonly rtol?: number;
  /** Absolute tolerance per component (or one for all). */
  readonly atol?: number | readonly number[];
  readonly maxSteps?: number;
  readonly initialStep?: number;
  /** Reject steps that make a component negative beyond atol, clip rounding negatives to 0. */
  readonly nonNegative?: boolean;
  /** Stop with status "steady" when this returns true after an accepted step. */
  readonly isSteady?: (y: readonly number[], f: readonly number[]) => boolean;
  /** Stop with status "blow-up" when max |y_i| exceeds this. */
  readonly blowUp?: number;
  /** Called every 500 steps, for progress reports. */
  readonly onProgress?: (steps: number, t: number) => void;
}

export type OdeStatus = "steady" | "end" | "blow-up" | "step-limit" | "failed";

export interface OdeResult {
  readonly y: number[];
  readonly t: number;
  readonly steps: number;
  readonly status: OdeStatus;
}

const GAMMA = 1 + Math.SQRT1_2;

/** Integrates from y0 at t = 0. Never throws; a singular stage matrix shrinks the step. */
export function integrateStiff(system: OdeSystem, y0: readonly number[], options: OdeOptions = {}): OdeResult {
  const n = system.dimension;
  const tEnd = options.tEnd ?? Infinity;
  const rtol = options.rtol ?? 1e-6;
  const atolOpt = options.atol ?? 1e-9;
  const atol = typeof atolOpt === "number" ? new Array<number>(n).fill(atolOpt) : [...atolOpt];
  const maxSteps = options.maxSteps ?? 20000;
  const blowUp = options.blowUp ?? Infinity;
  let y = [...y0];
  let f = system.rhs(y);
  let t = 0;
  let h = options.initialStep ?? initialStep(y, f, atol, rtol);
  let steps = 0;
  let rejectsInRow = 0;
  if (options.isSteady?.(y, f)) return { y, t, steps, status: "steady" };
  while (steps < maxSteps) {
    if (t >= tEnd) return { y, t, steps, status: "end" };
    h = Math.min(h, tEnd - t);
    const jac = system.jacobian(y);
    const w = jac.map((row, i) => row.map((v, j) => (i === j ? 1 : 0) - GAMMA * h * v));
    const k1 = solveLinear(w, f);
    const y1 = k1 && y.map((v, i) => v + h * k1[i]!);
    const f1 = y1 && system.rhs(y1);
    const k2 = k1 && f1 && solveLinear(w, f1.map((v, i) => v - 2 * k1[i]!));
    steps++;
    if (steps % 500 === 0) options.onProgress?.(steps, t);
    if (!k1 || !k2) {
      if (++rejectsInRow > 60) return { y, t, steps, status: "failed" };
      h /= 4;
      continue;
    }
    const yNew = y.map((v, i) => v + 1.5 * h * k1[i]! + 0.5 * h * k2[i]!);
    let err = 0;
    let negative = false;
    for (let i = 0; i < n; i++) {
      const e = 0.5 * h * (k1[i]! + k2[i]!);
      const sc = atol[i]! + rtol * Math.max(Math.abs(y[i]!), Math.abs(yNew[i]!));
      err += (e / sc) ** 2;
      if (options.nonNegative && yNew[i]! < -atol[i]!) negative = true;
    }
    err = Math.sqrt(err / Math.max(1, n));
    if (!Number.isFinite(err) || err > 1 || negative) {
      if (++rejectsInRow > 60) return { y, t, steps, status: "failed" };
      h *= Number.isFinite(err) && !negative ? Math.max(0.1, 0.9 / Math.sqrt(err)) : 0.25;
      continue;
    }
    rejectsInRow = 0;
    t += h;
    y = options.nonNegative ? yNew.map((v) => Math.max(0, v)) : yNew;
    f = system.rhs(y);
    if (maxAbs(y) > blowUp || !y.every(Number.isFinite)) return { y, t, steps, status: "blow-up" };
    if (options.isSteady?.(y, f)) return { y, t, steps, status: "steady" };
    h *= Math.min(5, Math.max(0.2, 0.9 / Math.sqrt(Math.max(err, 1e-10))));
  }
  return { y, t, steps, status: "step-limit" };
}

function initialStep(y: readonly number[], f: readonly number[], atol: readonly number[], rtol: number): number {
  let d0 = 0;
  let d1 = 0;
  for (let i = 0; i < y.length; i++) {
    const sc = atol[i]! + rtol * Math.abs(y[i]!);
    d0 += (y[i]! / sc) ** 2;
    d1 += (f[i]! / sc) ** 2;
  }
  d0 = Math.sqrt(d0 / Math.max(1, y.length));
  d1 = Math.sqrt(d1 / Math.max(1, y.length));
  if (d1 <= 1e-12) return 1e-3;
  return 0.01 * Math.max(d0, 1e-5) / d1;
}

/**
 * Pseudo-arclength continuation of a branch of steady states G(z, p) = 0 (model.ts). The unknowns
 * are scaled, u = (z / s_x, (p − from) / s_p) with s_x a typical concentration and s_p the width of
 * the range, so one unit of arclength is the whole range or a typical concentration. From a point
 * u_k with unit tangent t_k (the null vector of [G_u], oriented to continue the previous one) a step
 * of length h predicts u_k + h t_k, and Newton corrects on the bordered system
 *   G(u) = 0,   t_kᵀ (u − u_k − h t_k) = 0,
 * which stays regular through folds, where the branch turns back in p. The step grows after easy
 * corrections and halves after a failed one or a turn of more than ~25° between tangents, down to a
 * floor. A branch ends at the ends of the range (the last point solved at p exactly there), where a
 * concentration would turn negative, when it closes on itself, or when the corrector stalls.
 */
import { solveLinear } from "../../numeric/continuous/dense.js";
import type { BranchEnd } from "./types.js";
import { reducedJacobian, reducedResidual, type Model } from "./model.js";

export interface Tracer {
  readonly model: Model;
  readonly from: number;
  readonly to: number;
  /** Concentration scale s_x. */
  readonly sx: number;
  /** Largest arclength step (scaled units). */
  readonly hmax: number;
  readonly maxPoints: number;
  /**
   * An absolute floor under the residual test, 1e-12 of the largest rate scale at the seeds: at a
   * boundary state every rate is 0, so no relative test can pass there.
   */
  readonly rateFloor: number;
}

const HMIN = 1e-9;
/** Newton on the bordered system stops when the scaled step is below this. */
const STEP_TOL = 1e-11;
const MAX_NEWTON = 12;
/** cos 25°: consecutive tangents turning more than this means the step jumped or cut a corner. */
const MIN_COS = 0.9;

export function toParam(tr: Tracer, up: number): number {
  return tr.from + (tr.to - tr.from) * up;
}

export function split(tr: Tracer, u: readonly number[]): { z: number[]; p: number } {
  const r = u.length - 1;
  return { z: u.slice(0, r).map((v) => v * tr.sx), p: toParam(tr, u[r] ?? NaN) };
}

/** G at u (r entries) and its scale, null where the network cannot be built. */
export function residualAt(tr: Tracer, u: readonly number[]): { g: number[]; scale: number[]; x: number[] } | null {
  const { z, p } = split(tr, u);
  const res = reducedResidual(tr.model, z, p);
  return res && res.g.every(Number.isFinite) ? res : null;
}

/** [G_z s_x | G_p s_p], r × (r + 1); G_p by central differences (the corrector only needs it approximately). */
export function jacobianAt(tr: Tracer, u: readonly number[]): number[][] | null {
  const { z, p } = split(tr, u);
  const A = reducedJacobian(tr.model, z, p);
  if (A === null) return null;
  const sp = tr.to - tr.from;
  const h = 1e-6 * Math.max(Math.abs(p), Math.abs(sp));
  // central where the network exists on both sides, one-sided at the edge of its domain (a reservoir at 0)
  const plus = reducedResidual(tr.model, z, p + h), minus = reducedResidual(tr.model, z, p - h);
  const [hi, lo, width] = plus && minus ? [plus, minus, 2 * h] : plus ? [plus, reducedResidual(tr.model, z, p), h] : [reducedResidual(tr.model, z, p), minus, h];
  if (!hi || !lo) return null;
  const gp = hi.g.map((v, i) => (v - (lo.g[i] ?? NaN)) / width);
  const rows = A.map((row, i) => [...row.map((v) => v * tr.sx), (gp[i] ?? NaN) * sp]);
  return rows.every((row) => row.every(Number.isFinite)) ? rows : null;
}

/** The unit tangent at u with tᵀ border = 1 before normalising (so it continues `border`'s direction). */
export function tangentAt(tr: Tracer, u: readonly number[], border: readonly number[]): number[] | null {
  const J = jacobianAt(tr, u);
  if (J === null) return null;
  const rhs = [...J.map(() => 0), 1];
  const t = solveLinear([...J, [...border]], rhs);
  if (t === null) return null;
  const norm = Math.hypot(...t);
  return t.map((v) => v / norm);
}

/**
 * Newton on G(u) = 0 with one more equation `border`ᵀ(u − anchor) = 0 (the arclength hyperplane,
 * or p fixed when border is e_p). Returns the solution and the iterations, or null.
 */
export function correct(tr: Tracer, start: readonly number[], border: readonly number[], anchor: readonly number[]): { u: number[]; iterations: number } | null {
  let u = [...start];
  for (let it = 1; it <= MAX_NEWTON; it++) {
    const res = residualAt(tr, u);
    const J = jacobianAt(tr, u);
    if (res === null || J === null) return null;
    const plane = border.reduce((s, b, i) => s + b * ((u[i] ?? NaN) - (anchor[i] ?? NaN)), 0);
    const du = solveLinear([...J, [...border]], [...res.g.map((v) => -v), -plane]);
    if (du === null) return null;
    u = u.map((v, i) => v + (du[i] ?? NaN));
    const size = Math.max(...du.map(Math.abs));
    if (!Number.isFinite(size) || size > 1) return null;
    if (size < STEP_TOL) {
      const end = residualAt(tr, u);
      // the net rates must be small against the rates that cancel in them
      if (end === null || !end.g.every((v, i) => Math.abs(v) <= 1e-7 * (end.scale[i] ?? 0) + tr.rateFloor)) return null;
      return { u, iterations: it };
    }
  }
  return null;
}

/** Solves G(z, p) = 0 with p fixed (scaled coordinate `up`), from u. */
export function correctAtParam(tr: Tracer, u: readonly number[], up: number): number[] | null {
  const r = u.length - 1;
  const start = [...u.slice(0, r), up];
  const border = [...new Array<number>(r).fill(0), 1];
  return correct(tr, start, border, start)?.u ?? null;
}

export interface Trace {
  readonly points: number[][];
  readonly tangents: number[][];
  readonly end: BranchEnd;
}

/** Traces from u0 in the direction of increasing (+1) or decreasing (−1) p until the branch ends. */
export function trace(tr: Tracer, u0: readonly number[], direction: 1 | -1): Trace {
  const r = u0.length - 1;
  const ep = [...new Array<number>(r).fill(0), direction];
  let t = tangentAt(tr, u0, ep);
  if (t === null) return { points: [], tangents: [], end: "stalled" };
  const points: number[][] = [], tangents: number[][] = [];
  let u = [...u0];
  let h = tr.hmax / 4;
  const start = [...u0], startTangent = [...t];
  const minConc = -1e-9;
  while (points.length < tr.maxPoints) {
    const pred = u.map((v, i) => v + h * (t?.[i] ?? NaN));
    const fail = (why: BranchEnd): BranchEnd | null => {
      h /= 2;
      return h < HMIN ? why : null;
    };
    const predP = pred[r] ?? NaN;
    if (predP < 0 || predP > 1) {
      // the step would leave the range (where the network may not exist: a reservoir below 0),
      // so the last point is solved at the end of the range, from the prediction's crossing
      const edge = predP < 0 ? 0 : 1;
      const w = (edge - (u[r] ?? NaN)) / (predP - (u[r] ?? NaN));
      const last = correctAtParam(tr, u.map((v, i) => v + w * ((pred[i] ?? NaN) - v)), edge);
      // near the step's length from u, or it is another branch there (this one turned back before the end)
      if (last && Math.hypot(...last.map((v, i) => v - (u[i] ?? NaN))) <= 2 * h) {
        if ((last[r] ?? NaN) !== (u[r] ?? NaN)) {
          points.push(last);
          tangents.push(tangentAt(tr, last, t) ?? t);
        }
        return { points, tangents, end: "range" };
      }
      const why = fail("stalled");
      if (why) return { points, tangents, end: why };
      continue;
    }
    const next = correct(tr, pred, t, pred);
    if (next === null) {
      const why = fail("stalled");
      if (why) return { points, tangents, end: why };
      continue;
    }
    const up = next.u[r] ?? NaN;
    if (up < 0 || up > 1) {
      // the end of the range: the last point solved at p exactly there, from the interpolation
      const edge = up < 0 ? 0 : 1;
      const prev = u[r] ?? NaN;
      const w = (edge - prev) / (up - prev);
      const guess = u.map((v, i) => v + w * ((next.u[i] ?? NaN) - v));
      const last = correctAtParam(tr, guess, edge);
      if (last && (last[r] ?? NaN) !== (u[r] ?? NaN)) {
        points.push(last);
        tangents.push(tangentAt(tr, last, t) ?? t);
      }
      return { points, tangents, end: "range" };
    }
    const res = residualAt(tr, next.u);
    if (res === null || res.x.some((v) => v < minConc * tr.sx)) {
      const why = fail("boundary");
      if (why) return { points, tangents, end: why };
      continue;
    }
    const t1 = tangentAt(tr, next.u, t);
    if (t1 === null || t1.reduce((s, v, i) => s + v * (t?.[i] ?? NaN), 0) < MIN_COS) {
      const why = fail("stalled");
      if (why) return { points, tangents, end: why };
      continue;
    }
    u = next.u;
    t = t1;
    points.push(u);
    tangents.push(t);
    if (next.iterations <= 3) h = Math.min(tr.hmax, 1.5 * h);
    else if (next.iterations > 6) h *= 0.7;
    const back = Math.max(...u.map((v, i) => Math.abs(v - (start[i] ?? NaN))));
    if (points.length > 8 && back < 1.01 * h && t.reduce((s, v, i) => s + v * (startTangent[i] ?? NaN), 0) > 0) {
      // back at the start: close the polyline with it
      points.push([...start]);
      tangents.push([...startTangent]);
      return { points, tangents, end: "closed" };
    }
  }
  return { points, tangents, end: "limit" };
}

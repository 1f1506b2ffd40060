/**
 * Predictor–corrector tracking of one homotopy path in projective coordinates.
 *
 * The homotopy is H(X, t) = (1 − t)·F̂(X) + γ·t·Ĝ(X) on the affine patch a·X = 1, where F̂ is the
 * homogenised target, Ĝ_i = X_i^{d_i} − c_i·X₀^{d_i} the homogenised total-degree start system (c_i
 * random on the unit circle, so that no root of the target is a start root by coincidence, as
 * x = 1 would be for (x − 1)² and x² − 1, where the path would stand still and hide the winding) and
 * γ a random complex number (the gamma trick: for all but finitely many γ on the unit circle
 * no path meets a singularity for t in (0, 1]). Along a parametrised t(s), s ∈ [0, 1], the path
 * satisfies the Davidenko equation H_X · dX/ds = −H_t · dt/ds. Each step predicts with classical
 * RK4 and corrects with Newton's method at the new t; the step is accepted only when Newton
 * converges to the tracking tolerance in at most three iterations, contracting by at least 4
 * each time, and its first correction is small beside the predicted move (the path-jumping
 * guard: a corrector that has to travel far is likely converging to another path). Accepted
 * steps grow the step size after a run of successes; rejected steps halve it.
 */
import { outOfRange } from "../../checked.js";
import { normInf, solveInPlace } from "./complex.js";
import type { Evaluator } from "./evaluate.js";

/** The homotopy of one solve and the scratch space its paths share (tracked one at a time). */
export interface Homotopy {
  /** n + 1 projective unknowns. */
  readonly N: number;
  readonly n: number;
  readonly degrees: Int32Array;
  readonly gammaRe: number;
  readonly gammaIm: number;
  readonly patchRe: Float64Array;
  readonly patchIm: Float64Array;
  /** The constants c_i of the start system. */
  readonly startRe: Float64Array;
  readonly startIm: Float64Array;
  readonly target: Evaluator;
  /** Scratch: F̂ values and Jacobian. */
  readonly fre: Float64Array; readonly fim: Float64Array;
  readonly jre: Float64Array; readonly jim: Float64Array;
  /** Scratch: H_X (N × N) and the right-hand side / solution. */
  readonly are: Float64Array; readonly aim: Float64Array;
  readonly bre: Float64Array; readonly bim: Float64Array;
  /** Scratch: predictor stages and states. */
  readonly k: Float64Array[];
  readonly yre: Float64Array; readonly yim: Float64Array;
  readonly zre: Float64Array; readonly zim: Float64Array;
  /** Scratch: [0] the first Newton correction of the last corrector run. */
  readonly firstCorrection: Float64Array;
}

export function makeHomotopy(n: number, degrees: Int32Array, target: Evaluator, gamma: readonly [number, number], patch: readonly [Float64Array, Float64Array], start: readonly [Float64Array, Float64Array]): Homotopy {
  const N = n + 1;
  const f = (m: number): Float64Array => new Float64Array(m);
  return {
    N, n, degrees, gammaRe: gamma[0], gammaIm: gamma[1], patchRe: patch[0], patchIm: patch[1], startRe: start[0], startIm: start[1], target,
    fre: f(n), fim: f(n), jre: f(n * N), jim: f(n * N), are: f(N * N), aim: f(N * N), bre: f(N), bim: f(N),
    k: Array.from({ length: 8 }, () => f(N)), yre: f(N), yim: f(N), zre: f(N), zim: f(N), firstCorrection: f(1),
  };
}

/**
 * Fills h.are/aim with H_X at (X, t) and h.bre/bim with either −H(X, t) (mode "residual") or
 * −H_t·dt (mode "tangent"); t and dt complex.
 */
export function assemble(h: Homotopy, xre: Float64Array, xim: Float64Array, tr: number, ti: number, dtr: number, dti: number, mode: "residual" | "tangent"): void {
  const { N, n, degrees, fre, fim, jre, jim, are, aim, bre, bim } = h;
  h.target(xre, xim, fre, fim, jre, jim);
  // (1 − t) and γ t
  const ar = 1 - tr, ai = -ti;
  const gr = h.gammaRe * tr - h.gammaIm * ti, gi = h.gammaRe * ti + h.gammaIm * tr;
  const x0r = xre[0] ?? outOfRange(), x0i = xim[0] ?? outOfRange();
  for (let i = 0; i < n; i++) {
    const d = degrees[i] ?? outOfRange();
    // Ĝ_i = X_{i+1}^d − c_i X_0^d and its two partials.
    const [p1r, p1i] = powC(xre[i + 1] ?? outOfRange(), xim[i + 1] ?? outOfRange(), d - 1);
    const [q0r, q0i] = powC(x0r, x0i, d - 1);
    const cr = h.startRe[i] ?? outOfRange(), ci = h.startIm[i] ?? outOfRange();
    const p0r = cr * q0r - ci * q0i, p0i = cr * q0i + ci * q0r;
    const xr = xre[i + 1] as number, xi = xim[i + 1] as number;
    const gre = (p1r * xr - p1i * xi) - (p0r * x0r - p0i * x0i);
    const gim = (p1r * xi + p1i * xr) - (p0r * x0i + p0i * x0r);
    for (let j = 0; j < N; j++) {
      const q = i * N + j;
      const jr = jre[q] as number, ji = jim[q] as number;
      are[q] = ar * jr - ai * ji;
      aim[q] = ar * ji + ai * jr;
    }
    // γ t ∂Ĝ/∂X_{i+1} = γ t d X^{d−1}; ∂Ĝ/∂X_0 = −d c_i X_0^{d−1}
    are[i * N + i + 1] = (are[i * N + i + 1] as number) + d * (gr * p1r - gi * p1i);
    aim[i * N + i + 1] = (aim[i * N + i + 1] as number) + d * (gr * p1i + gi * p1r);
    are[i * N] = (are[i * N] as number) - d * (gr * p0r - gi * p0i);
    aim[i * N] = (aim[i * N] as number) - d * (gr * p0i + gi * p0r);
    const fr = fre[i] as number, fi = fim[i] as number;
    if (mode === "residual") {
      // −H = −[(1 − t) F̂ + γ t Ĝ]
      bre[i] = -((ar * fr - ai * fi) + (gr * gre - gi * gim));
      bim[i] = -((ar * fi + ai * fr) + (gr * gim + gi * gre));
    } else {
      // −H_t dt = −(γ Ĝ − F̂) dt
      const htr = (h.gammaRe * gre - h.gammaIm * gim) - fr, hti = (h.gammaRe * gim + h.gammaIm * gre) - fi;
      bre[i] = -(htr * dtr - hti * dti);
      bim[i] = -(htr * dti + hti * dtr);
    }
  }
  let sr = -1, si = 0;
  for (let j = 0; j < N; j++) {
    const pr = h.patchRe[j] as number, pi = h.patchIm[j] as number;
    are[n * N + j] = pr; aim[n * N + j] = pi;
    const xr = xre[j] as number, xi = xim[j] as number;
    sr += pr * xr - pi * xi; si += pr * xi + pi * xr;
  }
  bre[n] = mode === "residual" ? -sr : 0;
  bim[n] = mode === "residual" ? -si : 0;
}

function powC(r: number, i: number, e: number): [number, number] {
  let a = 1, b = 0;
  for (let k = 0; k < e; k++) { const a2 = a * r - b * i; b = a * i + b * r; a = a2; }
  return [a, b];
}

/** t(s) and dt/ds on a straight segment from t_a to t_b, or on an arc of radius r. */
export type Segment =
  | { readonly kind: "line"; readonly from: readonly [number, number]; readonly to: readonly [number, number] }
  | { readonly kind: "arc"; readonly radius: number; readonly from: number; readonly to: number };

function tAt(seg: Segment, s: number): [number, number, number, number] {
  if (seg.kind === "line") {
    const dr = seg.to[0] - seg.from[0], di = seg.to[1] - seg.from[1];
    return s >= 1 ? [seg.to[0], seg.to[1], dr, di] : [seg.from[0] + s * dr, seg.from[1] + s * di, dr, di];
  }
  const th = seg.from + s * (seg.to - seg.from), w = seg.to - seg.from;
  const tr = seg.radius * Math.cos(th), ti = seg.radius * Math.sin(th);
  return [tr, ti, -w * ti, w * tr];
}

export interface TrackOptions {
  /** Largest step in s. */
  readonly maxStep: number;
  /** Newton tolerance relative to max(1, ‖X‖). */
  readonly tolerance: number;
  readonly minStep: number;
  readonly maxSteps: number;
}

export const DEFAULT_TRACK: TrackOptions = { maxStep: 0.25, tolerance: 1e-10, minStep: 1e-13, maxSteps: 20000 };
/** Used to retrack a path suspected of jumping: smaller steps, tighter corrector. */
export const STRICT_TRACK: TrackOptions = { maxStep: 0.01, tolerance: 1e-12, minStep: 1e-14, maxSteps: 100000 };

/** A corrector that stops contracting below this relative size has reached rounding noise. */
const STALL = 1e-7;

/** Relative size of the first Newton correction the step control aims at. */
const PREDICTOR_TARGET = 1e-3;

export type TrackStatus = "ok" | "step size underflow" | "maximum steps" | "singular Jacobian";

/** dX/ds at (X, s) into out (re, im). false when H_X is singular. */
function tangent(h: Homotopy, seg: Segment, s: number, xre: Float64Array, xim: Float64Array, ore: Float64Array, oim: Float64Array): boolean {
  const [tr, ti, dr, di] = tAt(seg, s);
  assemble(h, xre, xim, tr, ti, dr, di, "tangent");
  if (solveInPlace(h.N, h.are, h.aim, h.bre, h.bim) === 0) return false;
  ore.set(h.bre); oim.set(h.bim);
  return true;
}

/**
 * Newton's method on H(·, t(s)) from X in place. Returns the number of iterations to the
 * tolerance, or −1 when it fails the acceptance rules (see the file comment). `firstLimit`
 * bounds the first correction.
 */
export function correct(h: Homotopy, seg: Segment | null, s: number, xre: Float64Array, xim: Float64Array, tol: number, maxIt: number, firstLimit: number): number {
  const [tr, ti] = seg ? tAt(seg, s) : [0, 0];
  let prev = Infinity;
  for (let it = 1; it <= maxIt; it++) {
    assemble(h, xre, xim, tr, ti, 0, 0, "residual");
    if (solveInPlace(h.N, h.are, h.aim, h.bre, h.bim) === 0) return -1;
    const d = normInf(h.N, h.bre, h.bim);
    if (!Number.isFinite(d)) return -1;
    for (let j = 0; j < h.N; j++) { xre[j] = (xre[j] as number) + (h.bre[j] as number); xim[j] = (xim[j] as number) + (h.bim[j] as number); }
    const scale = Math.max(1, normInf(h.N, xre, xim));
    if (it === 1) h.firstCorrection[0] = d;
    if (it === 1 && d > firstLimit) return -1;
    // Not contracting: either diverging, or stalled at the rounding floor of an ill-conditioned
    // H_X (two nearby roots); the latter is accepted when the floor is small.
    if (it > 1 && d > 0.25 * prev && d > tol * scale) return d <= STALL * scale && d <= 2 * prev ? it : -1;
    if (d <= tol * scale) return it;
    prev = d;
  }
  return -1;
}

/**
 * Tracks X (in place) along the segment from s = 0 to s = 1, starting with step `step`.
 * Returns the status, the last accepted step size and the number of steps.
 */
export function track(h: Homotopy, seg: Segment, xre: Float64Array, xim: Float64Array, step: number, opts: TrackOptions): { status: TrackStatus; step: number; steps: number; rejected: number } {
  const { N } = h;
  const [k1r, k1i, k2r, k2i, k3r, k3i, k4r, k4i] = h.k as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const { yre, yim, zre, zim } = h;
  let s = 0, hs = Math.min(step, opts.maxStep), steps = 0, streak = 0, rejected = 0;
  while (s < 1) {
    if (steps++ >= opts.maxSteps) return { status: "maximum steps", step: hs, steps, rejected };
    if (hs < opts.minStep) return { status: "step size underflow", step: hs, steps, rejected };
    const dh = Math.min(hs, 1 - s);
    const sNext = s + dh >= 1 - 1e-15 ? 1 : s + dh;
    // RK4 predictor
    let ok = tangent(h, seg, s, xre, xim, k1r, k1i);
    for (let j = 0; ok && j < N; j++) { yre[j] = (xre[j] as number) + 0.5 * dh * (k1r[j] as number); yim[j] = (xim[j] as number) + 0.5 * dh * (k1i[j] as number); }
    ok = ok && tangent(h, seg, s + 0.5 * dh, yre, yim, k2r, k2i);
    for (let j = 0; ok && j < N; j++) { yre[j] = (xre[j] as number) + 0.5 * dh * (k2r[j] as number); yim[j] = (xim[j] as number) + 0.5 * dh * (k2i[j] as number); }
    ok = ok && tangent(h, seg, s + 0.5 * dh, yre, yim, k3r, k3i);
    for (let j = 0; ok && j < N; j++) { yre[j] = (xre[j] as number) + dh * (k3r[j] as number); yim[j] = (xim[j] as number) + dh * (k3i[j] as number); }
    ok = ok && tangent(h, seg, sNext, yre, yim, k4r, k4i);
    if (!ok) { hs *= 0.5; streak = 0; rejected++; continue; }
    let move = 0;
    for (let j = 0; j < N; j++) {
      const dr = (dh / 6) * ((k1r[j] as number) + 2 * (k2r[j] as number) + 2 * (k3r[j] as number) + (k4r[j] as number));
      const di = (dh / 6) * ((k1i[j] as number) + 2 * (k2i[j] as number) + 2 * (k3i[j] as number) + (k4i[j] as number));
      zre[j] = (xre[j] as number) + dr; zim[j] = (xim[j] as number) + di;
      move = Math.max(move, Math.hypot(dr, di));
    }
    const scale = Math.max(1, normInf(N, zre, zim));
    const its = correct(h, seg, sNext, zre, zim, opts.tolerance, 3, Math.max(0.25 * move, 10 * opts.tolerance * scale));
    if (its < 0) { hs *= 0.5; streak = 0; rejected++; continue; }
    xre.set(zre); xim.set(zim);
    s = sNext;
    // The first correction measures the predictor's local error, O(h^5) for RK4: aim it at
    // PREDICTOR_TARGET, growing at most ×2 per step (and only after two successes in a row).
    const err = (h.firstCorrection[0] ?? 0) / scale;
    const factor = err > 0 ? Math.min(2, 0.8 * (PREDICTOR_TARGET / err) ** 0.2) : 2;
    if (++streak >= 2 || factor < 1) hs = Math.min(Math.max(factor, 0.5) * hs, opts.maxStep);
  }
  return { status: "ok", step: hs, steps, rejected };
}

/**
 * What the dynamics reach when it is no steady state: a limit cycle, measured. From the initial
 * amounts the stiff integrator (numeric/continuous/ode.ts) runs in short chunks of Δ, each sample
 * kept with its time derivative, so the trajectory between samples is the cubic Hermite
 * interpolant (error O(Δ⁴)). A Poincaré section — the species with the widest swing crossing the
 * middle of its range upwards — gives the crossing times; once two successive periods agree to
 * `periodTolerance` and the crossing points to the same relative distance, the orbit is a limit
 * cycle, and one more period, integrated from the crossing point, gives
 *
 *   period P, min and max of each species (extrema located on the Hermite cubic),
 *   time averages (1/P) ∫ x dt, (1/P) ∫ (v⁺ − v⁻) dt, and (1/P) ∫ σ(t) dt, σ(t) = Σ_r (v⁺−v⁻) ln(v⁺/v⁻)
 *
 * by the trapezoid rule with the Hermite end correction (error O(Δ⁴)); the measured period starts one full-tolerance period after the settled crossing. Δ is P₀/200 while searching and P/1000 while measuring, P₀ = 2π/|Im λ|
 * from the Jacobian's leading complex pair at the unstable state (or the initial amounts). The
 * trajectory is said to oscillate only when such a cycle is found; otherwise the reason is given.
 */
import { integrateStiff } from "../../numeric/continuous/ode.js";
import { eigenvalues } from "../../numeric/continuous/eigen.js";
import { entropyTerm } from "../entropy/index.js";
import { jacobian, rates, rhs, type Kinetics } from "./kinetics.js";
import type { LimitCycle } from "./types.js";

/** Samples per guessed period while searching. */
const SAMPLES_PER_PERIOD = 200;
/** Samples per period in the measuring pass. */
const MEASURE_SAMPLES = 1000;
/** Periods allowed for the transient before the cycle must have settled. */
const MAX_PERIODS = 300;

export interface AttractorOptions {
  /** Relative tolerance of the measuring pass, and of the searching passes. */
  readonly rtol: number;
  readonly searchRtol: number;
  /** Absolute tolerance of the integration (concentration units). */
  readonly atol: number;
  /** Two successive periods (and crossing points) agreeing to this relative difference settle the cycle. */
  readonly periodTolerance: number;
  /** Stop as blowing up past this size. */
  readonly blowUp: number;
}

export type AttractorResult =
  | { readonly kind: "limit-cycle"; readonly cycle: LimitCycle }
  | { readonly kind: "none"; readonly why: string };

interface Sample {
  readonly t: number;
  readonly x: number[];
  readonly f: number[];
}

/**
 * The limit cycle the trajectory from `x0` reaches (module comment), or why none was found.
 * `near` is a point to take the time scale from (an unstable steady state), else x0.
 *
 *   // irreversible Brusselator a = 1, b = 3 from X = Y = 1
 *   findLimitCycle(kin, [1, 1], [1, 3], o);   // period ≈ 7.157, X from ≈ 0.3706 to ≈ 3.7518
 */
export function findLimitCycle(kin: Kinetics, x0: readonly number[], near: readonly number[] | null, o: AttractorOptions): AttractorResult {
  const system = { dimension: kin.species, rhs: (y: readonly number[]) => rhs(kin, y), jacobian: (y: readonly number[]) => jacobian(kin, y) };
  const guess = periodGuess(kin, near ?? x0);
  if (guess === null) return { kind: "none", why: "the Jacobian has no rotation (no complex eigenvalues) to oscillate with" };
  const dt = guess / SAMPLES_PER_PERIOD;
  const step = (s: Sample): Sample | string => {
    const out = integrateStiff(system, s.x, { tEnd: dt, rtol: o.searchRtol, atol: o.atol, nonNegative: true, blowUp: o.blowUp, maxSteps: 100000 });
    if (out.status === "blow-up") return "the concentrations grow without bound";
    if (out.status !== "end") return `the integration stopped (${out.status})`;
    return { t: s.t + out.t, x: out.y, f: rhs(kin, out.y) };
  };
  let s: Sample = { t: 0, x: [...x0], f: rhs(kin, x0) };
  // a transient of 3 guessed periods (then 2 more watched), then the widest-swinging species and the middle of its range
  const window: Sample[] = [];
  for (let k = 0; k < 5 * SAMPLES_PER_PERIOD; k++) {
    const next = step(s);
    if (typeof next === "string") return { kind: "none", why: next };
    s = next;
    if (k >= 3 * SAMPLES_PER_PERIOD) window.push(s);
  }
  let j = 0, lo = 0, hi = 0, widest = -1;
  for (let i = 0; i < kin.species; i++) {
    const v = window.map((w) => w.x[i] ?? NaN);
    const a = Math.min(...v), b = Math.max(...v);
    if (b - a > widest) [j, lo, hi, widest] = [i, a, b, b - a];
  }
  const level = (lo + hi) / 2;
  if (!(widest > o.periodTolerance * Math.max(Math.abs(hi), 1e-300) * 1e3)) return { kind: "none", why: "the trajectory settles towards a point, not a cycle, but does not reach a steady state within the integration" };
  const crossings: { t: number; x: number[] }[] = [];
  for (let k = 0; k < MAX_PERIODS * SAMPLES_PER_PERIOD; k++) {
    const next = step(s);
    if (typeof next === "string") return { kind: "none", why: next };
    const a = (s.x[j] ?? NaN) - level, b = (next.x[j] ?? NaN) - level;
    if (a < 0 && b >= 0) {
      const tau = hermiteRoot(s, next, j, level);
      crossings.push({ t: s.t + tau * (next.t - s.t), x: hermite(s, next, tau) });
      const c = crossings.length;
      const [p0, p1, p2] = [crossings[c - 3], crossings[c - 2], crossings[c - 1]];
      if (p0 && p1 && p2) {
        const P1 = p1.t - p0.t, P2 = p2.t - p1.t;
        const dx = p2.x.reduce((m, v, i) => Math.max(m, Math.abs(v - (p1.x[i] ?? NaN)) / Math.max(Math.abs(v), hi)), 0);
        if (Math.abs(P2 - P1) <= o.periodTolerance * P2 && dx <= o.periodTolerance) {
          // one period at the full tolerance onto the cycle, then the one measured
          const onto = measure(kin, p2.x, P2, j, level, o);
          return { kind: "limit-cycle", cycle: measure(kin, onto.end, onto.cycle.period, j, level, o).cycle };
        }
      }
    }
    s = next;
  }
  return { kind: "none", why: `no repeating orbit within ${MAX_PERIODS} periods of ${guess.toPrecision(3)}` };
}

/** 2π / |Im λ| of the leading complex pair of the Jacobian at x, or null when all are real. */
function periodGuess(kin: Kinetics, x: readonly number[]): number | null {
  const ev = eigenvalues(jacobian(kin, x));
  if (ev === null) return null;
  let best = -Infinity, omega = 0;
  for (const [k, re] of ev.re.entries()) {
    const im = Math.abs(ev.im[k] ?? 0);
    if (im > 0 && re > best) [best, omega] = [re, im];
  }
  return omega > 0 ? (2 * Math.PI) / omega : null;
}

/**
 * One period from the crossing point x, integrated at the full tolerance: the period is the time
 * of the next upward crossing of the section (so the searching pass's coarser period is only a
 * guess), with extrema and averages of x, fluxes and σ (module comment).
 */
function measure(kin: Kinetics, x: number[], guess: number, section: number, level: number, o: AttractorOptions): { cycle: LimitCycle; end: number[] } {
  const n = kin.species;
  const m = kin.reactions;
  const min = [...x], max = [...x];
  const mean = new Array<number>(n).fill(0);
  const flux = new Array<number>(m).fill(0);
  let sigma: number | null = 0;
  const dt = guess / MEASURE_SAMPLES;
  const add = (a: Sample, b: Sample): void => {
    const h = b.t - a.t;
    for (let i = 0; i < n; i++) {
      // trapezoid with the Hermite end correction: exact for cubics
      mean[i] = (mean[i] ?? 0) + (h / 2) * ((a.x[i] ?? 0) + (b.x[i] ?? 0)) + (h * h / 12) * ((a.f[i] ?? 0) - (b.f[i] ?? 0));
      const fa = a.f[i] ?? 0, fb = b.f[i] ?? 0;
      if (fa * fb < 0) {
        const v = hermite(a, b, hermiteExtremum(a, b, i))[i] ?? NaN;
        min[i] = Math.min(min[i] ?? Infinity, v);
        max[i] = Math.max(max[i] ?? -Infinity, v);
      }
      min[i] = Math.min(min[i] ?? Infinity, b.x[i] ?? Infinity);
      max[i] = Math.max(max[i] ?? -Infinity, b.x[i] ?? -Infinity);
    }
    const ra = rates(kin, a.x), rb = rates(kin, b.x);
    let sa = 0, sb = 0;
    for (let r = 0; r < m; r++) {
      flux[r] = (flux[r] ?? 0) + (h / 2) * ((ra.forward[r] ?? 0) - (ra.reverse[r] ?? 0) + (rb.forward[r] ?? 0) - (rb.reverse[r] ?? 0));
      sa += entropyTerm(ra.forward[r] ?? 0, ra.reverse[r] ?? 0);
      sb += entropyTerm(rb.forward[r] ?? 0, rb.reverse[r] ?? 0);
    }
    if (sigma !== null) sigma = Number.isFinite(sa + sb) ? sigma + (h / 2) * (sa + sb) : null;
  };
  const system = { dimension: n, rhs: (y: readonly number[]) => rhs(kin, y), jacobian: (y: readonly number[]) => jacobian(kin, y) };
  let s: Sample = { t: 0, x, f: rhs(kin, x) };
  let period = guess;
  let last = x;
  for (let k = 0; k < 2 * MEASURE_SAMPLES; k++) {
    const out = integrateStiff(system, s.x, { tEnd: dt, rtol: o.rtol, atol: o.atol, nonNegative: true, maxSteps: 100000 });
    const next: Sample = { t: s.t + out.t, x: out.y, f: rhs(kin, out.y) };
    if (s.t > guess / 2 && (s.x[section] ?? NaN) < level && (next.x[section] ?? NaN) >= level) {
      const tau = hermiteRoot(s, next, section, level);
      const end = hermite(s, next, tau);
      const h = tau * (next.t - s.t);
      // the cubic's slope at the crossing, for the end correction of the last piece
      const f = rhs(kin, end);
      add(s, { t: s.t + h, x: end, f });
      period = s.t + h;
      last = end;
      break;
    }
    add(s, next);
    s = next;
  }
  const cycle: LimitCycle = {
    period,
    min,
    max,
    mean: mean.map((v) => v / period),
    meanFluxes: flux.map((v) => v / period),
    meanEntropyProduction: sigma === null ? null : sigma / period,
    section: { species: section },
  };
  return { cycle, end: last };
}

/** The Hermite cubic between samples a and b at τ ∈ [0, 1]. */
function hermite(a: Sample, b: Sample, tau: number): number[] {
  const h = b.t - a.t;
  const h00 = 2 * tau ** 3 - 3 * tau ** 2 + 1, h10 = tau ** 3 - 2 * tau ** 2 + tau, h01 = -2 * tau ** 3 + 3 * tau ** 2, h11 = tau ** 3 - tau ** 2;
  return a.x.map((xa, i) => h00 * xa + h10 * h * (a.f[i] ?? 0) + h01 * (b.x[i] ?? 0) + h11 * h * (b.f[i] ?? 0));
}

/** Derivative of the Hermite cubic's component i at τ (per unit t). */
function hermiteSlope(a: Sample, b: Sample, tau: number, i: number): number {
  const h = b.t - a.t;
  const d00 = 6 * tau ** 2 - 6 * tau, d10 = 3 * tau ** 2 - 4 * tau + 1, d01 = -6 * tau ** 2 + 6 * tau, d11 = 3 * tau ** 2 - 2 * tau;
  return (d00 * (a.x[i] ?? 0) + d01 * (b.x[i] ?? 0)) / h + d10 * (a.f[i] ?? 0) + d11 * (b.f[i] ?? 0);
}

/** τ where component i of the cubic crosses `level` (it is below at 0, at or above at 1). */
function hermiteRoot(a: Sample, b: Sample, i: number, level: number): number {
  let lo = 0, hi = 1;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if ((hermite(a, b, mid)[i] ?? NaN) < level) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** τ where the slope of component i changes sign between a and b. */
function hermiteExtremum(a: Sample, b: Sample, i: number): number {
  let lo = 0, hi = 1;
  const s0 = Math.sign(hermiteSlope(a, b, 0, i));
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (Math.sign(hermiteSlope(a, b, mid, i)) === s0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The Cauchy endgame (Morgan, Sommese & Wampler 1992) for paths whose end at t = 0 is singular
 * (a multiple root, a point on a positive-dimensional set, or a singular point at infinity).
 * Near t = 0 such a path is a Puiseux series x(t) = Σ a_k t^{k/c} with winding number c, so
 * tracking around the circle |t| = r returns to the start after exactly c loops; with s = t^{1/c}
 * the path is analytic in s, and by Cauchy's integral formula x(0) is the mean of x over the
 * circle |s| = r^{1/c}, which the trapezoidal rule on equally spaced samples computes to
 * spectral accuracy. The loop never gets closer to the singularity than r, so no step needs
 * the singular Jacobian. The radius shrinks geometrically until two estimates agree.
 */
import { distInf, normInf } from "./complex.js";
import { track, type Homotopy, type TrackOptions } from "./track.js";

export interface EndgameOptions {
  /** Samples per loop. */
  readonly samples: number;
  /** Largest winding number tried before giving up. */
  readonly maxWinding: number;
  /** Radius factor between rounds. */
  readonly shrink: number;
  /** Smallest radius. */
  readonly minRadius: number;
  /** Agreement of two successive estimates, relative to max(1, ‖X‖). */
  readonly tolerance: number;
}

export const DEFAULT_ENDGAME: EndgameOptions = { samples: 8, maxWinding: 16, shrink: 0.25, minRadius: 1e-14, tolerance: 1e-9 };

export type EndgameResult =
  | { readonly ok: true; readonly re: Float64Array; readonly im: Float64Array; readonly winding: number; readonly accuracy: number }
  | { readonly ok: false; readonly reason: string };

/** Runs the endgame from X at real t = r (X is modified). */
export function cauchyEndgame(h: Homotopy, xre: Float64Array, xim: Float64Array, r: number, topts: TrackOptions, opts: EndgameOptions = DEFAULT_ENDGAME): EndgameResult {
  const N = h.N, M = opts.samples;
  let prev: { re: Float64Array; im: Float64Array } | null = null;
  let step = 0.05, lastReason = "endgame did not converge";
  while (r >= opts.minRadius) {
    const loop = loopAround(h, xre, xim, r, M, opts, topts, step);
    if (loop.ok) {
      const { re, im, winding } = loop;
      if (prev) {
        const acc = distInf(N, re, im, prev.re, prev.im);
        if (acc <= opts.tolerance * Math.max(1, normInf(N, re, im))) return { ok: true, re, im, winding, accuracy: acc };
      }
      prev = { re, im };
    } else {
      lastReason = loop.reason;
      prev = null;
    }
    // move in to the next radius along the real axis
    const res = track(h, { kind: "line", from: [r, 0], to: [r * opts.shrink, 0] }, xre, xim, 0.1, topts);
    if (res.status !== "ok") return { ok: false, reason: `endgame: ${res.status} at t = ${r.toExponential(1)}` };
    step = res.step;
    r *= opts.shrink;
  }
  return { ok: false, reason: lastReason };
}

/** Loops around |t| = r until X returns; the Cauchy mean of the samples and the winding number. */
function loopAround(h: Homotopy, xre: Float64Array, xim: Float64Array, r: number, M: number, opts: EndgameOptions, topts: TrackOptions, step: number):
  | { ok: true; re: Float64Array; im: Float64Array; winding: number }
  | { ok: false; reason: string } {
  const N = h.N;
  const x0re = Float64Array.from(xre), x0im = Float64Array.from(xim);
  const sumRe = new Float64Array(N), sumIm = new Float64Array(N);
  for (let c = 1; c <= opts.maxWinding; c++) {
    for (let j = 0; j < M; j++) {
      const res = track(h, { kind: "arc", radius: r, from: (2 * Math.PI * j) / M, to: (2 * Math.PI * (j + 1)) / M }, xre, xim, step, topts);
      if (res.status !== "ok") {
        xre.set(x0re); xim.set(x0im);
        return { ok: false, reason: `endgame loop: ${res.status} at |t| = ${r.toExponential(1)}` };
      }
      step = res.step;
      for (let q = 0; q < N; q++) { sumRe[q] = (sumRe[q] as number) + (xre[q] as number); sumIm[q] = (sumIm[q] as number) + (xim[q] as number); }
    }
    const back = distInf(N, xre, xim, x0re, x0im);
    if (back <= 1e-7 * Math.max(1, normInf(N, x0re, x0im))) {
      xre.set(x0re); xim.set(x0im);
      for (let q = 0; q < N; q++) { sumRe[q] = (sumRe[q] as number) / (c * M); sumIm[q] = (sumIm[q] as number) / (c * M); }
      return { ok: true, re: sumRe, im: sumIm, winding: c };
    }
  }
  xre.set(x0re); xim.set(x0im);
  return { ok: false, reason: `winding number above ${opts.maxWinding}` };
}

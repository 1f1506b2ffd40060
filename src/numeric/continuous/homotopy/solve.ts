/**
 * solvePolynomialSystem: every isolated complex root of a square polynomial system, each
 * certified, and every start path accounted for. See index.ts for the method and the API.
 */
import type { ComplexInterval } from "../../interval/complex.js";
import { mulberry32 } from "../../random.js";
import { certifyRoot, type Certificate, boxInside, disjoint } from "./certify.js";
import { distInf, normInf, solveInPlace } from "./complex.js";
import { localDimension } from "./dimension.js";
import { cauchyEndgame } from "./endgame.js";
import { certifyOnFace } from "./face.js";
import { compileSystem, degreesOf, validateSystem, type CompiledSystem, type Complex, type PolynomialSystem } from "./system.js";
import { makeEvaluator, type Evaluator } from "./evaluate.js";
import { correct, DEFAULT_TRACK, makeHomotopy, STRICT_TRACK, track, type Homotopy, type TrackOptions } from "./track.js";

export interface SolveOptions {
  /** Seed of γ, the projective patch and the slice test (default 1). */
  readonly seed?: number;
  /** Called after each path with (paths done, total). */
  readonly onPath?: (done: number, total: number) => void;
  /** Refuse systems whose Bézout number exceeds this (default 100 000). */
  readonly maxPaths?: number;
}

export type PathOutcome = "finite-regular" | "finite-singular" | "at-infinity" | "positive-dimensional" | "failed";

export interface PathReport {
  readonly index: number;
  readonly outcome: PathOutcome;
  /** Winding number from the Cauchy endgame (1 when the path ended without it). */
  readonly winding: number;
  /** Index into solutions for finite isolated outcomes. */
  readonly solution?: number;
  readonly reason?: string;
}

export interface Certification {
  /** Krawczyk proved exactly one root in `box`. */
  readonly unique: boolean;
  /** ... and that root is real. */
  readonly real: boolean;
  /** ... and every coordinate is ≥ 0 (the zero ones proved exactly 0 on a face). */
  readonly nonNegative: boolean;
  /** Coordinates proved exactly 0. */
  readonly zeroCoordinates: readonly number[];
  readonly box?: readonly ComplexInterval[];
}

export interface Solution {
  readonly point: readonly Complex[];
  readonly certified: Certification;
  /** max_i |F_i(point)| in floating point. */
  readonly residual: number;
  /** Number of paths ending here (1 for a certified root; for a singular root its multiplicity). */
  readonly multiplicity: number;
  readonly paths: readonly number[];
}

export interface Component {
  readonly dimension: number;
  readonly paths: readonly number[];
  /** The endpoints that landed on it (a sample of points on it, not a description). */
  readonly witnessPoints: readonly (readonly Complex[])[];
}

export interface HomotopyResult {
  /** The total-degree (Bézout) root count: the number of paths tracked. */
  readonly bezout: number;
  readonly degrees: readonly number[];
  readonly paths: readonly PathReport[];
  readonly solutions: readonly Solution[];
  /** Every path ended classified (none failed) and no two paths share a nonsingular root. */
  readonly complete: boolean;
  /** Every isolated solution carries a Krawczyk certificate (no singular roots). */
  readonly allCertified: boolean;
  readonly failures: readonly { readonly path: number; readonly reason: string }[];
  readonly components: readonly Component[];
  readonly seed: number;
}

/** How a path ended before solutions are assembled. */
type PathEnd =
  | { kind: "regular"; x: Float64Array[]; cert: Certificate }
  | { kind: "singular"; x: Float64Array[]; winding: number }
  | { kind: "infinity"; winding: number }
  /** `offSolutionSet`: the endgame converged to a point that is no root (retracked with smaller steps). */
  | { kind: "failed"; reason: string; offSolutionSet?: boolean };

/**
 * Largest move of the affine Newton refinement from a path's end, relative to the point: a
 * refinement that travels further has left the path's end for another root.
 */
const REFINE_DRIFT = 1e-6;

/**
 * Largest residual of a singular end relative to the terms that cancel in it. The endgame
 * locates a singular root to ~1e-9 relative, so its residual is at most about that (less for
 * higher multiplicity); an end far above it is not on the solution set.
 */
const SINGULAR_RESIDUAL = 1e-6;

/** The end of the tracked t-range where the endgame zone starts. */
const T_ENDGAME = 0.1;

/**
 * Tracks every path of the total-degree homotopy from the roots of x_i^{d_i} = 1 to F = 0 and
 * returns classified endpoints, certified distinct solutions and any components.
 *
 *     const cubic = [{ exponents: [[3], [2], [1], [0]], coefficients: [1, -6, 11, -6] }];
 *     solvePolynomialSystem(cubic).solutions.map((s) => s.point[0].re)   // 1, 2, 3 (some order)
 */
export function solvePolynomialSystem(system: PolynomialSystem, options: SolveOptions = {}): HomotopyResult {
  const problem = validateSystem(system);
  if (problem) throw new RangeError(problem);
  const seed = options.seed ?? 1;
  const n = system.length;
  const degrees = degreesOf(system);
  const bezout = degrees.reduce((a, b) => a * b, 1);
  if (bezout > (options.maxPaths ?? 100000)) throw new RangeError(`Bézout number ${bezout} exceeds maxPaths ${options.maxPaths ?? 100000}`);
  const empty = { bezout, degrees, paths: [], solutions: [], complete: true, allCertified: true, failures: [], components: [], seed };
  if (bezout === 0) return empty; // a nonzero constant equation: no solutions at all
  const rand = mulberry32(seed);
  const theta = 2 * Math.PI * rand();
  const patchRe = new Float64Array(n + 1), patchIm = new Float64Array(n + 1);
  for (let j = 0; j <= n; j++) { const a = 2 * Math.PI * rand(); patchRe[j] = Math.cos(a); patchIm[j] = Math.sin(a); }
  const startRe = new Float64Array(n), startIm = new Float64Array(n);
  for (let i = 0; i < n; i++) { const a = 2 * Math.PI * rand(); startRe[i] = Math.cos(a); startIm[i] = Math.sin(a); }
  const homog = compileSystem(system, true), affine = compileSystem(system, false);
  const h = makeHomotopy(n, homog.degrees, makeEvaluator(homog), [Math.cos(theta), Math.sin(theta)], [patchRe, patchIm], [startRe, startIm]);
  const affineEval = makeEvaluator(affine);
  const ends: PathEnd[] = [];
  for (let p = 0; p < bezout; p++) {
    ends.push(endOfPath(h, affine, affineEval, degrees, p, DEFAULT_TRACK));
    options.onPath?.(p + 1, bezout);
  }
  let built = buildSolutions(ends, affine, affineEval, rand);
  const offSet = ends.flatMap((e, p) => (e.kind === "failed" && e.offSolutionSet === true ? [p] : []));
  if (built.jumped.length > 0 || offSet.length > 0) {
    // Two paths on one nonsingular root (a path jumped), or an endgame that ended off the
    // solution set: retrack the paths involved, carefully.
    for (const p of [...built.jumped, ...offSet]) ends[p] = endOfPath(h, affine, affineEval, degrees, p, STRICT_TRACK);
    built = buildSolutions(ends, affine, affineEval, rand);
  }
  return { ...built.result, bezout, degrees, seed };
}

/** Largest coefficient modulus; residual tolerances are relative to it. */
function coefficientScale(sys: CompiledSystem): number {
  let m = 0;
  for (const c of sys.coefficients) m = Math.max(m, Math.abs(c));
  return m;
}

/** Start point p of the total-degree system: X_0 = 1, X_i a d_i-th root of c_i, on the patch. */
function startPoint(h: Homotopy, degrees: readonly number[], p: number): [Float64Array, Float64Array] {
  const re = new Float64Array(h.N), im = new Float64Array(h.N);
  re[0] = 1;
  let rest = p;
  degrees.forEach((d, i) => {
    const k = rest % d;
    rest = Math.floor(rest / d);
    const arg = (Math.atan2(h.startIm[i] as number, h.startRe[i] as number) + 2 * Math.PI * k) / d;
    re[i + 1] = Math.cos(arg);
    im[i + 1] = Math.sin(arg);
  });
  let sr = 0, si = 0;
  for (let j = 0; j < h.N; j++) {
    const ar = h.patchRe[j] as number, ai = h.patchIm[j] as number, xr = re[j] as number, xi = im[j] as number;
    sr += ar * xr - ai * xi; si += ar * xi + ai * xr;
  }
  const m = sr * sr + si * si;
  for (let j = 0; j < h.N; j++) {
    const xr = re[j] as number, xi = im[j] as number;
    re[j] = (xr * sr + xi * si) / m; im[j] = (xi * sr - xr * si) / m;
  }
  return [re, im];
}

/** Tracks path p and classifies its end (regular roots are certified here). */
function endOfPath(h: Homotopy, affine: CompiledSystem, affineEval: Evaluator, degrees: readonly number[], p: number, topts: TrackOptions): PathEnd {
  const [xre, xim] = startPoint(h, degrees, p);
  const first = track(h, { kind: "line", from: [1, 0], to: [T_ENDGAME, 0] }, xre, xim, 0.02, topts);
  if (first.status !== "ok") return { kind: "failed", reason: `${first.status} before t = ${T_ENDGAME}` };
  const ere = Float64Array.from(xre), eim = Float64Array.from(xim);
  // Straight to t = 0 first (cheap, and enough for almost every path); then in segments that
  // shrink t geometrically, so steps are relative to t (two roots 1e-7 apart make their paths
  // nearly collide at t ~ 1e-14, which a step relative to the whole range 0.1 cannot resolve).
  const direct = finishAt0(h, affine, affineEval, xre, xim, track(h, { kind: "line", from: [T_ENDGAME, 0], to: [0, 0] }, xre, xim, first.step, topts).status);
  if (direct) return direct;
  xre.set(ere); xim.set(eim);
  let ok = true, step = first.step, r = T_ENDGAME;
  const logX0: number[] = [];
  for (; ok && r > 1e-16; r /= 8) {
    const res = track(h, { kind: "line", from: [r, 0], to: [r / 8, 0] }, xre, xim, step, topts);
    ok = res.status === "ok";
    step = res.step;
    if (ok) logX0.push(Math.log(Math.hypot(xre[0] as number, xim[0] as number) / Math.max(1e-300, normInf(h.N, xre, xim))));
  }

  if (ok) {
    // the valuation first: X₀ shrinking like t^v (v > 0) over the last decades is a path to
    // infinity, however slowly (a winding number c gives v = k/c, and badly scaled coefficients
    // can hold a path nearly still for many decades before that regime, which fools the
    // endgame's agreement test)
    const v = valuation(logX0);
    if (v !== null) return { kind: "infinity", winding: 1 };
    const geometric = finishAt0(h, affine, affineEval, xre, xim, track(h, { kind: "line", from: [r, 0], to: [0, 0] }, xre, xim, step, topts).status);
    if (geometric) return geometric;
  }
  // The endgame loops closely around singular points: a tighter predictor keeps it from
  // jumping between the branches of one cycle (which would halve the winding number).
  const eg = cauchyEndgame(h, ere, eim, T_ENDGAME, { ...topts, maxStep: Math.min(topts.maxStep, 0.125), tolerance: Math.min(topts.tolerance, 1e-12) });
  if (!eg.ok) return { kind: "failed", reason: eg.reason };
  const sc = Math.max(1, normInf(h.N, eg.re, eg.im));
  if (Math.hypot(eg.re[0] as number, eg.im[0] as number) < 1e-7 * sc) return { kind: "infinity", winding: eg.winding };
  if (eg.winding === 1) {
    const cert = finiteRegular(affine, affineEval, eg.re, eg.im);
    if (cert) return cert;
  }
  const [are, aim] = dehomogenise(eg.re, eg.im);
  // A path's limit is a root (F is continuous): an end whose residual is far above rounding of
  // the terms that cancel in it is a failed endgame (a loop that jumped branches, a wrong winding
  // number), not a singular root, and must not be counted as accounted for.
  const rel = relativeResidual(affine, affineEval, are, aim);
  if (!(rel <= SINGULAR_RESIDUAL)) return { kind: "failed", offSolutionSet: true, reason: `endgame ended off the solution set (relative residual ${rel.toExponential(0)})` };
  return { kind: "singular", x: [are, aim], winding: eg.winding };
}

/**
 * The valuation v of X₀/‖X‖ along t → 0 (X₀ ~ t^v), from its logarithms at t = 0.1·8^−k, when the
 * last VALUATION_SEGMENTS estimates agree to VALUATION_AGREEMENT and v ≥ 1/(2·16) (a winding
 * number up to 16); null otherwise (a finite end has v = 0).
 */
function valuation(logX0: readonly number[]): number | null {
  const m = logX0.length;
  if (m < VALUATION_SEGMENTS + 1) return null;
  const est: number[] = [];
  for (let k = m - VALUATION_SEGMENTS; k < m; k++) est.push(((logX0[k] as number) - (logX0[k - 1] as number)) / Math.log(1 / 8));
  const lo = Math.min(...est), hi = Math.max(...est);
  return lo >= 1 / 32 && hi - lo <= VALUATION_AGREEMENT ? (lo + hi) / 2 : null;
}

/** Segments (each t ÷ 8) over which the valuation must agree, and how closely. */
const VALUATION_SEGMENTS = 4;
const VALUATION_AGREEMENT = 0.03;

/**
 * max_i |F_i(x)| / Σ_k |c_k| ρ^|α_k|, ρ = max(1, ‖x‖∞): the residual relative to the size its
 * terms have at the point's scale (not at the point: −y² near y = 0 would divide by ~0).
 */
function relativeResidual(sys: CompiledSystem, ev: Evaluator, re: Float64Array, im: Float64Array): number {
  const n = sys.n;
  const fre = new Float64Array(n), fim = new Float64Array(n);
  ev(re, im, fre, fim, null, null);
  const rho = Math.max(1, normInf(n, re, im));
  let worst = 0;
  for (let i = 0; i < n; i++) {
    let size = 0;
    for (let k = sys.eqStart[i] as number; k < (sys.eqStart[i + 1] as number); k++) {
      let d = 0;
      for (let f = sys.termStart[k] as number; f < (sys.termStart[k + 1] as number); f++) d += sys.factorExp[f] as number;
      size += Math.abs(sys.coefficients[k] as number) * rho ** d;
    }
    const r = Math.hypot(fre[i] as number, fim[i] as number);
    worst = Math.max(worst, size > 0 ? r / size : r === 0 ? 0 : Infinity);
  }
  return worst;
}

/** After tracking to t = 0: Newton on the target, then at infinity or a certified finite root. */
function finishAt0(h: Homotopy, affine: CompiledSystem, affineEval: Evaluator, xre: Float64Array, xim: Float64Array, status: string): PathEnd | null {
  if (status !== "ok") return null;
  const sc = Math.max(1, normInf(h.N, xre, xim));
  if (correct(h, null, 0, xre, xim, 1e-14, 6, 1e-6 * sc) < 0) return null;
  const ratio = Math.hypot(xre[0] as number, xim[0] as number) / sc;
  if (ratio < 1e-10) return { kind: "infinity", winding: 1 };
  return finiteRegular(affine, affineEval, xre, xim);
}

function dehomogenise(xre: Float64Array, xim: Float64Array): [Float64Array, Float64Array] {
  const n = xre.length - 1;
  const r0 = xre[0] as number, i0 = xim[0] as number, m = r0 * r0 + i0 * i0;
  const re = new Float64Array(n), im = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const a = xre[j + 1] as number, b = xim[j + 1] as number;
    re[j] = (a * r0 + b * i0) / m; im[j] = (b * r0 - a * i0) / m;
  }
  return [re, im];
}

/** Newton on the affine system from the dehomogenised point, then the Krawczyk test. */
function finiteRegular(affine: CompiledSystem, ev: Evaluator, Xre: Float64Array, Xim: Float64Array): PathEnd | null {
  const [re, im] = dehomogenise(Xre, Xim);
  const n = affine.n;
  const fromRe = Float64Array.from(re), fromIm = Float64Array.from(im);
  if (!newtonRefine(n, ev, re, im)) return null;
  const scale = Math.max(1, normInf(n, re, im));
  // Newton from a point near a singular end (at infinity, say) may converge to some other root
  // far away: the refined point must be the path's end, not a root Newton found elsewhere.
  if (distInf(n, re, im, fromRe, fromIm) > REFINE_DRIFT * Math.max(scale, normInf(n, fromRe, fromIm))) return null;
  const cert = certifyRoot(affine, Array.from(re), Array.from(im), 1e-6 * scale);
  return cert ? { kind: "regular", x: [re, im], cert } : null;
}

/** Affine Newton until the step stops shrinking; false if it diverges or the Jacobian is singular. */
export function newtonRefine(n: number, ev: Evaluator, re: Float64Array, im: Float64Array): boolean {
  const fre = new Float64Array(n), fim = new Float64Array(n), jre = new Float64Array(n * n), jim = new Float64Array(n * n);
  let prev = Infinity;
  for (let it = 0; it < 12; it++) {
    ev(re, im, fre, fim, jre, jim);
    for (let i = 0; i < n; i++) { fre[i] = -(fre[i] as number); fim[i] = -(fim[i] as number); }
    if (solveInPlace(n, jre, jim, fre, fim) === 0) return false;
    const d = normInf(n, fre, fim);
    if (!Number.isFinite(d)) return false;
    if (d >= prev && it > 2) break;
    for (let j = 0; j < n; j++) { re[j] = (re[j] as number) + (fre[j] as number); im[j] = (im[j] as number) + (fim[j] as number); }
    if (d <= 4e-16 * Math.max(1, normInf(n, re, im))) break;
    prev = d;
  }
  return true;
}

/** max |F_i(x)|. */
function residualAt(n: number, ev: Evaluator, re: Float64Array, im: Float64Array): number {
  const fre = new Float64Array(n), fim = new Float64Array(n);
  ev(re, im, fre, fim, null, null);
  return normInf(n, fre, fim);
}

/**
 * Assembles solutions from the path ends: certified roots deduplicated by their boxes (same
 * root when one certified box lies inside the other's test box, distinct when disjoint),
 * singular endpoints clustered and tested for positive dimension. `jumped` lists paths that
 * share a nonsingular root with another path.
 */
function buildSolutions(ends: readonly PathEnd[], affine: CompiledSystem, ev: Evaluator, rand: () => number): {
  result: Omit<HomotopyResult, "bezout" | "degrees" | "seed">; jumped: number[];
} {
  const n = affine.n;
  const paths: PathReport[] = [];
  const solutions: (Solution & { outer?: readonly ComplexInterval[] })[] = [];
  const failures: { path: number; reason: string }[] = [];
  const jumped = new Set<number>();
  const singular: { path: number; x: Float64Array[]; winding: number }[] = [];
  ends.forEach((e, p) => {
    if (e.kind === "failed") { paths.push({ index: p, outcome: "failed", winding: 0, reason: e.reason }); failures.push({ path: p, reason: e.reason }); return; }
    if (e.kind === "infinity") { paths.push({ index: p, outcome: "at-infinity", winding: e.winding }); return; }
    if (e.kind === "singular") { singular.push({ path: p, x: e.x, winding: e.winding }); paths.push({ index: p, outcome: "finite-singular", winding: e.winding }); return; }
    const [re, im] = e.x as [Float64Array, Float64Array];
    let same = -1, undecided = false;
    solutions.forEach((s, k) => {
      if (!s.outer || !s.certified.box) return;
      if (disjoint(e.cert.box, s.certified.box)) return;
      if (boxInside(e.cert.box, s.outer) || boxInside(s.certified.box, e.cert.outer)) same = k;
      else undecided = true;
    });
    if (same >= 0) {
      const s = solutions[same] as Solution;
      jumped.add(p);
      for (const q of s.paths) jumped.add(q);
      const reason = `path jumping: ended on the nonsingular root of path ${(s.paths[0] ?? 0) + 1}`;
      paths.push({ index: p, outcome: "failed", winding: 1, reason });
      failures.push({ path: p, reason });
      return;
    }
    if (undecided) {
      const reason = "certified box overlaps another root's box without being inside it";
      paths.push({ index: p, outcome: "failed", winding: 1, reason });
      failures.push({ path: p, reason });
      return;
    }
    paths.push({ index: p, outcome: "finite-regular", winding: 1, solution: solutions.length });
    solutions.push(regularSolution(affine, ev, re, im, e.cert, p));
  });
  // Singular endpoints: cluster by distance (they carry no certificate to compare), then ask
  // whether each cluster is an isolated multiple root or lies on a positive-dimensional set.
  const components = new Map<number, { paths: number[]; witnessPoints: Complex[][] }>();
  const used = new Set<number>();
  singular.forEach((s, a) => {
    if (used.has(a)) return;
    const members = [s];
    used.add(a);
    const [sre, sim] = s.x as [Float64Array, Float64Array];
    const sc = Math.max(1, normInf(n, sre, sim));
    singular.forEach((t, b) => {
      if (used.has(b)) return;
      const [tre, tim] = t.x as [Float64Array, Float64Array];
      let d = 0;
      for (let j = 0; j < n; j++) d = Math.max(d, Math.hypot((sre[j] as number) - (tre[j] as number), (sim[j] as number) - (tim[j] as number)));
      if (d <= 1e-6 * sc) { members.push(t); used.add(b); }
    });
    // mean of the cluster
    const mre = new Float64Array(n), mim = new Float64Array(n);
    for (const m of members) for (let j = 0; j < n; j++) { mre[j] = (mre[j] as number) + ((m.x[0] as Float64Array)[j] as number) / members.length; mim[j] = (mim[j] as number) + ((m.x[1] as Float64Array)[j] as number) / members.length; }
    // A cluster of m paths that looks singular may be m nearby regular roots that double
    // precision could not separate along the path (two roots 1e-7 apart: the paths pass within
    // rounding noise of each other near t = 1e-14). Newton from points around the estimate, at
    // radii 1e-2 … 1e-12, finds them; the cluster is resolved only when m new roots, each
    // certified and disjoint from every known root, turn up.
    const split = splitCluster(affine, ev, mre, mim, members.length, solutions, rand);
    if (split) {
      split.forEach((sol, q) => {
        const m = members[q] as (typeof members)[number];
        paths[m.path] = { index: m.path, outcome: "finite-regular", winding: m.winding, solution: solutions.length };
        solutions.push({ ...sol, paths: [m.path] });
      });
      return;
    }
    const dim = localDimension(n, ev, mre, mim, rand, coefficientScale(affine) * Math.max(1, normInf(n, mre, mim)) ** Math.max(0, affine.maxDegree - 1));
    const point = toComplex(mre, mim);
    if (dim > 0) {
      const c = components.get(dim) ?? { paths: [], witnessPoints: [] };
      for (const m of members) { c.paths.push(m.path); c.witnessPoints.push(toComplex(m.x[0] as Float64Array, m.x[1] as Float64Array)); }
      components.set(dim, c);
      for (const m of members) paths[m.path] = { index: m.path, outcome: "positive-dimensional", winding: m.winding };
      return;
    }
    for (const m of members) paths[m.path] = { index: m.path, outcome: "finite-singular", winding: m.winding, solution: solutions.length };
    solutions.push({
      point, residual: residualAt(n, ev, mre, mim), multiplicity: members.length, paths: members.map((m) => m.path),
      certified: { unique: false, real: false, nonNegative: false, zeroCoordinates: [] },
    });
  });
  const out = solutions.map(({ outer: _outer, ...s }) => s);
  return {
    result: {
      paths, solutions: out, failures,
      complete: failures.length === 0,
      allCertified: out.every((s) => s.certified.unique),
      components: [...components.entries()].sort((a, b) => b[0] - a[0]).map(([dimension, c]) => ({ dimension, ...c })),
    },
    jumped: [...jumped].sort((a, b) => a - b),
  };
}

/** Up to m certified roots near (mre, mim), new and mutually distinct; null unless exactly m. */
function splitCluster(affine: CompiledSystem, ev: Evaluator, mre: Float64Array, mim: Float64Array, m: number, known: readonly (Solution & { outer?: readonly ComplexInterval[] })[], rand: () => number): (Solution & { outer: readonly ComplexInterval[] })[] | null {
  const n = affine.n;
  const scale = Math.max(1, normInf(n, mre, mim));
  const found: (Solution & { outer: readonly ComplexInterval[] })[] = [];
  const dir = Array.from({ length: n }, () => 2 * Math.PI * rand());
  for (let k = 2; k <= 12 && found.length < m; k++) {
    for (let q = 0; q < 4 && found.length < m; q++) {
      const re = Float64Array.from(mre), im = Float64Array.from(mim);
      const rho = 10 ** -k * scale;
      for (let j = 0; j < n; j++) { const a = (dir[j] as number) + (q * Math.PI) / 2; re[j] = (re[j] as number) + rho * Math.cos(a); im[j] = (im[j] as number) + rho * Math.sin(a); }
      if (!newtonRefine(n, ev, re, im)) continue;
      const cert = certifyRoot(affine, Array.from(re), Array.from(im), 1e-6 * scale);
      if (!cert) continue;
      const others = [...known, ...found];
      if (!others.every((s) => s.certified.box && disjoint(cert.box, s.certified.box))) continue;
      found.push(regularSolution(affine, ev, re, im, cert, -1));
    }
  }
  return found.length === m ? found : null;
}

function toComplex(re: Float64Array, im: Float64Array): Complex[] {
  return Array.from(re, (r, j) => ({ re: r, im: im[j] as number }));
}

/** A certified root: real and non-negative where the certificate shows it, faces tried for zeros. */
function regularSolution(affine: CompiledSystem, ev: Evaluator, re: Float64Array, im: Float64Array, cert: Certificate, path: number): Solution & { outer: readonly ComplexInterval[] } {
  const n = affine.n;
  if (cert.real) im.fill(0);
  let zeroCoordinates: number[] = [];
  let box = cert.box;
  let nonNegative = cert.real && box.every((b) => b.re.lo >= 0);
  if (cert.real && !nonNegative && box.every((b) => b.re.hi >= 0)) {
    const scale = Math.max(1, normInf(n, re, im));
    const face = certifyOnFace(affine, Array.from(re), cert.outer, 1e-6 * scale);
    if (face) {
      zeroCoordinates = face.zero;
      box = face.box;
      nonNegative = box.every((b) => b.re.lo >= 0);
      for (const j of face.zero) re[j] = 0;
    }
  }
  return {
    point: toComplex(re, im),
    residual: residualAt(n, ev, re, im),
    multiplicity: 1,
    paths: [path],
    certified: { unique: true, real: cert.real, nonNegative, zeroCoordinates, box },
    outer: cert.outer,
  };
}

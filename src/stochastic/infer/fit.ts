/**
 * Inference of a Markov jump process from its observed jumps (docs/trajectories.md, "Estimators").
 *
 * - Rates: the maximum-likelihood estimate k̂_ij = n_ij / T_i (jumps i → j over the time spent
 *   in i), with the exact Poisson (Garwood) interval given the dwell time.
 * - Detailed balance: the likelihood-ratio test of the best balanced model (k_ij = w_ij / π_i,
 *   w symmetric) against the free one; the statistic 2(ℓ_free − ℓ_balanced) is χ² with one degree
 *   of freedom per independent cycle of the observed graph (edges − states + components).
 * - Cycle affinities A_c = Σ ln(k̂_ij / k̂_ji) around the fundamental cycles of the graph, and σ =
 *   Σ_{i<j} (π_i k_ij − π_j k_ji) ln(π_i k_ij / π_j k_ji) (Schnakenberg) at the fitted generator's
 *   stationary law; their intervals by a parametric bootstrap that redraws each rate from its
 *   likelihood given the dwell (k*_ij ~ Gamma(n_ij + ½) / T_i, the Jeffreys posterior).
 * - From the sequence alone: the Kullback–Leibler divergence between the sequence and its time
 *   reversal (Roldán and Parrondo 2010) over blocks of two and three states, a lower bound on σ per jump.
 */
import { fundamentalCycle, spanningForest } from "../../network/digraph.js";
import { outOfRange } from "../../numeric/checked.js";
import { solveLinear } from "../../numeric/continuous/dense.js";
import { gthStationary } from "../../numeric/markov/gth.js";
import { Xoshiro128 } from "../random.js";
import { chiSquareTail, poissonRateInterval, quantileSorted } from "../stats.js";
import { KEY, type JumpData } from "./trajectory.js";

export interface InferOptions {
  /** Confidence of every interval and the level of the test (0.95: a 5% test). */
  readonly level: number;
  readonly bootstrap: number;
  readonly seed: number;
}

export const DEFAULT_INFER: InferOptions = { level: 0.95, bootstrap: 1000, seed: 1 };

export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

/** An unordered pair of states seen to jump at least one way: `a → b` is forward. */
export interface InferredEdge {
  readonly a: number;
  readonly b: number;
  readonly label: string;
  readonly forwardCount: number;
  readonly reverseCount: number;
  readonly forwardRate: number;
  readonly reverseRate: number;
  readonly forwardInterval: Interval;
  readonly reverseInterval: Interval;
}

export interface InferredCycle {
  /** States around the cycle. */
  readonly states: number[];
  /** Edge indices and the sense each is crossed in (+1: a → b). */
  readonly edges: number[];
  readonly signs: number[];
  /** ln Π k̂ forward / Π k̂ backward; ±∞ when a jump of the cycle was never seen one way. */
  readonly affinity: number;
  readonly interval: Interval | null;
}

export interface Inference {
  readonly names: readonly string[];
  readonly hasTimes: boolean;
  readonly jumps: number;
  readonly time: number;
  readonly runs: number;
  readonly dwell: readonly number[];
  readonly edges: readonly InferredEdge[];
  readonly level: number;
  /** The likelihood-ratio test of detailed balance (null without times: no likelihood of rates). */
  readonly balanceTest: { readonly statistic: number; readonly dof: number; readonly pValue: number; readonly rejected: boolean } | null;
  readonly cycles: readonly InferredCycle[];
  /** The cycle with the largest |affinity| lower bound; null when the graph has no cycle. */
  readonly mostDriven: number | null;
  /** σ (k_B per time) at the fitted rates, and its bootstrap interval; null without times. */
  readonly entropyProduction: { readonly estimate: number; readonly interval: Interval | null; readonly draws: number } | null;
  /** The KLD lower bounds on σ: per jump, and per time when times are known. */
  readonly kld: { readonly pairs: number; readonly triples: number; readonly perJump: number; readonly perTime: number | null; readonly dropped: number };
  readonly notes: readonly string[];
}

/** Infers rates, the balance test, cycles, σ and the KLD bound from jump counts. */
export function infer(data: JumpData, options: InferOptions = DEFAULT_INFER): Inference {
  const n = data.names.length;
  const notes: string[] = [];
  const count = (i: number, j: number) => data.pairs.get(i * KEY + j) ?? 0;
  // edges: unordered pairs, in order of first state then second
  const keys = [...data.pairs.keys()].map((k) => [Math.floor(k / KEY), k % KEY] as const);
  const seen = new Set<number>();
  const pairsList: [number, number][] = [];
  for (const [i, j] of keys.sort((x, y) => x[0] - y[0] || x[1] - y[1])) {
    const lo = Math.min(i, j), hi = Math.max(i, j);
    if (seen.has(lo * KEY + hi)) continue;
    seen.add(lo * KEY + hi);
    // forward is the direction seen more often (ties: lower index first)
    pairsList.push(count(lo, hi) >= count(hi, lo) ? [lo, hi] : [hi, lo]);
  }
  pairsList.sort((x, y) => Math.min(...x) - Math.min(...y) || Math.max(...x) - Math.max(...y));
  const level = options.level;
  const edges: InferredEdge[] = pairsList.map(([a, b], e) => {
    const nf = count(a, b), nr = count(b, a);
    const Ta = data.dwell[a] ?? 0, Tb = data.dwell[b] ?? 0;
    const label = data.labels.get(a * KEY + b) ?? data.labels.get(b * KEY + a) ?? `t${e + 1}`;
    const fi = poissonRateInterval(nf, Ta, level), ri = poissonRateInterval(nr, Tb, level);
    return {
      a, b, label,
      forwardCount: nf, reverseCount: nr,
      forwardRate: data.hasTimes ? (Ta > 0 ? nf / Ta : NaN) : NaN,
      reverseRate: data.hasTimes ? (Tb > 0 ? nr / Tb : NaN) : NaN,
      forwardInterval: data.hasTimes ? { lo: fi[0], hi: fi[1] } : { lo: NaN, hi: NaN },
      reverseInterval: data.hasTimes ? { lo: ri[0], hi: ri[1] } : { lo: NaN, hi: NaN },
    };
  });
  const from = Int32Array.from(edges, (e) => e.a), to = Int32Array.from(edges, (e) => e.b);
  const forest = spanningForest(n, from, to);
  const dof = edges.length - n + forest.trees;
  const chords = edges.map((_, e) => e).filter((e) => !forest.isTree[e]);
  const cycleShapes = chords.map((e) => fundamentalCycle(forest, from, to, e));

  const kld = kldBounds(data);
  if (kld.dropped > 0) notes.push(`${kld.dropped} pair${kld.dropped === 1 ? "" : "s"} of states jumped one way only: left out of the Kullback–Leibler bound (each left-out term is ≥ 0, so it stays a lower bound)`);
  if (!data.hasTimes) {
    notes.push("a state sequence without times: rates, the likelihood-ratio test and σ per time need dwell times; only the Kullback–Leibler bound per jump is inferred");
    const cycles = cycleShapes.map((c) => ({ states: c.vertices, edges: c.edges, signs: c.signs, affinity: sequenceAffinity(edges, c.edges, c.signs), interval: null }));
    return { names: data.names, hasTimes: false, jumps: data.jumps, time: 0, runs: data.runs, dwell: data.dwell, edges, level, balanceTest: null, cycles, mostDriven: pickDriven(cycles), entropyProduction: null, kld, notes };
  }

  const statistic = Math.max(0, 2 * (freeLogLikelihood(edges, data.dwell) - balancedLogLikelihood(n, edges, data.dwell)));
  const pValue = dof > 0 ? chiSquareTail(statistic, dof) : 1;
  const balanceTest = { statistic, dof, pValue, rejected: dof > 0 && pValue < 1 - level };
  if (dof === 0) notes.push("the observed jumps form no cycle: every tree-shaped chain satisfies detailed balance, so there is nothing to test");

  // the bootstrap: rates redrawn from Gamma(n + ½) / T
  const B = n <= 400 ? Math.min(options.bootstrap, Math.max(0, Math.floor(4e8 / Math.max(1, n * n * n)))) : 0;
  const rng = new Xoshiro128(options.seed, 0x5eed);
  const sigmaDraws = new Float64Array(B);
  const affinityDraws = cycleShapes.map(() => new Float64Array(B));
  const kf = new Float64Array(edges.length), kr = new Float64Array(edges.length);
  for (let b = 0; b < B; b++) {
    edges.forEach((e, k) => {
      kf[k] = rng.gamma(e.forwardCount + 0.5) / (data.dwell[e.a] ?? outOfRange());
      kr[k] = rng.gamma(e.reverseCount + 0.5) / (data.dwell[e.b] ?? outOfRange());
    });
    sigmaDraws[b] = schnakenberg(n, edges, kf, kr);
    cycleShapes.forEach((c, i) => ((affinityDraws[i] ?? outOfRange())[b] = cycleAffinity(c.edges, c.signs, kf, kr)));
  }
  const alpha = 1 - level;
  const interval = (draws: Float64Array): Interval | null => {
    const finite = Float64Array.from(draws.filter((x) => Number.isFinite(x))).sort();
    return finite.length < 20 ? null : { lo: quantileSorted(finite, alpha / 2), hi: quantileSorted(finite, 1 - alpha / 2) };
  };
  const rf = Float64Array.from(edges, (e) => e.forwardRate), rr = Float64Array.from(edges, (e) => e.reverseRate);
  const cycles: InferredCycle[] = cycleShapes.map((c, i) => {
    const affinity = cycleAffinity(c.edges, c.signs, rf, rr);
    return { states: c.vertices, edges: c.edges, signs: c.signs, affinity, interval: unboundedAt(interval(affinityDraws[i] ?? outOfRange()), affinity) };
  });
  const estimate = schnakenberg(n, edges, rf, rr);
  if (B === 0) notes.push(`${n} states: too many for the bootstrap of σ's interval (it solves for the stationary law at each draw)`);
  const unseen = edges.filter((e) => e.forwardCount === 0 || e.reverseCount === 0);
  if (unseen.length > 0) {
    notes.push(
      `${unseen.length} transition${unseen.length === 1 ? " was" : "s were"} seen one way only (${unseen.slice(0, 4).map((e) => `${data.names[e.b]} → ${data.names[e.a]}`).join(", ")}): its maximum-likelihood rate is 0, which makes the plug-in σ and the affinities through it infinite. The data bound them from below only: the lower ends come from the bootstrap, whose draws give the unseen rate its likelihood's spread; the upper ends are ∞, since the unseen rate could be arbitrarily small. A longer record that sees the rare jump bounds them from above`,
    );
  }
  return {
    names: data.names, hasTimes: true, jumps: data.jumps, time: data.time, runs: data.runs, dwell: data.dwell, edges, level,
    balanceTest, cycles, mostDriven: pickDriven(cycles),
    entropyProduction: { estimate, interval: B > 0 ? unboundedAt(sigmaInterval(interval(sigmaDraws), balanceTest.rejected), estimate) : null, draws: B },
    kld, notes,
  };
}

/**
 * σ ≥ 0 with equality exactly under detailed balance, so every bootstrap draw is positive and a
 * percentile interval would never contain 0. The interval reported is the set of values the data
 * do not reject: 0 belongs to it exactly when the likelihood-ratio test does not reject balance
 * (inverting that test at σ = 0), so then its lower end is 0.
 */
function sigmaInterval(percentile: Interval | null, rejected: boolean): Interval | null {
  if (percentile === null) return null;
  return rejected ? percentile : { lo: 0, hi: percentile.hi };
}

/**
 * A rate never seen in one direction (its reverse seen) could be arbitrarily small, so the
 * affinities through it and σ are unbounded on that side: the data bound them from one side
 * only. The bootstrap's draws of such a rate (Gamma(½)/T, heavier above than Garwood's upper end)
 * keep the bounded end conservative; the other end is ±∞, where the maximum-likelihood value is.
 */
function unboundedAt(iv: Interval | null, estimate: number): Interval | null {
  if (iv === null) return null;
  if (estimate === Infinity) return { lo: iv.lo, hi: Infinity };
  if (estimate === -Infinity) return { lo: -Infinity, hi: iv.hi };
  return iv;
}

function pickDriven(cycles: readonly InferredCycle[]): number | null {
  let best: number | null = null, bestScore = -Infinity;
  cycles.forEach((c, i) => {
    const score = c.interval ? (c.affinity >= 0 ? c.interval.lo : -c.interval.hi) : Math.abs(c.affinity);
    const s = Number.isNaN(score) ? -Infinity : score;
    if (best === null || s > bestScore) {
      best = i;
      bestScore = s;
    }
  });
  return best;
}

function cycleAffinity(cEdges: readonly number[], signs: readonly number[], kf: ArrayLike<number>, kr: ArrayLike<number>): number {
  let a = 0;
  cEdges.forEach((e, k) => {
    const l = Math.log(kf[e] ?? NaN) - Math.log(kr[e] ?? NaN);
    a += (signs[k] ?? 1) * l;
  });
  return a;
}

/** Without times, the affinity from jump counts: ln Π n_ij / n_ji (the dwell factors cancel around a cycle). */
function sequenceAffinity(edges: readonly InferredEdge[], cEdges: readonly number[], signs: readonly number[]): number {
  return cycleAffinity(cEdges, signs, edges.map((e) => e.forwardCount), edges.map((e) => e.reverseCount));
}

/** σ of the generator with these edge rates at its stationary law (dense GTH; n is small). */
export function schnakenberg(n: number, edges: readonly InferredEdge[], kf: ArrayLike<number>, kr: ArrayLike<number>): number {
  const Q = new Float64Array(n * n);
  edges.forEach((e, k) => {
    Q[e.a * n + e.b] = kf[k] ?? 0;
    Q[e.b * n + e.a] = kr[k] ?? 0;
  });
  const pi = gthStationary(n, Q);
  let sigma = 0;
  edges.forEach((e, k) => {
    const jf = (pi[e.a] ?? 0) * (kf[k] ?? 0), jr = (pi[e.b] ?? 0) * (kr[k] ?? 0);
    if (jf === jr) return;
    sigma += (jf - jr) * Math.log(jf / jr);
  });
  return sigma;
}

function freeLogLikelihood(edges: readonly InferredEdge[], dwell: readonly number[]): number {
  let l = 0;
  for (const e of edges) {
    if (e.forwardCount > 0) l += e.forwardCount * Math.log(e.forwardCount / (dwell[e.a] ?? outOfRange()));
    if (e.reverseCount > 0) l += e.reverseCount * Math.log(e.reverseCount / (dwell[e.b] ?? outOfRange()));
  }
  return l;
}

/**
 * The largest log-likelihood of a balanced model k_ij = w_ij x_i (w symmetric, x_i = 1/π_i), up
 * to the −Σ n constant both models share. For fixed x the best w_ij is N_ij / (x_i T_i + x_j T_j)
 * (N_ij = n_ij + n_ji); what remains,
 *
 *   ℓ(y) = Σ_pairs N_ij [ln N_ij − ln(e^{y_i} T_i + e^{y_j} T_j)] + Σ_i out_i y_i,   y = ln x,
 *
 * is concave in y (a negative log-sum-exp plus a linear term), so Newton's method with a
 * backtracking line search finds its maximum; y is fixed at 0 at one state per component (ℓ is
 * unchanged by adding a constant to y) and at states never left (T_i = 0, where y has no effect).
 */
export function balancedLogLikelihood(n: number, edges: readonly InferredEdge[], dwell: readonly number[]): number {
  const out = new Float64Array(n);
  for (const e of edges) {
    out[e.a] = (out[e.a] ?? 0) + e.forwardCount;
    out[e.b] = (out[e.b] ?? 0) + e.reverseCount;
  }
  const value = (y: Float64Array): number => {
    let l = 0;
    for (const e of edges) {
      const N = e.forwardCount + e.reverseCount;
      l += N * (Math.log(N) - Math.log(Math.exp(y[e.a] ?? 0) * (dwell[e.a] ?? 0) + Math.exp(y[e.b] ?? 0) * (dwell[e.b] ?? 0)));
    }
    for (let i = 0; i < n; i++) if ((out[i] ?? 0) > 0) l += (out[i] ?? 0) * (y[i] ?? 0);
    return l;
  };
  // free variables: states with time spent, except the first of each component
  const forest = spanningForest(n, Int32Array.from(edges, (e) => e.a), Int32Array.from(edges, (e) => e.b));
  const free: number[] = [];
  for (let i = 0; i < n; i++) if ((forest.parent[i] ?? -1) >= 0 && (dwell[i] ?? 0) > 0) free.push(i);
  const slot = new Int32Array(n).fill(-1);
  free.forEach((v, k) => (slot[v] = k));
  let y = new Float64Array(n);
  // start from the free model's occupation: x_i ∝ 1/π_i with π_i ∝ T_i
  for (let i = 0; i < n; i++) y[i] = (dwell[i] ?? 0) > 0 ? -Math.log(dwell[i] ?? 1) : 0;
  let l = value(y);
  const m = free.length;
  if (m > 400) return maximiseByMm(n, edges, dwell, out, y, value);
  for (let it = 0; it < 200 && m > 0; it++) {
    const g = new Array<number>(m).fill(0);
    const H = Array.from({ length: m }, () => new Array<number>(m).fill(0));
    for (let i = 0; i < n; i++) {
      const s = slot[i] ?? -1;
      if (s >= 0) g[s] = out[i] ?? 0;
    }
    for (const e of edges) {
      const N = e.forwardCount + e.reverseCount;
      const ai = Math.exp(y[e.a] ?? 0) * (dwell[e.a] ?? 0), aj = Math.exp(y[e.b] ?? 0) * (dwell[e.b] ?? 0);
      const tot = ai + aj;
      const si = slot[e.a] ?? -1, sj = slot[e.b] ?? -1;
      const w = (N * ai * aj) / (tot * tot);
      if (si >= 0) {
        g[si] = (g[si] ?? 0) - (N * ai) / tot;
        (H[si] ?? outOfRange())[si] = ((H[si] ?? outOfRange())[si] ?? 0) + w;
      }
      if (sj >= 0) {
        g[sj] = (g[sj] ?? 0) - (N * aj) / tot;
        (H[sj] ?? outOfRange())[sj] = ((H[sj] ?? outOfRange())[sj] ?? 0) + w;
      }
      if (si >= 0 && sj >= 0) {
        (H[si] ?? outOfRange())[sj] = ((H[si] ?? outOfRange())[sj] ?? 0) - w;
        (H[sj] ?? outOfRange())[si] = ((H[sj] ?? outOfRange())[si] ?? 0) - w;
      }
    }
    // H here is minus the Hessian (positive semidefinite); a tiny ridge keeps it solvable
    for (let k = 0; k < m; k++) (H[k] ?? outOfRange())[k] = ((H[k] ?? outOfRange())[k] ?? 0) * (1 + 1e-12) + 1e-300;
    const step = solveLinear(H, g);
    if (step === null) break;
    let t = 1, improved = false;
    for (let ls = 0; ls < 60; ls++) {
      const trial = Float64Array.from(y);
      free.forEach((v, k) => (trial[v] = (trial[v] ?? 0) + t * (step[k] ?? 0)));
      const lt = value(trial);
      if (lt >= l) {
        const gain = lt - l;
        y = trial;
        l = lt;
        improved = gain > 1e-13 * Math.max(1, Math.abs(l));
        break;
      }
      t /= 2;
    }
    if (!improved) break;
  }
  return l;
}

function maximiseByMm(n: number, edges: readonly InferredEdge[], dwell: readonly number[], out: Float64Array, y0: Float64Array, value: (y: Float64Array) => number): number {
  // minorise–maximise (as for Bradley–Terry): x_i ← out_i / Σ_j N_ij T_i / (x_i T_i + x_j T_j)
  const x = Float64Array.from(y0, (v) => Math.exp(v));
  for (let it = 0; it < 20000; it++) {
    const den = new Float64Array(n);
    for (const e of edges) {
      const N = e.forwardCount + e.reverseCount;
      const tot = (x[e.a] ?? 0) * (dwell[e.a] ?? 0) + (x[e.b] ?? 0) * (dwell[e.b] ?? 0);
      den[e.a] = (den[e.a] ?? 0) + (N * (dwell[e.a] ?? 0)) / tot;
      den[e.b] = (den[e.b] ?? 0) + (N * (dwell[e.b] ?? 0)) / tot;
    }
    let change = 0;
    for (let i = 0; i < n; i++) {
      if (!((den[i] ?? 0) > 0) || !((out[i] ?? 0) > 0)) continue;
      const v = (out[i] ?? 0) / (den[i] ?? 1);
      change = Math.max(change, Math.abs(Math.log(v / (x[i] ?? 1))));
      x[i] = v;
    }
    if (change < 1e-12) break;
  }
  return value(Float64Array.from(x, (v) => (v > 0 ? Math.log(v) : 0)));
}

/**
 * The Kullback–Leibler divergence rate between the observed state sequence and its reversal,
 * per jump: from pairs, d₂ = Σ_ij p(ij) ln p(ij)/p(ji); from triples, d₃ = D₃ − D₂ with D₃ =
 * Σ p(ijk) ln p(ijk)/p(kji). For a fully observed stationary Markov chain both estimate σ per jump;
 * for lumped states they are lower bounds (Roldán and Parrondo 2010, 2012). Terms whose reverse was
 * never seen are left out (each is ≥ 0 in the limit), so the estimate stays a lower bound.
 */
export function kldBounds(data: JumpData): Inference["kld"] {
  let d2 = 0, dropped = 0;
  let N2 = 0;
  for (const v of data.pairs.values()) N2 += v;
  for (const [k, v] of data.pairs) {
    const i = Math.floor(k / KEY), j = k % KEY;
    const r = data.pairs.get(j * KEY + i) ?? 0;
    if (r === 0) {
      dropped++;
      continue;
    }
    d2 += (v / N2) * Math.log(v / r);
  }
  let N3 = 0;
  for (const v of data.triples.values()) N3 += v;
  let D3 = 0;
  for (const [k, v] of data.triples) {
    const i = Math.floor(k / (KEY * KEY)), j = Math.floor(k / KEY) % KEY, l = k % KEY;
    const r = data.triples.get((l * KEY + j) * KEY + i) ?? 0;
    if (r === 0) continue;
    D3 += (v / N3) * Math.log(v / r);
  }
  const d3 = N3 > 0 ? D3 - d2 : 0;
  const perJump = Math.max(0, d2, d3);
  return { pairs: d2, triples: d3, perJump, perTime: data.hasTimes && data.time > 0 ? (perJump * data.jumps) / data.time : null, dropped };
}

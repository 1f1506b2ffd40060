/**
 * Markov kinetics beyond the stationary law (deeptime's ground): the relaxation spectrum, mean
 * first-passage times between sets, committors and the reactive flux of transition path theory.
 * Every solve is a LEFT solve by the sparse GTH elimination of numeric/markov/frontal.ts, so it
 * scales like π (10⁵ states):
 *  - mean first-passage time into B from a start law p0: E T_B = Σ_t z_t with zᵀ(−Q_TT) = p0ᵀ on
 *    T = not B (expected occupation times; the jumps into B are exits);
 *  - forward committor q⁺ (hit B before A): Q_II q = −Q_IB 1 on I = not (A ∪ B) is a RIGHT solve;
 *    with the time-reversed generator Q̃_ij = π_j w_ji / π_i, Q = Π⁻¹ Q̃ᵀ Π, so y = π ∘ q⁺ solves
 *    yᵀ(−Q̃_II) = (π ∘ Q_IB 1)ᵀ, a left solve with a non-negative source; q⁺ = y / π;
 *  - backward committor q⁻ (came from A last): y = π ∘ q⁻ solves yᵀ(−Q_II) = sᵀ, s_i = Σ_{j∈A} π_j w_ji;
 *  - reactive flux F = Σ_{i∈A, j∉A} π_i w_ij q⁺_j (E, Vanden-Eijnden, Metzner, Schütte, Multiscale
 *    Model. Simul. 7 (2009) 1192), the rate of A → B transitions; k_AB = F / Σ_i π_i q⁻_i.
 * The relaxation spectrum (spectrum.ts) is dense for small chains and shift-invert Arnoldi with
 * the steady state's factorisation for large ones.
 */
import { outOfRange } from "../../numeric/checked.js";
import { factorGth, occupationFromFactor } from "../../numeric/markov/frontal.js";
import { csrFromEdges, restrict } from "../../numeric/markov/sparse.js";
import type { Jumps } from "./jumps.js";
import type { LeftSolver } from "../../numeric/markov/solver.js";
import { relaxationSpectrum } from "./spectrum.js";
import type { MarkovKinetics } from "./types.js";

/** Which parts of the kinetics to compute, and the steady state's factorisation to reuse. */
export interface KineticsOptions {
  /** Dense spectrum up to this many states (maxSpectrumStates). */
  readonly maxSpectrumStates: number;
  /** Sparse (shift-invert Arnoldi) spectrum up to this many states (maxSparseSpectrumStates). */
  readonly maxSparseSpectrumStates: number;
  /** First passages, committors and the reactive flux up to this many states (maxKineticsStates). */
  readonly maxKineticsStates: number;
  /** Number of relaxation modes (spectrumModes). */
  readonly spectrumModes: number;
  readonly solver?: LeftSolver;
}


/**
 * Mean time to first reach `target` starting from the law `start` (on states outside target),
 * by occupation times: Σ z with zᵀ(−Q_TT) = startᵀ. Null when target is not reached surely.
 *
 *   // 0 → 1 at rate 2: meanFirstPassage(jumps, [1], [1, 0]) === 0.5
 */
export function meanFirstPassage(j: Jumps, target: readonly number[], start: ArrayLike<number>): number | null {
  const z = occupation(j, target, (i) => start[i] ?? 0);
  if (z === null) return null;
  let t = 0;
  for (const v of z.values) t += v;
  return Number.isFinite(t) ? t : null;
}

/**
 * The forward committor q⁺_i = Pr(reach B before A | start at i), 0 on A and 1 on B, from the
 * stationary law `pi` (see the module comment). Assumes pi > 0 on every state outside A ∪ B.
 */
export function committor(j: Jumps, a: readonly number[], b: readonly number[], pi: ArrayLike<number>): Float64Array | null {
  const n = j.states;
  const inB = new Uint8Array(n), inA = new Uint8Array(n);
  for (const s of b) inB[s] = 1;
  for (const s of a) inA[s] = 1;
  // the reversed chain: jump e reversed, at rate π_i w_e / π_j
  const rev: Jumps = { ...j, from: j.to, to: j.from, rate: Float64Array.from(j.rate, (w, e) => (w * (pi[j.from[e] ?? outOfRange()] ?? 0)) / (pi[j.to[e] ?? outOfRange()] ?? 1)) };
  const source = new Float64Array(n);
  for (let e = 0; e < j.from.length; e++) {
    const i = j.from[e] ?? outOfRange(), t = j.to[e] ?? outOfRange();
    if (inB[t] && !inA[i] && !inB[i]) source[i] = (source[i] ?? 0) + (pi[i] ?? 0) * (j.rate[e] ?? outOfRange());
  }
  const target = [...a, ...b];
  const y = occupation(rev, target, (i) => source[i] ?? 0);
  if (y === null) return null;
  const q = new Float64Array(n);
  for (const s of b) q[s] = 1;
  y.states.forEach((s, r) => (q[s] = (y.values[r] ?? 0) / (pi[s] ?? 1)));
  return q;
}

/**
 * The kinetics the report lists (see MarkovKinetics), at the stationary law `pi`: the relaxation
 * spectrum up to maxSparseSpectrumStates states, the passages between the two most probable
 * states up to maxKineticsStates.
 *
 *   markovKinetics(jumps, pi, { maxSpectrumStates: 120, maxSparseSpectrumStates: 2e5, maxKineticsStates: 2e4, spectrumModes: 10 })
 *     .relaxationRates   // the ten slowest −Re λ, ascending
 */
export function markovKinetics(j: Jumps, pi: ArrayLike<number>, options: KineticsOptions): MarkovKinetics {
  const n = j.states;
  const spectrum = n <= Math.max(options.maxSpectrumStates, options.maxSparseSpectrumStates)
    ? relaxationSpectrum(j, pi, { modes: options.spectrumModes, denseStates: options.maxSpectrumStates, ...(options.solver === undefined ? {} : { solver: options.solver }) })
    : null;
  const inRange = n <= Math.max(options.maxSpectrumStates, options.maxSparseSpectrumStates);
  const relaxationModes = spectrum?.modes ?? null;
  const relaxationRates = relaxationModes?.map((m) => -m.re) ?? null;
  const spectrumMethod = spectrum === null
    ? (inRange ? "not computed: the law is spread over several closed classes, or a solve or eigenvalue was not finite" : null)
    : spectrum.converged ? spectrum.method : `${spectrum.method}; not converged: largest relative residual ${spectrum.residual.toExponential(1)}`;
  const none = { relaxationRates, relaxationModes, spectrumMethod, mfptAB: null, mfptBA: null, reactiveFlux: null, rateAB: null };
  const order = Array.from({ length: n }, (_, i) => i).filter((i) => (pi[i] ?? 0) > 0).sort((x, y) => (pi[y] ?? 0) - (pi[x] ?? 0));
  const [first, second] = order;
  if (first === undefined || second === undefined) return { ...none, setA: [], setB: [] };
  const A = [first], B = [second];
  if (n > options.maxKineticsStates) return { ...none, setA: A, setB: B };
  const at = (s: number) => (i: number) => (i === s ? 1 : 0);
  const mfptAB = meanFirstPassage(j, B, Float64Array.from({ length: n }, (_, i) => at(first)(i)));
  const mfptBA = meanFirstPassage(j, A, Float64Array.from({ length: n }, (_, i) => at(second)(i)));
  const qPlus = committor(j, A, B, pi);
  let reactiveFlux: number | null = null, rateAB: number | null = null;
  if (qPlus !== null) {
    let F = 0;
    for (let e = 0; e < j.from.length; e++) {
      const i = j.from[e] ?? outOfRange(), t = j.to[e] ?? outOfRange();
      if (i === first && t !== first) F += (pi[i] ?? 0) * (j.rate[e] ?? outOfRange()) * (qPlus[t] ?? 0);
    }
    reactiveFlux = F;
    // q⁻ of A → B is 1 − q⁺ of the reversed chain; Σ π q⁻ by the backward solve
    const qMinus = backwardCommittor(j, A, B, pi);
    if (qMinus !== null) {
      let mass = 0;
      for (let i = 0; i < n; i++) mass += (pi[i] ?? 0) * (qMinus[i] ?? 0);
      rateAB = mass > 0 ? F / mass : null;
    }
  }
  return { relaxationRates, relaxationModes, spectrumMethod, setA: A, setB: B, mfptAB, mfptBA, reactiveFlux, rateAB };
}

/** q⁻_i = Pr(last in A rather than B, looking back from i): y = π ∘ q⁻ solves yᵀ(−Q_II) = sᵀ, s_i = Σ_{j∈A} π_j w_ji. */
export function backwardCommittor(j: Jumps, a: readonly number[], b: readonly number[], pi: ArrayLike<number>): Float64Array | null {
  const n = j.states;
  const inA = new Uint8Array(n), inB = new Uint8Array(n);
  for (const s of a) inA[s] = 1;
  for (const s of b) inB[s] = 1;
  const source = new Float64Array(n);
  for (let e = 0; e < j.from.length; e++) {
    const i = j.from[e] ?? outOfRange(), t = j.to[e] ?? outOfRange();
    if (inA[i] && !inA[t] && !inB[t]) source[t] = (source[t] ?? 0) + (pi[i] ?? 0) * (j.rate[e] ?? outOfRange());
  }
  const y = occupation(j, [...a, ...b], (i) => source[i] ?? 0);
  if (y === null) return null;
  const q = new Float64Array(n);
  for (const s of a) q[s] = 1;
  y.states.forEach((s, r) => (q[s] = (y.values[r] ?? 0) / (pi[s] ?? 1)));
  return q;
}

/** zᵀ(−Q_TT) = sourceᵀ on T = the states outside `target`: the occupation solve of frontal.ts, the jumps into target as exits. */
function occupation(j: Jumps, target: readonly number[], source: (i: number) => number): { states: Int32Array; values: Float64Array } | null {
  const n = j.states;
  const out = new Uint8Array(n);
  for (const s of target) out[s] = 1;
  const states = Int32Array.from({ length: n }, (_, i) => i).filter((i) => !out[i]);
  const local = new Int32Array(n).fill(-1);
  states.forEach((s, r) => (local[s] = r));
  const q = csrFromEdges(n, j.from, j.to, j.rate);
  const sub = restrict(q, states, local);
  const exit = new Float64Array(states.length), src = new Float64Array(states.length);
  let total = 0;
  for (let r = 0; r < states.length; r++) {
    const i = states[r] ?? outOfRange();
    for (let p = q.ptr[i] ?? outOfRange(), stop = q.ptr[i + 1] ?? outOfRange(); p < stop; p++) if (out[q.idx[p] ?? outOfRange()]) exit[r] = (exit[r] ?? 0) + (q.val[p] ?? outOfRange());
    src[r] = source(i);
    total += src[r] ?? 0;
  }
  if (states.length === 0) return { states, values: new Float64Array(0) };
  if (total === 0) return { states, values: new Float64Array(states.length) };
  const fac = factorGth(sub, exit, src);
  if (!fac) return null;
  const values = occupationFromFactor(fac);
  return values.every(Number.isFinite) ? { states, values } : null;
}

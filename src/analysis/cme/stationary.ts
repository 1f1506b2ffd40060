/**
 * A stationary distribution computed elsewhere (the PETSc/SLEPc driver under MPI, src/export/)
 * read back and certified against the generator: its residual ‖πQ‖₁ relative to the total jump
 * rate Σ_i π_i |q_ii|, its normalisation |Σπ − 1| and its sign; then the report is completed
 * from it (fluxes, currents, σ) exactly as from ness's own solve.
 */
import { effectiveRates } from "../../network/effective-rates.js";
import { markovEdges } from "../../network/markov-graph.js";
import type { Network } from "../../network/types.js";
import { outOfRange } from "../../numeric/checked.js";
import { analyzeCurrents } from "../currents/index.js";
import type { Analysis, SteadyState } from "../types.js";
import type { CmeGenerator } from "./types.js";

/** What the certificate of a read-back solution established. */
export interface StationaryCheck {
  /** ‖πQ‖₁ / Σ_i π_i |q_ii|: 0 for an exact stationary law, about the unit round-off for a good solve. */
  readonly residual: number;
  /** |Σ_i π_i − 1| of the vector as read (before any rescaling). */
  readonly normalisation: number;
  /** Entries below zero, and the most negative one. */
  readonly negative: number;
  readonly mostNegative: number;
  /** The state built from π (normalised, negatives clipped to 0): fluxes and σ. */
  readonly state: SteadyState;
}

/**
 * Certifies π as a stationary law of the Markov network and builds its steady state:
 * v⁺_r = w⁺_r π_from, v⁻_r = w⁻_r π_to, J_r = v⁺_r − v⁻_r, σ = Σ_r J_r ln(v⁺_r/v⁻_r) (k_B per time),
 * null when a one-way transition carries flux. Assumes network.kind === "markov" and π.length equal
 * to its state count (the caller checks); π is rescaled to sum 1 after the check.
 *
 *   const c = stationaryCheck(network, Float64Array.of(0.75, 0.25));   // A <-> B @ 1, 3
 *   c.residual  // 0; c.state.entropyProduction // 0
 */
export function stationaryCheck(network: Network, read: ArrayLike<number>): StationaryCheck {
  const edges = markovEdges(network) ?? { states: network.species.length, from: new Int32Array(0), to: new Int32Array(0), twoWay: new Uint8Array(0) };
  const { forward, reverse } = effectiveRates(network);
  const n = network.species.length, m = network.reactions.length;
  let sum = 0, negative = 0, mostNegative = 0;
  for (let i = 0; i < n; i++) {
    const x = read[i] ?? NaN;
    sum += x;
    if (x < 0) { negative++; mostNegative = Math.min(mostNegative, x); }
  }
  const out = new Float64Array(n), diag = new Float64Array(n);
  for (let r = 0; r < m; r++) {
    const i = edges.from[r] ?? outOfRange(), j = edges.to[r] ?? outOfRange();
    const vp = (forward[r] ?? outOfRange()) * (read[i] ?? NaN), vm = (reverse[r] ?? outOfRange()) * (read[j] ?? NaN);
    out[i] = (out[i] ?? outOfRange()) - vp + vm;
    out[j] = (out[j] ?? outOfRange()) + vp - vm;
    diag[i] = (diag[i] ?? outOfRange()) + Math.abs(vp);
    diag[j] = (diag[j] ?? outOfRange()) + Math.abs(vm);
  }
  let num = 0, den = 0;
  for (let i = 0; i < n; i++) { num += Math.abs(out[i] ?? 0); den += diag[i] ?? 0; }
  const pi = Float64Array.from({ length: n }, (_, i) => Math.max(0, read[i] ?? 0) / (sum > 0 ? sum : 1));
  const vPlus = new Array<number>(m), vMinus = new Array<number>(m), fluxes = new Array<number>(m);
  let sigma: number | null = 0;
  for (let r = 0; r < m; r++) {
    const i = edges.from[r] ?? outOfRange(), j = edges.to[r] ?? outOfRange();
    const f = forward[r] ?? outOfRange(), b = reverse[r] ?? outOfRange();
    const a = f * (pi[i] ?? outOfRange()), c = b * (pi[j] ?? outOfRange());
    vPlus[r] = a; vMinus[r] = c; fluxes[r] = a - c;
    // a one-way transition carrying flux makes σ infinite; a two-way one whose π underflowed to 0 at
    // one end adds at most v ln v with v below 1e-300: nothing
    if (b === 0 && a > 0) { sigma = null; continue; }
    if (a === 0 || c === 0) continue;
    if (sigma !== null) sigma += (a - c) * (Math.log(f) + Math.log(pi[i] ?? outOfRange()) - Math.log(b) - Math.log(pi[j] ?? outOfRange()));
  }
  const state: SteadyState = {
    concentrations: Array.from(pi), fluxes, forwardRates: vPlus, reverseRates: vMinus, netFluxes: fluxes,
    entropyProduction: sigma, entropyProductionBound: null, stable: true, reached: true, leadingEigenvalue: null,
  };
  return { residual: den > 0 ? num / den : num, normalisation: Math.abs(sum - 1), negative, mostNegative, state };
}

/**
 * The analysis completed from a read-back π instead of ness's own solve: the steady state, the
 * currents and σ from π, with notes that certify it (residual, normalisation) and compare σ with
 * ness's own solve (`analysis` as `analyze` made it).
 */
export function withStationary(analysis: Analysis, check: StationaryCheck, where: string): Analysis {
  const own = analysis.steadyStates.states[0];
  const currents = analyzeCurrents(analysis.network, check.state, { structure: analysis.structure });
  const ownSigma = own?.entropyProduction ?? null, readSigma = check.state.entropyProduction;
  const agree = ownSigma !== null && readSigma !== null ? Math.abs(readSigma - ownSigma) / Math.max(Math.abs(ownSigma), Number.MIN_VALUE) : null;
  const notes = [
    `stationary distribution read from ${where}: relative residual ‖πQ‖₁/Σπ|q_ii| = ${check.residual.toExponential(2)}, |Σπ − 1| = ${check.normalisation.toExponential(2)}` +
      (check.negative > 0 ? `, ${check.negative} negative entries (least ${check.mostNegative.toExponential(2)}) clipped to 0` : ", no negative entry"),
    `σ from the read-back distribution ${readSigma === null ? "infinite" : readSigma.toPrecision(10)}; from ness's own solve ${ownSigma === null ? "infinite" : ownSigma.toPrecision(10)}` +
      (agree === null ? "" : ` (relative difference ${agree.toExponential(2)})`),
  ];
  const states = [check.state, ...analysis.steadyStates.states.slice(1)];
  return { ...analysis, steadyStates: { ...analysis.steadyStates, states }, currents, currentsAt: { state: 0, reached: true, stable: true }, notes: [...analysis.notes, ...notes] };
}

/** The certificate of a distribution on a CME generator, straight from its typed arrays (10⁶ states without a Network). */
export interface GeneratorCheck {
  readonly residual: number;
  readonly normalisation: number;
  readonly negative: number;
  /** σ = Σ_e J_e ln(v⁺_e/v⁻_e) of π normalised (k_B per time); null when a one-way transition carries flux. */
  readonly sigma: number | null;
}

/**
 * As `stationaryCheck`, on the generator: residual ‖πQ‖₁/Σ_i π_i|q_ii| (cut transitions are not
 * jumps of the projected chain), |Σπ − 1|, negative entries, and σ of π rescaled to sum 1.
 * Assumes π.length === g.states.
 */
export function certifyGenerator(g: CmeGenerator, read: ArrayLike<number>): GeneratorCheck {
  const n = g.states;
  let sum = 0, negative = 0;
  for (let i = 0; i < n; i++) {
    const x = read[i] ?? NaN;
    sum += x;
    if (x < 0) negative++;
  }
  const out = new Float64Array(n);
  let den = 0, sigma: number | null = 0;
  const scale = sum > 0 ? 1 / sum : 1;
  for (let e = 0; e < g.from.length; e++) {
    const i = g.from[e] ?? outOfRange(), j = g.to[e] ?? outOfRange();
    const f = g.forward[e] ?? outOfRange(), b = g.reverse[e] ?? outOfRange();
    const pi = Math.max(0, read[i] ?? NaN) * scale, pj = Math.max(0, read[j] ?? NaN) * scale;
    const vp = f * pi, vm = b * pj;
    out[i] = (out[i] ?? outOfRange()) - vp + vm;
    out[j] = (out[j] ?? outOfRange()) + vp - vm;
    den += vp + vm;
    if (b === 0 && vp > 0) { sigma = null; continue; }
    if (vp === 0 || vm === 0) continue; // π underflowed at one end: adds nothing (see stationaryCheck)
    if (sigma !== null) sigma += (vp - vm) * (Math.log(f) + Math.log(pi) - Math.log(b) - Math.log(pj));
  }
  let num = 0;
  for (let i = 0; i < n; i++) num += Math.abs(out[i] ?? 0);
  return { residual: den > 0 ? num / den : num, normalisation: Math.abs(sum - 1), negative, sigma };
}

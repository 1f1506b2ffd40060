/**
 * Fluctuations of currents: for each measured current of a Markov network its mean J, diffusion
 * coefficient D, Fano factor 2D/J, thermodynamic uncertainty ratio D σ / J² (Barato & Seifert,
 * PRL 114 (2015) 158101), and for a motor with a step d its velocity J d, D d² and randomness
 * 2D/J; λ(s) on a grid with the Gallavotti–Cohen symmetry checked; the Markov kinetics
 * (relaxation spectrum, first passages, committors); and for a mass-action network at a volume Ω
 * the linear noise covariance at each stable steady state. See docs/fluctuations.md.
 */
import type { MeasuredCurrent, Network } from "../../network/types.js";
import type { Currents } from "../currents/types.js";
import type { SteadyState } from "../steady-state/types.js";
import { resolveOptions, type AnalyzeOptions } from "../options.js";
import { entropyIncrements, increments, jumps, type Jumps } from "./jumps.js";
import { meanDiffusion } from "./poisson.js";
import { grid, scgf, symmetryDefect } from "./scgf.js";
import { lnaCovariance } from "./lna.js";
import { markovKinetics } from "./kinetics.js";
import type { CurrentStatistics, Fluctuations, LinearNoise, SymmetryCheck } from "./types.js";
import { exactSymmetry } from "./exact.js";

export type { FluctuationsThresholds } from "./options.js";
export { jumps, increments, entropyIncrements, type Jumps } from "./jumps.js";
export { meanDiffusion, type MeanDiffusion } from "./poisson.js";
export { scgf, tilted } from "./scgf.js";
export { lnaCovariance, lyapunov } from "./lna.js";
export { committor, backwardCommittor, meanFirstPassage, markovKinetics, type KineticsOptions } from "./kinetics.js";
export { relaxationSpectrum, type RelaxationSpectrum, type SpectrumOptions } from "./spectrum.js";

/** What the fluctuation analysis reads from the rest of the analysis. */
export interface FluctuationsInput {
  /** The steady state the currents are taken at (π for a Markov network); null when none. */
  readonly state: SteadyState | null;
  /** Every steady state found (the linear noise approximation is taken at each stable one). */
  readonly states: readonly SteadyState[];
  /** Schnakenberg's decomposition at `state` (its cycles are measured when no current is declared). */
  readonly currents: Currents | null;
  /** Number of independent cycles (1: a unicyclic network, where λ(s) = λ(−A/k − s) holds). */
  readonly cycleCount: number;
}

/**
 * The fluctuations of a network's currents (see the module comment). Markov networks only for the
 * current statistics; mass-action networks get the linear noise approximation when a volume is
 * known (`volume` option or statement). Pure; never throws.
 *
 *   const { network } = compile("state A = 1, B\nr1: A <-> B @ 2, 1\nr2: B <-> A @ 3, 1");
 *   const a = analyze(network!);
 *   analyzeFluctuations(network!, { state: a.steadyStates.states[0]!, states: a.steadyStates.states, currents: a.currents, cycleCount: 1 })
 *     .currents[0]!.diffusion   // D of the cycle current
 */
export function analyzeFluctuations(network: Network, input: FluctuationsInput, options: Omit<AnalyzeOptions, "progress"> = {}): Fluctuations {
  const o = resolveOptions(options);
  const notes: string[] = [];
  const volume = o.volume ?? network.volume;
  const linearNoise = network.kind === "mass-action" && volume !== null ? linearNoiseOf(network, input.states, volume, notes) : null;
  const sigma = input.state?.entropyProduction ?? null;
  const j = network.kind === "markov" ? jumps(network) : null;
  if (j === null || input.state === null) {
    if (network.kind === "mass-action" && network.currents.length > 0) notes.push("current statistics (D, λ(s)) are computed for Markov networks; a mass-action network's come from its chemical master equation (ness cme)");
    return { currents: [], entropyProduction: sigma, turHolds: null, linearNoise, kinetics: null, notes };
  }
  const pi = input.state.concentrations;
  // past maxKineticsStates one cycle current only: each costs a solve the size of π's
  const targets = currentTargets(network, input.currents, j.states <= o.maxKineticsStates ? o.maxMeasuredCycles : Math.min(1, o.maxMeasuredCycles), notes);
  const unicycle = input.cycleCount === 1 ? input.currents?.cycles[0] ?? null : null;
  const out0 = new Float64Array(j.states);
  j.from.forEach((i, e) => (out0[i] = (out0[i] ?? 0) + (j.rate[e] ?? 0)));
  const escape = out0.reduce((m, x) => Math.max(m, x), 0);
  const out: CurrentStatistics[] = [];
  // per current, the rounding the ratio D σ / J² can carry: J (and σ, which is of order J × A) are
  // differences of gross flows G, so near equilibrium their relative error is about ε G / |J|
  const allowances: number[] = [];
  for (const t of targets) {
    const g = t.kind === "entropy" ? entropyIncrements(network, j) : increments(j, t.weights);
    if (t.kind === "entropy" && g.some(Number.isNaN)) {
      notes.push("the entropy current is not defined: a one-way transition has no reverse (σ is infinite)");
      continue;
    }
    const md = meanDiffusion(j, g, pi, input.state.solver === undefined ? {} : { solver: input.state.solver });
    if (md.note) notes.push(`${t.name}: ${md.note}`);
    // the GC centre: −1/2 for the entropy current; −A/(2k) for a current of a unicyclic network
    let centre: number | null = t.kind === "entropy" ? -0.5 : null;
    if (centre === null && unicycle !== null) {
      let k = 0;
      for (const w of t.weights) k += (unicycle.cycle[w.reaction] ?? 0) * w.weight;
      if (k !== 0 && Number.isFinite(unicycle.affinity)) centre = -unicycle.affinity / (2 * k);
    }
    const gmax = g.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
    const half = centre === null ? 2 / (gmax || 1) : Math.max(Math.abs(centre), 1 / (gmax || 1)) * 1.25;
    const s = grid(centre ?? 0, half, o.scgfPoints);
    const small = j.states <= o.maxScgfStates;
    const lambda = small ? scgf(j, g, s) : null;
    const gallavottiCohen: SymmetryCheck | null = centre === null ? null : {
      centre,
      defect: lambda === null ? null : symmetryDefect(lambda, escape),
      exact: t.kind === "entropy" || unicycle !== null ? exactSymmetry(network, j, t.kind === "entropy" ? null : t.weights, small) : null,
    };
    out.push(statistics(t, md.mean, md.diffusion, sigma, lambda === null ? null : { s, lambda }, gallavottiCohen, md.method));
    let gross = 0;
    for (let e = 0; e < j.from.length; e++) gross += Math.abs(g[e] ?? 0) * (pi[j.from[e] ?? 0] ?? 0) * (j.rate[e] ?? 0);
    allowances.push(o.turTolerance + (j.states + 8) * Number.EPSILON * (md.mean !== 0 ? gross / Math.abs(md.mean) : 0));
  }
  if (j.states > o.maxScgfStates) notes.push(`λ(s) is computed for chains of at most ${o.maxScgfStates} states (maxScgfStates); this one has ${j.states}`);
  const judged = out.flatMap((c, k) => (c.uncertaintyRatio === null ? [] : [{ ratio: c.uncertaintyRatio, allowance: allowances[k] ?? o.turTolerance }]));
  const turHolds = judged.length === 0 ? null : judged.every((x) => x.ratio >= 1 - x.allowance);
  const kinetics = j.states <= Math.max(o.maxKineticsStates, o.maxSpectrumStates, o.maxSparseSpectrumStates)
    ? markovKinetics(j, pi, { ...o, ...(input.state.solver === undefined ? {} : { solver: input.state.solver }) })
    : null;
  if (j.states > o.maxKineticsStates) notes.push(`first passages and committors are listed for chains of at most ${o.maxKineticsStates} states (maxKineticsStates)`);
  if (j.states > Math.max(o.maxSpectrumStates, o.maxSparseSpectrumStates)) notes.push(`the relaxation spectrum is computed for chains of at most ${o.maxSparseSpectrumStates} states (maxSparseSpectrumStates)`);
  return { currents: out, entropyProduction: sigma, turHolds, linearNoise, kinetics, notes };
}

interface Target {
  readonly name: string;
  readonly kind: CurrentStatistics["kind"];
  readonly definition: string;
  readonly weights: MeasuredCurrent["weights"];
  readonly step: MeasuredCurrent["step"];
}

/** The declared currents, or each listed cycle's current; and the entropy current. */
function currentTargets(network: Network, currents: Currents | null, maxCycles: number, notes: string[]): Target[] {
  const id = (r: number): string => network.reactions[r]?.id ?? `#${r}`;
  const words = (w: MeasuredCurrent["weights"]): string =>
    w.map((x, i) => `${i === 0 ? (x.weight < 0 ? "-" : "") : x.weight < 0 ? " - " : " + "}${Math.abs(x.weight) === 1 ? "" : `${Math.abs(x.weight)} `}${id(x.reaction)}`).join("");
  const out: Target[] = network.currents.map((c) => ({ name: c.name, kind: "measured", definition: words(c.weights), weights: c.weights, step: c.step }));
  if (out.length === 0 && currents !== null) {
    const cycles = currents.cycles.slice(0, maxCycles);
    if (currents.cycles.length > maxCycles) notes.push(`no current is declared: the first ${maxCycles} of the ${currents.cycles.length} listed cycle currents get statistics (maxMeasuredCycles)`);
    cycles.forEach((c, k) => out.push({ name: `cycle ${k + 1}`, kind: "cycle", definition: `${c.words} (transitions of ${id(c.chord)})`, weights: [{ reaction: c.chord, weight: 1 }], step: null }));
  }
  out.push({ name: "entropy", kind: "entropy", definition: "ln(κ⁺/κ⁻) per jump", weights: [], step: null });
  return out;
}

function statistics(
  t: Target, mean: number, diffusion: number | null, sigma: number | null,
  scgfValues: CurrentStatistics["scgf"], gallavottiCohen: SymmetryCheck | null, method: string,
): CurrentStatistics {
  const fano = diffusion !== null && mean !== 0 ? (2 * diffusion) / mean : null;
  const uncertaintyRatio = diffusion !== null && sigma !== null && Number.isFinite(sigma) && mean !== 0 ? (diffusion * sigma) / (mean * mean) : null;
  const entropyBound = diffusion !== null && diffusion > 0 ? (mean * mean) / diffusion : null;
  const d = t.step?.value ?? null;
  return {
    name: t.name, kind: t.kind, definition: t.definition, mean, diffusion, fano, uncertaintyRatio, entropyBound,
    step: t.step,
    velocity: d === null ? null : mean * d,
    diffusionLength: d === null || diffusion === null ? null : diffusion * d * d,
    randomness: d === null ? null : fano,
    scgf: scgfValues, gallavottiCohen, method,
  };
}

function linearNoiseOf(network: Network, states: readonly SteadyState[], volume: number, notes: string[]): LinearNoise | null {
  if (!(volume > 0) || !Number.isFinite(volume)) {
    notes.push(`the volume ${volume} is not a positive number: no linear noise approximation`);
    return null;
  }
  const out: LinearNoise["states"][number][] = [];
  states.forEach((s, k) => {
    if (s.stable !== true) return;
    const c = lnaCovariance(network, s.concentrations, volume);
    if (c === null) notes.push(`steady state ${k + 1}: the Lyapunov equation of the linear noise approximation was not solved (rank above the dense limit, or a singular Jacobian)`);
    else out.push({ state: k, covariance: c.covariance, residual: c.residual });
  });
  return { volume, states: out, method: "Lyapunov equation A C + C Aᵀ + B/Ω = 0 on the stoichiometric subspace, Kronecker form solved by Gaussian elimination" };
}

/** The jumps of a Markov network, for callers that want the raw process. */
export function markovJumps(network: Network): Jumps | null {
  return jumps(network);
}

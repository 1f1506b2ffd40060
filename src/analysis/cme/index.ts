/**
 * The chemical master equation of a mass-action network at volume Ω as a Markov network:
 *
 *   projectCme (finite state projection, typed arrays) ─▶ cmeNetwork (a Markov Network)
 *     ─▶ every Markov analysis ─▶ cmeSummary (marginals, modes vs deterministic states, σ/Ω)
 *
 * The builder keeps one typed-array record per state and per transition, so a 10⁶-state CME is
 * built and solved in memory (docs/scale.md); the Network form is made for the report and files.
 */
import type { Network } from "../../network/types.js";
import type { Analysis } from "../types.js";
import type { AnalyzeOptions } from "../options.js";
import { cmeNetwork } from "./network.js";
import { marginals } from "./marginals.js";
import { projectCme } from "./project.js";
import type { CmeOptions, CmeProjection, CmeSummary } from "./types.js";

export { cmeNetwork, stateName } from "./network.js";
export { marginals, modesOf } from "./marginals.js";
export { projectCme, initialCounts, conservationBounds, jumps, solveGenerator } from "./project.js";
export { stationaryCheck, withStationary, certifyGenerator, type StationaryCheck, type GeneratorCheck } from "./stationary.js";
export { CME_DEFAULTS } from "./types.js";
export type * from "./types.js";

/** Why a network has no CME, or null when it has one at this volume. */
export function cmeRefusal(network: Network, volume: number): string | null {
  if (network.kind !== "mass-action") return "the CME is built from a mass-action network (this one declares states: it is already a Markov network)";
  if (!Number.isFinite(volume) || !(volume > 0)) return `the volume must be a finite number > 0, not ${volume}`;
  if (network.species.length === 0) return "the network has no internal species: its CME has one state";
  return null;
}

/**
 * The CME's part of a report: its size and bounds, the cut mass, each species' marginal from the
 * Markov analysis's stationary law `pi`, the deterministic steady states, and σ_CME/Ω.
 * Assumes `pi` indexes the projection's states (the analysis of `cmeNetwork(p.generator)`).
 */
export function cmeSummary(p: CmeProjection, pi: ArrayLike<number>, sigma: number | null, deterministic: Analysis): CmeSummary {
  const g = p.generator;
  return {
    volume: g.volume,
    states: g.states,
    transitions: g.from.length,
    bounds: g.bounds,
    cutMass: p.cutMass,
    cutFlow: p.cutFlow,
    massTolerance: p.options.massTolerance,
    maxStates: p.options.maxStates,
    marginals: marginals(g, pi),
    deterministic: deterministic.steadyStates.states.map((s) => ({ concentrations: s.concentrations, stable: s.stable, entropyProduction: s.entropyProduction })),
    sigmaPerVolume: sigma === null ? null : sigma / g.volume,
    notes: p.notes,
  };
}

/**
 * The whole analysis of the CME of `network` at volume Ω: every Markov analysis of the projected
 * chain, with `cme` set to its summary (marginals, modes against the deterministic steady states
 * of `network`, σ/Ω). `analyze` is the pipeline's own (passed in: analysis/index.ts imports this
 * folder's types, so this folder cannot import it back); `complete` may replace the Markov analysis's
 * stationary law before the summary is taken (a solution read back: `withStationary`).
 *
 *   const { network } = compile("species X = 1\n0 <-> X @ 5, 1");
 *   const a = analyzeCme(network!, { volume: 10 }, {}, analyze);
 *   a.cme?.marginals[0].modes   // [49, 50]… the Poisson(50) mode
 */
export function analyzeCme(
  network: Network, cme: CmeOptions, options: AnalyzeOptions, analyze: (n: Network, o: AnalyzeOptions) => Analysis,
  complete: (markov: Analysis) => Analysis = (a) => a,
): Analysis & { readonly cme: CmeSummary } {
  const progress = options.progress ?? (() => undefined);
  progress("chemical master equation: projection");
  const projection = projectCme(network, cme, true);
  const deterministic = analyze(network, { ...options, progress: (stage) => progress(`deterministic ${stage}`) });
  // the chain's own analysis starts from the projection's solve (the same jumps, the same start)
  const chain = cmeNetwork(projection.generator);
  const markov = complete(analyze(chain, { ...options, markovStationary: { network: chain, result: projection.stationary } }));
  const reached = markov.steadyStates.states[0];
  const summary = cmeSummary(projection, reached?.concentrations ?? projection.pi, reached?.entropyProduction ?? null, deterministic);
  return { ...markov, cme: summary };
}

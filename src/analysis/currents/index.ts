/**
 * Schnakenberg's decomposition of steady-state currents into cycle currents (Schnakenberg
 * 1976, Rev. Mod. Phys. 48, 571), on the cycles the rest of the report names: Markov networks on
 * the fundamental cycles of the spanning forest the Kolmogorov check uses (currents/markov.ts);
 * mass-action networks on `structure.cycles`, the basis Wegscheider's check iterates
 * (currents/mass-action.ts).
 */
import type { Network } from "../../network/types.js";
import { reactionConstants } from "../balance/index.js";
import type { SteadyState } from "../steady-state/types.js";
import { analyzeStructure } from "../structure/index.js";
import type { Structure } from "../structure/types.js";
import { resolveOptions, type AnalyzeOptions } from "../options.js";
import { markovCurrents } from "./markov.js";
import type { CurrentsAnalysis } from "./common.js";
import { massActionCurrents } from "./mass-action.js";
import { oppositePairs, pairsNote, type ReactionPairs } from "../../network/pairs.js";

export { cycleWords, type CurrentsAnalysis } from "./common.js";
export type { CurrentsThresholds } from "./options.js";

/** The thresholds (`maxCycles`, `maxCurrentSolveWork`, `maxListedEntries`; any of `AnalyzeOptions`) and the structure when known. */
export interface CurrentsOptions extends Omit<AnalyzeOptions, "progress"> {
  /** The structure of the network, when already computed (its cycle basis is decomposed on). */
  readonly structure?: Structure;
}

/**
 * Decomposes the net fluxes J of a steady state into cycle currents on the report's cycle basis:
 * J = Σ_c J_c c (unique: the basis is independent and S J = 0). A cycle's affinity is
 * A_c = Σ_r c_r ln K_r with ln K_r = ln k⁺_r − ln k⁻_r − Σ_Y S_Yr ln[Y] (reservoirs folded in, so it
 * equals Σ_r c_r ln(v⁺_r/v⁻_r) at any state), in k_B T. At a steady state the entropy production
 * splits over cycles:
 *   σ = Σ_r J_r ln(v⁺_r/v⁻_r) = Σ_c A_c J_c   (`cycleEntropyProduction`).
 * Markov networks: one cycle per chord of the spanning forest, J_c the chord's current. Mass
 * action: J_c from k pivot reactions of the basis (see currents/mass-action.ts). At most
 * `maxCycles` (and maxListedEntries / reactions) cycles are listed; the sum covers all. Assumes
 * `state` is a steady state of `network`; null sum when a one-way reaction carries flux. A pair of
 * opposite one-way reactions (network/pairs.ts) is one reversible reaction here: its net flux
 * v_first − v_second is decomposed (`fluxes`), its ln K_second = −ln K_first, and the trivial
 * cycle first + second is not a cycle of the decomposition.
 *
 * Example:
 *   const ss = analyzeSteadyStates(net, structure).states[0]!;
 *   const cur = analyzeCurrents(net, ss, { structure });
 *   cur.cycles[0]!.affinity * cur.cycles[0]!.current;   // = ss.entropyProduction for one cycle
 */
export function analyzeCurrents(network: Network, state: SteadyState, options: CurrentsOptions = {}): CurrentsAnalysis {
  const o = resolveOptions(options);
  // every listed cycle is a dense vector over all reactions
  const maxCycles = Math.max(0, Math.min(o.maxCycles, Math.floor(o.maxListedEntries / Math.max(1, network.reactions.length))));
  // paired: a pair of opposite one-way reactions has ln K_second = −ln K_first (network/pairs.ts)
  const lnK = reactionConstants(network, true).lnK;
  const pairs = oppositePairs(network);
  const fluxes = netFluxes(state, pairs);
  const note = pairsNote(network, pairs);
  const out = network.kind === "markov"
    ? markovCurrents(network, fluxes, pairs, lnK, maxCycles)
    : massActionCurrents(network, options.structure ?? analyzeStructure(network, options), fluxes, pairs, lnK, maxCycles, o.maxCurrentSolveWork);
  return { ...out, pairs: pairs.pairs, fluxes, notes: note === null ? out.notes : [note, ...out.notes] };
}

/**
 * The net fluxes the decomposition reads: `state.netFluxes` when the steady state gives them, else
 * `state.fluxes` with each pair's v_first − v_second on its first member and 0 on its second.
 *
 *   // r1: A -> B, r2: B -> A at A = 1/3, B = 2/3 with k = 2, 1: fluxes [2/3, 2/3]
 *   netFluxes(state, oppositePairs(network)) // [0, 0]
 */
export function netFluxes(state: SteadyState, pairs: ReactionPairs): number[] {
  if (state.netFluxes) return [...state.netFluxes];
  const out = [...state.fluxes];
  for (const [f, b] of pairs.pairs) {
    out[f] = (state.fluxes[f] ?? NaN) - (state.fluxes[b] ?? NaN);
    out[b] = 0;
  }
  return out;
}

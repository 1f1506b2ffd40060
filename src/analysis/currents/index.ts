/**
 * Schnakenberg's decomposition of steady-state currents into cycle currents (Schnakenberg
 * 1976, Rev. Mod. Phys. 48, 571). Markov networks: the fundamental cycles of a spanning forest
 * of the state graph (currents-markov.ts). Mass-action networks: the fundamental (chord-form)
 * basis of ker S, one cycle per free column ("chord") of the exact row reduction.
 */
import type { Network } from "../../network/types.js";
import type { SteadyState } from "../steady-state/types.js";
import { markovCurrents } from "./markov.js";
import type { CurrentsAnalysis } from "./common.js";
import { massActionCurrents } from "./mass-action.js";

export { cycleWords, type CurrentsAnalysis } from "./common.js";

export interface CurrentsOptions {
  /** At most this many cycles are listed (the sum Σ A_c J_c always covers all); default 2000. */
  readonly maxCycles?: number;
}

/**
 * Decomposes the net fluxes J of a steady state into cycle currents: J = Σ_c J_c c, where each
 * fundamental cycle c closes one chord j with coefficient d_j > 0 and its current is
 * J_c = J_j / d_j. A cycle's affinity A_c = Σ_r c_r ln(k⁺_r/k⁻_r) (reservoir concentrations
 * folded into the constants, so it equals Σ_r c_r ln(v⁺_r/v⁻_r) at any state), in k_B T.
 * At a steady state (S J = 0) the entropy production splits over cycles:
 *   σ = Σ_r J_r ln(v⁺_r/v⁻_r) = Σ_c A_c J_c   (`cycleEntropyProduction`).
 * Assumes `state` is a steady state of `network`; null sum when a one-way reaction carries flux.
 *
 * Example:
 *   const ss = analyzeSteadyStates(net, structure).states[0]!;
 *   const cur = analyzeCurrents(net, ss);
 *   cur.cycles[0]!.affinity * cur.cycles[0]!.current;   // = ss.entropyProduction for one cycle
 */
export function analyzeCurrents(network: Network, state: SteadyState, options: CurrentsOptions = {}): CurrentsAnalysis {
  // list at most 2·10^7 dense entries: every listed cycle is a vector over all reactions
  const maxCycles = options.maxCycles ?? Math.max(1, Math.min(2000, Math.floor(2e7 / Math.max(1, network.reactions.length))));
  if (network.kind === "markov") return markovCurrents(network, state, maxCycles);
  return massActionCurrents(network, state, maxCycles);
}

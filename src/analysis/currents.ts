/**
 * Schnakenberg's decomposition of steady-state currents into cycle currents (Schnakenberg
 * 1976, Rev. Mod. Phys. 48, 571). Markov networks: the fundamental cycles of a spanning forest
 * of the state graph (currents-markov.ts). Mass-action networks: the fundamental (chord-form)
 * basis of ker S, one cycle per free column ("chord") of the exact row reduction.
 */
import type { Network } from "../network/types.js";
import type { CycleCurrent, Currents, SteadyState } from "./types.js";
import { fundamentalKernel } from "../numeric/integer-matrix.js";
import { markovCurrents } from "./currents-markov.js";
import { reactionAffinities, cycleWords, cycleSum } from "./currents-common.js";

export interface CurrentsOptions {
  /** At most this many cycles are listed (the sum Σ A_c J_c always covers all); default 2000. */
  readonly maxCycles?: number;
}

/** Currents plus notes on what was left out or is infinite. */
export interface CurrentsAnalysis extends Currents {
  readonly notes: readonly string[];
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
  const m = network.reactions.length;
  const rows = network.species.map((s) => {
    const row = new Array<bigint>(m).fill(0n);
    for (const r of network.reactions) {
      for (const t of r.reactants) if (t.index === s.index) row[r.index] = row[r.index]! - BigInt(t.coefficient);
      for (const t of r.products) if (t.index === s.index) row[r.index] = row[r.index]! + BigInt(t.coefficient);
    }
    return row;
  });
  const { vectors, free } = fundamentalKernel(rows, m);
  const freeSet = new Set(free);
  const tree = network.reactions.map((r) => r.index).filter((j) => !freeSet.has(j));
  const affinity = reactionAffinities(network);
  const notes: string[] = [];
  const cycles: CycleCurrent[] = [];
  let total: number | null = 0;
  vectors.forEach((v, k) => {
    const chord = free[k]!;
    const sign = v[chord]! < 0n ? -1n : 1n;
    const cycle = v.map((c) => Number(c * sign));
    const current = state.fluxes[chord]! / cycle[chord]!;
    const a = cycleSum(cycle, affinity);
    total = accumulate(total, a, current);
    if (cycles.length < maxCycles) cycles.push({ chord, cycle, words: cycleWords(network, cycle), affinity: a, current });
  });
  if (vectors.length > maxCycles) notes.push(`${vectors.length} cycles; the first ${maxCycles} are listed, the entropy production sums all`);
  if (total === null) notes.push("a cycle through a one-way reaction carries current: its affinity and the entropy production are infinite");
  return { tree, cycles, cycleEntropyProduction: total, notes };
}

/** Adds A·J to a running sum; null once a non-finite affinity carries current. */
export function accumulate(total: number | null, affinity: number, current: number): number | null {
  if (total === null) return null;
  if (current === 0) return total;
  const term = affinity * current;
  return Number.isFinite(term) ? total + term : null;
}

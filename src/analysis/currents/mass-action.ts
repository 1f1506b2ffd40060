/**
 * Schnakenberg's decomposition for a mass-action network: the fundamental (chord-form) basis of
 * ker S, one cycle per free column ("chord") of the exact row reduction.
 */
import { fundamentalKernel } from "../../numeric/exact/integer-matrix.js";
import type { Network } from "../../network/types.js";
import type { CycleCurrent } from "./types.js";
import type { SteadyState } from "../steady-state/types.js";
import { accumulate, cycleSum, cycleWords, reactionAffinities, type CurrentsAnalysis } from "./common.js";

export function massActionCurrents(network: Network, state: SteadyState, maxCycles: number): CurrentsAnalysis {
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

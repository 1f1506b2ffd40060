/**
 * Pieces shared by the mass-action and Markov current decompositions: a cycle's affinity from the
 * reactions' ln K_r (balance's `reactionConstants`, the one definition), and the words that name a
 * cycle.
 */
import type { Network } from "../../network/types.js";
import type { Currents, CycleSupport } from "./types.js";

/** Σ_r c_r a_r, skipping zero coefficients (so an unused one-way reaction does not count). */
export function cycleSum(cycle: readonly number[], a: ArrayLike<number>): number {
  let s = 0;
  // an indexed loop, not entries(): this runs over every reaction of each listed cycle
  for (let r = 0; r < cycle.length; r++) {
    const c = cycle[r] ?? NaN;
    if (c !== 0) s += c * (a[r] ?? NaN);
  }
  return s;
}

/** Σ c_r a_r over a support, in its (reaction) order: the same float as cycleSum on the dense vector. */
export function supportSum(support: CycleSupport, a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < support.reactions.length; i++) s += (support.coefficients[i] ?? NaN) * (a[support.reactions[i] ?? -1] ?? NaN);
  return s;
}

/** `r1 + r2 - 2 r3`: the reactions of a cycle with their coefficients. */
export function cycleWords(network: Network, cycle: readonly number[]): string {
  let out = "";
  cycle.forEach((c, r) => {
    if (c === 0) return;
    const id = network.reactions[r]?.id ?? `#${r}`;
    const mag = Math.abs(c) === 1 ? id : `${Math.abs(c)} ${id}`;
    out += out === "" ? (c < 0 ? `-${mag}` : mag) : c < 0 ? ` - ${mag}` : ` + ${mag}`;
  });
  return out;
}

/** Currents plus notes on what was left out or is infinite. */
export interface CurrentsAnalysis extends Currents {
  readonly notes: readonly string[];
}

/** Adds A·J to a running sum; null once a non-finite affinity carries current. */
export function accumulate(total: number | null, affinity: number, current: number): number | null {
  if (total === null) return null;
  if (current === 0) return total;
  const term = affinity * current;
  return Number.isFinite(term) ? total + term : null;
}

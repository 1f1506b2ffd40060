/**
 * Pieces shared by the mass-action and Markov current decompositions: per-reaction log ratios
 * of the rate constants and the words that name a cycle.
 */
import type { Network } from "../../network/types.js";
import { logRatio } from "../entropy/index.js";
import type { Currents } from "./types.js";

/**
 * a_r = ln(k⁺_r Π_Y [Y]^α_Yr / (k⁻_r Π_Y [Y]^β_Yr)) with Y over reservoirs: the affinity of
 * reaction r at unit internal concentrations. +∞ for a one-way reaction.
 */
export function reactionAffinities(network: Network): number[] {
  const res = network.reservoirs.map((r) => r.value);
  const logFold = (terms: readonly { index: number; coefficient: number }[]): number =>
    terms.reduce((s, t) => s + t.coefficient * Math.log(res[t.index]!), 0);
  return network.reactions.map((r) => {
    if (r.reverse === null) return Infinity;
    return logRatio(r.forward.value, r.reverse.value) + logFold(r.reservoirReactants) - logFold(r.reservoirProducts);
  });
}

/** Σ_r c_r a_r, skipping zero coefficients (so an unused one-way reaction does not count). */
export function cycleSum(cycle: readonly number[], a: readonly number[]): number {
  let s = 0;
  cycle.forEach((c, r) => {
    if (c !== 0) s += c * a[r]!;
  });
  return s;
}

/** `r1 + r2 - 2 r3`: the reactions of a cycle with their coefficients. */
export function cycleWords(network: Network, cycle: readonly number[]): string {
  let out = "";
  cycle.forEach((c, r) => {
    if (c === 0) return;
    const id = network.reactions[r]!.id;
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

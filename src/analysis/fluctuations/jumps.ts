/**
 * The jumps of a Markov network as parallel typed arrays: one entry per direction of each
 * transition that has a positive rate, with the reaction it belongs to and its direction, so a
 * measured current (a weight per reaction) becomes an increment per jump.
 */
import { effectiveRates } from "../../network/effective-rates.js";
import { markovEdges } from "../../network/markov-graph.js";
import type { MeasuredCurrent, Network } from "../../network/types.js";
import { outOfRange } from "../../numeric/checked.js";
import { oppositePairs } from "../../network/pairs.js";

/** Jump e goes from[e] → to[e] at rate[e]; it is reaction reaction[e] run forward (sign +1) or reverse (−1). */
export interface Jumps {
  readonly states: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly rate: Float64Array;
  readonly reaction: Int32Array;
  readonly sign: Int8Array;
}

/**
 * The jumps of a Markov network (reservoirs folded into the rates, as the steady state has them),
 * or null when a reaction is not one state to one state.
 *
 *   jumps(compile("state A, B\nA <-> B @ 1, 3").network!)   // from [0, 1], to [1, 0], rate [1, 3]
 */
export function jumps(network: Network): Jumps | null {
  const edges = network.kind === "markov" ? markovEdges(network) : null;
  if (edges === null) return null;
  const { forward, reverse } = effectiveRates(network);
  const m = network.reactions.length;
  let count = 0;
  for (let r = 0; r < m; r++) count += ((forward[r] ?? 0) > 0 ? 1 : 0) + ((reverse[r] ?? 0) > 0 ? 1 : 0);
  const from = new Int32Array(count), to = new Int32Array(count), rate = new Float64Array(count);
  const reaction = new Int32Array(count), sign = new Int8Array(count);
  let k = 0;
  for (let r = 0; r < m; r++) {
    const i = edges.from[r] ?? outOfRange(), j = edges.to[r] ?? outOfRange();
    const f = forward[r] ?? outOfRange(), b = reverse[r] ?? outOfRange();
    if (f > 0) { from[k] = i; to[k] = j; rate[k] = f; reaction[k] = r; sign[k++] = 1; }
    if (b > 0) { from[k] = j; to[k] = i; rate[k] = b; reaction[k] = r; sign[k++] = -1; }
  }
  return { states: edges.states, from, to, rate, reaction, sign };
}

/** The increment of `current` on each jump: its weight on the jump's reaction, times the direction. */
export function increments(j: Jumps, weights: MeasuredCurrent["weights"]): Float64Array {
  const perReaction = new Map<number, number>();
  for (const w of weights) perReaction.set(w.reaction, (perReaction.get(w.reaction) ?? 0) + w.weight);
  const g = new Float64Array(j.from.length);
  for (let e = 0; e < g.length; e++) g[e] = (perReaction.get(j.reaction[e] ?? outOfRange()) ?? 0) * (j.sign[e] ?? outOfRange());
  return g;
}

/**
 * The entropy current's increment on each jump, ±ln(κ⁺_r / κ⁻_r) for the reaction r it runs (the
 * "action" functional of Lebowitz & Spohn 1999, with the reservoirs folded in): its mean is σ at
 * the steady state (the ln π terms telescope), and its tilted generator obeys the Gallavotti–Cohen
 * symmetry L(−1 − s) = L(s)ᵀ entry by entry. A pair of opposite one-way reactions (network/pairs.ts)
 * is one reversible reaction. NaN on a jump without a reverse (σ is then infinite).
 */
export function entropyIncrements(network: Network, j: Jumps): Float64Array {
  const { forward, reverse } = effectiveRates(network);
  const { partner } = oppositePairs(network);
  const g = new Float64Array(j.from.length);
  for (let e = 0; e < g.length; e++) {
    const r = j.reaction[e] ?? outOfRange(), p = partner[r] ?? -1;
    const up = forward[r] ?? NaN, down = p >= 0 ? forward[p] ?? NaN : reverse[r] ?? NaN;
    g[e] = up > 0 && down > 0 ? (j.sign[e] ?? outOfRange()) * (Math.log(up) - Math.log(down)) : NaN;
  }
  return g;
}

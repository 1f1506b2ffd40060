/**
 * Rate constants with the reservoirs folded in, the one place they are computed: a reservoir is
 * held at a fixed concentration, so mass action makes it a factor of the rate constant. For the
 * Markov network of a file this is the jump rate: `E + ATP -> EATP @ k` jumps E → EATP at k·[ATP].
 */
import { ArrayReader, twoWayAt, type ReactionReader } from "./reaction-reader.js";
import type { MarkovEdges, Network, Reaction, ReactionColumns, Reservoir, Term } from "./types.js";

/** Per reaction: k⁺_r Π_Y [Y]^α_Yr and k⁻_r Π_Y [Y]^β_Yr (0 for a one-way reaction). */
export interface EffectiveRates {
  readonly forward: Float64Array;
  readonly reverse: Float64Array;
}

/**
 * The effective rate constants κ⁺_r = k⁺_r Π_Y [Y]^α_Yr and κ⁻_r = k⁻_r Π_Y [Y]^β_Yr, with α, β
 * the reservoir coefficients on the reactant and product sides; κ⁻_r = 0 when r is one-way.
 * Assumes reservoir values are finite (a negative or non-finite one gives a non-finite κ).
 * They are the network's own columns (worked out once when it was built): read-only.
 *
 *   const { network } = compile("species E, EATP\nreservoir ATP = 2\nE + ATP <-> EATP @ 3, 1");
 *   effectiveRates(network!).forward[0];   // 6 = 3 · [ATP]
 *   effectiveRates(network!).reverse[0];   // 1
 */
export function effectiveRates(network: Network): EffectiveRates {
  return network.columns;
}

/**
 * The columns of a network's reactions (types.ts `ReactionColumns`), as buildNetwork stores them:
 * the effective rate constants, and the state graph when every reaction is one species once to
 * another once. O(reactions), read through `reader` (reaction-reader.ts): no object per reaction.
 */
export function reactionColumns(species: number, reactions: ReactionReader | readonly Reaction[], reservoirs: readonly Reservoir[]): ReactionColumns {
  const reader = Array.isArray(reactions) ? new ArrayReader(reactions as readonly Reaction[]) : (reactions as ReactionReader);
  const m = reader.count;
  const forward = new Float64Array(m), reverse = new Float64Array(m);
  const fold = (k: number, terms: readonly Term[]): number => {
    let w = k;
    for (const t of terms) w *= (reservoirs[t.index]?.value ?? NaN) ** t.coefficient;
    return w;
  };
  for (let r = 0; r < m; r++) {
    const k = reader.rateValue(r, 0), back = reader.rateValue(r, 1), held = reader.hasReservoirs(r);
    forward[r] = held ? fold(k, reader.reservoirTerms(r, 0)) : k;
    reverse[r] = Number.isNaN(back) ? 0 : held ? fold(back, reader.reservoirTerms(r, 1)) : back;
  }
  return { forward, reverse, edges: stateEdges(species, reader) };
}

/** Transition r from[r] → to[r], or null when some reaction is not one species once to another once. */
function stateEdges(states: number, reader: ReactionReader): MarkovEdges | null {
  const m = reader.count;
  const from = new Int32Array(m), to = new Int32Array(m), twoWay = new Uint8Array(m);
  for (let r = 0; r < m; r++) {
    const a = reader.singleSpecies(r, 0), b = reader.singleSpecies(r, 1);
    if (a < 0 || b < 0) return null;
    from[r] = a;
    to[r] = b;
    twoWay[r] = twoWayAt(reader, r) ? 1 : 0;
  }
  return { states, from, to, twoWay };
}

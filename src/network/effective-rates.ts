/**
 * Rate constants with the reservoirs folded in, the one place they are computed: a reservoir is
 * held at a fixed concentration, so mass action makes it a factor of the rate constant. For the
 * Markov network of a file this is the jump rate: `E + ATP -> EATP @ k` jumps E → EATP at k·[ATP].
 */
import { isTwoWay, rateValue, singleSpecies } from "./packed.js";
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
 * another once. O(reactions), no object per reaction.
 */
export function reactionColumns(species: number, reactions: readonly Reaction[], reservoirs: readonly Reservoir[]): ReactionColumns {
  const m = reactions.length;
  const forward = new Float64Array(m), reverse = new Float64Array(m);
  const fold = (k: number, terms: readonly Term[]): number => {
    let w = k;
    for (const t of terms) w *= (reservoirs[t.index]?.value ?? NaN) ** t.coefficient;
    return w;
  };
  for (let r = 0; r < m; r++) {
    // the numbers of a packed reaction straight from the compiler's columns, no rate object made
    const x = reactions[r]!;
    const k = rateValue(x, 0), back = rateValue(x, 1);
    forward[r] = x.reservoirReactants.length === 0 ? k : fold(k, x.reservoirReactants);
    reverse[r] = Number.isNaN(back) ? 0 : x.reservoirProducts.length === 0 ? back : fold(back, x.reservoirProducts);
  }
  return { forward, reverse, edges: stateEdges(species, reactions) };
}

/** Transition r from[r] → to[r], or null when some reaction is not one species once to another once. */
function stateEdges(states: number, reactions: readonly Reaction[]): MarkovEdges | null {
  const m = reactions.length;
  const from = new Int32Array(m), to = new Int32Array(m), twoWay = new Uint8Array(m);
  for (let r = 0; r < m; r++) {
    const x = reactions[r]!;
    const a = singleSpecies(x, 0), b = singleSpecies(x, 1);
    if (a < 0 || b < 0) return null;
    from[r] = a;
    to[r] = b;
    twoWay[r] = isTwoWay(x) ? 1 : 0;
  }
  return { states, from, to, twoWay };
}

/**
 * Rate constants with the reservoirs folded in, the one place they are computed: a reservoir is
 * held at a fixed concentration, so mass action makes it a factor of the rate constant. For the
 * Markov network of a file this is the jump rate: `E + ATP -> EATP @ k` jumps E → EATP at k·[ATP].
 */
import type { Network, Term } from "./types.js";

/** Per reaction: k⁺_r Π_Y [Y]^α_Yr and k⁻_r Π_Y [Y]^β_Yr (0 for a one-way reaction). */
export interface EffectiveRates {
  readonly forward: Float64Array;
  readonly reverse: Float64Array;
}

/**
 * The effective rate constants κ⁺_r = k⁺_r Π_Y [Y]^α_Yr and κ⁻_r = k⁻_r Π_Y [Y]^β_Yr, with α, β
 * the reservoir coefficients on the reactant and product sides; κ⁻_r = 0 when r is one-way.
 * Assumes reservoir values are finite (a negative or non-finite one gives a non-finite κ).
 *
 *   const { network } = compile("species E, EATP\nreservoir ATP = 2\nE + ATP <-> EATP @ 3, 1");
 *   effectiveRates(network!).forward[0];   // 6 = 3 · [ATP]
 *   effectiveRates(network!).reverse[0];   // 1
 */
export function effectiveRates(network: Network): EffectiveRates {
  const m = network.reactions.length;
  const forward = new Float64Array(m), reverse = new Float64Array(m);
  const fold = (k: number, terms: readonly Term[]): number => {
    let w = k;
    for (const t of terms) w *= (network.reservoirs[t.index]?.value ?? NaN) ** t.coefficient;
    return w;
  };
  for (const [r, x] of network.reactions.entries()) {
    forward[r] = fold(x.forward.value, x.reservoirReactants);
    reverse[r] = x.reverse === null ? 0 : fold(x.reverse.value, x.reservoirProducts);
  }
  return { forward, reverse };
}

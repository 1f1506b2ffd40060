/**
 * Thermodynamics by construction (Network.thermodynamics): a cycle c of reactions whose rate
 * constants were all derived from declared free energies has affinity −Σ_Y (S_res c)_Y μ_Y, so it
 * is balanced exactly when the net reservoir stoichiometry S_res c is zero: an integer test.
 */
import { reservoirColumn } from "../../network/stoichiometry.js";
import type { Network } from "../../network/types.js";

/**
 * True when every reaction on `cycle` is constructed and S_res c = 0 (balanced by construction).
 *
 *   // G(A) = 0, G(B) = 1, barriers given: A <-> B, B <-> C, C <-> A all constructed
 *   balancedByConstruction(network, new Map([[0, 1], [1, 1], [2, 1]])) // true
 */
export function balancedByConstruction(network: Network, cycle: ReadonlyMap<number, number>): boolean {
  const t = network.thermodynamics;
  if (t === null) return false;
  const net = new Map<number, number>();
  for (const [r, c] of cycle) {
    const reaction = network.reactions[r];
    if (reaction === undefined || t.constructed[r] !== true) return false;
    if (reaction.reservoirReactants.length + reaction.reservoirProducts.length > 0) {
      reservoirColumn(reaction).forEach((coef, y) => net.set(y, (net.get(y) ?? 0) + c * coef));
    }
  }
  for (const x of net.values()) if (x !== 0) return false;
  return true;
}

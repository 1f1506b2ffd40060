/**
 * What theory proves about the number of steady states of a mass-action network, used to
 * decide whether a list of found states is complete.
 * - Deficiency zero theorem (Horn, Jackson, Feinberg 1972): deficiency 0 and weakly reversible
 *   ⇒ complex balanced for every choice of rate constants ⇒ exactly one positive steady state in
 *   each compatibility class that has positive points, locally asymptotically stable.
 * - Detailed balance implies complex balance: the same conclusion.
 * - Siphons (Angeli, De Leenheer, Sontag 2007): the set of species that vanish at a steady state
 *   is a siphon (every reaction producing one of them consumes one of them). When every siphon
 *   contains the support of a non-negative conservation law with a positive total, the class has
 *   no boundary steady state.
 */
import type { Kinetics } from "./kinetics.js";
import type { CompatibilityClass } from "./class.js";

function reactantMask(terms: readonly { index: number }[]): number {
  return terms.reduce((m, t) => m | (1 << t.index), 0);
}

/**
 * True when the class provably has no steady state with a zero concentration. False when it
 * may have one (or the network has more than `maxSpecies` species, too many to enumerate siphons).
 */
export function boundaryExcluded(kin: Kinetics, cls: CompatibilityClass, maxSpecies: number): boolean {
  const n = kin.species;
  if (n === 0) return true;
  // species sets are 31-bit masks
  if (n > Math.min(maxSpecies, 30)) return false;
  // Each direction: the species it makes (net) and the species it needs.
  const directions: { makes: number; needs: number }[] = [];
  for (const [r, column] of kin.columns.entries()) {
    let up = 0;
    let down = 0;
    for (const [i, s] of column) {
      if (s > 0) up |= 1 << i;
      if (s < 0) down |= 1 << i;
    }
    const fwd = kin.forward[r], rev = kin.reverse[r];
    if (fwd) directions.push({ makes: up, needs: reactantMask(fwd.terms) });
    if (rev) directions.push({ makes: down, needs: reactantMask(rev.terms) });
  }
  const lawMasks: number[] = [];
  cls.laws.forEach((l, k) => {
    const total = cls.totals[k] ?? 0;
    const sign = l.every((c) => c >= 0) ? 1 : l.every((c) => c <= 0) ? -1 : 0;
    if (sign !== 0 && sign * total > 0) lawMasks.push(l.reduce((m, c, i) => (c !== 0 ? m | (1 << i) : m), 0));
  });
  for (let z = 1; z < 1 << n; z++) {
    const siphon = directions.every((d) => (d.makes & z) === 0 || (d.needs & z) !== 0);
    if (siphon && !lawMasks.some((m) => (m & z) === m)) return false;
  }
  return true;
}

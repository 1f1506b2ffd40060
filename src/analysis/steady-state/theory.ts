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

/** Most nodes the closure search of `boundaryExcludedByClosure` may visit before it gives up. */
const CLOSURE_BUDGET = 20_000_000;

/**
 * The same conclusion as `boundaryExcluded`, for networks of any size: every siphon contains a
 * minimal one, and the minimal siphons holding a species s are the closures of {s} under "a
 * direction that makes a member and needs none must have one of its needs added" (one branch per
 * choice when it needs several species; forced when it needs one; no siphon holds s when it needs
 * none, an inflow). When each closure (every branch) contains the support of a non-negative law
 * with a positive total, no siphon can vanish at a steady state of the class. Linear in the
 * network for monomolecular networks (no branching); false (not proved) when the branches exceed
 * a budget of 2·10⁷ nodes.
 *
 *   // X0 <-> X1 <-> … <-> X999, one law Σ x_i = 1: each closure is the whole chain, which holds the law
 *   boundaryExcludedByClosure(kin, cls);   // true
 */
export function boundaryExcludedByClosure(kin: Kinetics, cls: CompatibilityClass): boolean {
  const n = kin.species;
  const makers: { needs: number[] }[][] = Array.from({ length: n }, () => []);
  for (const [r, column] of kin.columns.entries()) {
    const fwd = kin.forward[r], rev = kin.reverse[r];
    const needsOf = (terms: readonly { index: number }[]): number[] => [...new Set(terms.map((t) => t.index))];
    for (const [i, s] of column) {
      if (s > 0 && fwd && fwd.k > 0) makers[i]?.push({ needs: needsOf(fwd.terms) });
      if (s < 0 && rev && rev.k > 0) makers[i]?.push({ needs: needsOf(rev.terms) });
    }
  }
  const supports: number[][] = [];
  cls.laws.forEach((l, k) => {
    const total = cls.totals[k] ?? 0;
    const sign = l.every((c) => c >= 0) ? 1 : l.every((c) => c <= 0) ? -1 : 0;
    if (sign !== 0 && sign * total > 0) supports.push(l.flatMap((c, i) => (c !== 0 ? [i] : [])));
  });
  const holdsLaw = (z: Uint8Array): boolean => supports.some((p) => p.every((i) => z[i] === 1));
  let budget = CLOSURE_BUDGET;
  // depth-first over the branches: true when every minimal siphon reached holds a law's support
  const close = (z: Uint8Array, queue: number[]): boolean | null => {
    while (queue.length > 0) {
      if (--budget < 0) return null;
      const i = queue.pop() ?? -1;
      for (const m of makers[i] ?? []) {
        if (m.needs.some((j) => z[j] === 1)) continue;
        if (m.needs.length === 0) return true; // an inflow makes i: no siphon holds it
        if (m.needs.length === 1) {
          const j = m.needs[0] ?? -1;
          z[j] = 1;
          queue.push(j);
          continue;
        }
        for (const j of m.needs) {
          const branch = Uint8Array.from(z);
          branch[j] = 1;
          const ok = close(branch, [...queue, i, j]);
          if (ok !== true) return ok;
        }
        return true;
      }
    }
    return holdsLaw(z);
  };
  for (let s = 0; s < n; s++) {
    const z = new Uint8Array(n);
    z[s] = 1;
    const ok = close(z, [s]);
    if (ok !== true) return false;
  }
  return true;
}

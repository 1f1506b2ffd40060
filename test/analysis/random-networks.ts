/**
 * Test helper: seeded random mass-action networks (at most bimolecular complexes), optionally
 * detailed balanced by construction (k⁻ = k⁺ exp(ΔG) from random species potentials G), with a
 * Structure whose rank and conservation laws come from the exact integer kernel.
 */
import { kernelOfEchelon, reducedEchelon } from "../../src/numeric/exact/integer-matrix.js";
import { reactionRows, speciesRows } from "../../src/network/stoichiometry.js";
import { mulberry32 } from "../../src/numeric/random.js";
import type { Network } from "../../src/network/types.js";
import type { Structure } from "../../src/analysis/types.js";
import { fixtureNetwork, fixtureStructure, type FixtureReaction } from "./mass-action-fixture.js";

export interface RandomNetwork {
  readonly network: Network;
  readonly structure: Structure;
  /** Species potentials when detailed balanced by construction. */
  readonly potentials: number[] | null;
}

export function randomNetwork(seed: number, detailedBalanced: boolean): RandomNetwork {
  const random = mulberry32(seed);
  const n = 2 + Math.floor(random() * 3);
  const m = 2 + Math.floor(random() * 4);
  const names = Array.from({ length: n }, (_, i) => `S${i}`);
  const complex = (): Record<string, number> => {
    const size = Math.floor(random() * 3); // 0, 1 or 2 molecules
    const c: Record<string, number> = {};
    for (let k = 0; k < size; k++) {
      const s = names[Math.floor(random() * n)]!;
      c[s] = (c[s] ?? 0) + 1;
    }
    return c;
  };
  const g = names.map(() => 4 * random() - 2);
  const logUniform = (): number => 10 ** (4 * random() - 2);
  const reactions: FixtureReaction[] = [];
  while (reactions.length < m) {
    const lhs = complex();
    const rhs = complex();
    if (JSON.stringify(lhs) === JSON.stringify(rhs)) continue;
    const kf = logUniform();
    const dG = names.reduce((s, nm, i) => s + ((rhs[nm] ?? 0) - (lhs[nm] ?? 0)) * g[i]!, 0);
    const kr = detailedBalanced ? kf * Math.exp(dG) : random() < 0.75 ? logUniform() : null;
    reactions.push({ lhs, rhs, kf, kr });
  }
  const species = Object.fromEntries(names.map((nm) => [nm, 0.1 + 2 * random()]));
  const network = fixtureNetwork({ species, reactions });
  // the network's one S (network/stoichiometry.ts); the kernels here are the plain chord-form ones
  const laws = kernelOfEchelon(reducedEchelon(reactionRows(network), n)).vectors.map((v) => v.map(Number));
  const cycles = kernelOfEchelon(reducedEchelon(speciesRows(network), m)).vectors.map((v) => v.map(Number));
  const structure = fixtureStructure(network, { rank: n - laws.length, laws, deficiency: 1, weaklyReversible: false, cycles });
  return { network, structure, potentials: detailedBalanced ? g : null };
}

/**
 * Test helper: seeded random mass-action networks for property tests, reaching the hard cases:
 * stiff rate constants (1e-12…1e12), reservoirs with an inflow/outflow pair that closes an
 * emergent cycle, coefficients ≥ 3, deficiency-zero networks (by rejection), and networks
 * detailed balanced by construction from random free energies:
 *
 *     k⁺ = P exp(G_R − G‡),  k⁻ = P exp(G_P − G‡),  [Y] = exp(−G_Y) for every reservoir Y,
 *
 * with G_C = Σ_i C_i G_i over a complex's species (reservoirs included), a barrier G‡ above both
 * sides and a prefactor P (log-uniform; stiff when asked). Then k⁺ x*^R [Y]^R = P exp(−G‡) =
 * k⁻ x*^P [Y]^P at x* = exp(−G): every reaction is balanced at x*, hence every cycle.
 * The Structure is the structure analysis' own (analyzeStructure).
 */
import { analyzeStructure } from "../../src/analysis/structure/index.js";
import { mulberry32 } from "../../src/numeric/random.js";
import type { Network } from "../../src/network/types.js";
import type { Structure } from "../../src/analysis/types.js";
import { fixtureNetwork, type FixtureReaction } from "./mass-action-fixture.js";

export interface RandomNetwork {
  readonly network: Network;
  readonly structure: Structure;
  /** Species potentials when detailed balanced by construction (internal species, in order). */
  readonly potentials: number[] | null;
}

export interface RandomNetworkOptions {
  /** Rate constants from free energies (see the module comment); every reaction two-way. */
  readonly detailedBalanced?: boolean;
  /** Rate constants (or the prefactor P) log-uniform on [1e-12, 1e12] instead of [1e-2, 1e2]. */
  readonly stiff?: boolean;
  /** Reservoirs F and W in random complexes, plus `F <-> S_a` and `S_a <-> W` (an emergent cycle). */
  readonly reservoirs?: boolean;
  /** Largest stoichiometric coefficient of one species in a complex (default 2, with at most 2 molecules). */
  readonly maxCoefficient?: number;
  /** Redraw until the network has deficiency zero (every reaction two-way). */
  readonly deficiencyZero?: boolean;
  /** Every reaction two-way (implied by detailedBalanced and deficiencyZero). */
  readonly reversible?: boolean;
}

/** Draws before giving up on a deficiency-zero network (each draw is a few microseconds). */
const MAX_DRAWS = 1000;

/**
 * A seeded random network. `randomNetwork(seed, true)` is detailed balanced; `false` has
 * independent rates (a quarter of them one-way) and draws exactly what it always drew.
 */
export function randomNetwork(seed: number, options: boolean | RandomNetworkOptions): RandomNetwork {
  const opts: RandomNetworkOptions = typeof options === "boolean" ? { detailedBalanced: options } : options;
  const random = mulberry32(seed);
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const drawn = drawNetwork(random, opts);
    if (!opts.deficiencyZero || drawn.structure.deficiency === 0) return drawn;
  }
  throw new Error(`no deficiency-zero network in ${MAX_DRAWS} draws (seed ${seed})`);
}

function drawNetwork(random: () => number, opts: RandomNetworkOptions): RandomNetwork {
  const balanced = opts.detailedBalanced ?? false;
  const twoWay = balanced || (opts.deficiencyZero ?? false) || (opts.reversible ?? false);
  const maxCoefficient = opts.maxCoefficient ?? 2;
  const n = 2 + Math.floor(random() * 3);
  const m = 2 + Math.floor(random() * 4);
  const names = Array.from({ length: n }, (_, i) => `S${i}`);
  const resNames = opts.reservoirs ? ["F", "W"] : [];
  const pick = <T>(xs: readonly T[]): T => {
    const x = xs[Math.floor(random() * xs.length)];
    if (x === undefined) throw new Error("pick from an empty list");
    return x;
  };
  const complex = (): Record<string, number> => {
    const size = Math.floor(random() * 3); // 0, 1 or 2 distinct draws
    const c: Record<string, number> = {};
    for (let k = 0; k < size; k++) {
      const s = pick(names);
      c[s] = Math.min(maxCoefficient, (c[s] ?? 0) + (maxCoefficient <= 2 ? 1 : 1 + Math.floor(random() * maxCoefficient)));
    }
    return c;
  };
  const g = new Map<string, number>([...names, ...resNames].map((s) => [s, 4 * random() - 2]));
  const potential = (...sides: (Readonly<Record<string, number>> | undefined)[]): number =>
    sides.reduce((sum, side) => sum + Object.entries(side ?? {}).reduce((s, [nm, c]) => s + c * (g.get(nm) ?? 0), 0), 0);
  const decades = opts.stiff ? 12 : 2;
  const logUniform = (): number => 10 ** (2 * decades * random() - decades);
  const rates = (r: Omit<FixtureReaction, "kf" | "kr">): FixtureReaction => {
    if (balanced) {
      const gR = potential(r.lhs, r.resLhs), gP = potential(r.rhs, r.resRhs);
      const barrier = Math.max(gR, gP) + 2 * random();
      const prefactor = logUniform();
      return { ...r, kf: prefactor * Math.exp(gR - barrier), kr: prefactor * Math.exp(gP - barrier) };
    }
    const kf = logUniform();
    if (!opts.reservoirs && !opts.stiff && !twoWay && opts.maxCoefficient === undefined) {
      return { ...r, kf, kr: random() < 0.75 ? logUniform() : null }; // the boolean form's draws
    }
    return { ...r, kf, kr: twoWay || random() < 0.75 ? logUniform() : null };
  };
  const reactions: FixtureReaction[] = [];
  while (reactions.length < m) {
    const lhs = complex();
    const rhs = complex();
    const resLhs = opts.reservoirs && random() < 0.3 ? { [pick(resNames)]: 1 } : undefined;
    const resRhs = opts.reservoirs && random() < 0.3 ? { [pick(resNames)]: 1 } : undefined;
    if (JSON.stringify([lhs, resLhs]) === JSON.stringify([rhs, resRhs])) continue;
    if (Object.keys(lhs).length + Object.keys(rhs).length === 0) continue;
    reactions.push(rates({ lhs, rhs, ...(resLhs ? { resLhs } : {}), ...(resRhs ? { resRhs } : {}) }));
  }
  if (opts.reservoirs) {
    const a = pick(names);
    reactions.push(rates({ lhs: {}, rhs: { [a]: 1 }, resLhs: { F: 1 }, id: "inflow" }));
    reactions.push(rates({ lhs: { [a]: 1 }, rhs: {}, resRhs: { W: 1 }, id: "outflow" }));
  }
  const species = Object.fromEntries(names.map((nm) => [nm, 0.1 + 2 * random()]));
  // balanced: each reservoir at its equilibrium exp(−G_Y); otherwise a random concentration (driven)
  const reservoirs = Object.fromEntries(resNames.map((nm) => [nm, balanced ? Math.exp(-(g.get(nm) ?? 0)) : 0.1 + 2 * random()]));
  const network = fixtureNetwork({ species, reservoirs, reactions });
  const potentials = balanced ? names.map((nm) => g.get(nm) ?? 0) : null;
  return { network, structure: analyzeStructure(network), potentials };
}

/**
 * DESIGN.md's identities on the random networks' hard families (test/analysis/random-networks.ts):
 * stiff rates, reservoirs with emergent cycles, coefficients ≥ 3, deficiency zero, detailed
 * balance from free energies. Bounds are the docs' promises:
 * - docs/steady-state.md: every listed state has |dx_i/dt| ≤ acceptTolerance (1e-8) · w_i,
 *   w_i = Σ_r |S_ir| (v⁺_r + v⁻_r); σ = Σ_r J_r ln(v⁺_r/v⁻_r) ≥ 0.
 * - docs/currents.md: σ = Σ_r J_r a_r − Σ_i ln x_i (S J)_i and Σ_c A_c J_c = Σ_r J_r a_r, so the
 *   cycle sum is σ + Σ_i ln x_i (S J)_i (computed from the state) up to rounding.
 * - detailed balance holds exactly for the constructed networks (verdict "holds") and fails for
 *   independent rates on a network with a cycle; then every positive steady state has σ > 0.
 */
import { describe, expect, it } from "vitest";
import { analyzeBalance } from "../../../src/analysis/balance/index.js";
import { analyzeCurrents } from "../../../src/analysis/currents/index.js";
import { analyzeSteadyStates } from "../../../src/analysis/steady-state/index.js";
import type { SteadyState } from "../../../src/analysis/types.js";
import type { Network } from "../../../src/network/types.js";
import { randomNetwork, type RandomNetworkOptions } from "../random-networks.js";

/** docs/steady-state.md: the residual every listed state passes. */
const ACCEPT_TOLERANCE = 1e-8;
/** Rounding allowance of the σ identity: 2^-40 ≈ 9e-13 ≈ 8000 u, sums of ≤ 8 terms and a small integer k×k solve. */
const ROUNDING = 2 ** -40;

const FAMILIES: readonly [string, RandomNetworkOptions][] = [
  ["stiff rates", { stiff: true }],
  ["reservoirs (emergent cycles)", { reservoirs: true, reversible: true }],
  ["coefficients up to 4", { maxCoefficient: 4 }],
  ["deficiency zero", { deficiencyZero: true }],
  ["detailed balanced, stiff, with reservoirs", { detailedBalanced: true, stiff: true, reservoirs: true }],
];
const SEEDS = 25;

/** (S J)_i and w_i over internal species. */
function residuals(network: Network, s: SteadyState): { net: number[]; w: number[] } {
  const net = network.species.map(() => 0);
  const w = network.species.map(() => 0);
  for (const r of network.reactions) {
    const j = s.fluxes[r.index] ?? Number.NaN;
    const size = (s.forwardRates[r.index] ?? Number.NaN) + (s.reverseRates[r.index] ?? Number.NaN);
    for (const [sign, terms] of [[-1, r.reactants], [1, r.products]] as const) {
      for (const t of terms) {
        net[t.index] = (net[t.index] ?? 0) + sign * t.coefficient * j;
        w[t.index] = (w[t.index] ?? 0) + t.coefficient * size;
      }
    }
  }
  return { net, w };
}

/**
 * a_r = ln(k⁺ Π[Y]^α / (k⁻ Π[Y]^β)), reservoirs folded in (docs/currents.md), and the magnitude
 * its rounding scales with: |ln k⁺| + |ln k⁻| + Σ_Y c_Y |ln [Y]|.
 */
function logRatio(network: Network, r: Network["reactions"][number]): { value: number; magnitude: number } {
  const res = (terms: typeof r.reservoirReactants, abs: boolean): number =>
    terms.reduce((s, t) => {
      const l = t.coefficient * Math.log(network.reservoirs[t.index]?.value ?? Number.NaN);
      return s + (abs ? Math.abs(l) : l);
    }, 0);
  if (r.reverse === null) return { value: Infinity, magnitude: Infinity };
  const lf = Math.log(r.forward.value), lr = Math.log(r.reverse.value);
  return {
    value: lf + res(r.reservoirReactants, false) - lr - res(r.reservoirProducts, false),
    magnitude: Math.abs(lf) + Math.abs(lr) + res(r.reservoirReactants, true) + res(r.reservoirProducts, true),
  };
}

describe.each(FAMILIES)("%s", (_, options) => {
  const cases = Array.from({ length: SEEDS }, (_, i) => randomNetwork(1000 + i, options));
  const solved = cases.map(({ network, structure }) => ({ network, structure, states: analyzeSteadyStates(network, structure, { starts: 8 }).states }));

  it("the family is what it claims: deficiency zero, emergent cycles where reservoirs close them", () => {
    for (const { structure } of cases) {
      if (options.deficiencyZero) expect(structure.deficiency).toBe(0);
      if (options.reservoirs) expect(structure.emergentCycles).toBeGreaterThanOrEqual(1);
    }
  });

  it("S·J = 0 to acceptTolerance · w_i at every listed state, x ≥ 0, σ ≥ 0", () => {
    let states = 0;
    for (const { network, states: list } of solved) {
      for (const s of list) {
        states++;
        const { net, w } = residuals(network, s);
        net.forEach((v, i) => expect(Math.abs(v)).toBeLessThanOrEqual(ACCEPT_TOLERANCE * (w[i] ?? 0)));
        expect(s.concentrations.every((x) => x >= 0 && Number.isFinite(x))).toBe(true);
        if (s.entropyProduction !== null) expect(s.entropyProduction).toBeGreaterThanOrEqual(0);
      }
    }
    expect(states).toBeGreaterThanOrEqual(SEEDS / 2);
  });

  it("σ = Σ_c A_c J_c up to Σ_i ln x_i (S J)_i and rounding, at positive states", () => {
    let compared = 0;
    for (const { network, structure, states } of solved) {
      for (const s of states) {
        if (s.entropyProduction === null || !s.concentrations.every((x) => x > 0)) continue;
        const cur = analyzeCurrents(network, s, { structure });
        if (cur.cycleEntropyProduction === null) continue;
        compared++;
        const { net, w } = residuals(network, s);
        const lnx = s.concentrations.map(Math.log);
        const drift = net.reduce((sum, v, i) => sum + (lnx[i] ?? 0) * v, 0);
        let scale = 0;
        for (const r of network.reactions) {
          const j = Math.abs(s.fluxes[r.index] ?? Number.NaN);
          const a = Math.abs(logRatio(network, r).value);
          const l = Math.abs(Math.log((s.forwardRates[r.index] ?? 0) / (s.reverseRates[r.index] ?? 0)));
          scale += j * (a + l);
        }
        scale += lnx.reduce((sum, v, i) => sum + Math.abs(v) * (w[i] ?? 0), 0);
        // Σ_c A_c J_c = Σ_r J_r a_r = σ + Σ_i ln x_i (S J)_i exactly; what is left is rounding
        expect(Math.abs(cur.cycleEntropyProduction - s.entropyProduction - drift)).toBeLessThanOrEqual(ROUNDING * scale);
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  it("detailed balance holds exactly when constructed so; then zero affinities, else σ > 0 at positive states", () => {
    let judged = 0;
    for (const { network, structure, states } of solved) {
      const balance = analyzeBalance(network, structure);
      if (options.detailedBalanced) {
        expect(balance.verdict).toBe("holds");
        for (const s of states) {
          if (!s.concentrations.every((x) => x > 0)) continue;
          judged++;
          for (const c of analyzeCurrents(network, s, { structure }).cycles) {
            const bound = ROUNDING * network.reactions.reduce((sum, r) => sum + Math.abs(c.cycle[r.index] ?? 0) * logRatio(network, r).magnitude, 0);
            expect(Math.abs(c.affinity)).toBeLessThanOrEqual(bound);
          }
        }
        continue;
      }
      if (balance.verdict !== "fails") continue;
      for (const s of states) {
        const positive = s.forwardRates.every((v) => v > 0) && s.reverseRates.every((v, r) => v > 0 || network.reactions[r]?.reverse === null);
        if (!positive || s.entropyProduction === null) continue;
        judged++;
        expect(s.entropyProduction).toBeGreaterThan(s.entropyProductionBound ?? 0);
      }
    }
    expect(judged).toBeGreaterThan(0);
  });
});

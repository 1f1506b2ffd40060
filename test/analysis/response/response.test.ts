/**
 * Response by implicit differentiation against central differences of the recomputed steady
 * state (1e-6), the summation theorems of metabolic control analysis (to the certified distance from
 * the true state, plus 1e-12), Onsager symmetry at
 * detailed balance, the Einstein relation D = μ k_BT at equilibrium, and the transduction
 * efficiency of the proton circuit against its definition.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { compile } from "../../../src/compile/index.js";
import { analyze } from "../../../src/analysis/index.js";
import { analyzeResponse, linearise, respond } from "../../../src/analysis/response/index.js";
import { reactionFields, withChanges } from "../../../src/network/build.js";
import type { Network } from "../../../src/network/types.js";
import { compiles } from "../../helpers/compile.js";

const rates = fc.double({ min: 0.1, max: 10, noNaN: true });
const lit = (x: number): string => x.toExponential(17);

/** A fully connected Markov network of 4 states with arbitrary rates (three independent cycles). */
function complete(k: readonly number[]): string {
  const lines = ["state A = 1, B, C, D"];
  const s = ["A", "B", "C", "D"];
  let n = 0;
  for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) lines.push(`t${i}${j}: ${s[i]} <-> ${s[j]} @ ${lit(k[n++]!)}, ${lit(k[n++]!)}`);
  return lines.join("\n");
}

/**
 * A mass-action network with a conservation law (E + C) and a bimolecular step: E + S <-> C <-> E + P,
 * P -> 0, 0 -> S; the feed (at most 0.05) stays below the capacity k_cat E_total (at least 0.1), so a
 * steady state exists.
 */
function enzyme(k: readonly number[]): string {
  return [`species E = 1, S = 0.5, C, P`, `bind: E + S <-> C @ ${lit(k[0]!)}, ${lit(k[1]!)}`, `cat: C <-> E + P @ ${lit(k[2]!)}, ${lit(k[3]!)}`,
    `out: P -> 0 @ ${lit(k[4]!)}`, `feed: 0 -> S @ ${lit(0.005 * k[5]!)}`].join("\n");
}

function withRate(network: Network, r: number, which: "forward" | "reverse", factor: number): Network {
  return withChanges(network, {
    reactions: network.reactions.map((x, i) => i !== r ? x : which === "forward"
      ? { ...reactionFields(x), forward: { ...x.forward, value: x.forward.value * factor, exact: null, rational: false } }
      : { ...reactionFields(x), reverse: x.reverse && { ...x.reverse, value: x.reverse.value * factor, exact: null, rational: false } }),
  });
}

function reached(network: Network) {
  return analyze(network).steadyStates.states.find((s) => s.reached)!;
}

describe("implicit differentiation", () => {
  it("matches central differences of the recomputed steady state to 1e-6 (Markov and mass action)", () => {
    fc.assert(fc.property(fc.array(rates, { minLength: 12, maxLength: 12 }), fc.boolean(), (k, markov) => {
      const net = compiles(markov ? complete(k) : enzyme(k));
      const state = reached(net);
      const lin = linearise(net, state.concentrations)!;
      const m = net.reactions.length, h = 1e-5;
      for (let r = 0; r < m; r++) {
        const d = respond(net, lin, Array.from({ length: m }, (_, i) => (i === r ? 1 : 0)), new Array(m).fill(0));
        const up = reached(withRate(net, r, "forward", Math.exp(h))), down = reached(withRate(net, r, "forward", Math.exp(-h)));
        net.species.forEach((_, i) => {
          const fd = ((up.concentrations[i] ?? 0) - (down.concentrations[i] ?? 0)) / (2 * h);
          expect(Math.abs(fd - (d.x[i] ?? NaN))).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(fd)));
        });
        net.reactions.forEach((_, q) => {
          const fd = ((up.fluxes[q] ?? 0) - (down.fluxes[q] ?? 0)) / (2 * h);
          expect(Math.abs(fd - (d.J[q] ?? NaN))).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(fd)));
        });
        if (d.sigma !== null && up.entropyProduction !== null && down.entropyProduction !== null) {
          const fd = (up.entropyProduction - down.entropyProduction) / (2 * h);
          expect(Math.abs(fd - d.sigma)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(fd)));
        }
      }
    }), { numRuns: 8 });
  });

  it("the summation theorems hold: Σ_e C^x_e = 0 to the state's distance from the true one, and Σ_e C^J_e − 1 is that defect carried through the elasticities, to the rounding of the net flux", () => {
    fc.assert(fc.property(fc.array(rates, { minLength: 12, maxLength: 12 }), fc.boolean(), (k, markov) => {
      const net = compiles(markov ? complete(k) : enzyme(k));
      const a = analyze(net);
      const c = a.response!.control!;
      const s = a.steadyStates.states.find((x) => x.reached)!;
      expect(c.flux.length).toBeGreaterThan(0);
      // Σ_e C^x_{i,e} is the state's own Newton step δ ln x_i (Σ_e ∂f/∂ln e = f(x̃)), so it is at
      // most the relative distance from x̃ to the true state, which a certificate bounds by its
      // box's half-width ρ (max norm): |Σ_e C^x_{i,e}| ≤ ρ / x_i, plus 1e-12 for the solves' rounding
      const radius = s.certificate?.certified ? s.certificate.radius ?? 0 : 0;
      for (const row of c.concentration) expect(Math.abs(row.sum)).toBeLessThanOrEqual(1e-12 + radius / (s.concentrations[row.species] ?? NaN));
      // both defects are the state's own Newton step δ ln x_i = Σ_e C^x_{i,e}: the flux's is
      // Σ_i (∂ ln J_r/∂ ln x_i) δ ln x_i, with mass-action elasticities (α_ir v⁺_r − β_ir v⁻_r)/J_r;
      // what is left is the rounding of J_r = v⁺_r − v⁻_r, known to ε (v⁺_r + v⁻_r) only
      const stateDefect = new Map(c.concentration.map((row) => [row.species, row.sum]));
      for (const row of c.flux) {
        const r = net.reactions[row.reaction]!;
        const vp = s.forwardRates[row.reaction] ?? NaN, vm = s.reverseRates[row.reaction] ?? NaN, J = s.fluxes[row.reaction] ?? NaN;
        let carried = 0;
        for (const t of r.reactants) carried += (vp * t.coefficient / J) * (stateDefect.get(t.index) ?? 0);
        for (const t of r.products) carried -= (vm * t.coefficient / J) * (stateDefect.get(t.index) ?? 0);
        expect(Math.abs(row.sum - 1 - carried)).toBeLessThanOrEqual(8 * net.reactions.length * Number.EPSILON * (vp + vm) / Math.abs(J));
      }
    }), {
      numRuns: 60,
      // enzyme networks whose small E made the step 1.0e-12 and 1.3e-12 relative (E = 0.022 in the second: ρ / x_E = 6.4e-12)
      examples: [
        [[0.10230508230185724, 3.274615489831791, 0.10000000000000012, 0.10000000000000009, 7.477534227065302, 9.584374207258223, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1], false],
        [[0.10000000000000002, 0.5041137112359441, 0.1, 6.87016104963117, 0.1533388650142227, 9.792187498062965, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1], false],
      ],
    });
  });

  it("the affinity response is symmetric at detailed balance (Onsager) and asymmetric when driven", () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 4, maxLength: 4 }), fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { minLength: 6, maxLength: 6 }), (G, barrier) => {
      // k⁺ = e^{G_i − B}, k⁻ = e^{G_j − B}: detailed balance by construction
      const k: number[] = [];
      let n = 0;
      for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) { const B = barrier[n++]! + 3; k.push(Math.exp(G[i]! - B), Math.exp(G[j]! - B)); }
      const a = analyze(compiles(complete(k)));
      const o = a.response!.onsager!;
      expect(o.cycles.length).toBe(3);
      expect(o.asymmetry).toBeLessThan(1e-10);
    }), { numRuns: 30 });
    const driven = analyze(compiles(complete([1, 2, 3, 0.5, 2, 1, 0.3, 4, 1, 1, 2, 0.1]))).response!.onsager!;
    expect(driven.asymmetry).toBeGreaterThan(1e-3);
  });
});

describe("Einstein relation", () => {
  it("D = μ k_BT at equilibrium for a force that tilts a two-state ring (any load split), and not away from it", () => {
    const text = (kT: number) => [
      "param F = 0, kT = " + kT + ", d = 2",
      "state M0 = 1, M1",
      "a: M0 <-> M1 @ 3 * exp(-0.3 * F * d / kT), 1.5 * exp(0.2 * F * d / kT)",
      "b: M1 <-> M0 @ 0.5 * exp(-0.1 * F * d / kT), 1 * exp(0.4 * F * d / kT)",
      "current x = b step d nm",
      "force F on x kT kT",
    ].join("\n");
    for (const kT of [1, 4.1]) {
      const src = text(kT);
      const net = compiles(src);
      const recompile = (values: readonly { name: string; value: number }[]) => compile(src, "t.crn", { overrides: new Map(values.map((v) => [v.name, v.value])) }).network ?? "error";
      const a = analyze(net, { recompile });
      const e = a.response!.einstein[0]!;
      expect(a.detailedBalance.holds).toBe(true);
      expect(e.effectiveTemperature!).toBeCloseTo(kT, 6);
    }
    // driven (F = 1): the effective temperature differs from k_BT
    const src = text(1).replace("param F = 0", "param F = 1");
    const recompile = (values: readonly { name: string; value: number }[]) => compile(src, "t.crn", { overrides: new Map(values.map((v) => [v.name, v.value])) }).network ?? "error";
    const e = analyze(compiles(src), { recompile }).response!.einstein[0]!;
    expect(Math.abs(e.effectiveTemperature! - 1)).toBeGreaterThan(1e-3);
  });
});

describe("where the entropy goes", () => {
  it("the proton circuit: drives NADH -> NAD and ADP + Pi -> ATP whose powers sum to σ; η = −P_ATP / P_NADH; ATP per proton pumped = J_synthase / J_pump", () => {
    const net = compiles(readFileSync("networks/proton-circuit.crn", "utf8"), "networks/proton-circuit.crn");
    const a = analyze(net);
    const t = a.response!.transduction!;
    expect(t.drives.map((d) => d.exchange)).toEqual(["NADH -> NAD", "ADP + Pi -> ATP"]);
    const state = a.steadyStates.states.find((s) => s.reached)!;
    const sum = t.drives.reduce((s, d) => s + d.power, 0);
    expect(sum).toBeCloseTo(state.entropyProduction!, 12);
    const [input, output] = t.drives;
    expect(t.efficiency!).toBeCloseTo(-output!.power / input!.power, 14);
    const id = (name: string) => net.reactionIndex.get(name)!;
    expect(t.ratio!.value).toBeCloseTo(state.fluxes[id("synthase")]! / state.fluxes[id("pump")]!, 14);
    // ATP synthesis at these reservoirs: A = ln K_synth − 3 ln K_leak = ln(5 · 1e-2 · 1e-2 / (0.5 · 1e-2)) = ln(1/10): uphill,
    // so the proton gradient does work on it and the efficiency is positive, below 1
    expect(output!.affinity).toBeCloseTo(-Math.log(10), 12);
    expect(t.efficiency!).toBeGreaterThan(0);
    expect(t.efficiency!).toBeLessThan(1);
  });

  it("a network of one drive gives no efficiency", () => {
    const a = analyze(compiles(readFileSync("networks/kinesin-motor.crn", "utf8")));
    expect(a.response!.transduction!.drives.length).toBe(1);
    expect(a.response!.transduction!.efficiency).toBeNull();
  });

  it("analyzeResponse with no state says so", () => {
    const net = compiles("state A = 1, B\nA <-> B @ 1, 2");
    const a = analyze(net);
    const r = analyzeResponse(net, { state: null, structure: a.structure, currents: null, equilibrium: true, statistics: [] });
    expect(r.sensitivities).toEqual([]);
    expect(r.notes.length).toBe(1);
  });
});

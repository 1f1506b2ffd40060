import { analyzeStructure } from "../../../src/analysis/structure/index.js";
import { describe, expect, it } from "vitest";
import { compile } from "../../../src/compile/index.js";
import { analyzeSteadyStates } from "../../../src/analysis/steady-state/index.js";
import type { SteadyState } from "../../../src/analysis/types.js";
import { close, loadReference } from "../reference-fixture.js";
import { fixtureNetwork, fixtureStructure } from "../mass-action-fixture.js";

function compiled(text: string) {
  const { network, diagnostics } = compile(text, "test.crn");
  if (network === null) throw new Error(diagnostics.map((d) => d.message).join("; "));
  return network;
}

describe("analyzeSteadyStates on the reference networks", () => {
  for (const name of ["a-b-equilibrium", "chemostat-triangle", "futile-cycle", "proton-pump", "schlogl"]) {
    it(`${name}: every reference state, to relative 1e-6`, () => {
      const { network, report, structure } = loadReference(name);
      const input = JSON.stringify([...network.species]);
      const result = analyzeSteadyStates(network, structure);
      expect(JSON.stringify([...network.species])).toBe(input); // the network is not mutated
      expect(result.states).toHaveLength(report.steadyStates.length);
      for (const ref of report.steadyStates) {
        const match = result.states.find((s) =>
          network.species.every((sp) => close(s.concentrations[sp.index]!, ref.concentrations[sp.name]!, 1e-6)),
        );
        expect(match, `${name}: state ${JSON.stringify(ref.concentrations)}`).toBeDefined();
        const rateSize = Math.max(...match!.forwardRates, ...match!.reverseRates);
        for (const r of network.reactions) expect(close(match!.fluxes[r.index]!, ref.fluxes[r.id]!, 1e-6, 1e-12 * rateSize)).toBe(true);
        expect(close(match!.entropyProduction!, ref.entropyProduction, 1e-6, 1e-12 * rateSize)).toBe(true);
        expect(match!.stable).toBe(ref.stable);
      }
      expect(result.complete).toBe(true);
      expect(result.states.filter((s) => s.reached)).toHaveLength(1);
    });
  }

  it("schlogl: stable states first, the reached one (X = 4 from X = 2) first among them", () => {
    const { network, structure } = loadReference("schlogl");
    const result = analyzeSteadyStates(network, structure);
    expect(result.states.map((s) => Number(s.concentrations[0]!.toPrecision(12)))).toEqual([4, 0.5, 1]);
    expect(result.states.map((s) => s.stable)).toEqual([true, true, false]);
    expect(result.states[0]!.reached).toBe(true);
    // Jacobian of -(X-0.5)(X-1)(X-4): -10.5 at 4, -1.75 at 0.5, +1.5 at 1.
    expect(result.states.map((s) => s.leadingEigenvalue)).toEqual([expect.closeTo(-10.5, 9), expect.closeTo(-1.75, 9), expect.closeTo(1.5, 9)]);
  });

  it("schlogl from X = 0.7 reaches the low state", () => {
    const network = compiled("species X = 0.7\nreservoir A = 1, B = 1\nA + 2 X <-> 3 X @ 5.5, 1\nX <-> B @ 6.5, 2");
    const { structure } = loadReference("schlogl");
    const first = analyzeSteadyStates(network, { ...structure }).states[0]!;
    expect(first.reached).toBe(true);
    expect(first.concentrations[0]).toBeCloseTo(0.5, 10);
  });
});

// Wilhelm (2009), BMC Syst. Biol. 3:90: the smallest bistable mass-action system.
// Steady states: X = Y = 0 and X = k1/(2 k3) ± sqrt(k1 (k1 k2/4 − k3 k4) / k2) / k3, Y = k2 X² / k1.
const wilhelm = (x: number, y: number) =>
  compiled(`param k1 = 8, k2 = 1, k3 = 1, k4 = 1.5
species X = ${x}, Y = ${y}
Y -> 2 X @ k1
2 X -> X + Y @ k2
X + Y -> Y @ k3
X -> 0 @ k4`);

describe("Wilhelm's minimal bistable switch", () => {
  // complexes Y, 2X, X+Y, X, 0 in 2 linkage classes, rank 2: deficiency 5 − 2 − 2 = 1
  const structureOf = (net: ReturnType<typeof wilhelm>) => fixtureStructure(net, { rank: 2, laws: [], deficiency: 1, weaklyReversible: false });

  it("has deficiency 1 (5 complexes, 2 linkage classes, rank 2)", () => {
    const s = analyzeStructure(wilhelm(3, 3));
    expect([s.complexes, s.linkageClasses, s.rank, s.deficiency]).toEqual([5, 2, 2, 1]);
  });

  it("has three steady states: (6, 4.5) and the boundary (0, 0) stable, (2, 0.5) unstable", () => {
    const net = wilhelm(3, 3);
    const result = analyzeSteadyStates(net, structureOf(net));
    const xs = result.states.map((s) => s.concentrations.map((v) => Number(v.toPrecision(10))));
    expect(xs).toEqual([
      [6, 4.5],
      [0, 0],
      [2, 0.5],
    ]);
    expect(result.states[1]!.concentrations).toEqual([0, 0]); // exactly zero on the boundary
    expect(result.states.map((s) => s.stable)).toEqual([true, true, false]);
    expect(result.states[0]!.reached).toBe(true);
    // every homotopy path accounted for (3 certified roots, 1 at infinity): proved complete
    expect(result.complete).toBe(true);
    // One-way reactions carry flux at the positive states: infinite entropy production.
    expect(result.states[0]!.entropyProduction).toBeNull();
    expect(result.states[1]!.entropyProduction).toBe(0);
    expect(result.notes.some((n) => n.includes("infinite"))).toBe(true);
  });

  it("from a small start it reaches the boundary state", () => {
    const net = wilhelm(0.5, 0.1);
    const result = analyzeSteadyStates(net, structureOf(net));
    const reached = result.states.find((s) => s.reached)!;
    expect(reached.concentrations).toEqual([0, 0]);
    expect(result.states[0]).toBe(reached);
  });
});

describe("edge cases", () => {
  it("an inflow with no outflow: no steady state, and a note saying it grows without bound", () => {
    const net = compiled("species X\n0 -> X @ 1");
    const result = analyzeSteadyStates(net, fixtureStructure(net, { rank: 1, laws: [], deficiency: 0, weaklyReversible: false }));
    expect(result.states).toEqual([]);
    expect(result.notes.some((n) => n.includes("without bound"))).toBe(true);
  });

  it("rates spanning 16 orders of magnitude: the detailed-balance equilibrium to 1e-9", () => {
    // A <-> B <-> C with K1 = 1e8/1e-4, K2 = 1e-6/1e2: x_B = K1 x_A, x_C = K2 x_B.
    const net = compiled("species A = 1, B, C\nA <-> B @ 1e8, 1e-4\nB <-> C @ 1e-6, 1e2");
    const result = analyzeSteadyStates(net, fixtureStructure(net, { rank: 2, laws: [[1, 1, 1]], deficiency: 0, weaklyReversible: true }));
    expect(result.states).toHaveLength(1);
    const [a, b, c] = result.states[0]!.concentrations as [number, number, number];
    const k1 = 1e12;
    const k2 = 1e-8;
    const total = 1 + k1 + k1 * k2;
    expect(close(a, 1 / total, 1e-9)).toBe(true);
    expect(close(b, k1 / total, 1e-9)).toBe(true);
    expect(close(c, (k1 * k2) / total, 1e-9)).toBe(true);
    expect(result.states[0]!.stable).toBe(true);
    expect(result.complete).toBe(true);
  });

  it("boundary steady states of a closed class are kept: A + B -> 2 B from B = 0", () => {
    const net = fixtureNetwork({ species: { A: 1, B: 0 }, reactions: [{ lhs: { A: 1, B: 1 }, rhs: { B: 2 }, kf: 1, kr: null }] });
    const result = analyzeSteadyStates(net, fixtureStructure(net, { rank: 1, laws: [[1, 1]], deficiency: 0, weaklyReversible: false }));
    const states = result.states.map((s: SteadyState) => s.concentrations);
    expect(result.states).toHaveLength(2);
    expect(states).toContainEqual([1, 0]);
    const other = states.find((x) => x[0] === 0)!; // A exactly 0
    expect(other[1]).toBeCloseTo(1, 12);
    expect(result.states.find((s) => s.reached)!.concentrations).toEqual([1, 0]); // B = 0 stays 0
  });

  it("bad numbers give no state and a note, never an exception", () => {
    const net = fixtureNetwork({ species: { A: Number.NaN }, reactions: [{ lhs: { A: 1 }, rhs: {}, kf: 1, kr: null }] });
    const result = analyzeSteadyStates(net, fixtureStructure(net, { rank: 1, laws: [], deficiency: 0, weaklyReversible: false }));
    expect(result.states).toEqual([]);
    expect(result.notes).toHaveLength(1);
  });
});

describe("Markov networks are delegated", () => {
  it("enso-regimes: the stationary distribution", () => {
    const { network, report, structure } = loadReference("enso-regimes");
    const result = analyzeSteadyStates(network, structure);
    expect(result.states).toHaveLength(1);
    const ref = report.steadyStates[0]!;
    network.species.forEach((s) => expect(close(result.states[0]!.concentrations[s.index]!, ref.concentrations[s.name]!, 1e-6)).toBe(true));
  });
});

describe("properties on seeded random networks", () => {
  it("S·J = 0 relative to the rates at every steady state, and entropy production ≥ 0", async () => {
    const { randomNetwork } = await import("../random-networks.js");
    let states = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { network, structure } = randomNetwork(seed, false);
      const result = analyzeSteadyStates(network, structure, { starts: 12 });
      for (const s of result.states) {
        states++;
        for (const sp of network.species) {
          let net = 0;
          let size = 0;
          for (const r of network.reactions) {
            const c = r.products.filter((t) => t.index === sp.index).reduce((a, t) => a + t.coefficient, 0) -
              r.reactants.filter((t) => t.index === sp.index).reduce((a, t) => a + t.coefficient, 0);
            net += c * s.fluxes[r.index]!;
            size += Math.abs(c) * (s.forwardRates[r.index]! + s.reverseRates[r.index]!);
          }
          expect(Math.abs(net)).toBeLessThanOrEqual(1e-10 * size); // docs/steady-state.md: |dx_i/dt| ≤ 1e-10 w_i
        }
        expect(s.concentrations.every((x) => x >= 0)).toBe(true);
        if (s.entropyProduction !== null) expect(s.entropyProduction).toBeGreaterThanOrEqual(0);
      }
    }
    expect(states).toBeGreaterThan(20);
  });

  it("detailed-balanced networks (k⁻ = k⁺ exp ΔG): zero fluxes and entropy production, x ∝ exp(−G) per class", async () => {
    const { randomNetwork } = await import("../random-networks.js");
    let checked = 0;
    for (let seed = 100; seed < 130; seed++) {
      const { network, structure, potentials } = randomNetwork(seed, true);
      const result = analyzeSteadyStates(network, structure, { starts: 12 });
      const positive = result.states.filter((s) => s.concentrations.every((x) => x > 0));
      for (const s of positive) {
        checked++;
        s.fluxes.forEach((j, r) => expect(Math.abs(j)).toBeLessThanOrEqual(1e-8 * Math.max(s.forwardRates[r]!, s.reverseRates[r]!)));
        expect(Math.abs(s.entropyProduction!)).toBeLessThanOrEqual(1e-12 * Math.max(1, ...s.forwardRates));
        // ln x + G lies in the row space of the laws: orthogonal to every column of S.
        for (const r of network.reactions) {
          let dot = 0;
          for (const t of r.products) dot += t.coefficient * (Math.log(s.concentrations[t.index]!) + potentials![t.index]!);
          for (const t of r.reactants) dot -= t.coefficient * (Math.log(s.concentrations[t.index]!) + potentials![t.index]!);
          expect(Math.abs(dot)).toBeLessThan(1e-6);
        }
      }
    }
    expect(checked).toBeGreaterThan(15);
  });
});

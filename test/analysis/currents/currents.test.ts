import { describe, expect, it } from "vitest";
import { analyzeCurrents } from "../../../src/analysis/currents/index.js";
import { analyzeSteadyStates } from "../../../src/analysis/steady-state/index.js";
import { analyzeStructure } from "../../../src/analysis/structure/index.js";
import { compile } from "../../../src/compile/index.js";
import type { Network } from "../../../src/network/types.js";
import type { SteadyState } from "../../../src/analysis/types.js";
import { close, loadReference } from "../reference-fixture.js";
import { randomNetwork } from "../random-networks.js";
import { entropyProduction } from "../../../src/analysis/entropy/index.js";
import { mulberry32 } from "../../../src/numeric/random.js";
import { solveLinear } from "../../../src/numeric/continuous/dense.js";

/** J = Σ_c J_c c must reproduce every flux. */
function expectDecomposition(network: Network, state: SteadyState, cycles: readonly { cycle: readonly number[]; current: number }[]): void {
  const size = Math.max(1e-300, ...state.forwardRates, ...state.reverseRates);
  network.reactions.forEach((r) => {
    const sum = cycles.reduce((s, c) => s + c.cycle[r.index]! * c.current, 0);
    expect(Math.abs(sum - state.fluxes[r.index]!)).toBeLessThanOrEqual(1e-9 * size);
  });
}

describe("mass-action currents on the reference networks", () => {
  it("chemostat-triangle: one emergent cycle, affinity ln 4, current 1/7, σ = A J", () => {
    const { network, structure } = loadReference("chemostat-triangle");
    const state = analyzeSteadyStates(network, structure).states[0]!;
    const cur = analyzeCurrents(network, state);
    expect(cur.cycles).toHaveLength(1);
    expect(cur.tree).toHaveLength(2);
    expect(cur.cycles[0]!.affinity).toBeCloseTo(Math.log(4), 12);
    expect(close(cur.cycles[0]!.current, 1 / 7, 1e-9)).toBe(true);
    expect(close(cur.cycleEntropyProduction!, Math.log(4) / 7, 1e-9)).toBe(true);
    expectDecomposition(network, state, cur.cycles);
  });

  it("proton-pump: J_pump = J_leak + 3 J_synthase and σ = Σ A_c J_c", () => {
    const { network, structure, report } = loadReference("proton-pump");
    const state = analyzeSteadyStates(network, structure).states[0]!;
    const j = (id: string): number => state.fluxes[network.reactionIndex.get(id)!]!;
    expect(close(j("pump"), j("leak") + 3 * j("synthase"), 1e-10)).toBe(true);
    const cur = analyzeCurrents(network, state);
    expect(cur.cycles).toHaveLength(2);
    expectDecomposition(network, state, cur.cycles);
    expect(close(cur.cycleEntropyProduction!, report.steadyStates[0]!.entropyProduction, 1e-9)).toBe(true);
    // Each cycle's affinity matches a reference violation with the same reactions, scaled.
    for (const c of cur.cycles) {
      const words = c.words.replace(/\d+ /g, "");
      expect(words).toMatch(/pump/);
    }
  });

  it("futile-cycle: the affinity of the reference violation", () => {
    const { network, structure, report } = loadReference("futile-cycle");
    const state = analyzeSteadyStates(network, structure).states[0]!;
    const cur = analyzeCurrents(network, state);
    expect(cur.cycles).toHaveLength(1);
    expect(close(Math.abs(cur.cycles[0]!.affinity), report.detailedBalance.violations[0]!.affinity, 1e-12)).toBe(true);
    expect(close(cur.cycleEntropyProduction!, state.entropyProduction!, 1e-10)).toBe(true);
  });

  it("a-b-equilibrium: no cycle, zero entropy production", () => {
    const { network, structure } = loadReference("a-b-equilibrium");
    const cur = analyzeCurrents(network, analyzeSteadyStates(network, structure).states[0]!);
    expect(cur.cycles).toEqual([]);
    expect(cur.cycleEntropyProduction).toBe(0);
  });
});

/** A Markov steady state from probabilities p: v+ = w+ p_from, v− = w− p_to. */
function markovState(network: Network, p: readonly number[]): SteadyState {
  const res = network.reservoirs.map((r) => r.value);
  const fold = (k: number, terms: readonly { index: number; coefficient: number }[]): number => terms.reduce((a, t) => a * res[t.index]! ** t.coefficient, k);
  const forward = network.reactions.map((r) => fold(r.forward.value, r.reservoirReactants) * p[r.reactants[0]!.index]!);
  const reverse = network.reactions.map((r) => (r.reverse ? fold(r.reverse.value, r.reservoirProducts) * p[r.products[0]!.index]! : 0));
  return {
    concentrations: [...p],
    fluxes: forward.map((f, i) => f - reverse[i]!),
    forwardRates: forward,
    reverseRates: reverse,
    entropyProduction: entropyProduction(forward, reverse).value,
    stable: true,
    reached: true,
    leadingEigenvalue: null,
  };
}

/** The stationary distribution of a small connected Markov network by a dense solve. */
function stationary(network: Network): number[] {
  const n = network.species.length;
  const q = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const r of network.reactions) {
    const u = r.reactants[0]!.index;
    const v = r.products[0]!.index;
    q[v]![u] = q[v]![u]! + r.forward.value;
    q[u]![u] = q[u]![u]! - r.forward.value;
    if (r.reverse) {
      q[u]![v] = q[u]![v]! + r.reverse.value;
      q[v]![v] = q[v]![v]! - r.reverse.value;
    }
  }
  q[n - 1] = new Array<number>(n).fill(1);
  const b = new Array<number>(n).fill(0);
  b[n - 1] = 1;
  return solveLinear(q, b)!;
}

describe("Markov currents (spanning tree and chords)", () => {
  it("driven-ring: one cycle s0 -> s1 -> … -> s0 of affinity 5f = 3.5 and current 0.142876", () => {
    const { network, report } = loadReference("driven-ring");
    const ref = report.steadyStates[0]!;
    const state = markovState(network, network.species.map((s) => ref.concentrations[s.name]!));
    const cur = analyzeCurrents(network, state);
    expect(cur.tree).toHaveLength(4);
    expect(cur.cycles).toHaveLength(1);
    // the breadth-first forest from s0 reaches s1, s4, then s2, s3: the chord is s2 -> s3, opposite s0
    expect(cur.cycles[0]!.words).toBe("s2 -> s3 -> s4 -> s0 -> s1 -> s2");
    expect(cur.cycles[0]!.affinity).toBeCloseTo(3.5, 12);
    expect(close(cur.cycles[0]!.current, ref.fluxes.R1!, 1e-9)).toBe(true);
    expect(close(cur.cycleEntropyProduction!, ref.entropyProduction, 1e-9)).toBe(true);
  });

  it("enso-regimes: σ = A J for the one cycle", () => {
    const { network, report } = loadReference("enso-regimes");
    const ref = report.steadyStates[0]!;
    const state = markovState(network, network.species.map((s) => ref.concentrations[s.name]!));
    const cur = analyzeCurrents(network, state);
    expect(Math.abs(cur.cycles[0]!.affinity)).toBeCloseTo(report.detailedBalance.violations[0]!.affinity, 12);
    expect(close(cur.cycleEntropyProduction!, ref.entropyProduction, 1e-8)).toBe(true);
  });

  it("random connected Markov graphs: J = Σ J_c c and σ = Σ A_c J_c; the listed-cycle cap keeps the sum", () => {
    for (let seed = 1; seed <= 25; seed++) {
      const random = mulberry32(seed);
      const n = 3 + Math.floor(random() * 5);
      const lines = [`state ${Array.from({ length: n }, (_, i) => `s${i}`).join(", ")}`];
      for (let i = 1; i < n; i++) lines.push(`s${Math.floor(random() * i)} <-> s${i} @ ${(0.1 + random()).toFixed(4)}, ${(0.1 + random()).toFixed(4)}`);
      const extra = 1 + Math.floor(random() * 4);
      for (let k = 0; k < extra; k++) {
        const a = Math.floor(random() * n);
        const b = (a + 1 + Math.floor(random() * (n - 1))) % n;
        lines.push(`s${a} <-> s${b} @ ${(0.1 + random()).toFixed(4)}, ${(0.1 + random()).toFixed(4)}`);
      }
      const network = compile(lines.join("\n"), "random.crn").network!;
      const state = markovState(network, stationary(network));
      const cur = analyzeCurrents(network, state);
      expect(cur.cycles).toHaveLength(extra);
      expectDecomposition(network, state, cur.cycles);
      expect(close(cur.cycleEntropyProduction!, state.entropyProduction!, 1e-9, 1e-14)).toBe(true);
      // the sparse support is the dense vector's nonzero entries, reactions ascending, and the
      // affinity is its sum Σ c_r ln K_r (checked against the dense vector by hand here)
      for (const c of cur.cycles) {
        const nonzero = c.cycle.flatMap((x, r) => (x !== 0 ? [r] : []));
        expect(c.support?.reactions).toEqual(nonzero);
        expect(c.support?.coefficients).toEqual(nonzero.map((r) => c.cycle[r]));
        expect(c.cycle.every((x) => x === 0 || x === 1 || x === -1)).toBe(true);
        expect(c.cycle[c.chord]).toBe(1);
      }
      const capped = analyzeCurrents(network, state, { maxCycles: 0 });
      expect(capped.cycles).toEqual([]);
      expect(close(capped.cycleEntropyProduction!, state.entropyProduction!, 1e-9, 1e-14)).toBe(true);
    }
  });
});

describe("mass-action currents on the report's cycle basis", () => {
  it("decomposes on structure.cycles (the basis Wegscheider iterates), each chord on its own cycle", () => {
    let checked = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { network } = randomNetwork(seed, false);
      const structure = analyzeStructure(network);
      for (const state of analyzeSteadyStates(network, structure, { starts: 12 }).states) {
        const cur = analyzeCurrents(network, state, { structure });
        expect(cur.cycles.map((c) => c.cycle)).toEqual(structure.cycles);
        for (const c of cur.cycles) expect(c.cycle[c.chord]).not.toBe(0);
        expect(new Set(cur.cycles.map((c) => c.chord)).size).toBe(cur.cycles.length);
        expectDecomposition(network, state, cur.cycles);
        checked += cur.cycles.length;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe("mass-action properties on seeded random networks", () => {
  it("σ = Σ_edges J ln(v+/v−) = Σ_cycles A_c J_c, and J = Σ J_c c", () => {
    let compared = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { network, structure } = randomNetwork(seed, false);
      for (const state of analyzeSteadyStates(network, structure, { starts: 12 }).states) {
        const cur = analyzeCurrents(network, state);
        expectDecomposition(network, state, cur.cycles);
        if (state.entropyProduction === null) continue;
        compared++;
        const size = Math.max(...state.forwardRates, ...state.reverseRates);
        expect(close(cur.cycleEntropyProduction!, state.entropyProduction, 1e-9, 1e-12 * size)).toBe(true);
      }
    }
    expect(compared).toBeGreaterThan(5);
  });

  it("detailed-balanced networks: zero cycle affinities, zero currents, zero entropy production", () => {
    for (let seed = 100; seed < 130; seed++) {
      const { network, structure } = randomNetwork(seed, true);
      for (const state of analyzeSteadyStates(network, structure, { starts: 12 }).states) {
        if (!state.concentrations.every((x) => x > 0)) continue;
        const cur = analyzeCurrents(network, state);
        const size = Math.max(...state.forwardRates, ...state.reverseRates);
        for (const c of cur.cycles) {
          expect(Math.abs(c.affinity)).toBeLessThan(1e-9);
          expect(Math.abs(c.current)).toBeLessThanOrEqual(1e-8 * size);
        }
        expect(Math.abs(cur.cycleEntropyProduction!)).toBeLessThanOrEqual(1e-12 * Math.max(1, size));
      }
    }
  });
});

describe("Markov networks through compile", () => {
  it("a one-way transition that carries current makes the cycle sum null with a note", () => {
    const network = compile("state A, B, C\nA -> B @ 1\nB <-> C @ 1, 1\nC <-> A @ 1, 1", "t.crn").network!;
    const state = markovState(network, stationary(network));
    expect(state.fluxes[0]).toBeGreaterThan(0.1);
    const cur = analyzeCurrents(network, state);
    expect(cur.cycleEntropyProduction).toBeNull();
    expect(cur.notes).toHaveLength(1);
  });
});

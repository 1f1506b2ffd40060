/**
 * Params reach the steady state through the compiler's exact sensitivities (chain rule through
 * the effective rate constants, reservoirs included): the log-derivatives against their closed
 * forms, and the response to each param against central differences of the recompiled and
 * re-solved steady state (1e-6), end to end through compile(). A param in an initial amount moves
 * the class (a difference of the recompiled amounts, then exact); without the source it is said.
 * Past the dense limit a Markov network's response to its params comes from left solves with the
 * stationary solve's factors: against finite differences on a 10⁴-state driven ring.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../../src/compile/index.js";
import { analyze } from "../../../src/analysis/index.js";
import { analyzeStructure } from "../../../src/analysis/structure/index.js";
import { markovSteadyState } from "../../../src/analysis/steady-state/markov.js";
import { analyzeResponse, logRateDerivatives, sparseLinearise, sparseRespond } from "../../../src/analysis/response/index.js";
import type { Network, ParameterValue } from "../../../src/network/types.js";
import type { Sensitivity } from "../../../src/analysis/response/types.js";
import { compiles } from "../../helpers/compile.js";

const SOURCE = [
  "param a = 1.3, b = 0.4, c = 2, E0 = 1",
  "species E = E0, S = 0.5, C, P",
  "reservoir F = c^2 / 3",
  "bind: E + S <-> C @ a * exp(b), 0.5 / a",
  "cat: C <-> E + P @ 2 * b^2, 0.3",
  "out: P <-> 0 @ c, 0.01",
  "feed: F <-> S @ 0.01 * exp(-b), 0.02",
  "current made = cat",
].join("\n");

const recompiler = (src: string) => (values: readonly ParameterValue[]): Network | string =>
  compile(src, "t.crn", { overrides: new Map(values.map((v) => [v.name, v.value])) }).network ?? "error";

function reached(network: Network) {
  return analyze(network).steadyStates.states.find((s) => s.reached)!;
}

/** |fd − d| ≤ 1e-6 max(1, |fd|) entry by entry. */
function close(fd: readonly number[], d: readonly number[]): void {
  fd.forEach((v, i) => expect(Math.abs(v - (d[i] ?? NaN))).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(v))));
}

describe("params by the chain rule through sensitivities", () => {
  it("∂ ln κ/∂p against closed forms (rate constants and a reservoir)", () => {
    const net = compiles(SOURCE);
    const id = (name: string) => net.reactionIndex.get(name)!;
    const a = 1.3, b = 0.4, c = 2;
    const da = logRateDerivatives(net, "a"), db = logRateDerivatives(net, "b"), dc = logRateDerivatives(net, "c");
    expect(da.dPlus[id("bind")]).toBeCloseTo(1 / a, 14);   // ln(a e^b)
    expect(da.dMinus[id("bind")]).toBeCloseTo(-1 / a, 14); // ln(0.5 / a)
    expect(db.dPlus[id("bind")]).toBeCloseTo(1, 14);
    expect(db.dPlus[id("cat")]).toBeCloseTo(2 / b, 14);    // ln(2 b²)
    expect(db.dPlus[id("feed")]).toBeCloseTo(-1, 14);      // ln(0.01 e^{−b} [F])
    expect(dc.dPlus[id("feed")]).toBeCloseTo(2 / c, 14);   // [F] = c²/3
    expect(dc.dPlus[id("out")]).toBeCloseTo(1 / c, 14);
    expect(dc.dMinus[id("feed")]).toBe(0);
    expect(logRateDerivatives(net, "E0").dPlus.every((v) => v === 0)).toBe(true);
  });

  it("the response to each param against central differences of the recompiled steady state (1e-6), initial amounts included", () => {
    const net = compiles(SOURCE);
    const recompile = recompiler(SOURCE);
    const r = analyze(net, { recompile }).response!;
    expect(r.notes.some((n) => n.startsWith("param E0 enters initial amounts"))).toBe(true);
    for (const [name, value] of net.params) {
      const s = r.sensitivities.find((x) => x.kind === "param" && x.input === name) as Sensitivity;
      const h = 1e-5 * Math.abs(value);
      const up = reached(recompile([{ name, value: value + h }]) as Network), down = reached(recompile([{ name, value: value - h }]) as Network);
      close(up.concentrations.map((v, i) => (v - (down.concentrations[i] ?? NaN)) / (2 * h)), s.concentrations);
      close(up.fluxes.map((v, i) => (v - (down.fluxes[i] ?? NaN)) / (2 * h)), s.fluxes);
      close([(up.entropyProduction! - down.entropyProduction!) / (2 * h)], [s.entropyProduction!]);
      close([((up.fluxes[1] ?? NaN) - (down.fluxes[1] ?? NaN)) / (2 * h)], s.currents);
    }
  });

  it("without the source a param's initial amounts are taken as fixed, and the response says so", () => {
    const r = analyze(compiles(SOURCE)).response!;
    expect(r.notes.some((n) => n.startsWith("initial amounts are taken as independent of the params"))).toBe(true);
    expect(r.sensitivities.find((x) => x.input === "E0")!.concentrations.every((v) => v === 0)).toBe(true);
  });
});

describe("sparse response of a large Markov network", () => {
  /** A driven ring of n states; params a (every forward rate), b (every other reverse rate) and a reservoir ATP = 2 b on one transition. */
  function ring(n: number): string {
    const lines = ["param a = 1.7, b = 0.6", "reservoir ATP = 2 * b", `state ${Array.from({ length: n }, (_, i) => (i === 0 ? "s0 = 1" : `s${i}`)).join(", ")}`];
    for (let i = 0; i < n; i++) {
      const f = (1 + 0.5 * Math.sin(i)).toFixed(6), g = (1 + 0.4 * Math.cos(3 * i)).toFixed(6);
      const fuel = i === 7 ? " + ATP" : "";
      lines.push(`t${i}: s${i}${fuel} <-> s${(i + 1) % n} @ a * ${f}, ${i % 2 === 0 ? `b * ${g}` : g}`);
    }
    lines.push("current turns = t0");
    return lines.join("\n");
  }

  it("∂π, ∂J, ∂σ and ∂J(current) by one left solve per param on a 10⁴-state ring, against central differences (1e-6 of the largest)", () => {
    const src = ring(10000);
    const recompile = recompiler(src);
    const net = recompile([]) as Network;
    const state = markovSteadyState(net).state;
    expect(state.solver).toBeDefined();
    const r = analyzeResponse(net, { state, structure: analyzeStructure(net), currents: null, equilibrium: false, statistics: [], recompile });
    expect(r.method).toContain("left solve");
    expect(r.control).toBeNull();
    expect(r.sensitivities.map((s) => s.input)).toEqual(["[ATP]", "a", "b"]);
    for (const name of ["a", "b"]) {
      const value = net.params.get(name)!, h = 1e-5 * value;
      const up = markovSteadyState(recompile([{ name, value: value + h }]) as Network).state, down = markovSteadyState(recompile([{ name, value: value - h }]) as Network).state;
      const s = r.sensitivities.find((x) => x.input === name)!;
      const scaled = (fd: readonly number[], d: readonly number[]) => {
        const big = Math.max(...fd.map(Math.abs));
        expect(big).toBeGreaterThan(0);
        fd.forEach((v, i) => expect(Math.abs(v - (d[i] ?? NaN))).toBeLessThanOrEqual(1e-6 * big));
      };
      scaled(up.concentrations.map((v, i) => (v - (down.concentrations[i] ?? NaN)) / (2 * h)), s.concentrations);
      scaled(up.fluxes.map((v, i) => (v - (down.fluxes[i] ?? NaN)) / (2 * h)), s.fluxes);
      scaled([(up.entropyProduction! - down.entropyProduction!) / (2 * h)], [s.entropyProduction!]);
      scaled([((up.fluxes[0] ?? NaN) - (down.fluxes[0] ?? NaN)) / (2 * h)], s.currents);
      expect(Math.abs(s.concentrations.reduce((t, v) => t + v, 0))).toBeLessThan(1e-12); // Σ ∂π = 0
    }
  }, 120000);

  it("sparseRespond equals the dense response where both apply", () => {
    const net = compiles(ring(40));
    const state = markovSteadyState(net).state;
    const dense = analyze(net).response!.sensitivities.filter((s) => s.kind === "param");
    const sparse = sparseLinearise(net, state.concentrations, state.solver!)!;
    for (const s of dense) {
      const d = logRateDerivatives(net, s.input);
      const t = sparseRespond(sparse, d.dPlus, d.dMinus);
      const big = Math.max(...s.concentrations.map(Math.abs));
      t.x.forEach((v, i) => expect(Math.abs(v - (s.concentrations[i] ?? NaN))).toBeLessThanOrEqual(1e-10 * big));
    }
  });

  it("past the dense limit without the factorised generator there is no response, and a note says why", () => {
    const net = compiles(ring(40));
    const { solver: _solver, ...state } = markovSteadyState(net).state;
    const r = analyzeResponse(net, { state, structure: analyzeStructure(net), currents: null, equilibrium: false, statistics: [] }, { maxDenseResponseSpecies: 10 });
    expect(r.sensitivities).toEqual([]);
    expect(r.notes.some((n) => n.includes("maxDenseResponseSpecies = 10") && n.includes("does not carry the factorised generator"))).toBe(true);
  });
});

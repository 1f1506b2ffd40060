import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { compile } from "../../../src/compile/index.js";
import { markovSteadyState } from "../../../src/analysis/steady-state/markov.js";
import { circulation } from "../../../src/analysis/steady-state/circulation.js";
import type { Network } from "../../../src/network/types.js";
import { REFERENCE_DIR } from "../../helpers/paths.js";

const REF = pathToFileURL(REFERENCE_DIR + "/");

function build(text: string): Network {
  const { network, diagnostics } = compile(text, "test.crn");
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return network as Network;
}

/** Relative difference; NaN (so every bound fails) when either value is missing. */
const rel = (a: number | undefined, b: number | undefined): number =>
  a === undefined || b === undefined ? NaN : b === 0 ? Math.abs(a) : Math.abs(a - b) / Math.abs(b);
/** A value that must be there: NaN (so every bound fails) when it is not. */
const num = (a: number | undefined): number => a ?? NaN;

describe("markovSteadyState on the reference networks", () => {
  for (const name of ["enso-regimes", "driven-ring"]) {
    it(`${name}: concentrations, fluxes and entropy production to 1e-6`, () => {
      const network = build(readFileSync(new URL(`${name}.crn`, REF), "utf8"));
      const ref = JSON.parse(readFileSync(new URL(`${name}.json`, REF), "utf8"));
      const expected = ref.steadyStates[0];
      const { state } = markovSteadyState(network);
      network.species.forEach((s, i) => expect(rel(state.concentrations[i], expected.concentrations[s.name])).toBeLessThan(1e-6));
      network.reactions.forEach((r, i) => expect(rel(state.fluxes[i], expected.fluxes[r.id])).toBeLessThan(1e-6));
      expect(rel(state.entropyProduction as number, expected.entropyProduction)).toBeLessThan(1e-6);
      expect(state.stable).toBe(true);
      expect(state.reached).toBe(true);
    });
  }
});

describe("markovSteadyState", () => {
  it("folds reservoir concentrations into the jump rates (mass action)", () => {
    // E → EATP at 2·[ATP] = 0.2, back at 0.1·[ADP] = 0.05: π_E = 0.05 / 0.25 = 0.2
    const net = build("reservoir ATP = 0.1, ADP = 0.5\nstate E = 1, EATP\nE + ATP <-> EATP + ADP @ 2, 0.1\n");
    const { state } = markovSteadyState(net);
    expect(rel(state.concentrations[0], 0.2)).toBeLessThan(1e-15);
    expect(rel(state.concentrations[1], 0.8)).toBeLessThan(1e-15);
    expect(rel(state.forwardRates[0], 0.04)).toBeLessThan(1e-15);
    expect(rel(state.reverseRates[0], 0.04)).toBeLessThan(1e-15);
    expect(Math.abs(num(state.fluxes[0]))).toBeLessThan(1e-17);
    expect(Math.abs(state.entropyProduction as number)).toBeLessThan(1e-15);
  });

  it("gives zero flux and entropy production for a detailed-balance network", () => {
    const net = build("state A = 1, B, C\nA <-> B @ 2, 1\nB <-> C @ 3, 1\nA <-> C @ 6, 1\n");
    const { state } = markovSteadyState(net);
    for (const j of state.fluxes) expect(Math.abs(j)).toBeLessThan(1e-15);
    expect(Math.abs(state.entropyProduction as number)).toBeLessThan(1e-15);
    const [p0, p1, p2] = state.concentrations.map(num);
    expect(num(p1) / num(p0)).toBeCloseTo(2, 14);
    expect(num(p2) / num(p0)).toBeCloseTo(6, 14);
  });

  it("reports infinite entropy production as null with a note when a one-way reaction carries flux", () => {
    const net = build("state A = 1, B\nA -> B @ 1\nB <-> A @ 2, 0.5\n");
    const r = markovSteadyState(net);
    expect(r.state.entropyProduction).toBeNull();
    expect(r.notes.join(" ")).toMatch(/infinite/);
    // balance: π_A (1 + 0.5) = 2 π_B → π_A = 4/7
    expect(r.state.concentrations[0]).toBeCloseTo(4 / 7, 15);
  });

  it("sends transient states to 0 and splits the mass between closed classes; idle pairs add 0", () => {
    // T leaks to A (rate 1) and to B (rate 3): A gets 1/4 of T's mass, B 3/4; X <-> Y never visited.
    const net = build("state T = 1, A, B, X, Y\nT -> A @ 1\nT -> B @ 3\nX <-> Y @ 1, 2\n");
    const r = markovSteadyState(net);
    expect(r.state.concentrations).toEqual([0, 0.25, 0.75, 0, 0]);
    expect(r.state.fluxes).toEqual([0, 0, 0]);
    expect(r.state.entropyProduction).toBe(0);
    expect(r.notes.join(" ")).toMatch(/transient states.*T/);
    expect(r.notes.join(" ")).toMatch(/closed classes/);
  });

  it("keeps every probability positive and relatively accurate in a stiff equilibrium ring", () => {
    // π ∝ exp(−G): G = 0, 12, 25 with rate prefactors 1e-9..1e9
    const G = [0, 12, 25];
    const [g0, g1, g2] = [0, 12, 25];
    const k = (w: number, gi: number, gj: number): string => `${w * Math.exp(-(gj - gi) / 2)}, ${w * Math.exp((gj - gi) / 2)}`;
    const net = build(`state S0 = 1, S1, S2\nS0 <-> S1 @ ${k(1e9, g0, g1)}\nS1 <-> S2 @ ${k(1e-9, g1, g2)}\nS2 <-> S0 @ ${k(1, g2, g0)}\n`);
    const { state } = markovSteadyState(net);
    const z = G.reduce((s, g) => s + Math.exp(-g), 0);
    G.forEach((g, i) => expect(rel(state.concentrations[i], Math.exp(-g) / z)).toBeLessThan(1e-12));
    for (let i = 0; i < 3; i++) expect(Math.abs(num(state.fluxes[i])) / num(state.forwardRates[i])).toBeLessThan(1e-12);
  });
});

describe("markovSteadyState: the kept factorisation (state.solver)", () => {
  it("solves yᵀ(−Q) = bᵀ on a driven ring, by hand: the Poisson equation of a 3-state ring", () => {
    // A → B → C → A at rate 2, back at 1: −Q row i = out 3 on the diagonal, −2 to the next, −1 to the previous
    const { state } = markovSteadyState(build("state A = 1, B, C\nA <-> B @ 2, 1\nB <-> C @ 2, 1\nC <-> A @ 2, 1"));
    const solver = state.solver;
    expect(solver).toBeDefined();
    if (!solver) return;
    expect(Array.from(solver.states)).toEqual([0, 1, 2]);
    const b = Float64Array.of(1, -0.5, -0.5);
    const y = solver.leftSolve(b);
    expect(y[solver.ground]).toBe(0);
    for (let j = 0; j < 3; j++) {
      const res = 3 * num(y[j]) - 2 * num(y[(j + 2) % 3]) - num(y[(j + 1) % 3]) - num(b[j]);
      expect(Math.abs(res)).toBeLessThan(1e-15);
    }
  });

  it("is absent when the law is spread over two closed classes, present when one carries it", () => {
    const two = markovSteadyState(build("state A = 1, B, C = 1, D\nA <-> B @ 1, 1\nC <-> D @ 1, 3")).state;
    expect(two.solver).toBeUndefined();
    const one = markovSteadyState(build("state A = 1, B, C, D\nA <-> B @ 1, 1\nC <-> D @ 1, 3")).state;
    expect(one.solver?.states).toEqual(Int32Array.of(0, 1));
  });
});

describe("circulation: the busiest forest", () => {
  it("reads J off the quietest edges whatever the ties (equal traffic: by index), and conserves at every state", () => {
    // a 4-ring 0→1→2→3→0 plus a diagonal 0→2; traffic ties on two edges
    const e = {
      states: 4, from: Int32Array.of(0, 1, 2, 3, 0), to: Int32Array.of(1, 2, 3, 0, 2),
      up: Float64Array.of(3, 2.5, 2, 3, 1.5), down: Float64Array.of(2, 1.5, 1, 2, 1),
    };
    // traffic 5, 4, 3, 5, 2.5: Kruskal takes 0 (5, lower index first), 3 (5), then 1 (4); chords 2 and 4
    const J = circulation(e);
    expect(J[2]).toBe(1);
    expect(J[4]).toBe(0.5);
    // conservation fixes the tree: out of 2 is J2 = 1, into 2 is J1 + J4 → J1 = 0.5; J0 = J1 = 0.5; J3 = J2 = 1
    expect(Array.from(J)).toEqual([0.5, 0.5, 1, 1, 0.5]);
    expect(num(J[0]) - num(J[3]) + num(J[4])).toBe(0); // at state 0: out J0 + J4, in J3
  });
});

/**
 * Net fluxes of mass-action steady states where forward and reverse nearly cancel (issue 10
 * item 8): a stiff linear ring against its exact rational steady state (the Markov stationary law
 * times the total), every flux to 1e-12 relative and all four agreeing; on nonlinear networks
 * S J = 0 to 1e-14 of Σ_r |S_ir J_r| per species, and J equal to Σ_c J_c c with the currents.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../../src/compile/index.js";
import { analyzeSteadyStates } from "../../../src/analysis/steady-state/index.js";
import { analyzeStructure } from "../../../src/analysis/structure/index.js";
import { analyzeCurrents } from "../../../src/analysis/currents/index.js";
import { cycleFluxes } from "../../../src/analysis/steady-state/cycle-fluxes.js";
import { mul, rational, sub, toNumber, type Rational } from "../../../src/numeric/exact/rational.js";
import type { Network } from "../../../src/network/types.js";
import type { SteadyState } from "../../../src/analysis/types.js";
import { exactRing, must } from "./exact-ring.js";

function build(text: string): Network {
  const { network, diagnostics } = compile(text, "test.crn");
  if (network === null) throw new Error(diagnostics.map((d) => d.message).join("\n"));
  return network;
}

const q = (x: bigint, y = 1n): Rational => rational(x, y);
const text = (r: Rational): string => (r.den === 1n ? `${r.num}` : `${r.num}/${r.den}`);

/** max over species of |Σ_r S_ir J_r| / Σ_r |S_ir J_r| (species with no flux skipped). */
function conservationResidual(network: Network, J: readonly number[]): number {
  const net = new Float64Array(network.species.length), size = new Float64Array(network.species.length);
  for (const r of network.reactions) {
    const j = must(J[r.index]);
    for (const [terms, sign] of [[r.reactants, -1], [r.products, 1]] as const) {
      for (const t of terms) {
        net[t.index] = must(net[t.index]) + sign * t.coefficient * j;
        size[t.index] = must(size[t.index]) + Math.abs(t.coefficient * j);
      }
    }
  }
  let worst = 0;
  for (const [i, s] of size.entries()) if (s > 0) worst = Math.max(worst, Math.abs(must(net[i])) / s);
  return worst;
}

/** max_r |J_r − Σ_c J_c c_r| / max |J|: the fluxes against the currents they are made of. */
function currentMismatch(network: Network, state: SteadyState): number {
  const currents = analyzeCurrents(network, state, { structure: analyzeStructure(network) });
  const J = must(state.netFluxes);
  const scale = Math.max(...J.map(Math.abs));
  let worst = 0;
  for (const r of network.reactions) {
    const sum = currents.cycles.reduce((s, c) => s + (c.cycle[r.index] ?? 0) * c.current, 0);
    worst = Math.max(worst, Math.abs(must(J[r.index]) - sum) / scale);
  }
  return worst;
}

describe("mass-action net fluxes where forward and reverse nearly cancel", () => {
  // X0 <-> X1 <-> X2 <-> X3 <-> X0, rates 1e-12 … 1e12 as exact decimals, driven by ln 21
  const kf = [q(10n ** 12n), q(1n, 10n ** 12n), q(3n * 10n ** 6n), q(7n)];
  const kr = [q(10n ** 12n), q(2n, 10n ** 12n), q(10n ** 6n), q(1n, 2n)];
  const lines = kf.map((f, e) => `X${e} <-> X${(e + 1) % 4} @ ${text(f)}, ${text(must(kr[e]))}`);
  const network = build(`species X0 = 1, X1, X2, X3\n${lines.join("\n")}\n`);
  // linear ring: x = (total = 1) × the stationary law of the chain
  const x = exactRing(kf, kr);
  const exactJ = kf.map((f, e) => sub(mul(must(x[e]), f), mul(must(x[(e + 1) % 4]), must(kr[e]))));
  const state = (): SteadyState => {
    const states = analyzeSteadyStates(network, analyzeStructure(network)).states;
    expect(states).toHaveLength(1);
    return must(states[0]);
  };

  it("every flux is the exact one to 1e-12 relative, and the ring's fluxes agree", () => {
    const s = state();
    const J = toNumber(must(exactJ[0]));
    for (const e of exactJ) expect(toNumber(e)).toBe(J); // a ring carries one current
    expect(J).not.toBe(0);
    x.forEach((v, i) => expect(Math.abs(must(s.concentrations[i]) - toNumber(v)) / toNumber(v)).toBeLessThan(1e-12));
    for (const fluxes of [s.fluxes, must(s.netFluxes)]) {
      fluxes.forEach((j) => expect(Math.abs(j - J) / Math.abs(J)).toBeLessThan(1e-12));
      expect((Math.max(...fluxes) - Math.min(...fluxes)) / Math.abs(J)).toBeLessThan(1e-12);
    }
    expect(currentMismatch(network, s)).toBeLessThan(4 * Number.EPSILON);
  });

  it("the direct subtraction v⁺ − v⁻ on the busiest edge loses digits the solve keeps", () => {
    const s = state();
    const J = toNumber(must(exactJ[0]));
    const direct = s.forwardRates.map((f, r) => f - must(s.reverseRates[r]));
    const worst = Math.max(...direct.map((j) => Math.abs(j - J) / Math.abs(J)));
    expect(worst).toBeGreaterThan(1e-9); // what the fix is for: without it this edge is wrong
  });

  it("reads the quietest reaction's flux and spreads it around the ring", () => {
    const none = { pairs: [], partner: Int32Array.of(-1, -1, -1) };
    const out = cycleFluxes([[1, 1, 1]], 1, [2e12 + 0.5, 1, 3], [2e12, 0.25, 2.25], none, 1e9);
    expect(out.netFluxes && [...out.netFluxes]).toEqual([0.75, 0.75, 0.75]);
    expect("pivots" in out && out.pivots).toEqual([1]);
  });

  it("no cycles: S J = 0 forces J = 0", () => {
    const none = { pairs: [], partner: Int32Array.of(-1) };
    const out = cycleFluxes([], 0, [1 + 2 ** -52], [1], none, 1e9);
    expect(out.netFluxes && [...out.netFluxes]).toEqual([0]);
  });
});

describe("nonlinear networks: S J = 0 to rounding and J = Σ_c J_c c", () => {
  const cases: Record<string, string> = {
    "futile cycle": "param kf = 2.0, kr = 0.5\nspecies A = 1.0, B\nreservoir ATP = 5e-3, ADP = 5e-4, Pi = 1e-3\nkinase: A + ATP <-> B + ADP @ kf, kr\nphosphatase: B <-> A + Pi @ 0.1, 1e-3\n",
    schlogl: "species X = 2\nreservoir A = 1, B = 1\nA + 2 X <-> 3 X @ 5.5, 1\nX <-> B @ 6.5, 2\n",
    // a fast, nearly balanced dimerisation inside a driven triangle, fed and drained
    "stiff dimer triangle": "species X = 1, Y, Z\nreservoir A = 1, B = 1\nr1: 2 X <-> Y @ 1e9, 1e9\nr2: Y <-> Z @ 1, 2\nr3: Z <-> 2 X @ 3, 1\nr4: A <-> X @ 1, 1\nr5: X <-> B @ 1, 2\n",
    // the same written as opposite one-way reactions for the fast step
    "paired dimer triangle": "species X = 1, Y, Z\nreservoir A = 1, B = 1\nr1: 2 X -> Y @ 1e9\nr1b: Y -> 2 X @ 1e9\nr2: Y <-> Z @ 1, 2\nr3: Z <-> 2 X @ 3, 1\nr4: A <-> X @ 1, 1\nr5: X <-> B @ 1, 2\n",
  };
  for (const [name, source] of Object.entries(cases)) {
    it(`${name}: every state has |S J| ≤ 1e-14 Σ |S J| per species and J = Σ_c J_c c`, () => {
      const network = build(source);
      const states = analyzeSteadyStates(network, analyzeStructure(network)).states;
      expect(states.length).toBeGreaterThan(0);
      for (const s of states) {
        expect(conservationResidual(network, must(s.netFluxes))).toBeLessThan(1e-14);
        expect(currentMismatch(network, s)).toBeLessThan(8 * Number.EPSILON);
        expect(must(s.netFluxes).some((j) => j !== 0)).toBe(true);
      }
    });
  }
});

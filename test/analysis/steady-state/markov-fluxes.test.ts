/**
 * Net fluxes of a stiff Markov ring against exact rational arithmetic: π solved exactly (Gaussian
 * elimination over rationals), J_e = π_u k_e − π_v k'_e exactly, every edge's double flux to 1e-12
 * relative and the ring's fluxes agreeing with each other (issue 10 item 8).
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../../src/compile/index.js";
import { markovSteadyState } from "../../../src/analysis/steady-state/markov.js";
import { circulation } from "../../../src/analysis/steady-state/circulation.js";
import { mul, rational, sub, toNumber, type Rational } from "../../../src/numeric/exact/rational.js";
import { exactRing, must } from "./exact-ring.js";
import type { Network } from "../../../src/network/types.js";

function build(text: string): Network {
  const { network, diagnostics } = compile(text, "test.crn");
  if (network === null) throw new Error(diagnostics.map((d) => d.message).join("\n"));
  return network;
}

const q = (x: bigint, y = 1n): Rational => rational(x, y);


describe("Markov net fluxes where forward and reverse nearly cancel", () => {
  // rates from 1e-12 to 1e12, written as exact decimals; affinity ln 3 around the ring
  const kf = [q(10n ** 12n), q(1n, 10n ** 12n), q(3n * 10n ** 6n), q(7n)];
  const kr = [q(10n ** 12n), q(2n, 10n ** 12n), q(10n ** 6n), q(1n, 2n)];
  const text = (r: Rational): string => (r.den === 1n ? `${r.num}` : `${r.num}/${r.den}`);
  const lines = kf.map((f, e) => `S${e} <-> S${(e + 1) % 4} @ ${text(f)}, ${text(must(kr[e]))}`);
  const network = build(`state S0 = 1, S1, S2, S3\n${lines.join("\n")}\n`);
  const pi = exactRing(kf, kr);
  const exactJ = kf.map((f, e) => sub(mul(must(pi[e]), f), mul(must(pi[(e + 1) % 4]), must(kr[e]))));

  it("every edge flux is the exact one to 1e-12 relative, and the ring's fluxes agree", () => {
    const { state } = markovSteadyState(network);
    const J = toNumber(must(exactJ[0]));
    for (const e of exactJ) expect(toNumber(e)).toBe(J); // a ring carries one current
    expect(J).not.toBe(0);
    state.fluxes.forEach((j) => expect(Math.abs(j - J) / Math.abs(J)).toBeLessThan(1e-12));
    const spread = Math.max(...state.fluxes) - Math.min(...state.fluxes);
    expect(spread / Math.abs(J)).toBeLessThan(1e-12);
    pi.forEach((p, i) => expect(Math.abs(must(state.concentrations[i]) - toNumber(p)) / toNumber(p)).toBeLessThan(1e-13));
  });

  it("reading J_e = π_u k − π_v k' edge by edge would lose the digits (the test can fail)", () => {
    const { state } = markovSteadyState(network);
    const J = toNumber(must(exactJ[0]));
    const naive = state.forwardRates.map((f, e) => f - must(state.reverseRates[e]));
    expect(Math.max(...naive.map((j) => Math.abs(j - J) / Math.abs(J)))).toBeGreaterThan(1e-6);
  });

  it("circulation reads each ring's current off its quietest edge", () => {
    const e = { states: 3, from: Int32Array.of(0, 1, 2), to: Int32Array.of(1, 2, 0), up: Float64Array.of(2e12 + 0.5, 1, 3), down: Float64Array.of(2e12, 0.25, 2.25) };
    expect(Array.from(circulation(e))).toEqual([0.75, 0.75, 0.75]); // edge 1: t = 1.25
  });
});

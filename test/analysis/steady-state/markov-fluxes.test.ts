/**
 * Net fluxes of a stiff Markov ring against exact rational arithmetic: π solved exactly (Gaussian
 * elimination over rationals), J_e = π_u k_e − π_v k'_e exactly, every edge's double flux to 1e-12
 * relative and the ring's fluxes agreeing with each other (issue 10 item 8).
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../../src/compile/index.js";
import { markovSteadyState } from "../../../src/analysis/steady-state/markov.js";
import { circulation } from "../../../src/analysis/steady-state/circulation.js";
import { add, div, mul, neg, ONE, rational, sub, toNumber, ZERO, type Rational } from "../../../src/numeric/exact/rational.js";
import type { Network } from "../../../src/network/types.js";

function build(text: string): Network {
  const { network, diagnostics } = compile(text, "test.crn");
  if (network === null) throw new Error(diagnostics.map((d) => d.message).join("\n"));
  return network;
}

const q = (x: bigint, y = 1n): Rational => rational(x, y);
const must = <T>(x: T | undefined): T => {
  if (x === undefined) throw new Error("missing value");
  return x;
};

/** The stationary π of an irreducible ring i → i+1 at kf[i], i+1 → i at kr[i], exactly. */
function exactRing(kf: readonly Rational[], kr: readonly Rational[]): Rational[] {
  const n = kf.length;
  // rows: π Q = 0 for states 1..n−1, and Σ π = 1; unknowns π_0..π_{n−1}
  const A: Rational[][] = Array.from({ length: n }, () => new Array<Rational>(n + 1).fill(ZERO));
  const at = (i: number, j: number): Rational => must(must(A[i])[j]);
  const set = (i: number, j: number, v: Rational): void => { must(A[i])[j] = v; };
  for (let e = 0; e < n; e++) {
    const u = e, v = (e + 1) % n, f = must(kf[e]), b = must(kr[e]);
    // outflow of u along e, inflow to v; column = the state whose balance row
    for (const [row, col, val] of [[u, u, neg(f)], [v, u, f], [v, v, neg(b)], [u, v, b]] as const) if (row > 0) set(row, col, add(at(row, col), val));
  }
  for (let j = 0; j < n; j++) set(0, j, ONE);
  set(0, n, ONE);
  for (let c = 0; c < n; c++) {
    const p = [...Array(n).keys()].find((r) => r >= c && at(r, c).num !== 0n);
    if (p === undefined) throw new Error("singular");
    [A[c], A[p]] = [must(A[p]), must(A[c])];
    for (let r = 0; r < n; r++) {
      if (r === c || at(r, c).num === 0n) continue;
      const f = must(div(at(r, c), at(c, c)));
      for (let j = c; j <= n; j++) set(r, j, sub(at(r, j), mul(f, at(c, j))));
    }
  }
  return [...Array(n).keys()].map((i) => must(div(at(i, n), at(i, i))));
}

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

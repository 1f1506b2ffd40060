/**
 * Known answers for the CME (Anderson, Craciun & Kurtz 2010): a complex-balanced network's
 * stationary law is a product of Poissons with means Ω c* restricted to the class. A ⇌ B closed
 * with N molecules is Binomial(N, k⁺/(k⁺ + k⁻)); 0 ⇌ X is Poisson(Ω k⁺/k⁻). Closed forms are
 * computed here (log-gamma free: exact recurrences), compared to 1e-10.
 */
import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/analysis/index.js";
import { analyzeCme, cmeNetwork, projectCme } from "../../../src/analysis/cme/index.js";
import { compiles } from "../../helpers/compile.js";

/** Binomial(N, p) by the ratio recurrence from P(0) = (1−p)^N. */
function binomial(N: number, p: number): number[] {
  const out = [Math.pow(1 - p, N)];
  for (let k = 1; k <= N; k++) out.push((out[k - 1] ?? 0) * ((N - k + 1) / k) * (p / (1 - p)));
  return out;
}

/** Poisson(λ) on 0..K by P(k) = P(k−1) λ/k from e^−λ. */
function poisson(lambda: number, K: number): number[] {
  const out = [Math.exp(-lambda)];
  for (let k = 1; k <= K; k++) out.push((out[k - 1] ?? 0) * (lambda / k));
  return out;
}

describe("CME known answers", () => {
  it("A <-> B closed with N molecules is binomial, to 1e-10", () => {
    // Ω = 40, A = 1 → N = 40 molecules; p = P(a molecule is A) = k⁻/(k⁺ + k⁻)
    const network = compiles("species A = 1, B = 0\nA <-> B @ 3, 2");
    const a = analyzeCme(network, { volume: 40 }, {}, analyze);
    expect(a.cme.states).toBe(41);
    expect(a.cme.cutMass).toBe(0);
    expect(a.cme.bounds.map((b) => b.by)).toEqual(["conservation", "conservation"]);
    const expected = binomial(40, 2 / 5);
    const pA = a.cme.marginals[0]!.probability;
    expect(pA.length).toBe(41);
    for (let k = 0; k <= 40; k++) expect(Math.abs((pA[k] ?? 0) - (expected[k] ?? 0))).toBeLessThan(1e-10);
    // the CME of a detailed-balanced network is detailed balanced (Kolmogorov, exactly)
    expect(a.detailedBalance.holds).toBe(true);
  });

  it("0 <-> X is Poisson(Ω k⁺/k⁻), to 1e-10", () => {
    const network = compiles("species X = 0\n0 <-> X @ 3, 0.5");
    const p = projectCme(network, { volume: 5, massTolerance: 1e-14 });
    expect(p.generator.bounds[0]!.by).toBe("mass");
    expect(p.cutMass).toBeLessThan(1e-14);
    const K = p.generator.bounds[0]!.cap;
    const expected = poisson(30, K);
    const a = analyze(cmeNetwork(p.generator));
    const pi = a.steadyStates.states[0]!.concentrations;
    // state s holds count counts[s]: compare state by state
    for (let s = 0; s < p.generator.states; s++) {
      const k = p.generator.counts[s]!;
      expect(Math.abs((pi[s] ?? 0) - (expected[k] ?? 0))).toBeLessThan(1e-10);
    }
    expect(a.detailedBalance.holds).toBe(true);
    expect(a.steadyStates.states[0]!.entropyProduction).toBeCloseTo(0, 12);
  });

  it("a product of Poissons for a complex-balanced network with two unbounded species", () => {
    // 0 <-> X, X <-> Y: deficiency zero, weakly reversible → complex balanced; c* = (2, 3)
    const network = compiles("species X, Y\n0 <-> X @ 2, 1\nX <-> Y @ 1.5, 1");
    const p = projectCme(network, { volume: 3, massTolerance: 1e-13 });
    const a = analyze(cmeNetwork(p.generator));
    const pi = a.steadyStates.states[0]!.concentrations;
    const capX = p.generator.bounds[0]!.cap, capY = p.generator.bounds[1]!.cap;
    const px = poisson(6, capX), py = poisson(9, capY);
    let worst = 0;
    for (let s = 0; s < p.generator.states; s++) {
      const x = p.generator.counts[2 * s]!, y = p.generator.counts[2 * s + 1]!;
      worst = Math.max(worst, Math.abs((pi[s] ?? 0) - (px[x] ?? 0) * (py[y] ?? 0)));
    }
    expect(worst).toBeLessThan(1e-10);
  });

  it("Schlögl at Ω = 50 is the birth–death closed form, bimodal, with modes at the stable deterministic states", () => {
    const network = compiles("species X = 2\nreservoir A = 1, B = 1\nA + 2 X <-> 3 X @ 5.5, 1\nX <-> B @ 6.5, 2");
    const W = 50;
    const a = analyzeCme(network, { volume: W }, {}, analyze);
    const p = a.cme.marginals[0]!.probability;
    // birth λ(x) = 5.5 x(x−1)/Ω + 2Ω, death μ(x) = x(x−1)(x−2)/Ω² + 6.5 x: π(x+1)/π(x) = λ(x)/μ(x+1)
    const lambda = (x: number) => (5.5 * x * (x - 1)) / W + 2 * W;
    const mu = (x: number) => (x * (x - 1) * (x - 2)) / (W * W) + 6.5 * x;
    const exact = [1];
    for (let x = 0; x + 1 < p.length; x++) exact.push((exact[x] ?? 0) * (lambda(x) / mu(x + 1)));
    const total = exact.reduce((u, v) => u + v, 0);
    for (let x = 0; x < p.length; x++) expect(Math.abs((p[x] ?? 0) - (exact[x] ?? 0) / total)).toBeLessThan(1e-10);
    const modes = a.cme.marginals[0]!.modes.slice().sort((x, y) => x - y);
    expect(modes.length).toBe(2);
    // stable states X = 0.5 and 4 (the cubic −(X − 0.5)(X − 1)(X − 4)): counts 25 and 200, each mode
    // within one Poisson standard deviation √(Ω c*) of it (the CME's modes shift by O(1) counts)
    expect(Math.abs(modes[0]! - 25)).toBeLessThanOrEqual(Math.sqrt(25));
    expect(Math.abs(modes[1]! - 200)).toBeLessThanOrEqual(Math.sqrt(200));
    expect(a.detailedBalance.holds).toBe(false);
    expect(a.cme.cutMass).toBeLessThan(1e-10);
  });
});

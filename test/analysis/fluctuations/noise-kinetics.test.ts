/**
 * The linear noise approximation against its closed forms (a birth–death process: variance =
 * mean/Ω, Poisson; A ⇌ B closed: the binomial variance), and Markov kinetics against birth–death
 * closed forms: mean first-passage times (sum over the ladder), committors of a chain with
 * arbitrary symmetric conductances (a resistor network: q_i = Σ_{e<i} 1/c_e / Σ_e 1/c_e) on
 * 100 000 states, the two-state relaxation rate u + w.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compiles } from "../../helpers/compile.js";
import { analyze } from "../../../src/analysis/index.js";
import { committor, jumps, lnaCovariance, lyapunov, markovKinetics, meanFirstPassage, type Jumps } from "../../../src/analysis/fluctuations/index.js";

const rates = fc.double({ min: 0.1, max: 10, noNaN: true });

describe("linear noise approximation", () => {
  it("0 -> X -> 0: the variance is mean / Ω", () => {
    fc.assert(fc.property(rates, rates, fc.double({ min: 1, max: 1e4, noNaN: true }), (k, g, omega) => {
      const net = compiles(`species X\nmake: 0 -> X @ ${k}\ndecay: X -> 0 @ ${g}`);
      const c = lnaCovariance(net, [k / g], omega)!;
      expect(c.covariance[0]![0]!).toBeCloseTo(k / g / omega, 12);
    }), { numRuns: 30 });
  });

  it("A <-> B closed: the binomial variance c_A c_B / (c_tot Ω), with Cov(A, B) = −Var A", () => {
    fc.assert(fc.property(rates, rates, fc.double({ min: 0.1, max: 10, noNaN: true }), fc.double({ min: 1, max: 1e4, noNaN: true }), (kf, kr, total, omega) => {
      const net = compiles(`species A = ${total}, B\nr: A <-> B @ ${kf}, ${kr}`);
      const a = total * kr / (kf + kr), b = total * kf / (kf + kr);
      const c = lnaCovariance(net, [a, b], omega)!;
      const binomial = (a * b) / (total * omega);
      expect(Math.abs(c.covariance[0]![0]! - binomial)).toBeLessThanOrEqual(1e-12 * binomial);
      expect(Math.abs(c.covariance[0]![1]! + binomial)).toBeLessThanOrEqual(1e-12 * binomial);
    }), { numRuns: 30 });
  });

  it("the analysis takes the volume from the file or the option, at each stable steady state", () => {
    const text = "volume 200\nspecies X\nmake: 0 -> X @ 3\ndecay: X -> 0 @ 1.5";
    const fromFile = analyze(compiles(text)).fluctuations!.linearNoise!;
    expect(fromFile.volume).toBe(200);
    expect(fromFile.states[0]!.covariance[0]![0]!).toBeCloseTo(2 / 200, 12);
    const fromOption = analyze(compiles(text), { volume: 50 }).fluctuations!.linearNoise!;
    expect(fromOption.states[0]!.covariance[0]![0]!).toBeCloseTo(2 / 50, 12);
  });

  it("lyapunov solves A X + X Aᵀ + Q = 0", () => {
    const A = [[-2, 1], [0.5, -3]], Q = [[1, 0.2], [0.2, 2]];
    const X = lyapunov(A, Q)!;
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) {
      let s = Q[i]![j]!;
      for (let k = 0; k < 2; k++) s += A[i]![k]! * X[k]![j]! + X[i]![k]! * A[j]![k]!;
      expect(Math.abs(s)).toBeLessThan(1e-14);
    }
  });
});

/** A birth–death chain of n states: i → i+1 at u[i], i+1 → i at w[i]. */
function ladder(u: readonly number[], w: readonly number[]): Jumps {
  const n = u.length + 1, m = 2 * u.length;
  const from = new Int32Array(m), to = new Int32Array(m), rate = new Float64Array(m);
  u.forEach((x, i) => {
    from[2 * i] = i; to[2 * i] = i + 1; rate[2 * i] = x;
    from[2 * i + 1] = i + 1; to[2 * i + 1] = i; rate[2 * i + 1] = w[i]!;
  });
  return { states: n, from, to, rate, reaction: new Int32Array(m), sign: new Int8Array(m).fill(1) };
}

describe("Markov kinetics", () => {
  it("mean first-passage time 0 → n of a birth–death chain: Σ_k (1 / (u_k π_k)) Σ_{j ≤ k} π_j", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 30 }).chain((n) => fc.tuple(fc.array(rates, { minLength: n, maxLength: n }), fc.array(rates, { minLength: n, maxLength: n }))), ([u, w]) => {
      const n = u.length;
      const pi = [1];
      for (let k = 0; k < n; k++) pi.push(pi[k]! * u[k]! / w[k]!);
      let closed = 0, below = 0;
      for (let k = 0; k < n; k++) { below += pi[k]!; closed += below / (u[k]! * pi[k]!); }
      const start = new Float64Array(n + 1); start[0] = 1;
      const t = meanFirstPassage(ladder(u, w), [n], start)!;
      expect(Math.abs(t - closed)).toBeLessThanOrEqual(1e-10 * closed);
    }), { numRuns: 40 });
  });

  it("the committor of a 100 000-state chain with symmetric conductances is the resistor-network ratio", () => {
    const n = 100_000;
    const c = Array.from({ length: n - 1 }, (_, i) => 1 + 0.5 * Math.sin(i * 0.37));
    const j = ladder(c, c);
    const pi = new Float64Array(n).fill(1 / n); // symmetric rates: the uniform law is stationary
    const q = committor(j, [0], [n - 1], pi)!;
    let total = 0;
    for (const x of c) total += 1 / x;
    let acc = 0, worst = 0;
    for (let i = 0; i < n; i++) {
      worst = Math.max(worst, Math.abs(q[i]! - acc / total));
      if (i < n - 1) acc += 1 / c[i]!;
    }
    expect(worst).toBeLessThan(1e-9);
  });

  it("a two-state chain relaxes at u + w; first passages 1/u and 1/w; reactive flux π_A u", () => {
    const j = jumps(compiles("state A = 1, B\nr: A <-> B @ 3, 1"))!;
    const pi = [0.25, 0.75];
    const k = markovKinetics(j, pi, { maxSpectrumStates: 10, maxSparseSpectrumStates: 0, maxKineticsStates: 10, spectrumModes: 10 });
    expect(k.relaxationRates![0]!).toBeCloseTo(4, 12);
    expect(k.setA).toEqual([1]);
    expect(k.mfptAB!).toBeCloseTo(1, 12); // from B (most probable) to A at rate 1
    expect(k.mfptBA!).toBeCloseTo(1 / 3, 12);
    expect(k.reactiveFlux!).toBeCloseTo(0.75 * 1, 12);
  });
});

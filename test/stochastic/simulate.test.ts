/**
 * The simulators against closed forms: a driven three-state ring's stationary law (the matrix-tree
 * theorem), its current and σ; the Poisson law of a mass-action birth–death process; the
 * combinatorial propensity of 2 A.
 */
import { describe, expect, it } from "vitest";
import { channelSystem, countStats, initialCounts, propensity, runCounts } from "../../src/stochastic/mass-action.js";
import { emptyStats, jumpChain, runChain } from "../../src/stochastic/markov.js";
import { Xoshiro128 } from "../../src/stochastic/random.js";
import { simulate } from "../../src/stochastic/simulate.js";
import { chiSquareQuantile } from "../../src/stochastic/stats.js";
import { compiles } from "../helpers/compile.js";

// A → B → C → A at 2, 3, 4; every reverse at 1
const RING = "state A = 1, B, C\nab: A <-> B @ 2, 1\nbc: B <-> C @ 3, 1\nca: C <-> A @ 4, 1\n";
const k = { AB: 2, BA: 1, BC: 3, CB: 1, CA: 4, AC: 1 };
// trees directed into each state (Kirchhoff): π_A ∝ k_BA k_CA + k_BC k_CA + k_CB k_BA, …
const w = [k.BA * k.CA + k.BC * k.CA + k.CB * k.BA, k.AB * k.CB + k.AC * k.CB + k.CA * k.AB, k.AC * k.BC + k.AB * k.BC + k.BA * k.AC];
const Z = w.reduce((a, b) => a + b, 0);
const PI = w.map((x) => x / Z);
const J = PI[0]! * k.AB - PI[1]! * k.BA;
const SIGMA = J * Math.log((k.AB * k.BC * k.CA) / (k.BA * k.CB * k.AC));

describe("Markov simulation", () => {
  it("samples the exact stationary law (χ² on independent end states, fixed seed)", () => {
    const chain = jumpChain(compiles(RING))!;
    const counts = [0, 0, 0];
    const runs = 20000;
    for (let r = 0; r < runs; r++) {
      const stats = emptyStats(chain);
      // time 10: the slowest relaxation rate of this ring is above 5, so the start is forgotten to e^-50
      runChain(chain, 0, 0, { time: 10, events: Infinity }, new Xoshiro128(11, r), stats);
      counts[stats.state]!++;
    }
    const chi2 = counts.reduce((s, c, i) => s + (c - runs * PI[i]!) ** 2 / (runs * PI[i]!), 0);
    expect(chi2).toBeLessThan(chiSquareQuantile(0.999, 2));
  });

  it("converges in occupation, current and σ along one long run", () => {
    const net = compiles(RING);
    const sim = simulate(net, { time: Infinity, events: 2_000_000, seed: 5, runs: 1, volume: 1 });
    if (sim.kind !== "markov") throw new Error("expected a Markov simulation");
    const e = sim.pooled.estimates;
    e.occupation.forEach((p, i) => expect(Math.abs(p - PI[i]!)).toBeLessThan(0.003));
    for (const c of e.currents) expect(Math.abs(c / J - 1)).toBeLessThan(0.02);
    expect(Math.abs(e.entropyProduction / SIGMA - 1)).toBeLessThan(0.02);
  });

  it("is the same trajectory from the same seed", () => {
    const chain = jumpChain(compiles(RING))!;
    const a = emptyStats(chain), b = emptyStats(chain);
    runChain(chain, 0, 0, { time: Infinity, events: 1000 }, new Xoshiro128(3), a);
    runChain(chain, 0, 0, { time: Infinity, events: 1000 }, new Xoshiro128(3), b);
    expect(a.time).toBe(b.time);
    expect(Array.from(a.fired)).toEqual(Array.from(b.fired));
  });
});

describe("mass-action simulation", () => {
  it("gives Poisson counts for birth and death (mean and χ² against the Poisson law)", () => {
    // S <-> A with [S] = 1: birth at 5 Ω, death at 1 per molecule: Poisson(5 Ω) at stationarity
    const net = compiles("species A = 0\nreservoir S = 1\nS <-> A @ 5, 1\n");
    const omega = 2, lambda = 10;
    const sys = channelSystem(net, omega);
    const runs = 6000;
    const hist = new Map<number, number>();
    let sum = 0;
    for (let r = 0; r < runs; r++) {
      const stats = countStats(sys, initialCounts(net, omega));
      runCounts(sys, 0, { time: 12, events: Infinity }, new Xoshiro128(21, r), stats);
      const n = stats.counts[0]!;
      sum += n;
      hist.set(n, (hist.get(n) ?? 0) + 1);
    }
    expect(Math.abs(sum / runs - lambda)).toBeLessThan(5 * Math.sqrt(lambda / runs));
    // χ² over bins 0..4 | 5 … 15 | ≥ 16
    const pmf = (n: number) => Math.exp(-lambda + n * Math.log(lambda) - lgam(n + 1));
    const bins: [number, number][] = [[0, 4], ...Array.from({ length: 11 }, (_, i) => [5 + i, 5 + i] as [number, number]), [16, 200]];
    let chi2 = 0;
    for (const [a, b] of bins) {
      let p = 0, o = 0;
      for (let n = a; n <= b; n++) {
        p += pmf(n);
        o += hist.get(n) ?? 0;
      }
      chi2 += (o - runs * p) ** 2 / (runs * p);
    }
    expect(chi2).toBeLessThan(chiSquareQuantile(0.999, bins.length - 1));
  });

  it("fires 2 A at k n (n − 1) / Ω and folds reservoirs in as concentrations", () => {
    const net = compiles("species A = 5, B = 0\nreservoir E = 3\ndimer: 2 A -> B @ 0.7\ncat: A + E -> B @ 2\n");
    const sys = channelSystem(net, 4);
    const n = Float64Array.of(20, 0);
    expect(propensity(sys, 0, n)).toBeCloseTo((0.7 * 20 * 19) / 4, 12);
    // A + E at [E] = 3: first order in A: 2 · 3 · n
    expect(propensity(sys, 1, n)).toBeCloseTo(2 * 3 * 20, 12);
    expect(Array.from(initialCounts(net, 4))).toEqual([20, 0]);
  });
});

function lgam(n: number): number {
  let s = 0;
  for (let i = 2; i < n; i++) s += Math.log(i);
  return s;
}

/**
 * Current statistics against closed forms: Derrida's J and D of a periodic N-state chain
 * (J. Stat. Phys. 31 (1983) 433; in the notation of Kolomeisky & Fisher, Annu. Rev. Phys. Chem.
 * 58 (2007) 675, eqs. 5–8) implemented here independently; the myosin-V two-state figures of the
 * issue (Kolomeisky & Fisher, Biophys. J. 84 (2003) 1642); and properties on random rings.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compiles } from "../../helpers/compile.js";
import { analyze } from "../../../src/analysis/index.js";
import { analyzeFluctuations, entropyIncrements, increments, jumps, meanDiffusion, scgf } from "../../../src/analysis/fluctuations/index.js";
import type { MeasuredCurrent, Network } from "../../../src/network/types.js";
import { add, bigRatio, div, mul, ONE, rational, sub, ZERO, type Rational } from "../../../src/numeric/exact/rational.js";

/** Derrida's closed forms: u_j forward from j to j+1, w_j backward from j to j−1, period d. */
function derrida(u: readonly number[], w: readonly number[], d = 1): { v: number; D: number } {
  const N = u.length;
  const U = (j: number) => u[((j % N) + N) % N]!, W = (j: number) => w[((j % N) + N) % N]!;
  const rOf = (j: number) => {
    let s = 1;
    for (let k = 1; k < N; k++) {
      let p = 1;
      for (let i = 1; i <= k; i++) p *= W(j + i) / U(j + i);
      s += p;
    }
    return s / U(j);
  };
  const sOf = (j: number) => {
    let t = 1;
    for (let k = 1; k < N; k++) {
      let p = 1;
      for (let i = 1; i <= k; i++) p *= W(j + 1 - i) / U(j - i);
      t += p;
    }
    return t / U(j);
  };
  const rs = Array.from({ length: N }, (_, j) => rOf(j)), ss = Array.from({ length: N }, (_, j) => sOf(j));
  const r = (j: number) => rs[j % N]!, s = (j: number) => ss[j % N]!;
  let R = 0, prod = 1, S = 0, UN = 0;
  for (let j = 0; j < N; j++) {
    R += r(j);
    prod *= W(j) / U(j);
    let inner = 0;
    for (let k = 0; k < N; k++) inner += (k + 1) * r(k + j + 1);
    S += s(j) * inner;
    UN += U(j) * r(j) * s(j);
  }
  const v = (d / R) * (1 - prod);
  return { v, D: (d / N) * ((v * S + d * UN) / (R * R) - ((N + 2) * v) / 2) };
}

/** The exact value of a double as a rational. */
function exactly(x: number): Rational {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0), e = Number((bits >> 52n) & 0x7ffn);
  const m = (bits & ((1n << 52n) - 1n)) | (e === 0 ? 0n : 1n << 52n), shift = (e || 1) - 1075;
  return shift >= 0 ? rational(m << BigInt(shift)) : rational(m, 1n << BigInt(-shift));
}

/** Derrida's closed forms (as derrida above) in exact rational arithmetic on the doubles given. */
function derridaExact(uu: readonly number[], ww: readonly number[]): { v: number; D: number } {
  const N = uu.length, u = uu.map(exactly), w = ww.map(exactly);
  const q = (a: Rational, b: Rational): Rational => div(a, b)!;
  const U = (j: number) => u[((j % N) + N) % N]!, W = (j: number) => w[((j % N) + N) % N]!;
  const rOf = (j: number): Rational => {
    let s = ONE;
    for (let k = 1; k < N; k++) {
      let p = ONE;
      for (let i = 1; i <= k; i++) p = mul(p, q(W(j + i), U(j + i)));
      s = add(s, p);
    }
    return q(s, U(j));
  };
  const sOf = (j: number): Rational => {
    let t = ONE;
    for (let k = 1; k < N; k++) {
      let p = ONE;
      for (let i = 1; i <= k; i++) p = mul(p, q(W(j + 1 - i), U(j - i)));
      t = add(t, p);
    }
    return q(t, U(j));
  };
  const rs = Array.from({ length: N }, (_, j) => rOf(j)), ss = Array.from({ length: N }, (_, j) => sOf(j));
  let R = ZERO, prod = ONE, S = ZERO, UN = ZERO;
  for (let j = 0; j < N; j++) {
    R = add(R, rs[j]!);
    prod = mul(prod, q(W(j), U(j)));
    let inner = ZERO;
    for (let k = 0; k < N; k++) inner = add(inner, mul(rational(BigInt(k + 1)), rs[(k + j + 1) % N]!));
    S = add(S, mul(ss[j]!, inner));
    UN = add(UN, mul(U(j), mul(rs[j]!, ss[j]!)));
  }
  const v = q(sub(ONE, prod), R);
  const D = mul(rational(1n, BigInt(N)), sub(q(add(mul(v, S), UN), mul(R, R)), mul(rational(BigInt(N + 2), 2n), v)));
  return { v: bigRatio(v.num, v.den), D: bigRatio(D.num, D.den) };
}

/** A ring of N states s0 … s(N−1), transition t_j: s_j <-> s_{j+1} @ u_j, w_{j+1}. */
function ring(u: readonly number[], w: readonly number[]): Network {
  const N = u.length;
  const states = Array.from({ length: N }, (_, i) => `s${i}`);
  const lines = [`state ${states.map((s, i) => (i === 0 ? `${s} = 1` : s)).join(", ")}`];
  for (let j = 0; j < N; j++) lines.push(`t${j}: s${j} <-> s${(j + 1) % N} @ ${u[j]!.toExponential(17)}, ${w[(j + 1) % N]!.toExponential(17)}`);
  return compiles(lines.join("\n"));
}

const spanOf = { file: "t", offset: 0, line: 1, column: 1, length: 1 };
function withCurrent(network: Network, weights: MeasuredCurrent["weights"], step: number | null = null): Network {
  return { ...network, currents: [{ name: "steps", weights, step: step === null ? null : { value: step, unit: "nm" }, span: spanOf }] };
}

function fluctuationsOf(network: Network) {
  const a = analyze(network);
  const state = a.steadyStates.states.find((s) => s.reached) ?? null;
  return analyzeFluctuations(network, { state, states: a.steadyStates.states, currents: a.currents, cycleCount: a.structure.cycleCount });
}

const rates = fc.double({ min: 0.05, max: 20, noNaN: true });

describe("current statistics of a periodic chain", () => {
  it("reproduces the myosin-V figures (F = 0, [ATP] = 20 µM): v = 232.615 nm/s, D = 2105.93 nm²/s, r = 0.50296", () => {
    // u0 = k1 [ATP] = 0.7 · 20, u1 = k2 = 12, backward k3 = 5e-6 (1 → 0), k4 = 6e-6 (0 → 1 of the previous period)
    const net = compiles("state M0 = 1, M1\nreservoir ATP = 20\nbind: M0 + ATP <-> M1 @ 0.7, 5e-6\nstroke: M1 <-> M0 @ 12, 6e-6");
    const f = fluctuationsOf(withCurrent(net, [{ reaction: 1, weight: 1 }], 36));
    const c = f.currents[0]!;
    const closed = derrida([14, 12], [6e-6, 5e-6], 36);
    expect(closed.v).toBeCloseTo(232.615, 3);
    expect(closed.D).toBeCloseTo(2105.93, 2);
    expect(c.velocity!).toBeCloseTo(closed.v, 9);
    expect(c.diffusionLength!).toBeCloseTo(closed.D, 8);
    expect(c.randomness!).toBeCloseTo((2 * closed.D) / (closed.v * 36), 12);
    expect(c.randomness!).toBeCloseTo(0.50296, 5);
  });

  it("J and D of rings of 2 to 7 states with arbitrary rates agree with Derrida's closed forms to 1e-10", () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 7 }).chain((N) => fc.tuple(fc.array(rates, { minLength: N, maxLength: N }), fc.array(rates, { minLength: N, maxLength: N }))), ([u, w]) => {
      const net = ring(u, w);
      const j = jumps(net)!;
      const pi = analyze(net).steadyStates.states[0]!.concentrations;
      const md = meanDiffusion(j, increments(j, [{ reaction: u.length - 1, weight: 1 }]), pi);
      const closed = derrida(u, w);
      expect(Math.abs(md.mean - closed.v)).toBeLessThanOrEqual(1e-10 * Math.max(1, Math.abs(closed.v)));
      expect(Math.abs(md.diffusion! - closed.D)).toBeLessThanOrEqual(1e-10 * closed.D);
    }), { numRuns: 60 });
  });

  it("a ring near stall behind a bottleneck (gross flow 10⁶ × J and D, the case that made the property above flaky): every transition's count has the exact J and D", () => {
    // found by fast-check (seed 11); the sums Σ π w g and Σ π w g² + 2 e·h lost 3·10⁻¹⁰ here
    const u = [2.8382479325043315, 0.0500000000000001, 0.15547851759051912, 7.086640066089715, 13.98709308917173, 19.999999999999975, 0.957953843855285];
    const w = [19.999999999999968, 14.730206835683683, 15.853295173018129, 17.271048659973566, 0.05633456494567383, 0.050000000000000114, 0.050000000000000044];
    const net = ring(u, w);
    const j = jumps(net)!;
    const pi = analyze(net).steadyStates.states[0]!.concentrations;
    const exact = derridaExact(u, w);
    expect(Math.abs(derrida(u, w).D - exact.D) / exact.D).toBeLessThan(1e-12);
    // counts of different transitions of a ring differ by a bounded term: the same J and D; D is a sum
    // of non-negative terms (to rounding of the solve), J still a sum of signed terms π w g̃ of size J g̃
    for (let t = 0; t < u.length; t++) {
      const md = meanDiffusion(j, increments(j, [{ reaction: t, weight: 1 }]), pi);
      expect(Math.abs(md.mean - exact.v) / exact.v).toBeLessThan(1e-10);
      expect(Math.abs(md.diffusion! - exact.D) / exact.D).toBeLessThan(1e-12);
    }
  });

  it("reuses the steady state's factorisation when it has one, with the same J and D", () => {
    const N = 400;
    const u = Array.from({ length: N }, (_, i) => 1 + 0.5 * Math.sin(i)), w = Array.from({ length: N }, (_, i) => 0.7 + 0.3 * Math.cos(3 * i));
    const net = ring(u, w);
    const j = jumps(net)!;
    const state = analyze(net).steadyStates.states[0]!;
    expect(state.solver).toBeDefined();
    const g = increments(j, [{ reaction: 0, weight: 1 }]);
    const reused = meanDiffusion(j, g, state.concentrations, { solver: state.solver! });
    const own = meanDiffusion(j, g, state.concentrations);
    expect(reused.method).toContain("stationary solve's factorisation");
    expect(own.method).toContain("factorised once");
    expect(Math.abs(reused.diffusion! - own.diffusion!) / own.diffusion!).toBeLessThan(1e-12);
    expect(Math.abs(reused.mean - own.mean) / own.mean).toBeLessThan(1e-12);
  });

  it("a ring of 400 states (sparse elimination) still matches Derrida's closed form", () => {
    const N = 400;
    const u = Array.from({ length: N }, (_, i) => 1 + 0.5 * Math.sin(i)), w = Array.from({ length: N }, (_, i) => 0.7 + 0.3 * Math.cos(3 * i));
    const net = ring(u, w);
    const j = jumps(net)!;
    const pi = analyze(net).steadyStates.states[0]!.concentrations;
    const md = meanDiffusion(j, increments(j, [{ reaction: 0, weight: 1 }]), pi);
    const closed = derrida(u, w);
    expect(md.method).toContain("sparse");
    expect(Math.abs(md.diffusion! - closed.D) / closed.D).toBeLessThan(1e-9);
  });

  it("λ(s) has λ(0) = 0, λ'(0) = J and λ''(0) = 2D (differences of the eigenvalue, to rounding of the differences)", () => {
    const net = ring([2, 1.5, 3], [0.5, 1, 0.25]);
    const j = jumps(net)!;
    const g = increments(j, [{ reaction: 0, weight: 1 }]);
    const pi = analyze(net).steadyStates.states[0]!.concentrations;
    const md = meanDiffusion(j, g, pi);
    const h = 1e-3;
    const [lm, l0, lp] = scgf(j, g, [-h, 0, h]) as number[];
    expect(Math.abs(l0!)).toBeLessThan(1e-12);
    expect((lp! - lm!) / (2 * h)).toBeCloseTo(md.mean, 6);
    expect((lp! - 2 * l0! + lm!) / (h * h)).toBeCloseTo(2 * md.diffusion!, 4);
  });
});

describe("bounds and symmetries on random rings", () => {
  it("D > 0 for the cycle current and D = A² D_cycle for the entropy current, D σ / J² ≥ 1 (TUR), and Gallavotti–Cohen λ(s) = λ(−1 − s) for the entropy current and λ(s) = λ(−A − s) for the cycle current", () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 6 }).chain((N) => fc.tuple(fc.array(rates, { minLength: N, maxLength: N }), fc.array(rates, { minLength: N, maxLength: N }))), ([u, w]) => {
      const f = fluctuationsOf(ring(u, w));
      // a ring has one cycle: the entropy current is A times the winding number plus a bounded
      // term (ln of the π ratio between where it starts and ends), so D_σ = A² D_cycle exactly,
      // A = Σ_j ln(u_j / w_{j+1}); at equilibrium (A = 0, which the generator can draw) D_σ = 0.
      // Rounding: each a_j = ln(u_j / w_{j+1}) is off by about ε (1 + |a_j|), in ness's increments
      // as in A here, so A is known to δA = 4ε Σ_j (1 + |a_j|) and A² D to 2(|A| + δA) δA D; and
      // D_σ sums terms of size a² · flow, so its own rounding is ~ ε a² G (G the gross rate).
      const N = u.length;
      const logs = u.map((x, j) => Math.log(x / w[(j + 1) % N]!));
      const A = logs.reduce((sum, a) => sum + a, 0);
      const dA = 4 * Number.EPSILON * logs.reduce((sum, a) => sum + 1 + Math.abs(a), 0);
      const gross = u.reduce((sum, x, i) => sum + x + (w[i] ?? 0), 0);
      const cycle = f.currents.find((c) => c.kind === "cycle")!, entropy = f.currents.find((c) => c.kind === "entropy")!;
      expect(cycle.diffusion!).toBeGreaterThan(0);
      const expected = A * A * cycle.diffusion!;
      const allowed = 1e-9 * expected + 2 * (Math.abs(A) + dA) * dA * cycle.diffusion! + 64 * Number.EPSILON * Math.max(...logs.map((a) => a * a)) * gross;
      expect(Math.abs(entropy.diffusion! - expected)).toBeLessThanOrEqual(allowed);
      for (const c of f.currents) {
        // near equilibrium J and σ are small differences of gross flows: the ratio carries ~ε G/|J|
        if (c.uncertaintyRatio !== null) {
          expect(c.uncertaintyRatio).toBeGreaterThanOrEqual(1 - 1e-9 - 64 * Number.EPSILON * gross / Math.abs(c.mean));
        }
        expect(c.gallavottiCohen).not.toBeNull();
        expect(c.gallavottiCohen!.defect!).toBeLessThan(1e-8);
      }
      expect(f.currents.map((c) => c.kind)).toEqual(["cycle", "entropy"]);
      // at equilibrium every J is 0 and D σ / J² is 0/0: no current to judge, said as null
      expect(f.turHolds).toBe(f.currents.every((c) => c.uncertaintyRatio === null) ? null : true);
    }), { numRuns: 200, examples: [[[[0.05, 0.05], [0.05, 0.05]]], [[[19.999999999998316, 0.05], [19.999999999996593, 0.050000000000000065]]]] }); // two draws at or next to equilibrium (A = 0, A ≈ 8e-14)
  });

  it("the symmetry holds exactly (characteristic polynomials in rationals) for rational rates, and fails for a current that is not the cycle's", () => {
    const net = compiles("state A = 1, B, C\nt0: A <-> B @ 2, 1\nt1: B <-> C @ 3, 1/2\nt2: C <-> A @ 1, 5");
    const f = fluctuationsOf(net);
    for (const c of f.currents) expect(c.gallavottiCohen!.exact).toBe(true);
    // counting t0 twice per turn: k = 2, the exact check does not apply (e^{−A/2} is not rational)
    const twice = fluctuationsOf(withCurrent(net, [{ reaction: 0, weight: 2 }]));
    expect(twice.currents[0]!.gallavottiCohen!.exact).toBeNull();
  });

  it("at detailed balance the entropy current has J = 0 and D = 0 (N_t = ln π(X_0)/π(X_t) is bounded), not rounding", () => {
    // the ratios around the cycle multiply to 1: 2 · 3 · 1 = 1 · 1 · 6
    const net = compiles("state A = 1, B, C\nt0: A <-> B @ 2, 1\nt1: B <-> C @ 3, 1\nt2: C <-> A @ 1, 6");
    const entropy = fluctuationsOf(net).currents.find((c) => c.kind === "entropy")!;
    expect(entropy.mean).toBe(0);
    expect(entropy.diffusion).toBe(0);
    expect(entropy.fano).toBeNull();
    expect(entropy.uncertaintyRatio).toBeNull();
  });

  it("the entropy current's mean is σ", () => {
    const net = ring([2, 1.5, 3, 0.7], [0.5, 1, 0.25, 2]);
    const a = analyze(net);
    const j = jumps(net)!;
    const md = meanDiffusion(j, entropyIncrements(net, j), a.steadyStates.states[0]!.concentrations);
    expect(md.mean).toBeCloseTo(a.steadyStates.states[0]!.entropyProduction!, 12);
  });
});

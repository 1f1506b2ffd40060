/**
 * The sparse relaxation spectrum (shift-invert Arnoldi) against closed forms at large size:
 * a driven uniform ring of 10⁵ states (λ_j = k(e^{iφ_j} − 1) + k'(e^{−iφ_j} − 1), φ_j = 2πj/N),
 * the symmetric random walk on a path of 10⁵ states (λ_j = −2k(1 − cos(πj/N)) = −4k sin²(πj/2N)),
 * the M/M/∞ queue truncated far out (λ_j = −jμ; its law spans 280 orders of magnitude), a torus
 * (path × driven ring) whose eigenvalues are sums, and the dense eigenvalues of a random chain.
 */
import { describe, expect, it } from "vitest";
import { compiles } from "../../helpers/compile.js";
import { analyze } from "../../../src/analysis/index.js";
import { relaxationSpectrum, type Jumps } from "../../../src/analysis/fluctuations/index.js";
import { eigenvalues } from "../../../src/numeric/continuous/eigen.js";
import { stationaryDistribution } from "../../../src/numeric/markov/stationary.js";
import { mulberry32 } from "../../../src/numeric/random.js";

type Mode = { re: number; im: number };

function chain(n: number, edges: readonly (readonly [number, number, number])[]): Jumps {
  const m = edges.length;
  return {
    states: n, from: Int32Array.from(edges, (e) => e[0]), to: Int32Array.from(edges, (e) => e[1]), rate: Float64Array.from(edges, (e) => e[2]),
    reaction: Int32Array.from({ length: m }, (_, e) => e), sign: new Int8Array(m).fill(1),
  };
}

/** π and the steady state's factorised generator, as the Markov steady state makes them. */
function stationary(j: Jumps) {
  const st = stationaryDistribution(j.states, j.from, j.to, j.rate, Float64Array.from({ length: j.states }, (_, i) => (i === 0 ? 1 : 0)), { keepSolver: true });
  const solver = st.classes.find((c) => c.mass > 0)?.solver;
  return { pi: st.pi, solver };
}

const slowestFirst = (a: Mode, b: Mode): number => b.re - a.re || b.im - a.im;
/** 1 − cos x without cancellation. */
const versine = (x: number): number => 2 * Math.sin(x / 2) ** 2;

function expectModes(found: readonly Mode[], exact: Mode[], tol: number): void {
  exact.sort(slowestFirst);
  expect(found).toHaveLength(exact.length);
  found.forEach((m, k) => {
    const e = exact[k]!;
    expect(Math.hypot(m.re - e.re, m.im - e.im)).toBeLessThanOrEqual(tol * Math.hypot(e.re, e.im));
  });
}

describe("relaxation spectrum by shift-invert Arnoldi", () => {
  it("a driven ring of 100 000 states: the three slowest complex pairs", () => {
    const N = 100_000, k = 2, kb = 0.5;
    const edges: [number, number, number][] = [];
    for (let i = 0; i < N; i++) edges.push([i, (i + 1) % N, k], [(i + 1) % N, i, kb]);
    const j = chain(N, edges);
    const { pi, solver } = stationary(j);
    const r = relaxationSpectrum(j, pi, { modes: 6, solver: solver! })!;
    expect(r.converged).toBe(true);
    expect(r.method).toContain("stationary solve's factorisation");
    const exact = [1, 2, 3].flatMap((q) => {
      const phi = (2 * Math.PI * q) / N;
      return [1, -1].map((s) => ({ re: -(k + kb) * versine(phi), im: s * (k - kb) * Math.sin(phi) }));
    });
    expectModes(r.modes, exact, 1e-9);
    // the real parts, 5·10⁻⁵ of |λ|, still to 1e-8
    r.modes.forEach((m, q) => expect(Math.abs(m.re - exact[q]!.re)).toBeLessThan(1e-8 * Math.abs(exact[q]!.re)));
  });

  it("the symmetric random walk on a path of 100 000 states: −4k sin²(πj/2N)", () => {
    const N = 100_000, k = 1.3;
    const edges: [number, number, number][] = [];
    for (let i = 0; i + 1 < N; i++) edges.push([i, i + 1, k], [i + 1, i, k]);
    const j = chain(N, edges);
    const { pi, solver } = stationary(j);
    const r = relaxationSpectrum(j, pi, { modes: 5, solver: solver! })!;
    expect(r.converged).toBe(true);
    expectModes(r.modes, [1, 2, 3, 4, 5].map((q) => ({ re: -2 * k * versine((Math.PI * q) / N), im: 0 })), 1e-9);
  });

  it("the M/M/∞ queue truncated at 300: λ_j = −jμ, though π spans 280 orders and the factor's ground is in the tail", () => {
    const N = 300, birth = 20, mu = 1.5;
    const edges: [number, number, number][] = [];
    for (let i = 0; i + 1 < N; i++) edges.push([i, i + 1, birth], [i + 1, i, (i + 1) * mu]);
    const j = chain(N, edges);
    const { pi, solver } = stationary(j);
    // the steady state's factorisation is grounded where π is tiny: it is not used (see solve.ts)
    expect(pi[solver!.ground]!).toBeLessThan(1e-50);
    const r = relaxationSpectrum(j, pi, { modes: 6, solver: solver! })!;
    expect(r.method).toContain("grounded at the most probable state");
    expectModes(r.modes, [1, 2, 3, 4, 5, 6].map((q) => ({ re: -q * mu, im: 0 })), 1e-12);
  });

  it("a torus (path × driven ring, 30 000 states): the eigenvalues are sums", () => {
    const N1 = 150, N2 = 200, k1 = 1, k = 1, kb = 0.9;
    const id = (a: number, b: number) => a * N2 + b;
    const edges: [number, number, number][] = [];
    for (let a = 0; a < N1; a++) {
      for (let b = 0; b < N2; b++) {
        if (a + 1 < N1) edges.push([id(a, b), id(a + 1, b), k1], [id(a + 1, b), id(a, b), k1]);
        edges.push([id(a, b), id(a, (b + 1) % N2), k], [id(a, (b + 1) % N2), id(a, b), kb]);
      }
    }
    const j = chain(N1 * N2, edges);
    const { pi, solver } = stationary(j);
    const all: Mode[] = [];
    for (let a = 0; a < 12; a++) {
      for (let b = -3; b <= 3; b++) {
        if (a === 0 && b === 0) continue;
        const phi = (2 * Math.PI * b) / N2;
        all.push({ re: -2 * k1 * versine((Math.PI * a) / N1) - (k + kb) * versine(phi), im: (k - kb) * Math.sin(phi) });
      }
    }
    all.sort((x, y) => Math.hypot(x.re, x.im) - Math.hypot(y.re, y.im));
    // the 7 nearest 0: paths a = 1, 2, 3, the ring's pair, and a = 1 with the ring's pair
    const r = relaxationSpectrum(j, pi, { modes: 7, solver: solver! })!;
    expect(r.converged).toBe(true);
    expectModes(r.modes, all.slice(0, 7), 1e-9);
    expect(r.modes.filter((m) => m.im !== 0)).toHaveLength(4);
  });

  it("agrees with the dense eigenvalues on a random non-reversible chain", () => {
    const n = 150, rnd = mulberry32(7);
    const edges: [number, number, number][] = [];
    for (let i = 0; i < n; i++) {
      edges.push([i, (i + 1) % n, 0.2 + 3 * rnd()], [(i + 1) % n, i, 0.2 + 3 * rnd()]);
      const t = Math.floor(rnd() * n);
      if (t !== i) edges.push([i, t, 0.05 * rnd()]);
    }
    const j = chain(n, edges);
    const { pi } = stationary(j);
    const sparse = relaxationSpectrum(j, pi, { modes: 8, denseStates: 0 })!;
    expect(sparse.converged).toBe(true);
    // the generator, dense: Q_ij = rate, Q_ii = −out
    const q = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (const [a, b, w] of edges) (q[a]![b]! += w), (q[a]![a]! -= w);
    const ev = eigenvalues(q)!;
    const dense = ev.re.map((re, i) => ({ re, im: ev.im[i]! })).filter((m) => Math.hypot(m.re, m.im) > 1e-10)
      .sort((x, y) => Math.hypot(x.re, x.im) - Math.hypot(y.re, y.im));
    // the 8 nearest 0 (a pair split at the end is not: the sparse list then has the pair's first member)
    expect(sparse.modes).toHaveLength(8);
    // one to one: each sparse mode takes its own dense eigenvalue among the 9 nearest 0 (the 9th
    // for a pair the cut at 8 splits), so a missing or repeated mode fails
    const nearest = dense.slice(0, 9);
    for (const m of sparse.modes) {
      const distances = nearest.map((d) => Math.hypot(d.re - m.re, d.im - m.im) / Math.hypot(d.re, d.im));
      const best = distances.indexOf(Math.min(...distances));
      expect(distances[best]).toBeLessThan(1e-9);
      nearest.splice(best, 1);
    }
  });

  it("the analysis lists a 200-state ring's slowest modes past the dense limit", () => {
    const N = 200, k = 1.5, kb = 0.5;
    const lines = [`state ${Array.from({ length: N }, (_, i) => (i === 0 ? "s0 = 1" : `s${i}`)).join(", ")}`];
    for (let i = 0; i < N; i++) lines.push(`t${i}: s${i} <-> s${(i + 1) % N} @ ${k}, ${kb}`);
    const a = analyze(compiles(lines.join("\n")));
    const kin = a.fluctuations!.kinetics!;
    expect(kin.spectrumMethod).toContain("Arnoldi");
    const exact = [1, 2, 3, 4, 5].flatMap((q) => {
      const phi = (2 * Math.PI * q) / N;
      return [1, -1].map((s) => ({ re: -(k + kb) * versine(phi), im: s * (k - kb) * Math.sin(phi) }));
    });
    expectModes(kin.relaxationModes!, exact, 1e-9);
    kin.relaxationRates!.forEach((rate, q) => expect(rate).toBe(-kin.relaxationModes![q]!.re));
  });
});

describe("relaxation spectrum: when it is not defined", () => {
  it("a law spread over two closed classes gets no sparse spectrum (null), not a singular solve", () => {
    const N = 200, edges: [number, number, number][] = [];
    // two rings of 100 states, never joined
    for (let i = 0; i < N; i++) {
      const base = i < 100 ? 0 : 100, a = base + (i % 100), b = base + ((i + 1) % 100);
      edges.push([a, b, 1], [b, a, 2]);
    }
    const j = chain(N, edges);
    const pi = new Float64Array(N).fill(1 / N);
    expect(relaxationSpectrum(j, pi, { modes: 4, denseStates: 0 })).toBeNull();
  });
});

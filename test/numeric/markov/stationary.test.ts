import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { stationaryDistribution, type StationaryOptions, type StationaryResult } from "../../../src/numeric/markov/stationary.js";
import { gthStationary } from "../../../src/numeric/markov/gth.js";
import { stronglyConnectedComponents } from "../../../src/numeric/markov/scc.js";
import { at, balanceResidual, drivenTorus, edges, exactReached, exactStationary, maxRelErr, seeded, type Edges } from "./helpers.js";

const solve = (g: Edges, initial?: ArrayLike<number>, opts = {}): StationaryResult =>
  stationaryDistribution(g.n, g.from, g.to, g.rate, Float64Array.from(initial ?? new Array(g.n).fill(1)), opts);

describe("stationaryDistribution: small chains", () => {
  it("solves a two-state chain and the dense GTH kernel agrees", () => {
    const r = solve(edges(2, [[0, 1, 1], [1, 0, 3]]));
    expect(maxRelErr(r.pi, [0.75, 0.25])).toBeLessThan(1e-15);
    expect(maxRelErr(gthStationary(2, Float64Array.of(0, 1, 3, 0)), [0.75, 0.25])).toBeLessThan(1e-15);
    expect(r.classes).toHaveLength(1);
    expect(r.transient).toHaveLength(0);
  });

  it("adds parallel edges and ignores self-loops", () => {
    const r = solve(edges(2, [[0, 1, 0.5], [0, 1, 0.5], [1, 0, 3], [1, 1, 7]]));
    expect(maxRelErr(r.pi, [0.75, 0.25])).toBeLessThan(1e-15);
  });

  it("skips bad edges with a note instead of throwing", () => {
    const r = solve(edges(2, [[0, 1, 1], [1, 0, 3], [0, 5, 1], [1, 0, Number.NaN], [0, 1, -2]]));
    expect(maxRelErr(r.pi, [0.75, 0.25])).toBeLessThan(1e-15);
    expect(r.notes.join(" ")).toMatch(/3 edge/);
  });
});

describe("stiff chains: entrywise relative accuracy", () => {
  // A six-state motor cycle at equilibrium built from free energies G_i (k_B T): π_i ∝ exp(−G_i),
  // from 0.99982 down to 4e-14; rate prefactors from 1e-12 to 1e12 and uneven load splitting θ.
  const G = [0, 8.6, 14.2, 21.5, 27.3, 30.8];
  const links: [number, number, number, number][] = [
    [0, 1, 1e6, 0.3], [1, 2, 1e-9, 0.5], [2, 3, 1e3, 0.9], [3, 4, 1e-5, 0.1], [4, 5, 2e11, 0.5], [5, 0, 1e-2, 0.7], [0, 3, 1e-12, 0.5],
  ];
  const motor = edges(6, links.flatMap(([i, j, w, th]) => [[i, j, w * Math.exp(-th * (at(G, j) - at(G, i)))], [j, i, w * Math.exp((1 - th) * (at(G, j) - at(G, i)))]] as [number, number, number][]));
  const z = G.reduce((s, g) => s + Math.exp(-g), 0);
  const exact = G.map((g) => Math.exp(-g) / z);

  it("has rates spanning 1e-12 to 1e12 and probabilities from 4e-14 to 0.9998", () => {
    expect(Math.min(...motor.rate)).toBeLessThan(1e-11);
    expect(Math.max(...motor.rate)).toBeGreaterThan(1e11);
    expect(Math.min(...exact)).toBeLessThan(5e-14);
    expect(Math.max(...exact)).toBeGreaterThan(0.9998);
  });

  it("matches exp(−G_i)/Z to 1e-10 relative in every entry, from every starting state", () => {
    for (let s = 0; s < 6; s++) {
      const init = new Array(6).fill(0);
      init[s] = 1;
      const r = solve(motor, init);
      expect(maxRelErr(r.pi, exact)).toBeLessThan(1e-10);
      expect(Math.min(...r.pi)).toBeGreaterThan(0);
    }
  });

  it("agrees with exact rational GTH on random stiff chains (rates 1e-12..1e12)", () => {
    const rnd = seeded(20260401);
    for (let trial = 0; trial < 40; trial++) {
      const n = 3 + Math.floor(rnd() * 5);
      const list: [number, number, number][] = [];
      const stiff = (): number => 10 ** (24 * rnd() - 12);
      for (let i = 0; i < n; i++) list.push([i, (i + 1) % n, stiff()]);
      for (let e = 0; e < 2 * n; e++) {
        const i = Math.floor(rnd() * n), j = Math.floor(rnd() * n);
        if (i !== j) list.push([i, j, stiff()]);
      }
      const g = edges(n, list);
      const r = solve(g);
      expect(maxRelErr(r.pi, exactStationary(g))).toBeLessThan(1e-12);
    }
  });

  it("keeps ratios of 1e-288 across a long chain (back-substitution rescales before overflow)", () => {
    const n = 25;
    const list: [number, number, number][] = [];
    for (let i = 0; i + 1 < n; i++) list.push([i, i + 1, 1e-6], [i + 1, i, 1e6]);
    const r = solve(edges(n, list));
    const exact = Array.from({ length: n }, (_, i) => 10 ** (-12 * i));
    const total = exact.reduce((a, b) => a + b, 0);
    expect(maxRelErr(r.pi, exact.map((x) => x / total))).toBeLessThan(1e-12);
  });
});

describe("classes and transient states", () => {
  // T0 → A (1), T0 → T1 (2), T1 → T0 (1), T1 → B1 (3), B1 ⇄ B2 (1, 2), C alone, started partly in C.
  // From T0: h_A = 1/3 + (2/3)(1/4) h_A, so h_A = 2/5 and B gets 3/5, split 2:1 inside B.
  const [T0, T1, A, B1, B2, C] = [0, 1, 2, 3, 4, 5];
  const g = edges(6, [[T0, A, 1], [T0, T1, 2], [T1, T0, 1], [T1, B1, 3], [B1, B2, 1], [B2, B1, 2]]);

  it("splits the initial mass by absorption probabilities checked by hand", () => {
    const r = solve(g, [0.5, 0, 0, 0, 0, 0.5]);
    const expected = [0, 0, 0.5 * 0.4, 0.5 * 0.6 * (2 / 3), 0.5 * 0.6 * (1 / 3), 0.5];
    expect(r.pi[T0]).toBe(0);
    expect(r.pi[T1]).toBe(0);
    expect(maxRelErr([at(r.pi, A), at(r.pi, B1), at(r.pi, B2), at(r.pi, C)], [at(expected, 2), at(expected, 3), at(expected, 4), at(expected, 5)])).toBeLessThan(1e-14);
    expect(Array.from(r.transient)).toEqual([T0, T1]);
    expect(r.classes.map((c) => Array.from(c.states))).toEqual([[A], [B1, B2], [C]]);
    expect(maxRelErr(r.classes.map((c) => c.mass), [0.2, 0.3, 0.5])).toBeLessThan(1e-14);
  });

  it("matches exact rational arithmetic on random stiff reducible chains (absorption included)", () => {
    const rnd = seeded(77);
    let reducible = 0;
    for (let trial = 0; trial < 60; trial++) {
      const n = 2 + Math.floor(rnd() * 6);
      const list: [number, number, number][] = [];
      for (let e = 0; e < 2 * n; e++) list.push([Math.floor(rnd() * n), Math.floor(rnd() * n), 10 ** (24 * rnd() - 12)]);
      const g = edges(n, list);
      const init: number[] = Array.from({ length: n }, () => (rnd() < 0.5 ? 10 ** (6 * rnd() - 3) : 0));
      if (!init.some((x) => x > 0)) init[0] = 1;
      // classes by brute-force reachability (Warshall), independent of Tarjan
      const reach = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => i === j));
      for (const [i, j] of list) at(reach, i)[j] = true;
      for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (at(at(reach, i), k) && at(at(reach, k), j)) at(reach, i)[j] = true;
      const comp = Int32Array.from({ length: n }, (_, i) => at(reach, i).findIndex((x, j) => x && at(at(reach, j), i)));
      const closed = (c: number): boolean => at(reach, c).every((x, j) => !x || at(at(reach, j), c));
      const exact = exactReached(g, init, comp, closed);
      const variants: StationaryOptions[] = [{}, { denseLimit: 1, leafSize: 1 }];
      for (const opts of variants) {
        const r = solve(g, init, opts);
        for (let i = 0; i < n; i++) {
          if (exact[i] === 0) expect(r.pi[i]).toBe(0);
          else expect(Math.abs(at(r.pi, i) - at(exact, i)) / at(exact, i)).toBeLessThan(1e-12);
        }
        if (r.transient.length > 0) reducible++;
      }
    }
    expect(reducible).toBeGreaterThan(40); // the absorption path was exercised
  });

  it("gives a class no mass when nothing flows into it", () => {
    const r = solve(g, [0, 0, 0, 1, 0, 0]);
    expect(Array.from(r.pi)).toEqual([0, 0, 0, 2 / 3, 1 / 3, 0].map((x, i) => (i === B1 || i === B2 ? r.pi[i] : x)));
    expect(maxRelErr([at(r.pi, B1), at(r.pi, B2)], [2 / 3, 1 / 3])).toBeLessThan(1e-15);
  });

  it("uses the uniform distribution (with a note) when the initial one is unusable", () => {
    const r = solve(g, [0, 0, 0, 0, 0, 0]);
    expect(r.notes.join(" ")).toMatch(/uniform/);
    expect(r.pi.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
  });

  it("handles 50 000 closed classes in linear time (no per-class work of size n)", () => {
    const pairs = 50_000;
    const list: [number, number, number][] = [];
    for (let c = 0; c < pairs; c++) list.push([2 * c, 2 * c + 1, 1 + (c % 3)], [2 * c + 1, 2 * c, 1]);
    const r = solve(edges(2 * pairs, list));
    expect(r.classes).toHaveLength(pairs);
    for (let c = 0; c < pairs; c += 997) {
      const k = 1 + (c % 3);
      expect(maxRelErr([at(r.pi, 2 * c), at(r.pi, 2 * c + 1)], [1 / (1 + k) / pairs, k / (1 + k) / pairs])).toBeLessThan(1e-13);
    }
  });

  it("handles a 10^6-state path without recursion (Tarjan is iterative)", () => {
    const n = 1_000_000;
    const ptr = Int32Array.from({ length: n + 1 }, (_, i) => Math.min(i, n - 1));
    const idx = Int32Array.from({ length: n - 1 }, (_, i) => i + 1);
    const { count, component } = stronglyConnectedComponents(n, ptr, idx);
    expect(count).toBe(n);
    expect(component[n - 1]).toBe(0); // the sink first: reverse topological order
  });
});

describe("sparse elimination agrees with dense GTH", () => {
  it("on a driven 30×30 torus with disorder (1e-12 relative in every entry)", () => {
    const g = drivenTorus(30, 2, 2, 7);
    const sparse = solve(g, undefined, { leafSize: 8 });
    const dense = solve(g, undefined, { denseLimit: 10_000 });
    expect(sparse.method).toMatch(/sparse/);
    expect(dense.method).toMatch(/dense/);
    expect(maxRelErr(sparse.pi, dense.pi)).toBeLessThan(1e-12);
    expect(balanceResidual(g, sparse.pi)).toBeLessThan(1e-12);
  });

  it("on a star of 20 000 leaves (the hub is the separator, not the leaves)", () => {
    const leaves = 20_000;
    const list: [number, number, number][] = [];
    for (let i = 1; i <= leaves; i++) list.push([0, i, 1 + (i % 5)], [i, 0, 2]);
    const r = solve(edges(leaves + 1, list));
    expect(Number(/largest front (\d+)/.exec(r.method)?.[1])).toBeLessThan(10);
    // π_i / π_0 = (1 + i mod 5) / 2
    for (let i = 1; i <= leaves; i += 1999) expect(Math.abs(at(r.pi, i) / at(r.pi, 0) - (1 + (i % 5)) / 2)).toBeLessThan(1e-14);
    expect(balanceResidual(edges(leaves + 1, list), r.pi)).toBeLessThan(1e-13);
  });

  it("on a large transient region draining into two closed states", () => {
    const L = 25;
    const torus = drivenTorus(L, 1, 3, 11);
    const extra: [number, number, number][] = [[0, L * L, 0.3], [L * L - 1, L * L + 1, 0.7], [L * 7 + 3, L * L, 1e-4]];
    const g = edges(L * L + 2, [...Array.from(torus.from, (f, e) => [f, torus.to[e], torus.rate[e]] as [number, number, number]), ...extra]);
    const init = Array.from({ length: g.n }, (_, i) => (i < L * L ? (i % 7) + 1 : 0));
    const sparse = solve(g, init, { leafSize: 8 });
    const dense = solve(g, init, { denseLimit: 10_000 });
    expect(sparse.transient).toHaveLength(L * L);
    expect(maxRelErr([at(sparse.pi, L * L), at(sparse.pi, L * L + 1)], [at(dense.pi, L * L), at(dense.pi, L * L + 1)])).toBeLessThan(1e-12);
    expect(at(sparse.pi, L * L) + at(sparse.pi, L * L + 1)).toBeCloseTo(1, 14);
  });
});

describe("beyond the elimination budget: Gauss–Seidel, with a note", () => {
  it("agrees with GTH on a random graph (closed class and absorption)", () => {
    const rnd = seeded(5);
    const n = 800;
    const list: [number, number, number][] = [];
    for (let i = 0; i < n; i++) list.push([i, (i + 1) % n, 0.5 + rnd()]);
    for (let e = 0; e < 3 * n; e++) list.push([Math.floor(rnd() * n), Math.floor(rnd() * n), 0.5 + rnd()]);
    list.push([0, n, 0.2], [n - 1, n + 1, 0.1]); // two absorbing states make 0..n-1 transient
    const open = edges(n + 2, list);
    const closed = edges(n, list.slice(0, -2));
    for (const g of [closed, open]) {
      const init = Array.from({ length: g.n }, (_, i) => (i < n ? 1 + (i % 3) : 0));
      const exact = solve(g, init);
      const fallback = solve(g, init, { maxEntries: 1000 });
      expect(exact.method).toMatch(/GTH/);
      expect(fallback.method).toMatch(/Gauss–Seidel/);
      expect(fallback.notes.join(" ")).toMatch(/budget/);
      for (let i = 0; i < g.n; i++) {
        if (exact.pi[i] === 0) expect(fallback.pi[i]).toBe(0);
        else expect(Math.abs(at(fallback.pi, i) - at(exact.pi, i)) / at(exact.pi, i)).toBeLessThan(1e-9);
      }
    }
  });

  it("falls back by itself on a 20 000-state random graph (no small separators)", () => {
    const rnd = seeded(6);
    const n = 20_000;
    const list: [number, number, number][] = [];
    for (let i = 0; i < n; i++) list.push([i, (i + 1) % n, 0.5 + rnd()]);
    for (let e = 0; e < 3 * n; e++) list.push([Math.floor(rnd() * n), Math.floor(rnd() * n), 0.5 + rnd()]);
    const g = edges(n, list);
    const r = solve(g);
    expect(r.method).toMatch(/Gauss–Seidel/);
    expect(balanceResidual(g, r.pi)).toBeLessThan(1e-12);
  });
});

describe("properties on random chains (seeded)", () => {
  const chain = fc
    .record({ n: fc.integer({ min: 1, max: 40 }), seed: fc.integer(), density: fc.double({ min: 0.5, max: 4, noNaN: true }), stiff: fc.boolean() })
    .map(({ n, seed, density, stiff }) => {
      const rnd = seeded(seed);
      const list: [number, number, number][] = [];
      for (let e = 0; e < Math.round(density * n); e++) {
        list.push([Math.floor(rnd() * n), Math.floor(rnd() * n), stiff ? 10 ** (24 * rnd() - 12) : 0.1 + rnd()]);
      }
      return { g: edges(n, list), init: Array.from({ length: n }, () => (rnd() < 0.3 ? rnd() : 0)) };
    });

  it("Σπ = 1, π ≥ 0, zero on transient states, balanced on closed classes", () => {
    fc.assert(
      fc.property(chain, ({ g, init }) => {
        const r = solve(g, init, { denseLimit: 10, leafSize: 4 });
        expect(r.pi.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        for (const x of r.pi) expect(x).toBeGreaterThanOrEqual(0);
        for (const t of r.transient) expect(r.pi[t]).toBe(0);
        expect(balanceResidual(g, r.pi)).toBeLessThan(1e-10);
        const dense = solve(g, init, { denseLimit: 1000 });
        for (let i = 0; i < g.n; i++) {
          if (dense.pi[i] === 0) expect(r.pi[i]).toBe(0);
          else expect(Math.abs(at(r.pi, i) - at(dense.pi, i)) / at(dense.pi, i)).toBeLessThan(1e-10);
        }
      }),
      { seed: 4, numRuns: 300 },
    );
  });

  it("detailed-balance chains (rates from potentials) carry zero net flux on every edge", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.integer(), (n, seed) => {
        const rnd = seeded(seed);
        const G = Array.from({ length: n }, () => 20 * rnd());
        const list: [number, number, number][] = [];
        const link = (i: number, j: number): void => {
          const w = 10 ** (8 * rnd() - 4), th = rnd();
          list.push([i, j, w * Math.exp(-th * (at(G, j) - at(G, i)))], [j, i, w * Math.exp((1 - th) * (at(G, j) - at(G, i)))]);
        };
        for (let i = 1; i < n; i++) link(i, Math.floor(rnd() * i));
        for (let e = 0; e < n; e++) link(Math.floor(rnd() * n), Math.floor(rnd() * n));
        const g = edges(n, list);
        const r = solve(g, undefined, { denseLimit: 8, leafSize: 4 });
        for (let e = 0; e < list.length; e += 2) {
          const [i, j, forward] = at(list, e);
          if (i === j) continue;
          const plus = at(r.pi, i) * forward, minus = at(r.pi, j) * at(list, e + 1)[2];
          expect(Math.abs(plus - minus) / plus).toBeLessThan(1e-11);
        }
        const z = G.reduce((s, x) => s + Math.exp(-x), 0);
        expect(maxRelErr(r.pi, G.map((x) => Math.exp(-x) / z))).toBeLessThan(1e-11);
      }),
      { seed: 9, numRuns: 200 },
    );
  });
});

describe("the test helpers fail on NaN", () => {
  it("balanceResidual and maxRelErr return NaN (failing any bound) for a NaN probability", () => {
    const g = edges(2, [[0, 1, 1], [1, 0, 1]]);
    expect(balanceResidual(g, Float64Array.of(0.5, 0.5))).toBe(0);
    expect(balanceResidual(g, Float64Array.of(NaN, 0.5))).toBeNaN();
    expect(balanceResidual(g, Float64Array.of(0.5, NaN))).toBeNaN();
    expect(maxRelErr([NaN, 1], [1, 1])).toBeNaN();
  });
});

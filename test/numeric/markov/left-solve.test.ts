import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { stationaryDistribution, type StationaryOptions } from "../../../src/numeric/markov/stationary.js";
import { add, compare, div, mul, neg, rational, sub, toNumber, ZERO, type Rational } from "../../../src/numeric/exact/rational.js";
import type { GthLeftSolver } from "../../../src/numeric/markov/left-solve.js";
import { factorGth, stationaryFromFactor } from "../../../src/numeric/markov/frontal.js";
import { csrFromEdges } from "../../../src/numeric/markov/sparse.js";
import { at, drivenTorus, edges, exactOf, type Edges } from "./helpers.js";

const EPS = 2 ** -53;
/** γ_n = n ε / (1 − n ε), Higham's constant. */
const gamma = (n: number): number => (n * EPS) / (1 - n * EPS);

/** The solver of the only closed class of an irreducible chain, factorised as the stationary solve does. */
function solverOf(g: Edges, opts: StationaryOptions = {}): GthLeftSolver {
  const r = stationaryDistribution(g.n, g.from, g.to, g.rate, new Float64Array(g.n).fill(1), { ...opts, keepSolver: true });
  expect(r.classes).toHaveLength(1);
  const s = r.classes[0]?.solver;
  if (s === undefined) throw new Error("no solver kept");
  return s as GthLeftSolver;
}

/** The exact residual yᵀ(−Q) − bᵀ in rationals (y, b and the rates are doubles, so exact rationals). */
function exactResidual(g: Edges, y: Float64Array, b: Float64Array): Rational[] {
  const r: Rational[] = Array.from(b, (v) => neg(exactOf(v)));
  for (let e = 0; e < g.from.length; e++) {
    const i = at(g.from, e), j = at(g.to, e);
    if (i === j || at(y, i) === 0) continue;
    const flow = mul(exactOf(at(y, i)), exactOf(at(g.rate, e)));
    r[i] = add(at(r, i), flow); // −Q_ii = out-rate
    r[j] = sub(at(r, j), flow); // −Q_ij = −rate
  }
  return r;
}

/** b with exactly Σ b = 0: dyadic values, the last one minus the sum of the others (exact in doubles). */
function balancedRhs(n: number, ints: readonly number[]): Float64Array {
  const b = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i + 1 < n; i++) {
    b[i] = at(ints, i % ints.length) / 1024;
    sum += at(b, i);
  }
  b[n - 1] = -sum;
  return b;
}

/** A random irreducible chain: a ring plus extra edges, rates 10^(±spread). */
const chainArb = (maxN: number, spread: number): fc.Arbitrary<Edges> =>
  fc.integer({ min: 2, max: maxN }).chain((n) =>
    fc.tuple(
      fc.array(fc.double({ min: -spread, max: spread, noNaN: true }), { minLength: n, maxLength: n }),
      fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.double({ min: -spread, max: spread, noNaN: true })), { maxLength: 3 * n }),
    ).map(([ring, extra]) => {
      const list: [number, number, number][] = ring.map((x, i) => [i, (i + 1) % n, 10 ** x]);
      for (const [i, j, x] of extra) if (i !== j) list.push([i, j, 10 ** x]);
      return edges(n, list);
    }),
  );

/** Checks the stated bound |yᵀ(−Q) − bᵀ|_j ≤ 3γ_n s_j (j ≠ g), and at g minus the sum of the others, exactly. */
function checkResidual(g: Edges, solver: GthLeftSolver, b: Float64Array): void {
  const y = solver.leftSolve(b);
  expect(y[solver.ground]).toBe(0);
  const s = solver.errorScale(y);
  const r = exactResidual(g, y, b);
  const c = 3 * gamma(g.n) * (1 + gamma(g.n)); // (1 + γ): s itself is computed in floating point
  let groundBound = 0;
  for (let j = 0; j < g.n; j++) {
    if (j === solver.ground) continue;
    const bound = c * at(s, j);
    groundBound += bound;
    const mag = at(r, j).num < 0n ? neg(at(r, j)) : at(r, j);
    expect(compare(mag, exactOf(bound) ?? ZERO) <= 0, `state ${j}: |r| = ${toNumber(mag)} > ${bound}`).toBe(true);
  }
  const rg = at(r, solver.ground), mag = rg.num < 0n ? neg(rg) : rg;
  expect(toNumber(mag)).toBeLessThanOrEqual(groundBound * (1 + 1e-12));
}

describe("LeftSolver from the GTH factor", () => {
  it("solves a two-state chain by hand: y_0 = b_0 / 1 with ground 1", () => {
    // −Q = [[1, −1], [−3, 3]]; y = (y0, 0): yᵀ(−Q) = (y0, −y0) = (b0, −b0)
    const solver = solverOf(edges(2, [[0, 1, 1], [1, 0, 3]]));
    expect(solver.ground).toBe(1);
    expect(Array.from(solver.leftSolve(Float64Array.of(0.5, -0.5)))).toEqual([0.5, 0]);
  });

  it("meets the residual bound on random chains (fast-check), dense and multifrontal, stiff rates included", () => {
    const variants: StationaryOptions[] = [{}, { denseLimit: 3, leafSize: 2 }];
    fc.assert(
      fc.property(chainArb(30, 6), fc.array(fc.integer({ min: -4096, max: 4096 }), { minLength: 1, maxLength: 30 }), (g, ints) => {
        for (const opts of variants) checkResidual(g, solverOf(g, opts), balancedRhs(g.n, ints));
      }),
      { numRuns: 60, seed: 14 },
    );
    fc.assert(
      fc.property(chainArb(20, 12), fc.array(fc.integer({ min: -4096, max: 4096 }), { minLength: 1, maxLength: 20 }), (g, ints) => {
        for (const opts of variants) checkResidual(g, solverOf(g, opts), balancedRhs(g.n, ints));
      }),
      { numRuns: 40, seed: 15 },
    );
  });

  it("agrees with the exact dense solve within the forward error the residual bound implies", () => {
    // e = y − y*, eᵀ A_g = r on C \ {g} (A_g = −Q grounded, an M-matrix: A_g⁻¹ ≥ 0), so
    // |e| ≤ (3γ_n s)ᵀ A_g⁻¹ entrywise; A_g⁻¹ and y* by Gauss–Jordan in rationals.
    fc.assert(
      fc.property(chainArb(7, 10), fc.array(fc.integer({ min: -4096, max: 4096 }), { minLength: 1, maxLength: 7 }), (g, ints) => {
        const solver = solverOf(g, { denseLimit: 2, leafSize: 1 });
        const b = balancedRhs(g.n, ints);
        const y = solver.leftSolve(b);
        const s = solver.errorScale(y);
        const keep = Array.from({ length: g.n }, (_, i) => i).filter((i) => i !== solver.ground);
        const inv = exactInverse(groundedMatrix(g, keep));
        const yStar = keep.map((_, c) => keep.reduce((acc, i, r) => add(acc, mul(exactOf(at(b, i)), at(at(inv, r), c))), ZERO));
        keep.forEach((i, c) => {
          const bound = keep.reduce((acc, j, r) => acc + 3.0000001 * gamma(g.n) * at(s, j) * toNumber(at(at(inv, r), c)), 0);
          expect(Math.abs(at(y, i) - toNumber(at(yStar, c)))).toBeLessThanOrEqual(bound * (1 + 1e-9) + 1e-300);
        });
      }),
      { numRuns: 50, seed: 16 },
    );
  });

  it("solves on the 30×30 driven torus (multifrontal, nested dissection) within the bound", () => {
    const g = drivenTorus(30, 2, 3, 5);
    const solver = solverOf(g);
    const b = new Float64Array(g.n);
    b[0] = 1;
    b[g.n - 1] = -1; // the two-point right-hand side of a first-passage or current problem
    const y = solver.leftSolve(b);
    const s = solver.errorScale(y);
    const r = exactResidual(g, y, b);
    for (let j = 0; j < g.n; j++) {
      if (j !== solver.ground) expect(Math.abs(toNumber(at(r, j)))).toBeLessThanOrEqual(3 * gamma(g.n) * at(s, j) * (1 + 1e-12));
    }
    // the solution is not trivial: every state but the ground carries a value
    expect(y.filter((v) => v !== 0).length).toBe(g.n - 1);
  });

  it("gives y = 0 off the class and keeps no solver where none is asked for", () => {
    // 0 → 1 ⇄ 2: state 0 transient, the class {1, 2}
    const g = edges(3, [[0, 1, 1], [1, 2, 2], [2, 1, 5]]);
    const r = stationaryDistribution(3, g.from, g.to, g.rate, Float64Array.of(1, 0, 0), { keepSolver: true });
    const solver = r.classes[0]?.solver;
    expect(solver?.states).toEqual(Int32Array.of(1, 2));
    const y = solver?.leftSolve(Float64Array.of(7, 1, -1)) ?? new Float64Array(3);
    expect(y[0]).toBe(0);
    // −Q on {1, 2} = [[2, −2], [−5, 5]]; ground is the last pivot
    const other = solver?.ground === 2 ? 1 : 2;
    expect(y[other]).toBeCloseTo(other === 1 ? 1 / 2 : -1 / 5, 15);
    const plain = stationaryDistribution(3, g.from, g.to, g.rate, Float64Array.of(1, 0, 0));
    expect(plain.classes[0]?.solver).toBeUndefined();
  });
});

/** −Q restricted to the states `keep` (rows and columns), exact. */
function groundedMatrix(g: Edges, keep: readonly number[]): Rational[][] {
  const where = new Map(keep.map((s, r) => [s, r]));
  const A: Rational[][] = keep.map(() => keep.map(() => ZERO));
  for (let e = 0; e < g.from.length; e++) {
    const i = at(g.from, e), j = at(g.to, e);
    const r = where.get(i);
    if (i === j || r === undefined) continue;
    const w = exactOf(at(g.rate, e));
    at(A, r)[r] = add(at(at(A, r), r), w);
    const c = where.get(j);
    if (c !== undefined) at(A, r)[c] = sub(at(at(A, r), c), w);
  }
  return A;
}

/** The inverse by Gauss–Jordan with nonzero pivots (an M-matrix: the diagonal stays positive). */
function exactInverse(A: Rational[][]): Rational[][] {
  const m = A.length;
  const M = A.map((row, r) => [...row, ...Array.from({ length: m }, (_, c) => (c === r ? rational(1n) : ZERO))]);
  for (let col = 0; col < m; col++) {
    const d = at(at(M, col), col);
    const pivotRow = at(M, col).map((x) => div(x, d) ?? ZERO);
    M[col] = pivotRow;
    for (let r = 0; r < m; r++) {
      const f = at(at(M, r), col);
      if (r === col || f.num === 0n) continue;
      M[r] = at(M, r).map((x, c) => sub(x, mul(f, at(pivotRow, c))));
    }
  }
  return M.map((row) => row.slice(m));
}

describe("reusing the fill-reducing order", () => {
  it("factorises the same pattern with other rates from the kept order: the same law as a fresh factorisation, bit for bit", () => {
    const g = drivenTorus(20, 2, 3, 11);
    const solver = solverOf(g);
    const other = drivenTorus(20, 0.5, 1, 12); // same graph, other rates
    const q = csrFromEdges(other.n, other.from, other.to, other.rate);
    const fresh = factorGth(q, null, null, {});
    const reused = factorGth(q, null, null, { order: solver.order });
    expect(fresh && reused).toBeTruthy();
    if (!fresh || !reused) return;
    expect(reused.order).toBe(solver.order);
    expect(Array.from(stationaryFromFactor(reused))).toEqual(Array.from(stationaryFromFactor(fresh)));
    // an order for another size is not used
    const small = drivenTorus(4, 1, 1, 1);
    const qs = csrFromEdges(small.n, small.from, small.to, small.rate);
    expect(factorGth(qs, null, null, { order: solver.order })?.order.perm.length).toBe(16);
  });
});

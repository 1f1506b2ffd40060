/**
 * The implicitly restarted Arnoldi method against matrices whose eigenvalues are known exactly:
 * a diagonal matrix, 2 × 2 rotation blocks (complex pairs a ± ib), a non-normal triangular matrix
 * (its diagonal), a small operator whose Krylov space becomes invariant, and the restart budget.
 */
import { describe, expect, it } from "vitest";
import { arnoldiLargest } from "../../../src/numeric/continuous/arnoldi.js";
import { mulberry32 } from "../../../src/numeric/random.js";

const randomVector = (n: number, seed: number): Float64Array => {
  const rnd = mulberry32(seed);
  return Float64Array.from({ length: n }, () => rnd() - 0.5);
};

describe("arnoldiLargest", () => {
  it("finds the largest eigenvalues of diag(1, …, 400) after restarts", () => {
    const n = 400;
    const r = arnoldiLargest((x) => x.map((v, i) => (i + 1) * v), randomVector(n, 1), { wanted: 4 });
    expect(r.converged).toBe(true);
    expect(r.restarts).toBeGreaterThan(0);
    expect(r.re).toHaveLength(4);
    r.re.forEach((x, k) => expect(Math.abs(x - (n - k)) / (n - k)).toBeLessThan(1e-10));
    expect(r.im).toEqual([0, 0, 0, 0]);
  });

  it("finds complex pairs a ± ib of rotation blocks, each pair together", () => {
    const blocks = 150, n = 2 * blocks;
    const a = (k: number) => 1 + k, b = (k: number) => 0.5 * k + 0.25;
    const apply = (x: Float64Array): Float64Array => {
      const y = new Float64Array(n);
      for (let k = 0; k < blocks; k++) {
        const u = x[2 * k]!, v = x[2 * k + 1]!;
        y[2 * k] = a(k) * u - b(k) * v;
        y[2 * k + 1] = b(k) * u + a(k) * v;
      }
      return y;
    };
    // wanted 3 splits the second pair: it is kept whole (4 values)
    const r = arnoldiLargest(apply, randomVector(n, 2), { wanted: 3 });
    expect(r.converged).toBe(true);
    expect(r.re).toHaveLength(4);
    for (let p = 0; p < 2; p++) {
      const k = blocks - 1 - p;
      for (const [q, sign] of [[2 * p, 1], [2 * p + 1, -1]] as const) {
        expect(Math.abs(r.re[q]! - a(k))).toBeLessThan(1e-9 * Math.hypot(a(k), b(k)));
        expect(Math.abs(r.im[q]! - sign * b(k))).toBeLessThan(1e-9 * Math.hypot(a(k), b(k)));
      }
    }
  });

  it("finds the diagonal of a non-normal upper triangular matrix", () => {
    const n = 300;
    const rnd = mulberry32(3);
    const upper = Float64Array.from({ length: n }, () => 2 * rnd() - 1);
    // A = diag(d) + u e_{i+1}: eigenvalues d_i = 2 + i / 10 (well separated at the top)
    const d = (i: number) => 2 + i / 10;
    const apply = (x: Float64Array): Float64Array => x.map((v, i) => d(i) * v + (i + 1 < n ? upper[i]! * x[i + 1]! : 0));
    const r = arnoldiLargest(apply, randomVector(n, 4), { wanted: 3 });
    expect(r.converged).toBe(true);
    r.re.forEach((x, k) => expect(Math.abs(x - d(n - 1 - k)) / d(n - 1 - k)).toBeLessThan(1e-8));
  });

  it("returns every eigenvalue exactly when the Krylov space becomes invariant", () => {
    const values = [5, -3, 2, 0.5, 7, 1];
    const r = arnoldiLargest((x) => x.map((v, i) => values[i]! * v), randomVector(6, 5), { wanted: 10 });
    expect(r.converged).toBe(true);
    expect(r.re).toHaveLength(6);
    const sorted = [...values].sort((x, y) => Math.abs(y) - Math.abs(x));
    r.re.forEach((x, k) => expect(x).toBeCloseTo(sorted[k]!, 12));
  });

  it("says when the restart budget ran out before convergence", () => {
    const n = 2000;
    const r = arnoldiLargest((x) => x.map((v, i) => (1 + i / n) * v), randomVector(n, 6), { wanted: 4, basisSize: 10, maxRestarts: 1 });
    expect(r.converged).toBe(false);
    expect(r.restarts).toBe(1);
    expect(Math.max(...r.residual)).toBeGreaterThan(1e-11);
  });

  it("rejects a zero start vector", () => {
    expect(() => arnoldiLargest((x) => x.slice(), new Float64Array(5), { wanted: 1 })).toThrow(RangeError);
  });
});

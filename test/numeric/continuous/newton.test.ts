import { describe, expect, it } from "vitest";
import { newtonSolve, type NonlinearSystem } from "../../../src/numeric/continuous/newton.js";

// x^2 + y^2 = 4, x y = 1: four real roots.
const circleHyperbola: NonlinearSystem = {
  dimension: 2,
  residual: ([x, y]) => [x! * x! + y! * y! - 4, x! * y! - 1],
  jacobian: ([x, y]) => [
    [2 * x!, 2 * y!],
    [y!, x!],
  ],
};

describe("newtonSolve", () => {
  it("converges quadratically to a root from a nearby start", () => {
    const r = newtonSolve(circleHyperbola, [2, 0.5]);
    expect(r.converged).toBe(true);
    const [x, y] = r.z;
    expect(Math.abs(x! * x! + y! * y! - 4)).toBeLessThan(1e-12);
    expect(Math.abs(x! * y! - 1)).toBeLessThan(1e-12);
    expect(r.iterations).toBeLessThan(10);
  });

  it("finds an unstable root (plain Newton does not follow the flow)", () => {
    // dz/dt = z - z^3 has an unstable root at 0.
    const sys: NonlinearSystem = { dimension: 1, residual: ([z]) => [z! - z! ** 3], jacobian: ([z]) => [[1 - 3 * z! ** 2]] };
    expect(newtonSolve(sys, [0.2]).z[0]).toBeCloseTo(0, 12);
    // Pseudo-transient continuation follows the flow to a stable root instead.
    const ptc = newtonSolve(sys, [0.2], { mode: "pseudo-transient" });
    expect(ptc.converged).toBe(true);
    expect(Math.abs(ptc.z[0]!)).toBeCloseTo(1, 10);
  });

  it("stays feasible with maxStep and reaches a root on the boundary", () => {
    // f(z) = -z (z + 1): roots 0 and -1; keep z >= 0.
    const sys: NonlinearSystem = {
      dimension: 1,
      residual: ([z]) => [-z! * (z! + 1)],
      jacobian: ([z]) => [[-2 * z! - 1]],
      maxStep: ([z], [dz]) => (z! + dz! < 0 ? (0.995 * z!) / -dz! : 1),
    };
    const r = newtonSolve(sys, [3]);
    expect(r.converged).toBe(true);
    expect(r.z[0]).toBeGreaterThanOrEqual(0);
    expect(r.z[0]).toBeLessThan(1e-10);
  });

  it("returns converged: false instead of throwing on a singular Jacobian", () => {
    const sys: NonlinearSystem = { dimension: 1, residual: ([z]) => [z! * z! + 1], jacobian: () => [[0]] };
    const r = newtonSolve(sys, [0]);
    expect(r.converged).toBe(false);
  });
});

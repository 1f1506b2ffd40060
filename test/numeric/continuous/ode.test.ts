import { describe, expect, it } from "vitest";
import { integrateStiff } from "../../../src/numeric/continuous/ode.js";

describe("integrateStiff (ROS2)", () => {
  it("integrates linear decay to the requested accuracy", () => {
    const sys = { dimension: 1, rhs: ([y]: readonly number[]) => [-2 * y!], jacobian: () => [[-2]] };
    const r = integrateStiff(sys, [1], { tEnd: 1, rtol: 1e-6, atol: 1e-12 });
    expect(r.status).toBe("end");
    expect(Math.abs(r.y[0]! - Math.exp(-2))).toBeLessThan(1e-6);
  });

  it("handles Robertson's stiff kinetics and conserves the total", () => {
    const rhs = ([a, b, c]: readonly number[]): number[] => [
      -0.04 * a! + 1e4 * b! * c!,
      0.04 * a! - 1e4 * b! * c! - 3e7 * b! * b!,
      3e7 * b! * b!,
    ];
    const jacobian = ([, b, c]: readonly number[]): number[][] => [
      [-0.04, 1e4 * c!, 1e4 * b!],
      [0.04, -1e4 * c! - 6e7 * b!, -1e4 * b!],
      [0, 6e7 * b!, 0],
    ];
    const r = integrateStiff({ dimension: 3, rhs, jacobian }, [1, 0, 0], { tEnd: 40, rtol: 1e-6, atol: 1e-10, nonNegative: true });
    expect(r.status).toBe("end");
    expect(r.steps).toBeLessThan(10000); // second order: steps grow like rtol^(-1/2)
    // Reference (Hairer & Wanner): y1(40) = 0.7158271, y3(40) = 0.2841505.
    expect(r.y[0]).toBeCloseTo(0.7158271, 4);
    expect(r.y[2]).toBeCloseTo(0.2841505, 4);
    expect(r.y[0]! + r.y[1]! + r.y[2]!).toBeCloseTo(1, 10);
  });

  it("stops when the caller says the state is steady, and reports blow-up", () => {
    const relax = { dimension: 1, rhs: ([y]: readonly number[]) => [1 - y!], jacobian: () => [[-1]] };
    const steady = integrateStiff(relax, [0], { isSteady: (_y, f) => Math.abs(f[0]!) < 1e-9 });
    expect(steady.status).toBe("steady");
    expect(steady.y[0]).toBeCloseTo(1, 8);
    const grow = { dimension: 1, rhs: () => [1], jacobian: () => [[0]] };
    expect(integrateStiff(grow, [0], { blowUp: 1e12 }).status).toBe("blow-up");
  });
});

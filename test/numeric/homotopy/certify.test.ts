import { describe, expect, it } from "vitest";
import { certifyRoot, krawczyk } from "../../../src/numeric/continuous/homotopy/certify.js";
import { invert } from "../../../src/numeric/continuous/homotopy/complex.js";
import { compileSystem } from "../../../src/numeric/continuous/homotopy/system.js";

// x² − 2 = 0: the root √2 is known in closed form.
const sqrt2 = compileSystem([{ exponents: [[2], [0]], coefficients: [1, -2] }], false);
const Yat = (x: number) => invert(1, Float64Array.of(2 * x), Float64Array.of(0))!;

describe("Krawczyk test", () => {
  it("certifies a known root: the box holds √2 and is real", () => {
    const cert = certifyRoot(sqrt2, [1.4142135623730951], [0], 1e-6)!;
    expect(cert).not.toBeNull();
    expect(cert.real).toBe(true);
    const box = cert.box[0]!;
    expect(box.re.lo).toBeLessThanOrEqual(Math.SQRT2);
    expect(box.re.hi).toBeGreaterThanOrEqual(Math.SQRT2);
    // √2 is irrational, so the box must have width: the lower bound squares below 2, the upper above.
    expect(box.re.lo * box.re.lo).toBeLessThan(2);
    expect(box.re.hi * box.re.hi).toBeGreaterThan(2);
  });

  it("refuses a box with no root and a box holding two", () => {
    // [0.9, 1.1] holds no root of x² − 2
    expect(krawczyk(sqrt2, [1], [0], [0.1], Yat(1), true).ok).toBe(false);
    // x² − 1 on [−2, 2] holds two roots: uniqueness must not be claimed
    const two = compileSystem([{ exponents: [[2], [0]], coefficients: [1, -1] }], false);
    expect(krawczyk(two, [0.1], [0], [2], Yat(0.1), true).ok).toBe(false);
  });

  it("does not call a complex root real: x² + 1 certifies ±i only in complex boxes", () => {
    const sys = compileSystem([{ exponents: [[2], [0]], coefficients: [1, 1] }], false);
    const cert = certifyRoot(sys, [0], [1], 1e-6)!;
    expect(cert.real).toBe(false);
    expect(cert.box[0]!.im.lo).toBeLessThanOrEqual(1);
    expect(cert.box[0]!.im.hi).toBeGreaterThanOrEqual(1);
    // a real box around 0 holds no root
    const Y = invert(1, Float64Array.of(1), Float64Array.of(0))!;
    expect(krawczyk(sys, [0], [0], [0.5], Y, true).ok).toBe(false);
  });

  it("certifies a 2×2 system's real root: x² + y² = 5, x·y = 2 at (1, 2)", () => {
    const sys = compileSystem([
      { exponents: [[2, 0], [0, 2], [0, 0]], coefficients: [1, 1, -5] },
      { exponents: [[1, 1], [0, 0]], coefficients: [1, -2] },
    ], false);
    const cert = certifyRoot(sys, [1 + 1e-12, 2 - 1e-12], [0, 0], 1e-6)!;
    expect(cert.real).toBe(true);
    expect(cert.box[0]!.re.lo <= 1 && 1 <= cert.box[0]!.re.hi).toBe(true);
    expect(cert.box[1]!.re.lo <= 2 && 2 <= cert.box[1]!.re.hi).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { eigenvalues, leadingRealPart } from "../../../src/numeric/continuous/eigen.js";

describe("eigenvalues", () => {
  it("returns complex pairs of a rotation-like matrix", () => {
    const ev = eigenvalues([
      [-1, -2],
      [2, -1],
    ])!;
    expect([...ev.re].sort()).toEqual([-1, -1]);
    expect([...ev.im].map(Math.abs)).toEqual([2, 2]);
    expect(leadingRealPart([[-1, -2], [2, -1]])).toBeCloseTo(-1, 14);
  });

  it("rejects non-finite input and handles the empty matrix", () => {
    expect(eigenvalues([[NaN]])).toBeNull();
    expect(leadingRealPart([])).toBeNull();
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluatePolynomialSystem, solvePolynomialSystem, type Polynomial, type Solution } from "../../../src/numeric/continuous/homotopy/index.js";

/** Π (x_v − r) as a polynomial in n unknowns, expanded with exact integer/dyadic coefficients. */
function productOfRoots(n: number, v: number, roots: readonly number[]): Polynomial {
  let c = [1]; // coefficients by power of x_v
  for (const r of roots) {
    const next = new Array<number>(c.length + 1).fill(0);
    c.forEach((a, k) => { next[k + 1] = next[k + 1]! + a; next[k] = next[k]! - r * a; });
    c = next;
  }
  const exponents = c.map((_, k) => Array.from({ length: n }, (_, j) => (j === v ? k : 0)));
  return { exponents, coefficients: c };
}

const inBox = (s: Solution, j: number, x: number): boolean => {
  const b = s.certified.box?.[j];
  return !!b && b.re.lo <= x && x <= b.re.hi && b.im.lo <= 0 && 0 <= b.im.hi;
};

describe("solvePolynomialSystem", () => {
  it("finds and certifies the three roots of (x − 1)(x − 2)(x − 3)", () => {
    const r = solvePolynomialSystem([productOfRoots(1, 0, [1, 2, 3])]);
    expect(r.bezout).toBe(3);
    expect(r.complete && r.allCertified).toBe(true);
    expect(r.solutions).toHaveLength(3);
    for (const root of [1, 2, 3]) expect(r.solutions.filter((s) => inBox(s, 0, root) && s.certified.real && s.certified.nonNegative)).toHaveLength(1);
  });

  it("finds the 9 real roots of two decoupled Schlögl-like cubics", () => {
    const xs = [1, 2, 3], ys = [0.5, 1.5, 2.5];
    const r = solvePolynomialSystem([productOfRoots(2, 0, xs), productOfRoots(2, 1, ys)], { seed: 5 });
    expect(r.complete && r.allCertified).toBe(true);
    expect(r.solutions).toHaveLength(9);
    for (const x of xs) for (const y of ys) expect(r.solutions.filter((s) => inBox(s, 0, x) && inBox(s, 1, y) && s.certified.real)).toHaveLength(1);
  });

  it("keeps two roots 1e-7 apart as two certified, distinct roots", () => {
    // δ ≈ 1e-7 chosen so that 1 + δ and 2 + δ are doubles: the coefficients are exact.
    const delta = Math.round(1e-7 * 2 ** 51) / 2 ** 51;
    expect(Math.abs(delta - 1e-7)).toBeLessThan(1e-15);
    const r = solvePolynomialSystem([{ exponents: [[2], [1], [0]], coefficients: [1, -(2 + delta), 1 + delta] }]);
    expect(r.complete && r.allCertified).toBe(true);
    expect(r.solutions).toHaveLength(2);
    expect(r.solutions.filter((s) => inBox(s, 0, 1))).toHaveLength(1);
    expect(r.solutions.filter((s) => inBox(s, 0, 1 + delta))).toHaveLength(1);
  });

  it("classifies the double root of (x − 1)² as singular with multiplicity 2", () => {
    const r = solvePolynomialSystem([{ exponents: [[2], [1], [0]], coefficients: [1, -2, 1] }]);
    expect(r.complete).toBe(true);
    expect(r.allCertified).toBe(false);
    expect(r.solutions).toHaveLength(1);
    const s = r.solutions[0]!;
    expect(s.multiplicity).toBe(2);
    expect(s.certified.unique).toBe(false);
    expect(Math.abs(s.point[0]!.re - 1)).toBeLessThan(1e-6);
    expect(r.paths.every((p) => p.outcome === "finite-singular" && p.winding === 2)).toBe(true);
  });

  it("sends the paths of systems without finite solutions to infinity", () => {
    // parallel lines x + y = 1, x + y = 2
    const lines = solvePolynomialSystem([
      { exponents: [[1, 0], [0, 1], [0, 0]], coefficients: [1, 1, -1] },
      { exponents: [[1, 0], [0, 1], [0, 0]], coefficients: [1, 1, -2] },
    ]);
    expect(lines.paths.map((p) => p.outcome)).toEqual(["at-infinity"]);
    expect(lines.solutions).toHaveLength(0);
    expect(lines.complete).toBe(true);
    // x·y = 1, x·y = 2: four paths, to two singular points at infinity
    const hyper = solvePolynomialSystem([
      { exponents: [[1, 1], [0, 0]], coefficients: [1, -1] },
      { exponents: [[1, 1], [0, 0]], coefficients: [1, -2] },
    ]);
    expect(hyper.bezout).toBe(4);
    expect(hyper.paths.every((p) => p.outcome === "at-infinity")).toBe(true);
    expect(hyper.solutions).toHaveLength(0);
  });

  it("reports a line of solutions as a component of dimension 1, beside an isolated root", () => {
    // (x − y)(x − 2) = 0, (x − y)(y − 3) = 0: the line x = y and the point (2, 3)
    const r = solvePolynomialSystem([
      { exponents: [[2, 0], [1, 1], [1, 0], [0, 1]], coefficients: [1, -1, -2, 2] },
      { exponents: [[1, 1], [1, 0], [0, 2], [0, 1]], coefficients: [1, -3, -1, 3] },
    ]);
    expect(r.components.map((c) => c.dimension)).toEqual([1]);
    expect(r.solutions).toHaveLength(1);
    expect(inBox(r.solutions[0]!, 0, 2) && inBox(r.solutions[0]!, 1, 3)).toBe(true);
    for (const w of r.components[0]!.witnessPoints) expect(Math.hypot(w[0]!.re - w[1]!.re, w[0]!.im - w[1]!.im)).toBeLessThan(1e-6);
    // x(x − y) = 0, y(x − y) = 0: only the line (the origin lies on it)
    const line = solvePolynomialSystem([
      { exponents: [[2, 0], [1, 1]], coefficients: [1, -1] },
      { exponents: [[1, 1], [0, 2]], coefficients: [1, -1] },
    ]);
    expect(line.components.map((c) => c.dimension)).toEqual([1]);
    expect(line.solutions).toHaveLength(0);
  });

  it("certifies boundary roots: coordinates exactly 0 proved on the face", () => {
    // x(x + y − 3) = 0, y(2 − y) = 0: (0, 0), (0, 2), (3, 0), (1, 2)
    const r = solvePolynomialSystem([
      { exponents: [[2, 0], [1, 1], [1, 0]], coefficients: [1, 1, -3] },
      { exponents: [[0, 1], [0, 2]], coefficients: [2, -1] },
    ]);
    expect(r.complete && r.allCertified).toBe(true);
    expect(r.solutions).toHaveLength(4);
    expect(r.solutions.every((s) => s.certified.real && s.certified.nonNegative)).toBe(true);
    const zeros = (x: number, y: number) => r.solutions.find((s) => inBox(s, 0, x) && inBox(s, 1, y))?.certified.zeroCoordinates;
    expect(zeros(0, 0)).toEqual([0, 1]);
    expect(zeros(0, 2)).toEqual([0]);
    expect(zeros(3, 0)).toEqual([1]);
    expect(zeros(1, 2)).toEqual([]);
  });

  it("reports progress per path and rejects malformed systems with a message", () => {
    const seen: number[] = [];
    solvePolynomialSystem([productOfRoots(1, 0, [1, 2])], { onPath: (done, total) => { seen.push(done); expect(total).toBe(2); } });
    expect(seen).toEqual([1, 2]);
    expect(() => solvePolynomialSystem([{ exponents: [[1, 0]], coefficients: [1] }])).toThrow(/exponent vector has length 2, expected 1/);
    expect(() => solvePolynomialSystem([{ exponents: [[1]], coefficients: [0] }])).toThrow(/zero polynomial/);
    expect(() => solvePolynomialSystem([{ exponents: [[1]], coefficients: [NaN] }])).toThrow(/not finite/);
  });

  it("accepts flattened Int32Array exponents: (x − 1)(x − 2)(x − 3) = 0, y² = 2", () => {
    const r = solvePolynomialSystem([
      { exponents: Int32Array.from([3, 0, 2, 0, 1, 0, 0, 0]), coefficients: [1, -6, 11, -6] },
      { exponents: Int32Array.from([0, 2, 0, 0]), coefficients: [1, -2] },
    ]);
    expect(r.complete && r.allCertified).toBe(true);
    expect(r.solutions).toHaveLength(6);
    // √2 is irrational: the certified boxes must straddle it; −√2 roots are real but negative
    for (const x of [1, 2, 3]) for (const y of [Math.SQRT2, -Math.SQRT2]) {
      const straddles = (b: { lo: number; hi: number }): boolean => (y > 0 ? b.lo > 0 && b.lo * b.lo < 2 && b.hi * b.hi > 2 : b.hi < 0 && b.hi * b.hi < 2 && b.lo * b.lo > 2);
      const s = r.solutions.filter((s) => inBox(s, 0, x) && s.certified.real && straddles(s.certified.box![1]!.re));
      expect(s).toHaveLength(1);
      expect(s[0]!.certified.nonNegative).toBe(y > 0);
    }
  });

  it("evaluates residuals and Jacobians for callers", () => {
    const e = evaluatePolynomialSystem([{ exponents: [[2, 1], [0, 0]], coefficients: [3, -1] }, { exponents: [[0, 1]], coefficients: [1] }], [2, { re: 0, im: 1 }]);
    // 3 x² y − 1 at (2, i) = 12i − 1; ∂x = 6xy = 12i, ∂y = 3x² = 12
    expect(e.residual[0]).toEqual({ re: -1, im: 12 });
    expect(e.jacobian[0]).toEqual([{ re: 0, im: 12 }, { re: 12, im: 0 }]);
  });

  it("property: products of univariate polynomials with integer roots: every root found and certified", () => {
    const roots = fc.uniqueArray(fc.integer({ min: -6, max: 6 }), { minLength: 1, maxLength: 3 });
    fc.assert(fc.property(fc.array(roots, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 1000 }), (perEq, seed) => {
      const n = perEq.length;
      const r = solvePolynomialSystem(perEq.map((rs, v) => productOfRoots(n, v, rs)), { seed });
      const count = perEq.reduce((a, rs) => a * rs.length, 1);
      if (!r.complete || !r.allCertified || r.solutions.length !== count) return false;
      // every tuple of roots is in exactly one certified real box
      const tuples = perEq.reduce<number[][]>((acc, rs) => acc.flatMap((t) => rs.map((x) => [...t, x])), [[]]);
      return tuples.every((t) => r.solutions.filter((s) => s.certified.real && t.every((x, j) => inBox(s, j, x))).length === 1)
        && r.solutions.every((s) => s.certified.nonNegative === s.point.every((z) => z.re >= 0));
    }), { numRuns: 25 });
  });
});

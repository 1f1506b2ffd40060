/**
 * Closed forms the scan tests compare against, computed here from the equations and never from
 * ness: the Schlögl cubic's discriminant as a polynomial in the reservoir A and its real roots by
 * the trigonometric (Viète) formula, and the Schlögl and Brusselator networks as fixtures.
 */
import { fixtureNetwork } from "../mass-action-fixture.js";

/**
 * Schlögl with A + 2X ⇌ 3X (k1 A, k2), X ⇌ B (k3, k4 B):
 *   dx/dt = k1 A x² − k2 x³ − k3 x + k4 B,
 * i.e. −k2 (x³ + b x² + c x + d) with b = −k1 A / k2, c = k3 / k2, d = −k4 B / k2.
 */
export const SCHLOGL = { k1: 5.5, k2: 1, k3: 6.5, k4: 2, A: 1, B: 1 } as const;

export function schloglNetwork(k1: number = SCHLOGL.k1, A: number = SCHLOGL.A) {
  return fixtureNetwork({
    species: { X: 2 },
    reservoirs: { A, B: SCHLOGL.B },
    reactions: [
      { lhs: { X: 2 }, rhs: { X: 3 }, resLhs: { A: 1 }, kf: k1, kr: SCHLOGL.k2, id: "autocatalysis" },
      { lhs: { X: 1 }, rhs: {}, resRhs: { B: 1 }, kf: SCHLOGL.k3, kr: SCHLOGL.k4, id: "decay" },
    ],
  });
}

/**
 * The discriminant Δ = 18bcd − 4b³d + b²c² − 4c³ − 27d² of the monic cubic, with b = −β A:
 * a cubic polynomial in A, coefficients [A⁰, A¹, A², A³]. Folds are where Δ(A) = 0.
 */
export function schloglDiscriminant(): [number, number, number, number] {
  const { k1, k2, k3, k4, B } = SCHLOGL;
  const beta = k1 / k2, c = k3 / k2, d = -(k4 * B) / k2;
  // b = −β A: 18bcd = −18βcd A; −4b³d = 4β³d A³; b²c² = β²c² A²
  return [-4 * c ** 3 - 27 * d * d, -18 * beta * c * d, beta * beta * c * c, 4 * beta ** 3 * d];
}

/** The three real roots of p0 + p1 t + p2 t² + p3 t³ (when it has three), by Viète's cosine formula. */
export function cubicRealRoots([p0, p1, p2, p3]: readonly [number, number, number, number]): number[] {
  const a = p2 / p3, b = p1 / p3, c = p0 / p3;
  const q = (a * a - 3 * b) / 9, r = (2 * a ** 3 - 9 * a * b + 27 * c) / 54;
  if (r * r >= q ** 3) throw new Error("not three real roots");
  const theta = Math.acos(r / Math.sqrt(q ** 3));
  return [0, 1, 2].map((k) => -2 * Math.sqrt(q) * Math.cos((theta + 2 * Math.PI * k) / 3) - a / 3).sort((x, y) => x - y);
}

/** dx/dt of the Schlögl model and its x-derivative. */
export function schloglRate(x: number, A: number, k1: number = SCHLOGL.k1): { f: number; df: number; scale: number } {
  const { k2, k3, k4, B } = SCHLOGL;
  return { f: k1 * A * x * x - k2 * x ** 3 - k3 * x + k4 * B, df: 2 * k1 * A * x - 3 * k2 * x * x - k3, scale: k1 * A * x * x + k2 * x ** 3 + k3 * x + k4 * B };
}

/**
 * The irreversible Brusselator A → X, 2X + Y → 3X, B + X → Y, X → ∅ (all rate constants 1):
 * dx/dt = a − (b + 1) x + x² y, dy/dt = b x − x² y; one steady state (a, b/a), whose Jacobian
 * has trace b − 1 − a² and determinant a², so a Hopf point at b = 1 + a² with ω = a.
 */
export function brusselatorNetwork(a: number, b: number) {
  return fixtureNetwork({
    species: { X: a, Y: b / a },
    reservoirs: { A: a, B: b },
    reactions: [
      { lhs: {}, rhs: { X: 1 }, resLhs: { A: 1 }, kf: 1, kr: null },
      { lhs: { X: 2, Y: 1 }, rhs: { X: 3 }, kf: 1, kr: null },
      { lhs: { X: 1 }, rhs: { Y: 1 }, resLhs: { B: 1 }, kf: 1, kr: null },
      { lhs: { X: 1 }, rhs: {}, kf: 1, kr: null },
    ],
  });
}

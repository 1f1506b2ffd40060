/**
 * Paths to infinity are accounted for, never mistaken for path jumping, and no path is lost:
 * finite roots (with multiplicity) + paths at infinity = the Bézout number, and the real
 * certified roots are exactly the real solutions of an exact resultant computation
 * (test/helpers/resultant.ts), which shares no code with the homotopy.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { solvePolynomialSystem, type HomotopyResult, type Polynomial } from "../../../src/numeric/continuous/homotopy/index.js";
import { realSolutions, type Term } from "../../helpers/resultant.js";

const poly = (terms: readonly Term[]): Polynomial => ({ exponents: terms.map((t) => [t.x, t.y]), coefficients: terms.map((t) => t.c as number) });

/** Paths accounted for: finite isolated roots counted with their multiplicity, plus those at infinity. */
function accounted(r: HomotopyResult): number {
  return r.solutions.reduce((s, x) => s + x.multiplicity, 0) + r.paths.filter((p) => p.outcome === "at-infinity").length;
}

describe("paths at infinity", () => {
  it("the irreversible Brusselator a = 1, b = 3: 1 certified root (1, 3), 8 paths at infinity, complete", () => {
    // 1 − 4X + X²Y = 0, 3X − X²Y = 0: their sum is 1 − X, so (1, 3) is the only finite root;
    // the homogenised system meets X₀ = 0 where X²Y = 0, at [0:0:1] and [0:1:0] (singular)
    const f: Term[] = [{ c: 1, x: 0, y: 0 }, { c: -4, x: 1, y: 0 }, { c: 1, x: 2, y: 1 }];
    const g: Term[] = [{ c: 3, x: 1, y: 0 }, { c: -1, x: 2, y: 1 }];
    expect(realSolutions(f, g).points).toEqual([[1, 3]]);
    for (const seed of [1, 2, 3, 4]) {
      const r = solvePolynomialSystem([poly(f), poly(g)], { seed });
      expect(r.failures).toEqual([]);
      expect(r.complete && r.allCertified).toBe(true);
      expect(r.solutions).toHaveLength(1);
      const b = r.solutions[0]!.certified.box!;
      expect(b[0]!.re.lo <= 1 && 1 <= b[0]!.re.hi && b[1]!.re.lo <= 3 && 3 <= b[1]!.re.hi).toBe(true);
      expect(r.paths.filter((p) => p.outcome === "at-infinity")).toHaveLength(8);
    }
  });

  it("a badly scaled pump (Na/K, coefficients 1e-9 to 100): 5 certified roots, 20 paths at infinity, no false singular roots", () => {
    // a = Na_in, k = K_in with Na_out = 100 − a, K_out = 100 − k (the two conservation laws):
    // 3 × pump flux J = 1.5e-5 a³ (100 − k)² − 1.5e-9 (100 − a)³ k², leaks 0.01 (out − in)
    const eqs = [
      { exponents: [[3, 0, 0, 2], [0, 3, 2, 0], [0, 1, 0, 0], [1, 0, 0, 0]], coefficients: [-0.000015, 1.5e-9, 0.01, -0.01] },
      { exponents: [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 0]], coefficients: [1, 1, -100] },
      { exponents: [[3, 0, 0, 2], [0, 3, 2, 0], [0, 0, 1, 0], [0, 0, 0, 1]], coefficients: [0.00001, -1e-9, -0.01, 0.01] },
      { exponents: [[0, 0, 1, 0], [0, 0, 0, 1], [0, 0, 0, 0]], coefficients: [1, 1, -100] },
    ];
    const r = solvePolynomialSystem(eqs, { seed: 1 });
    expect(r.bezout).toBe(25);
    expect(r.failures).toEqual([]);
    expect(r.complete && r.allCertified).toBe(true);
    // every listed solution is a root: these paths sat nearly still for eight decades of t
    // before X₀ → 0 like t^(1/4), which the endgame had taken for singular roots with residual ~1
    expect(r.solutions.every((s) => s.certified.unique && s.residual < 1e-10)).toBe(true);
    expect(accounted(r)).toBe(25);
    // the real roots against the exact resultant of the reduced pair (a, k)
    const f: Term[] = [];
    const g: Term[] = [];
    // the reduced equations in (a, k), built term by term from (100 − k)² and (100 − a)³
    const binom = (n: number, k: number): number => (k === 0 || k === n ? 1 : binom(n - 1, k - 1) + binom(n - 1, k));
    const push = (into: Term[], c: number, x: number, y: number): void => { into.push({ c, x, y }); };
    for (const [into, cf, cb, leak] of [[f, -0.000015, 1.5e-9, -1], [g, 0.00001, -1e-9, 1]] as const) {
      // cf a³ (100 − k)² = cf Σ_j C(2, j) 100^(2−j) (−k)^j a³
      for (let j = 0; j <= 2; j++) push(into, cf * binom(2, j) * 100 ** (2 - j) * (-1) ** j, 3, j);
      // cb (100 − a)³ k² = cb Σ_j C(3, j) 100^(3−j) (−a)^j k²
      for (let j = 0; j <= 3; j++) push(into, cb * binom(3, j) * 100 ** (3 - j) * (-1) ** j, j, 2);
      // leak: f gets 0.01 (100 − a) − 0.01 a = 1 − 0.02 a; g gets −0.01 k + 0.01 (100 − k) = 1 − 0.02 k
      push(into, 1, 0, 0);
      if (leak < 0) push(into, -0.02, 1, 0); else push(into, -0.02, 0, 1);
    }
    const exact = realSolutions(f, g);
    expect(exact.continuum).toBe(false);
    // the expanded doubles are not exactly the pump's (1.5e-5 · 100² rounds), and where the k²
    // terms of f + 1.5 g cancel exactly in the pump they leave ~1e-21 k² here, balanced by the
    // −0.03 k of the leaks near k ~ 1e17: a root of the expansion only; compare within |x| ≤ 1e6
    const near = exact.points.filter(([a, k]) => Math.abs(a) <= 1e6 && Math.abs(k) <= 1e6);
    expect(exact.points.length - near.length).toBe(1);
    const real = r.solutions.filter((s) => s.certified.real);
    expect(real).toHaveLength(near.length);
    for (const [a, k] of near) expect(real.some((s) => Math.abs(s.point[0]!.re - a) < 1e-6 * Math.max(1, Math.abs(a)) && Math.abs(s.point[2]!.re - k) < 1e-6 * Math.max(1, Math.abs(k)))).toBe(true);
  });

  it("property: random sparse systems in 2 unknowns: every path accounted for, real roots = the resultant's", () => {
    const term = fc.record({ c: fc.integer({ min: -4, max: 4 }).filter((c) => c !== 0), x: fc.integer({ min: 0, max: 2 }), y: fc.integer({ min: 0, max: 2 }) });
    const eq = fc.array(term, { minLength: 2, maxLength: 4 }).map((ts) => {
      const m = new Map<string, Term>();
      for (const t of ts) { const k = `${t.x},${t.y}`; const o = m.get(k); m.set(k, { ...t, c: ((o?.c as number) ?? 0) + (t.c as number) }); }
      return [...m.values()].filter((t) => t.c !== 0);
    }).filter((ts) => ts.some((t) => t.x + t.y > 0));
    let checked = 0;
    fc.assert(fc.property(eq, eq, fc.integer({ min: 1, max: 1000 }), (f, g, seed) => {
      const exact = realSolutions(f, g);
      if (exact.continuum) return true; // a common factor: a curve, not a count (tested elsewhere)
      const r = solvePolynomialSystem([poly(f), poly(g)], { seed });
      if (r.components.length > 0 || r.solutions.some((s) => !s.certified.unique)) return true; // singular: no count to compare
      checked++;
      expect(r.failures).toEqual([]);
      expect(accounted(r)).toBe(r.bezout);
      const real = r.solutions.filter((s) => s.certified.real);
      expect(real).toHaveLength(exact.points.length);
      // each exact solution lies in exactly one certified real box
      exact.points.forEach(([x, y], k) => {
        const inside = real.filter((s) => { const b = s.certified.box!; return b[0]!.re.lo <= x && x <= b[0]!.re.hi && b[1]!.re.lo <= y && y <= b[1]!.re.hi; });
        expect(inside).toHaveLength(1);
        // non-negative is proved for interior points; a coordinate exactly 0 is proved only on a
        // face where an equation vanishes identically (mass action's case), so there it may be unproved
        const sign = exact.signs[k]!;
        if (sign.zeroX || sign.zeroY) expect(inside[0]!.certified.nonNegative && !sign.nonNegative).toBe(false);
        else expect(inside[0]!.certified.nonNegative).toBe(sign.nonNegative);
      });
      return true;
    }), { numRuns: 60, seed: 11 });
    expect(checked).toBeGreaterThan(30);
  });
});

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

/**
 * Steady states of two-species networks against an exact, independent count: Sylvester
 * resultants in BigInt and Sturm root isolation (test/helpers/resultant.ts) on the mass-action
 * ODE written out by hand (test/helpers/resultant-networks.ts). Every non-negative real solution
 * must be a listed, certified state, to 1e-12 relative, and nothing else may be listed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeStructure } from "../../../src/analysis/structure/index.js";
import { analyzeBalance } from "../../../src/analysis/balance/index.js";
import { analyzeSteadyStates } from "../../../src/analysis/steady-state/index.js";
import { resolveOptions } from "../../../src/analysis/options.js";
import { compiles } from "../../helpers/compile.js";
import { realSolutions, type Term } from "../../helpers/resultant.js";
import { massActionOde, networkText, type Reaction2 } from "../../helpers/resultant-networks.js";

function steady(text: string) {
  const net = compiles(text);
  const o = resolveOptions({});
  const structure = analyzeStructure(net, o);
  return analyzeSteadyStates(net, structure, { ...o, detailedBalance: analyzeBalance(net, structure, o) });
}

/** ness's states match the resultant's non-negative solutions one to one, each certified. */
function agrees(reactions: readonly Reaction2[], x0 = 1, y0 = 1): { count: number; complete: boolean } {
  const [f, g] = massActionOde(reactions);
  const exact = realSolutions(f, g);
  expect(exact.continuum).toBe(false);
  const want = exact.points.filter((_, k) => exact.signs[k]!.nonNegative);
  const ss = steady(networkText(reactions, x0, y0));
  expect(ss.states).toHaveLength(want.length);
  for (const [x, y] of want) {
    const close = (v: number | undefined, w: number): boolean => Math.abs((v ?? NaN) - w) <= 1e-12 * Math.max(1, Math.abs(w));
    const match = ss.states.filter((s) => close(s.concentrations[0], x) && close(s.concentrations[1], y));
    expect(match, `state (${x}, ${y})`).toHaveLength(1);
    expect(match[0]!.certificate?.certified).toBe(true);
  }
  return { count: want.length, complete: ss.complete && ss.certified === true };
}

const r = (from: [number, number], to: [number, number], k: number): Reaction2 => ({ from, to, k });
/** A + 2 S <-> 3 S @ kf, 1 and S <-> B @ k2, k3 (A = B = 1) for S = X or Y. */
const schlogl = (v: 0 | 1, kf: number, k2: number, k3: number): Reaction2[] => {
  const e = (n: number): [number, number] => (v === 0 ? [n, 0] : [0, n]);
  return [r(e(2), e(3), kf), r(e(3), e(2), 1), r(e(1), e(0), k2), r(e(0), e(1), k3)];
};

describe("two-species steady states against exact resultants", () => {
  it("Wilhelm's switch: exactly (0, 0), (2, 0.5), (6, 4.5), all listed and certified", () => {
    const wilhelm = [r([0, 1], [2, 0], 8), r([2, 0], [1, 1], 1), r([1, 1], [0, 1], 1), r([1, 0], [0, 0], 1.5)];
    const [f, g] = massActionOde(wilhelm);
    const exact = realSolutions(f, g);
    expect(exact.points.filter((_, k) => exact.signs[k]!.nonNegative)).toEqual([[0, 0], [2, 0.5], [6, 4.5]]);
    expect(agrees(wilhelm)).toEqual({ count: 3, complete: true });
  });

  it("the product of two Schlögl switches: 9 states, complete, whatever the initial amounts", () => {
    // roots 0.5, 1, 4 and 1, 2, 3: X³ − 5.5X² + 6.5X − 2, Y³ − 6Y² + 11Y − 6
    const product = [...schlogl(0, 5.5, 6.5, 2), ...schlogl(1, 6, 11, 6)];
    for (const [x0, y0] of [[1, 1], [0, 0], [10, 0.1]] as const) expect(agrees(product, x0, y0)).toEqual({ count: 9, complete: true });
  });

  it("coupled, not a product: the switch pair fed by X <-> X + Y, and a strong coupling X + Y -> 2 Y", () => {
    const feed = [...schlogl(0, 5.5, 6.5, 2), ...schlogl(1, 6, 11, 6), r([1, 0], [1, 1], 0.01), r([1, 1], [1, 0], 1e-4)];
    expect(agrees(feed)).toEqual({ count: 9, complete: true });
    // a strong coupling destroys some states: the resultant says how many remain
    const strong = [...schlogl(0, 5.5, 6.5, 2), ...schlogl(1, 6, 11, 6), r([1, 1], [0, 2], 0.25)];
    const got = agrees(strong);
    expect(got.complete).toBe(true);
    expect(got.count).toBeLessThan(9);
  });

  it("a fold × a switch: 6 states, the 3 on the fold singular (multiplicity 2), said so, and the list not called complete", () => {
    // dX = −(X − 1)²(X − 2) (a fold at X = 1: a double root), dY = −(Y − 1)(Y − 2)(Y − 3)
    const fold = [...schlogl(0, 4, 5, 2), ...schlogl(1, 6, 11, 6)];
    const [f, g] = massActionOde(fold);
    const exact = realSolutions(f, g);
    expect(exact.points).toEqual([[1, 1], [1, 2], [1, 3], [2, 1], [2, 2], [2, 3]]);
    const ss = steady(networkText(fold, 2, 2));
    expect(ss.states).toHaveLength(6);
    for (const [x, y] of exact.points) {
      const s = ss.states.find((st) => Math.abs(st.concentrations[0]! - x) < 1e-9 && Math.abs(st.concentrations[1]! - y) < 1e-9);
      expect(s, `state (${x}, ${y})`).toBeDefined();
      expect(s!.certificate?.certified).toBe(x === 2);
      if (x === 1) expect(s!.certificate?.detail).toMatch(/^singular, multiplicity 2/);
    }
    expect(ss.complete).toBe(false);
    expect(ss.notes.join("\n")).toMatch(/3 listed state\(s\) are not certified \(singular, multiplicity 2/);
    expect(ss.paths).toMatchObject({ total: 9, finite: 3, singular: 6, failed: 0 });
  });

  it("the three-species boundary system on its face C = 0: (1, 0) and (2, −1/2), only the first non-negative", () => {
    // dA = 1 − A − AB, dB = B(A − 2 − C), dC = C(B − 1); C = 0 leaves f, g in (A, B); C ≠ 0 forces
    // B = 1, then A = 1/2 and C = A − 2 = −3/2 < 0: so (1, 0, 0) is the only state (listed in
    // steady-state-homotopy.test.ts)
    const f: Term[] = [{ c: 1, x: 0, y: 0 }, { c: -1, x: 1, y: 0 }, { c: -1, x: 1, y: 1 }];
    const g: Term[] = [{ c: 1, x: 1, y: 1 }, { c: -2, x: 0, y: 1 }];
    const exact = realSolutions(f, g);
    expect(exact.points).toEqual([[1, 0], [2, -0.5]]);
    expect(exact.signs.map((s) => s.nonNegative)).toEqual([true, false]);
  });

  it("property: random two-species networks (switch pairs with random couplings, and free-form ones): ness's count is the resultant's", () => {
    const complexes: [number, number][] = [[0, 0], [1, 0], [0, 1], [2, 0], [1, 1], [0, 2], [3, 0], [2, 1], [1, 2], [0, 3]];
    const k = fc.constantFrom(0.25, 0.5, 1, 1.5, 2, 3, 4, 6);
    const weak = fc.constantFrom(1 / 64, 1 / 16, 1 / 8, 1 / 4, 1 / 2);
    const reaction = (kk: fc.Arbitrary<number>) => fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }), kk).filter(([a, b]) => a !== b)
      .map(([a, b, c]) => r(complexes[a]!, complexes[b]!, c));
    // −(S − a)(S − b)(S − c) with roots in quarters, so every coefficient is an exact dyadic
    const roots = fc.uniqueArray(fc.integer({ min: 1, max: 16 }), { minLength: 3, maxLength: 3 }).map((q) => q.map((v) => v / 4));
    const switchPart = (v: 0 | 1, [a = 0, b = 0, c = 0]: number[]): Reaction2[] => schlogl(v, a + b + c, a * b + b * c + c * a, a * b * c);
    const coupled = fc.tuple(roots, roots, fc.array(reaction(weak), { minLength: 1, maxLength: 3 }))
      .map(([a, b, extra]) => [...switchPart(0, a), ...switchPart(1, b), ...extra]);
    const inflow = fc.option(k, { nil: undefined });
    // outflows X -> 0 and Y -> 0 make rank 2 (no conservation law): the class is the quadrant
    const free = fc.tuple(fc.array(reaction(k), { minLength: 2, maxLength: 5 }), k, k, inflow, inflow).map(([extra, kx, ky, ix, iy]) => [
      ...extra, r([1, 0], [0, 0], kx), r([0, 1], [0, 0], ky), ...(ix === undefined ? [] : [r([0, 0], [1, 0], ix)]), ...(iy === undefined ? [] : [r([0, 0], [0, 1], iy)]),
    ]);
    let compared = 0, multistable = 0;
    fc.assert(fc.property(fc.oneof(coupled, free), (reactions) => {
      const [f, g] = massActionOde(reactions);
      const exact = realSolutions(f, g);
      if (exact.continuum || f.length === 0 || g.length === 0) return true;
      compared++;
      const got = agrees(reactions);
      if (got.count > 1) multistable++;
      return true;
    }), { numRuns: 40, seed: 1111 });
    expect(compared).toBeGreaterThan(30);
    expect(multistable).toBeGreaterThan(10);
  });
});

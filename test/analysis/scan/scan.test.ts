/**
 * Parameter scans against closed forms: the Schlögl S-curve's folds where the cubic's
 * discriminant vanishes (1e-8 relative), its counts 1, 3, 1 with a bistable hysteresis range
 * between the folds, stability from the sign of ∂f/∂x; the Brusselator's Hopf point at
 * b = 1 + a² with ω = a; a conserved pair against its exact steady state.
 */
import { describe, expect, it } from "vitest";
import { networkWith, scanParameter, type ParameterScan } from "../../../src/analysis/scan/index.js";
import type { Network, ParameterValue } from "../../../src/network/types.js";
import { fixtureNetwork } from "../mass-action-fixture.js";
import { brusselatorNetwork, cubicRealRoots, schloglDiscriminant, schloglNetwork, schloglRate } from "./closed-forms.js";

function scanned(network: Network, options: Parameters<typeof scanParameter>[1]): ParameterScan {
  const out = scanParameter(network, options);
  if (!out.ok) throw new Error(out.why);
  return out.scan;
}

const relative = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe("the Schlögl S-curve", () => {
  // Δ(A) has three real roots: one negative, and the two folds
  const roots = cubicRealRoots(schloglDiscriminant()).filter((r) => r > 0);
  const scan = scanned(schloglNetwork(), { param: "A", from: 0.5, to: 1.5 });

  it("has both folds where the discriminant of the cubic vanishes, to 1e-8 relative", () => {
    expect(roots).toHaveLength(2);
    const folds = scan.folds.map((f) => f.p).sort((a, b) => a - b);
    expect(folds).toHaveLength(2);
    for (const [i, r] of roots.entries()) expect(relative(folds[i]!, r)).toBeLessThan(1e-8);
    expect(scan.folds.every((f) => f.located)).toBe(true);
  });

  it("puts each fold at the cubic's double root: f = 0 and ∂f/∂x = 0 there", () => {
    for (const f of scan.folds) {
      const { f: rate, df, scale } = schloglRate(f.x[0]!, f.p);
      expect(Math.abs(rate)).toBeLessThan(1e-12 * scale);
      expect(Math.abs(df)).toBeLessThan(1e-6 * scale);
    }
  });

  it("counts 1, 3, 1 states and 1, 2, 1 stable ones, bistable with hysteresis between the folds", () => {
    expect(scan.intervals.map((i) => i.states)).toEqual([1, 3, 1]);
    expect(scan.intervals.map((i) => i.stable)).toEqual([1, 2, 1]);
    expect(scan.multistable).toHaveLength(1);
    const m = scan.multistable[0]!;
    expect(relative(m.from, roots[0]!)).toBeLessThan(1e-8);
    expect(relative(m.to, roots[1]!)).toBeLessThan(1e-8);
    expect(m.hysteresis).toBe(true);
  });

  it("follows steady states, stable exactly where ∂f/∂x < 0", () => {
    const points = scan.branches.flatMap((b) => b.points);
    expect(points.length).toBeGreaterThan(50);
    for (const pt of points) {
      const { f, df, scale } = schloglRate(pt.x[0]!, pt.p);
      expect(Math.abs(f)).toBeLessThan(1e-7 * scale);
      if (pt.special) continue;
      if (Math.abs(df) > 1e-6 * scale) expect(pt.stable).toBe(df < 0);
    }
    // the branch spans the whole range, end to end
    const ps = points.map((p) => p.p);
    expect(Math.min(...ps)).toBe(0.5);
    expect(Math.max(...ps)).toBe(1.5);
  });

  it("finds the same folds when the range starts inside the bistable range (three seeds at from)", () => {
    const inner = scanned(schloglNetwork(), { param: "A", from: 1, to: 1.2 });
    expect(inner.folds).toHaveLength(1);
    expect(relative(inner.folds[0]!.p, roots[1]!)).toBeLessThan(1e-8);
    expect(inner.intervals.map((i) => i.states)).toEqual([3, 1]);
  });

  it("follows the branch to a reservoir at 0 (one-sided ∂G/∂p at the edge of the domain)", () => {
    const fromZero = scanned(schloglNetwork(), { param: "A", from: 0, to: 2, interiorSeeds: 2 });
    expect(fromZero.branches.map((b) => b.ends)).toEqual([["range", "range"]]);
    expect(fromZero.intervals.map((i) => i.states)).toEqual([1, 3, 1]);
    // at A = 0 the state solves x³ + 6.5 x − 2 = 0
    const first = fromZero.branches[0]!.points.find((p) => p.p === 0)!;
    expect(Math.abs(first.x[0]! ** 3 + 6.5 * first.x[0]! - 2)).toBeLessThan(1e-12);
  }, 60_000);

  it("scans a param through a recompile: k1 = 5.5 A, so the folds sit at 5.5 × the A folds", () => {
    const base = schloglNetwork();
    const withParam = (k: number): Network => ({ ...schloglNetwork(k, 1), params: new Map([["k1", k]]) });
    const recompile = (values: readonly ParameterValue[]): Network | string => {
      const k = values.find((v) => v.name === "k1")?.value;
      return k === undefined ? "no k1" : withParam(k);
    };
    const net = withParam(5.5);
    expect(base.params.size).toBe(0);
    const byParam = scanned(net, { param: "k1", from: 4, to: 7, recompile });
    expect(byParam.kind).toBe("param");
    const folds = byParam.folds.map((f) => f.p).sort((a, b) => a - b);
    expect(folds).toHaveLength(2);
    for (const [i, r] of roots.entries()) expect(relative(folds[i]!, 5.5 * r)).toBeLessThan(1e-8);
  });
});

describe("the Brusselator", () => {
  it.each([1, 1.5])("has its Hopf point at b = 1 + a² with ω = a (a = %s)", (a) => {
    const scan = scanned(brusselatorNetwork(a, 1), { param: "B", from: 1, to: 2 + 2 * a * a, interiorSeeds: 1 });
    expect(scan.hopfs).toHaveLength(1);
    const hopf = scan.hopfs[0]!;
    expect(relative(hopf.p, 1 + a * a)).toBeLessThan(1e-8);
    expect(relative(hopf.frequency, a)).toBeLessThan(1e-8);
    expect(relative(hopf.x[0]!, a)).toBeLessThan(1e-8);
    expect(relative(hopf.x[1]!, (1 + a * a) / a)).toBeLessThan(1e-8);
    expect(scan.folds).toHaveLength(0);
    // stable below the Hopf point, unstable above: one stable state, then none
    expect(scan.intervals.map((i) => [i.states, i.stable])).toEqual([[1, 1], [1, 0]]);
  }, 60_000);
});

describe("a conservation law", () => {
  // E + X <-> Y with E a reservoir: x + y = T, kf E x = kr y, so x = T kr / (kf E + kr)
  const T = 3, kf = 2, kr = 0.5;
  const network = fixtureNetwork({ species: { X: 1, Y: 2 }, reservoirs: { E: 1 }, reactions: [{ lhs: { X: 1 }, rhs: { Y: 1 }, resLhs: { E: 1 }, kf, kr }] });

  it("follows the one state of the class, exactly", () => {
    const scan = scanned(network, { param: "E", from: 0.1, to: 10 });
    expect(scan.branches).toHaveLength(1);
    for (const pt of scan.branches[0]!.points) {
      const x = (T * kr) / (kf * pt.p + kr);
      expect(relative(pt.x[0]!, x)).toBeLessThan(1e-9);
      expect(relative(pt.x[1]!, T - x)).toBeLessThan(1e-9);
      expect(pt.stable).toBe(true);
    }
    expect(scan.folds).toHaveLength(0);
    expect(scan.intervals).toEqual([{ from: 0.1, to: 10, states: 1, stable: 1 }]);
  });
});

describe("what cannot be scanned", () => {
  it("says why for an unknown name, a param without a source, a bad range", () => {
    const net = schloglNetwork();
    const why = (o: Parameters<typeof scanParameter>[1], network: Network = net): string => {
      const out = scanParameter(network, o);
      return out.ok ? "" : out.why;
    };
    expect(why({ param: "Q", from: 0, to: 1 })).toMatch(/neither a param nor a reservoir.*A, B/);
    expect(why({ param: "A", from: 1, to: 1 })).toMatch(/from < to/);
    expect(why({ param: "A", from: -1, to: 1 })).toMatch(/at 0 or above/);
    const withParam = { ...net, params: new Map([["k", 1]]) };
    expect(why({ param: "k", from: 0, to: 1 }, withParam)).toMatch(/needs the network's source/);
  });

  it("replaces reservoir values directly and refuses a param without a recompile", () => {
    const net = schloglNetwork();
    const at = networkWith(net, [{ name: "A", value: 2 }]);
    expect("network" in at && at.network.reservoirs[0]!.value).toBe(2);
    const param = networkWith({ ...net, params: new Map([["k", 1]]) }, [{ name: "k", value: 2 }]);
    expect("why" in param && param.why).toMatch(/recompile/);
  });
});

describe("two uncoupled Schlögl switches (k1 = 5.5 and 5.2, both fed by A)", () => {
  // each switch folds where its own discriminant vanishes: X at the roots r, Y at (5.5 / 5.2) r
  const roots = cubicRealRoots(schloglDiscriminant()).filter((r) => r > 0);
  const network = fixtureNetwork({
    species: { X: 2, Y: 2 },
    reservoirs: { A: 1, B: 1 },
    reactions: [
      { lhs: { X: 2 }, rhs: { X: 3 }, resLhs: { A: 1 }, kf: 5.5, kr: 1 },
      { lhs: { X: 1 }, rhs: {}, resRhs: { B: 1 }, kf: 6.5, kr: 2 },
      { lhs: { Y: 2 }, rhs: { Y: 3 }, resLhs: { A: 1 }, kf: 5.2, kr: 1 },
      { lhs: { Y: 1 }, rhs: {}, resRhs: { B: 1 }, kf: 6.5, kr: 2 },
    ],
  });

  it("has the product's folds and counts: 1, 3, 9, 3, 1 states, 1, 2, 4, 2, 1 stable", () => {
    const scan = scanned(network, { param: "A", from: 0.5, to: 1.5 });
    const [x1, x2] = [roots[0]!, roots[1]!];
    const [y1, y2] = [(5.5 / 5.2) * x1, (5.5 / 5.2) * x2];
    // a fold of one switch once per state of the other there: 1 + 3 (X's) and 3 + 1 (Y's)
    const multiplicity = (p: number): number => scan.folds.filter((f) => relative(f.p, p) < 1e-8).length;
    expect([x1, x2, y1, y2].map(multiplicity)).toEqual([1, 3, 3, 1]);
    expect(scan.folds).toHaveLength(8);
    expect(scan.intervals.map((i) => i.states)).toEqual([1, 3, 9, 3, 1]);
    expect(scan.intervals.map((i) => i.stable)).toEqual([1, 2, 4, 2, 1]);
    const ends = scan.intervals.map((i) => i.to);
    for (const [i, p] of [x1, y1, x2, y2].entries()) expect(relative(ends[i]!, p)).toBeLessThan(1e-8);
  }, 60_000);
});

describe("Wilhelm's switch, scanned in k4 (with its boundary state)", () => {
  // dy/dt = x² − 8y, dx/dt = 16y − x² − xy − k4 x: y = x²/8 and x (x − x²/8 − k4) = 0, so x = 0
  // or x = 4 ± √(16 − 8 k4): a fold at k4 = 2 (x = 4, y = 2), and the origin, stable, throughout
  const wilhelm = (k4: number): Network => ({
    ...fixtureNetwork({
      species: { X: 2, Y: 2 },
      reactions: [
        { lhs: { Y: 1 }, rhs: { X: 2 }, kf: 8, kr: null },
        { lhs: { X: 2 }, rhs: { X: 1, Y: 1 }, kf: 1, kr: null },
        { lhs: { X: 1, Y: 1 }, rhs: { Y: 1 }, kf: 1, kr: null },
        { lhs: { X: 1 }, rhs: {}, kf: k4, kr: null },
      ],
    }),
    params: new Map([["k4", k4]]),
  });
  const recompile = (values: readonly ParameterValue[]): Network | string => wilhelm(values[0]!.value);

  it("has the fold at k4 = 2 and the boundary branch x = y = 0: 3 states (2 stable), then 1", () => {
    const scan = scanned(wilhelm(1.5), { param: "k4", from: 0.5, to: 3, recompile, interiorSeeds: 2 });
    expect(scan.folds).toHaveLength(1);
    expect(relative(scan.folds[0]!.p, 2)).toBeLessThan(1e-8);
    expect(relative(scan.folds[0]!.x[0]!, 4)).toBeLessThan(1e-6);
    expect(scan.intervals.map((i) => [i.states, i.stable])).toEqual([[3, 2], [1, 1]]);
    for (const pt of scan.branches.flatMap((b) => b.points)) {
      const [x, y] = [pt.x[0]!, pt.x[1]!];
      expect(Math.abs(y - (x * x) / 8)).toBeLessThan(1e-8 * Math.max(1, y));
      if (x > 1e-9) expect(Math.abs(x - x * x / 8 - pt.p)).toBeLessThan(1e-8 * Math.max(1, x));
    }
  }, 60_000);
});

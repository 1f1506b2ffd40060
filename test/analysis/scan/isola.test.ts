/**
 * A closed branch (an isola) against its closed form. One species X with
 *
 *   3 X -> 2 X @ 1,  2 X -> 3 X @ 7,  X -> 0 @ 15 + c,  0 -> X @ 9 + c,   c = ((P − p0)/w)² − 1,
 *
 * has dx/dt = −x³ + 7x² − (15 + c)x + 9 + c = −(x − 1)((x − 3)² + c): the line x = 1 (stable,
 * f'(1) = −(4 + c) < 0) and, for |P − p0| ≤ w, the circle-like isola (x − 3)² = 1 − ((P − p0)/w)²,
 * x = 3 ± √(1 − ((P − p0)/w)²), with its two folds at P = p0 ± w (x = 3): the upper half stable
 * (f' = −(x − 1)·2(x − 3) < 0), the lower half unstable. Every rate stays positive (c ≥ −1).
 */
import { describe, expect, it } from "vitest";
import { scanParameter, type ParameterScan } from "../../../src/analysis/scan/index.js";
import { compile } from "../../../src/compile/index.js";
import type { Network } from "../../../src/network/types.js";

const p0 = 2.3, w = 0.25;
const text = (P: number): string => `param P = ${P}
species X = 0.5
r3: 3 X -> 2 X @ 1
r2: 2 X -> 3 X @ 7
out: X -> 0 @ 15 + ((P - ${p0}) / ${w})^2 - 1
in: 0 -> X @ 9 + ((P - ${p0}) / ${w})^2 - 1
`;
function net(P: number): Network {
  const { network, diagnostics } = compile(text(P), "isola.crn");
  if (network === null) throw new Error(diagnostics.map((d) => d.message).join("; "));
  return network;
}
function scanned(from: number, to: number, interiorSeeds?: number): ParameterScan {
  const out = scanParameter(net(2), { param: "P", from, to, ...(interiorSeeds === undefined ? {} : { interiorSeeds }), recompile: (values) => {
    const P = values.find((v) => v.name === "P")?.value;
    return P === undefined ? "no value for P" : net(P);
  } });
  if (!out.ok) throw new Error(out.why);
  return out.scan;
}

describe("an isola between the ends of the range", () => {
  it("is found from the interior seeds, traced once as a closed branch, with both folds at p0 ± w", () => {
    const scan = scanned(1, 4);
    // the line x = 1 and the isola: two branches, not one per seed that lands on the isola
    expect(scan.branches).toHaveLength(2);
    const isola = scan.branches.find((b) => b.points.some((q) => (q.x[0] ?? 0) > 2));
    expect(isola?.ends).toEqual(["closed", "closed"]);
    const folds = scan.folds.map((f) => f.p).sort((a, b) => a - b);
    expect(folds).toHaveLength(2);
    expect(Math.abs(folds[0]! - (p0 - w))).toBeLessThan(1e-9);
    expect(Math.abs(folds[1]! - (p0 + w))).toBeLessThan(1e-9);
    for (const f of scan.folds) expect(Math.abs(f.x[0]! - 3)).toBeLessThan(1e-6);
    // every point of the isola on the closed form, stable exactly on the upper half
    for (const q of isola!.points) {
      const x = q.x[0]!, s = (q.p - p0) / w;
      expect(Math.abs((x - 3) ** 2 + s * s - 1)).toBeLessThan(1e-8);
      if (q.special === undefined && Math.abs(x - 3) > 1e-3) expect(q.stable).toBe(x > 3);
    }
    // 1 state outside [p0 − w, p0 + w], 3 inside (2 stable)
    const inside = scan.intervals.find((i) => i.from >= p0 - w - 1e-9 && i.to <= p0 + w + 1e-9);
    expect(inside?.states).toBe(3);
    expect(inside?.stable).toBe(2);
    expect(scan.intervals.filter((i) => i.to <= p0 - w + 1e-9 || i.from >= p0 + w - 1e-9).every((i) => i.states === 1 && i.stable === 1)).toBe(true);
    // bistable between the folds (the line and the isola's upper half), no hysteresis loop: the
    // isola's folds do not join the line
    expect(scan.multistable.map((m) => [m.from, m.to])).toHaveLength(1);
  });

  it("is missed when it lies wholly between the seed values, and the notes say a closed branch may be missed", () => {
    // no interior seeds: only P = 1 and P = 4, both outside the isola
    const scan = scanned(1, 4, 0);
    expect(scan.branches).toHaveLength(1);
    expect(scan.notes.join("\n")).toMatch(/closed branch lying wholly between them would be missed/);
  });
});

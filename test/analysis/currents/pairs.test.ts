/**
 * Opposite one-way reactions are one reversible pair for currents and entropy production
 * (shared/LANGUAGE.md; issue 10 item 7): `A -> B @ 2` with `B -> A @ 1` is A ⇌ B at equilibrium,
 * and a network written with pairs gives what its two-way rewrite gives.
 */
import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/analysis/index.js";
import { compile } from "../../../src/compile/index.js";
import { oppositePairs } from "../../../src/network/pairs.js";
import type { Network } from "../../../src/network/types.js";

function build(text: string): Network {
  const { network, diagnostics } = compile(text, "test.crn");
  if (network === null) throw new Error(diagnostics.map((d) => d.message).join("\n"));
  return network;
}
const num = (a: number | null | undefined): number => a ?? NaN;

describe("opposite one-way reactions as one reversible pair", () => {
  for (const kind of ["species", "state"]) {
    it(`${kind}: A -> B @ 2 and B -> A @ 1 is A ⇌ B at equilibrium: σ = 0, no cycle, a note`, () => {
      const a = analyze(build(`${kind} A = 1, B\nr1: A -> B @ 2\nr2: B -> A @ 1\n`));
      const s = a.steadyStates.states[0];
      expect(num(s?.concentrations[0])).toBeCloseTo(1 / 3, 14);
      expect(Math.abs(num(s?.entropyProduction))).toBeLessThanOrEqual(1e-15);
      expect(a.currents?.cycles).toEqual([]);
      expect(a.currents?.pairs).toEqual([[0, 1]]);
      for (const j of a.currents?.fluxes ?? [NaN]) expect(Math.abs(j)).toBeLessThanOrEqual(1e-15);
      expect(Math.abs(num(a.currents?.cycleEntropyProduction))).toBeLessThanOrEqual(1e-15);
      expect(a.notes.join("\n")).toMatch(/treated as one reversible reaction.*r1 with r2/);
      expect(a.detailedBalance.holds).toBe(true);
    });
  }

  it("with reservoirs: A + X -> B and B -> A + X pair; B -> A + Y does not", () => {
    expect(oppositePairs(build("species A, B\nreservoir X = 2\nA + X -> B @ 1\nB -> A + X @ 1\n")).pairs).toEqual([[0, 1]]);
    expect(oppositePairs(build("species A, B\nreservoir X = 2, Y = 1\nA + X -> B @ 1\nB -> A + Y @ 1\n")).pairs).toEqual([]);
    const a = analyze(build("species A = 1, B\nreservoir X = 2\nA + X -> B @ 1\nB -> A + X @ 1\n"));
    const s = a.steadyStates.states[0];
    expect(num(s?.concentrations[1]) / num(s?.concentrations[0])).toBeCloseTo(2, 12); // B/A = [X] k⁺/k⁻
    expect(Math.abs(num(s?.entropyProduction))).toBeLessThanOrEqual(1e-15);
    expect(a.currents?.cycles).toEqual([]);
  });

  for (const kind of ["species", "state"]) {
    it(`${kind}: a driven ring written with a pair gives its two-way rewrite's currents and σ`, () => {
      const ring = "B <-> C @ 1, 1\nC <-> A @ 1, 1\n";
      const paired = analyze(build(`${kind} A = 1, B, C\nr1: A -> B @ 2\nr2: B -> A @ 1\n${ring}`));
      const twoWay = analyze(build(`${kind} A = 1, B, C\nr1: A <-> B @ 2, 1\n${ring}`));
      const sp = paired.steadyStates.states[0], st = twoWay.steadyStates.states[0];
      const sigma = num(st?.entropyProduction);
      expect(sigma).toBeGreaterThan(0);
      expect(Math.abs(num(sp?.entropyProduction) - sigma)).toBeLessThanOrEqual(1e-14 * sigma);
      expect(paired.currents?.cycles).toHaveLength(1);
      const [cp] = paired.currents?.cycles ?? [], [ct] = twoWay.currents?.cycles ?? [];
      expect(Math.abs(num(cp?.affinity))).toBeCloseTo(Math.log(2), 14);
      expect(Math.abs(num(cp?.current))).toBeCloseTo(Math.abs(num(ct?.current)), 14);
      expect(Math.abs(num(paired.currents?.cycleEntropyProduction) - sigma)).toBeLessThanOrEqual(1e-12 * sigma);
      // the pair's net flux is the ring's current
      const net = paired.currents?.fluxes ?? [];
      expect(Math.abs(num(net[0]) - num(st?.fluxes[0]))).toBeLessThanOrEqual(1e-14);
    });
  }
});

/**
 * Thermodynamics by construction: `energy` declarations and `@ barrier` / `@ prefactor` reactions.
 * Known answers in closed form: kf = ν e^{−(G‡ − G_R)}, kr = ν e^{−(G‡ − G_P)}; prefactor only
 * kf = ν e^{−ΔG/2}, kr = ν e^{+ΔG/2}; a cycle's affinity is −Σ_Y (S_res c)_Y (G°_Y + ln[Y]).
 */
import { describe, expect, it } from "vitest";
import { analyzeBalance } from "../../src/analysis/balance/index.js";
import { analyzeStructure } from "../../src/analysis/structure/index.js";
import { compile } from "../../src/compile/index.js";
import { CODES } from "../../src/diagnostics.js";
import type { Network } from "../../src/network/types.js";
import { compiles, errorsOf, warningsOf } from "../helpers/compile.js";

const rates = (n: Network): [number, number | null][] => n.reactions.map((r) => [r.forward.value, r.reverse?.value ?? null]);

describe("energy and @ barrier / @ prefactor", () => {
  const text = [
    "energy A = 0, B = -1.5, C = 1",
    "species A = 1, B, C",
    "r1: A <-> B @ barrier 2.0",
    "r2: B <-> C @ barrier 3 prefactor 10",
    "r3: C <-> A @ prefactor 5",
    "r4: 2 B <-> C @ prefactor 2 barrier 1.5",
  ].join("\n");

  it("lowers to the closed-form constants and records the energies", () => {
    const n = compiles(text);
    expect(rates(n)).toEqual([
      [Math.exp(-(2 - 0)), Math.exp(-(2 - -1.5))],
      [10 * Math.exp(-(3 - -1.5)), 10 * Math.exp(-(3 - 1))],
      [5 * Math.exp(-(0 - 1) / 2), 5 * Math.exp((0 - 1) / 2)],
      [2 * Math.exp(-(1.5 - -3)), 2 * Math.exp(-(1.5 - 1))],
    ]);
    expect(n.thermodynamics).toEqual({ species: [0, -1.5, 1], reservoirs: [], constructed: [true, true, true, true] });
    expect(n.reactions.map((r) => r.forward.exact)).toEqual([null, null, null, null]);
    // the span of a constructed constant is what was written after '@'
    expect(n.reactions[1]?.forward.span).toMatchObject({ line: 4, column: 15, length: "barrier 3 prefactor 10".length });
  });

  it("a constructed network without reservoir drive is balanced by construction, every cycle", () => {
    // with r5 = A + B <-> C: 5 reactions of rank 3, so two independent cycles
    const n = compiles(`${text}\nr5: A + B <-> C @ barrier 4`);
    expect(analyzeStructure(n).cycles).toHaveLength(2);
    const db = analyzeBalance(n);
    expect(db.verdict).toBe("holds");
    expect(db.decided).toEqual({ exact: 0, bound: 0, "user-tolerance": 0, construction: 2, undecided: 0 });
  });

  it("a Markov ring of states built from energies is balanced by construction too", () => {
    const n = compiles("energy S1 = 0, S2 = 0.7, S3 = -2\nstate S1, S2, S3\nS1 <-> S2 @ barrier 3\nS2 <-> S3 @ barrier 1\nS3 <-> S1 @ prefactor 4");
    const db = analyzeBalance(n);
    expect([db.verdict, db.decided.construction]).toEqual(["holds", 1]);
  });

  it("reservoirs drive a constructed cycle by exactly −Σ_Y (S_res c)_Y μ_Y, μ_Y = G°_Y + ln[Y]", () => {
    const n = compiles([
      "energy E = 0, EP = 2, ATP = -5, ADP = 3, Pi = -1",
      "reservoir ATP = 1e-3, ADP = 1e-4, Pi = 1e-2",
      "species E = 1, EP",
      "r1: E + ATP <-> EP + ADP @ barrier 4",
      "r2: EP <-> E + Pi @ barrier 5 prefactor 3",
    ].join("\n"));
    expect(n.thermodynamics?.reservoirs).toEqual([-5, 3, -1]);
    const mu = (g: number, c: number): number => g + Math.log(c);
    // c = r1 + r2: S_res c = (ATP −1, ADP +1, Pi +1)
    const affinity = mu(-5, 1e-3) - mu(3, 1e-4) - mu(-1, 1e-2);
    const db = analyzeBalance(n);
    expect(db.verdict).toBe("fails");
    expect(db.decided.construction).toBe(0);
    const [v] = db.violations;
    expect(Math.abs(v?.affinity ?? NaN)).toBeCloseTo(Math.abs(affinity), 13);
    expect(Math.sign(v?.affinity ?? NaN) * (v?.cycle[0] ?? NaN)).toBe(Math.sign(affinity));
  });

  it("reservoirs whose chemical potentials cancel leave the cycle balanced by construction", () => {
    // ATP → ADP + Pi around the cycle, with μ_ATP = μ_ADP + μ_Pi: G° and ln[Y] chosen to cancel
    const n = compiles([
      "energy E = 0, EP = 2, ATP = -5, ADP = -1, Pi = -4",
      "reservoir ATP = 1, ADP = 1, Pi = 1",
      "species E = 1, EP",
      "r1: E + ATP <-> EP + ADP @ barrier 4",
      "r2: EP <-> E + Pi @ barrier 5",
    ].join("\n"));
    const db = analyzeBalance(n);
    // S_res c ≠ 0, so not by construction: judged on the numbers, balanced within its rounding bound
    expect([db.verdict, db.decided.construction, db.decided.bound]).toEqual(["holds", 0, 1]);
  });

  it("plain reactions and constructed ones mix in one file; only the constructed are marked", () => {
    const n = compiles("energy A = 0, B = 1\nspecies A = 1, B, C\nA <-> B @ barrier 3\nB <-> C @ 1, 2");
    expect(n.thermodynamics?.constructed).toEqual([true, false]);
    expect(n.thermodynamics?.species).toEqual([0, 1, NaN]);
  });

  it("energies may come after the reactions, and use params declared before them", () => {
    const n = compiles("param g = -1.5\nspecies A = 1, B\nA <-> B @ barrier 2\nenergy A = 0, B = g");
    expect(rates(n)).toEqual([[Math.exp(-2), Math.exp(-3.5)]]);
  });

  it("energy, barrier and prefactor stay ordinary names elsewhere", () => {
    const n = compiles("param barrier = 2, prefactor = 3\nspecies energy = 1, B\nenergy -> B @ barrier\nB + energy <-> 2 B @ prefactor, barrier * 2");
    expect(rates(n)).toEqual([[2, null], [3, 4]]);
    expect(n.thermodynamics).toBeNull();
  });
});

describe("diagnostics of construction", () => {
  it.each([
    ["energy for an undeclared name", "species A = 1, B\nenergy A = 0, Bx = 1\nA <-> B @ barrier 2", ["energy-unknown-name@2:15", "energy-missing@3:1"]],
    ["energy for a param", "param k = 1\nspecies A = 1, B\nenergy A = 0, k = 1, B = 2\nA <-> B @ 1, 1", ["energy-unknown-name@3:15"]],
    ["a barrier whose species lack energies", "species A = 1, B\nenergy A = 0\nA <-> B @ barrier 2", ["energy-missing@3:1"]],
    ["a reservoir without energy", "reservoir Y = 1\nspecies A = 1, B\nenergy A = 0, B = 1\nA + Y <-> B @ prefactor 2", ["energy-missing@4:1"]],
    ["mixing @ barrier with plain constants", "energy A = 0, B = 1\nspecies A = 1, B\nA <-> B @ barrier 2, 3", ["mixed-rates@3:22"]],
    ["a one-way constructed reaction", "energy A = 0, B = 1\nspecies A = 1, B\nA -> B @ barrier 2", ["constructed-one-way@3:3"]],
    ["a word given twice", "energy A = 0, B = 1\nspecies A = 1, B\nA <-> B @ barrier 2 barrier 3", ["wrong-rate-count@3:21"]],
    ["a duplicate energy", "energy A = 0, A = 1\nspecies A = 1, B\nA <-> B @ 1, 1", ["duplicate-declaration@1:15"]],
    ["a prefactor that is not a rate", "energy A = 0, B = 1\nspecies A = 1, B\nA <-> B @ prefactor -2", ["bad-rate-constant@3:21"]],
    ["energies too far apart for a double", "energy A = 0, B = 2000\nspecies A = 1, B\nA <-> B @ barrier 1", ["bad-rate-constant@3:11"]],
  ])("%s", (_, text, codes) => {
    expect(errorsOf(text)).toEqual(codes);
  });

  it("warns of a barrier below both sides", () => {
    expect(warningsOf("energy A = 0, B = 1\nspecies A = 1, B\nA <-> B @ barrier -1")).toEqual([`${CODES.barrierBelowStates}@3:19`]);
    expect(warningsOf("energy A = 0, B = 1\nspecies A = 1, B\nA <-> B @ barrier 0.5")).toEqual([]);
  });

  it("a param named barrier right after '@' starts the energy form: the hint says to parenthesise it", () => {
    const text = "param barrier = 3\nspecies A = 1, B\nA <-> B @ barrier - 1, 2";
    const d = compile(text).diagnostics.find((x) => x.code === CODES.mixedRates);
    expect(d?.hint).toMatch(/param barrier.*parentheses/);
    expect(compile("param barrier = 3\nspecies A = 1, B\nA <-> B @ (barrier - 1), 2").diagnostics.filter((x) => x.severity === "error")).toEqual([]);
    expect(compile("energy A = 0, B = 1\nspecies A = 1, B\nA <-> B @ barrier 2, 3").diagnostics.find((x) => x.code === CODES.mixedRates)?.hint).toMatch(/alone, or two plain constants/);
  });

  it("an energy statement without a value is an error, not a crash", () => {
    expect(compile("energy A\nspecies A = 1, B\nA <-> B @ 1, 1").diagnostics.map((d) => d.code)).toContain(CODES.missingValue);
  });
});

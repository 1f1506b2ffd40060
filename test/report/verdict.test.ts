/**
 * The verdict as the analysis decided it (issue 10): how each cycle was decided, "0 to rounding"
 * only at equilibrium, σ at a state the dynamics do not reach, dimensions of ker S and coker S when
 * the bases are not listed, exact entries past 2^53, and a JSON report bounded on a 6000-state ring.
 */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/index.js";
import type { Analysis, DetailedBalance } from "../../src/analysis/types.js";
import { compile } from "../../src/compile/index.js";
import type { Network } from "../../src/network/types.js";
import { renderHtml } from "../../src/report/html/index.js";
import { renderJson, toJsonReport } from "../../src/report/json/index.js";
import { renderMarkdown, verdictLine } from "../../src/report/markdown/index.js";
import { formatNumber } from "../../src/report/model/format.js";
import { BOUND, drivenRing, referenceAnalysis } from "./fixtures.js";
import { SCHEMA_PATH } from "../helpers/paths.js";

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as object);

function net(text: string): Network {
  const { network, diagnostics } = compile(text, "test.crn");
  if (network === null) throw new Error(diagnostics.map((d) => d.message).join("\n"));
  return network;
}

const withBalance = (a: Analysis, db: Partial<DetailedBalance>): Analysis => ({ ...a, detailedBalance: { ...a.detailedBalance, ...db } });

describe("the headline says how the verdict was decided", () => {
  it("by the double-precision rounding bound, with the largest bound", () => {
    expect(verdictLine(referenceAnalysis("driven-ring"))).toContain(`detailed balance fails (decided by a double-precision rounding bound, largest ${formatNumber(BOUND, 2)} k\\_BT)`);
  });

  it("undecided with no steady state says Undecided, never Driven", () => {
    const ring = drivenRing(4);
    const a = withBalance({ ...ring, steadyStates: { ...ring.steadyStates, states: [] }, currents: null, currentsAt: null },
      { holds: false, verdict: "undecided", undecided: 1, decided: { exact: 0, bound: 0, "user-tolerance": 0, construction: 0, undecided: 1 } });
    const line = verdictLine(a);
    expect(line).toMatch(/^\*\*Undecided, no steady state\*\*: detailed balance is undecided for 1 cycle/);
    expect(line).not.toMatch(/Driven/);
  });

  it("undecided cycles make an Undecided verdict, never Equilibrium", () => {
    const ring = drivenRing(4, 1, 1);
    const [v] = ring.detailedBalance.violations.length > 0 ? ring.detailedBalance.violations : drivenRing(4).detailedBalance.violations;
    if (v === undefined) throw new Error("fixture has no cycle");
    const a = withBalance(ring, { holds: false, verdict: "undecided", undecided: 1, decided: { exact: 0, bound: 0, "user-tolerance": 0, construction: 0, undecided: 1 },
      undecidedCycles: [{ ...v, affinity: 1e-16, decision: { method: "undecided", bound: 3e-15 } }] });
    const line = verdictLine(a);
    expect(line).toMatch(/^\*\*Undecided\*\*: detailed balance is undecided for 1 cycle \(undecided for 1 cycle\)/);
    expect(line).not.toContain("0 to rounding");
    const md = renderMarkdown(a);
    expect(md).toContain("1 cycle undecided");
    expect(md).toContain("undecided: \\|A\\| ≤ rounding bound 3e-15");
    const json = toJsonReport(a);
    expect(json.detailedBalance.verdict).toBe("undecided");
    expect(json.detailedBalance.undecidedCycles).toHaveLength(1);
    expect(validate(JSON.parse(renderJson(a)))).toBe(true);
  });

  it("a user tolerance: the headline names it (read from the verdict, not the options), the section lists the cycles it covered", () => {
    const ring = drivenRing(4, 1.01, 1);
    const [v] = ring.detailedBalance.violations;
    if (v === undefined) throw new Error("fixture has no violation");
    const a: Analysis = {
      ...withBalance(ring, { holds: true, verdict: "holds", violations: [], violationCount: 0, toleranceApplied: true,
        decided: { exact: 0, bound: 0, "user-tolerance": 1, construction: 0, undecided: 0 },
        accepted: [{ ...v, decision: { method: "user-tolerance", bound: 1e-15 } }], acceptedCount: 1, acceptViolation: { kind: "affinity", value: 0.05 } }),
      options: [],
    };
    expect(verdictLine(a)).toContain("detailed balance holds (within your tolerance 0.05 k\\_B T)");
    const md = renderMarkdown(a);
    expect(md).toContain("**Your tolerance was applied**: 0.05 k\\_B T accepted 1 driven cycle");
    expect(md).toContain("Cycles your tolerance (0.05 k\\_B T) accepted:");
    const json = toJsonReport(a).detailedBalance;
    expect([json.toleranceApplied, json.acceptedTolerance, json.acceptedCount, json.accepted.length]).toEqual([true, "0.05 k_B T", 1, 1]);
    expect(validate(JSON.parse(renderJson(a)))).toBe(true);
  });

  it("pairs, culprits and a cut list of violations with its exact count", () => {
    const base = referenceAnalysis("proton-pump");
    const a = withBalance(base, { pairs: [[0, 1]], culprits: [{ reaction: 2, factor: 0.1 }], violationCount: 7 });
    const md = renderMarkdown(a);
    expect(md).toContain("Opposite one-way reactions treated as one reversible reaction (for balance, currents and σ): `pump` with `leak`.");
    expect(md).toContain("- `synthase` × 0.1 alone closes every cycle violated beyond rounding");
    expect(md).toContain("The 2 most driven of 7 are listed.");
    const json = toJsonReport(a).detailedBalance;
    expect(json.pairs).toEqual([["pump", "leak"]]);
    expect(json.culprits).toEqual([{ reaction: "synthase", factor: 0.1 }]);
    expect(json.violations.map((v) => v.decision?.method)).toEqual(["exact", "exact"]);
    expect(json.violations.every((v) => typeof v.relativeChange === "number" && typeof v.explainedByRounding === "boolean")).toBe(true);
    expect(validate(JSON.parse(renderJson(a)))).toBe(true);
  });
});

describe("entropy production: 0 to rounding only when it is", () => {
  it("a driven network whose σ is tiny but correct prints σ as computed, never 0 to rounding", () => {
    // Ring of 5 states driven by kf/kr = 1 + 1e-12: A = 5 ln(1 + 1e-12), J = 1e-12 / 5, σ = A J ≈ 1e-24,
    // far below 1e-12 of the gross traffic (≈ 2), yet a real drive.
    const a = drivenRing(5, 1 + 1e-12, 1);
    const sigma = a.steadyStates.states[0]?.entropyProduction ?? NaN;
    expect(sigma).toBeGreaterThan(0);
    expect(sigma).toBeLessThan(1e-20);
    const line = verdictLine(a);
    expect(line).toMatch(/^\*\*Driven\*\*/);
    expect(line).not.toContain("rounding)");
    expect(line).not.toContain("0 to rounding");
    expect(line).toContain(`entropy production ${formatNumber(sigma)} k\\_B per unit time`);
  });

  it("at equilibrium a σ at or below its own rounding bound is 0 to rounding, with the computed value and the bound", () => {
    const eq = drivenRing(5, 1, 1);
    const [s] = eq.steadyStates.states;
    if (s === undefined) throw new Error("no state");
    const at = (sigma: number, bound: number | undefined): Analysis => ({ ...eq, steadyStates: { ...eq.steadyStates, states: [{ ...s, entropyProduction: sigma, entropyProductionBound: bound }] } });
    expect(verdictLine(at(1e-20, 1e-18))).toContain("entropy production 0 to rounding (computed 1e-20, rounding bound 1e-18) k\\_B per unit time");
    expect(verdictLine(at(1e-18, 1e-18))).toContain("0 to rounding");
    // above its bound, or with no bound known, σ is printed as computed
    expect(verdictLine(at(1e-20, 1e-22))).toContain("entropy production 1e-20 k\\_B per unit time");
    expect(verdictLine(at(1e-20, undefined))).not.toContain("rounding");
  });

  it("a Driven headline never stands beside 0 to rounding: a drive whose σ is below its bound is said so", () => {
    const driven = drivenRing(5, 1 + 1e-12, 1);
    const [s] = driven.steadyStates.states;
    if (s === undefined) throw new Error("no state");
    const a: Analysis = { ...driven, steadyStates: { ...driven.steadyStates, states: [{ ...s, entropyProduction: 1e-24, entropyProductionBound: 1e-22 }] } };
    const line = verdictLine(a);
    expect(line).toMatch(/^\*\*Driven\*\*/);
    expect(line).not.toContain("0 to rounding");
    expect(line).toContain("but the entropy production at this state is below its rounding bound (computed 1e-24, bound 1e-22 k\\_B per unit time)");
  });

  it("computed bounds: a balanced ring's σ is within its bound, a ring driven by 1e-8 k_BT is far above it", () => {
    // 0.1 · 0.7 · 0.6 = 0.3 · 0.2 · 0.7 = 0.042: balanced, with inexact decimal rates
    const balanced = analyze(net("species A = 1, B, C\nA <-> B @ 0.1, 0.3\nB <-> C @ 0.7, 0.2\nC <-> A @ 0.6, 0.7\n"));
    const [b] = balanced.steadyStates.states;
    expect(Math.abs(b?.entropyProduction ?? NaN)).toBeLessThanOrEqual(b?.entropyProductionBound ?? -1);
    expect(verdictLine(balanced)).toMatch(/^\*\*Equilibrium\*\*/);
    expect(verdictLine(balanced)).toMatch(/entropy production (0 to rounding|0 k)/);
    // A = 1e-8 exactly (rational 1.00000001 ≈ e^(1e-8)), J ≈ A/3 · v: σ ≈ 3e-17, its bound ~1e-23
    const driven = analyze(net("species A = 1, B, C\nA <-> B @ 1, 1\nB <-> C @ 1, 1\nC <-> A @ 1.00000001, 1\n"));
    const [d] = driven.steadyStates.states;
    const sigma = d?.entropyProduction ?? NaN, bound = d?.entropyProductionBound ?? NaN;
    expect(sigma).toBeGreaterThan(1e-17);
    expect(bound).toBeLessThan(1e-6 * sigma);
    expect(verdictLine(driven)).toContain(`entropy production ${formatNumber(sigma)} k\\_B per unit time`);
  });
});

describe("σ and currents at a state the dynamics do not reach", () => {
  it("the headline says the state is not reached and unstable (Brusselator a = 1, b = 3)", () => {
    const source = "species X = 1, Y = 1\nreservoir A = 1, B = 3, D = 1, E = 1\nin: A <-> X @ 1, 1e-3\nconv: B + X <-> Y + D @ 1, 1e-3\nauto: 2 X + Y <-> 3 X @ 1, 1e-3\nout: X <-> E @ 1, 1e-3\n";
    const { network } = compile(source, "brusselator-a1-b3.crn");
    if (network === null) throw new Error("brusselator does not compile");
    const a = analyze(network);
    const at = a.steadyStates.states.find((s) => !s.reached && s.stable === false);
    if (a.steadyStates.states.some((s) => s.reached) || at === undefined) throw new Error("expected an unreached, unstable fixed point at a = 1, b = 3");
    const line = verdictLine(a);
    expect(line).toContain("which the dynamics do not reach from the initial amounts (unstable)");
    expect(line).toContain("σ and the currents are taken there");
  });
});

describe("structure: dimensions always, exact entries past 2^53", () => {
  it("a basis too large to list still reports dim ker S and says it is not listed", () => {
    const ring = drivenRing(5);
    const a: Analysis = { ...ring, structure: { ...ring.structure, cycles: [], cycleCount: 5001, cyclesListed: false, conservationLaws: [], conservationLawCount: 3, conservationLawsListed: false } };
    const md = renderMarkdown(a);
    expect(md).toContain("| cycles (dim ker S) | 5001 |");
    expect(md).toContain("| conservation laws (dim coker S) | 3 |");
    expect(md).toContain("5001 independent cycles; basis not listed");
    expect(md).not.toContain("No cycles");
    expect(md).not.toContain("No conservation laws");
    const json = toJsonReport(a);
    expect([json.structure.cycleCount, json.structure.conservationLawCount]).toEqual([5001, 3]);
    expect(json.notes.some((n) => n.startsWith("structure.cycles lists 0 of 5001 cycles"))).toBe(true);
  });

  it("entries beyond 2^53 are exact decimal strings in JSON, and the schema accepts them", () => {
    const ring = drivenRing(3);
    const big = "1152921504606846977"; // 2^60 + 1: no double holds it
    const [law] = ring.structure.conservationLaws;
    if (law === undefined) throw new Error("no law");
    const a: Analysis = { ...ring, structure: { ...ring.structure, conservationLaws: [{ ...law, vector: [Number(big), 1, 1], exact: [big, "1", "1"] }] } };
    const text = renderJson(a);
    expect(text).toContain(`"s0": "${big}"`);
    const report = JSON.parse(text) as { structure: { conservationLaws: Record<string, unknown>[] } };
    expect(report.structure.conservationLaws[0]).toEqual({ s0: big, s1: 1, s2: 1 });
    expect(validate(report)).toBe(true);
    expect(validate({ ...report, structure: { ...report.structure, conservationLaws: [{ s0: "1.5" }] } })).toBe(false);
    expect(renderMarkdown(a)).toContain("exact decimal strings");
  });
});

describe("a JSON report of a big network is bounded and keeps its counts exact", () => {
  it("a 6000-state Markov ring with 2000 chords", () => {
    const n = 6000, chords = 2000;
    const lines = [`network "ring"`, `state ${Array.from({ length: n }, (_, i) => (i === 0 ? "s0 = 1" : `s${i}`)).join(", ")}`];
    for (let i = 0; i < n; i++) lines.push(`h${i}: s${i} <-> s${(i + 1) % n} @ 2, 1`);
    for (let j = 0; j < chords; j++) lines.push(`c${j}: s${3 * j} <-> s${(3 * j + n / 2) % n} @ 1, 1`);
    const { network } = compile(`${lines.join("\n")}\n`, "generated/ring-6000.crn");
    if (network === null) throw new Error("the ring does not compile");
    const a = analyze(network);
    expect(a.structure.cycleCount).toBe(n + chords - n + 1);
    const cap = 1e5;
    const text = renderJson(a, { maxListedEntries: cap });
    const report = JSON.parse(text) as ReturnType<typeof toJsonReport>;
    const listed = [...report.structure.cycles, ...report.detailedBalance.violations.map((v) => v.cycle), ...(report.currents?.cycles.map((c) => c.cycle) ?? [])]
      .reduce((s, m) => s + Object.keys(m).length, 0);
    expect(listed).toBeLessThanOrEqual(cap);
    expect(report.structure.cycleCount).toBe(chords + 1);
    expect(report.structure.cycles.length).toBeLessThan(chords + 1);
    expect(report.notes.some((x) => x.startsWith(`structure.cycles lists ${report.structure.cycles.length} of ${chords + 1} cycles`))).toBe(true);
    expect(report.currents?.cycleCount).toBe(chords + 1);
    expect(validate(report)).toBe(true);
    // With the default cap the whole report stays far below V8's longest string (2^29 characters).
    expect(renderJson(a).length).toBeLessThan(2 ** 26);
    expect(renderHtml(a, "").length).toBeLessThan(2 ** 26);
  }, 120_000);
});

describe("a violation the written digits explain is said so in the headline", () => {
  const line = (text: string) => verdictLine(analyze(compile(text, "t.crn").network as Network));
  it("constants of one significant digit: driven, but within rounding, with the change per constant", () => {
    // A = ln 2 over 6 constants: each moves by 2^(1/6) − 1 = 12.2%
    const v = line("state A, B, C\nA <-> B @ 0.1, 0.1\nB <-> C @ 0.1, 0.1\nC <-> A @ 0.1, 0.2");
    expect(v).toMatch(/^\*\*Driven\*\*: detailed balance fails \(checked exactly\); but every violation is within what the digits of the written rate constants can cause \(at most 12% per rate constant\)/);
  });
  it("integers are exact: the triangle 1, 1, 1, 1, 1, 2 is driven beyond rounding", () => {
    expect(line("state A, B, C\nA <-> B @ 1, 1\nB <-> C @ 1, 1\nC <-> A @ 1, 2")).not.toMatch(/within what the digits/);
  });
});

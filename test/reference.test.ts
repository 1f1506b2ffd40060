/**
 * End to end on ../shared/reference: each network's JSON report agrees with the independently
 * computed one on every structural number exactly, on the verdict, and on steady states,
 * fluxes and entropy production to relative 1e-6. Bases may differ; they must span the same space.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../src/analysis/index.js";
import { compile } from "../src/compile/index.js";
import { toJsonReport } from "../src/report/json/index.js";
import { REFERENCE_DIR } from "./helpers/paths.js";

const REFERENCE = REFERENCE_DIR;
const files = readdirSync(REFERENCE).filter((f) => f.endsWith(".crn")).sort();

type Vec = Record<string, number>;

function rank(rows: number[][]): number {
  if (rows.length === 0) return 0;
  return matrixRank(rows);
}

function matrixRank(rows: number[][]): number {
  const m = rows.map((r) => [...r]);
  let rk = 0;
  const cols = m[0]?.length ?? 0;
  for (let c = 0; c < cols && rk < m.length; c++) {
    let p = rk;
    for (let i = rk + 1; i < m.length; i++) if (Math.abs(m[i]![c]!) > Math.abs(m[p]![c]!)) p = i;
    if (Math.abs(m[p]![c]!) < 1e-9) continue;
    [m[rk], m[p]] = [m[p]!, m[rk]!];
    for (let i = 0; i < m.length; i++) {
      if (i === rk) continue;
      const f = m[i]![c]! / m[rk]![c]!;
      for (let j = 0; j < cols; j++) m[i]![j]! -= f * m[rk]![j]!;
    }
    rk++;
  }
  return rk;
}

/** Two bases span the same space: each has full rank and together they add nothing. */
function sameSpan(a: Vec[], b: Vec[], keys: string[]): void {
  const dense = (vs: Vec[]): number[][] => vs.map((v) => keys.map((k) => v[k] ?? 0));
  expect(a.length).toBe(b.length);
  expect(rank(dense(a))).toBe(a.length);
  expect(rank([...dense(a), ...dense(b)])).toBe(b.length);
}

function close(actual: number, expected: number, rel = 1e-6): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(Math.abs(expected), 1e-12));
}

describe.each(files)("%s", (file) => {
  const path = join(REFERENCE, file);
  const { network } = compile(readFileSync(path, "utf8"), path);
  const ref = JSON.parse(readFileSync(path.replace(/\.crn$/, ".json"), "utf8"));
  const report = toJsonReport(analyze(network!)) as unknown as typeof ref;

  it("network: kind, species, reservoirs, reactions", () => {
    expect(report.schema).toBe(ref.schema);
    expect(report.kind).toBe(ref.kind);
    expect(report.species).toEqual(ref.species);
    expect(report.reservoirs).toEqual(ref.reservoirs);
    expect(report.reactions.map((r: { id: string; equation: string }) => [r.id, r.equation])).toEqual(ref.reactions.map((r: { id: string; equation: string }) => [r.id, r.equation]));
    report.reactions.forEach((r: { forward: number; reverse: number | null }, i: number) => {
      close(r.forward, ref.reactions[i].forward, 1e-15);
      if (ref.reactions[i].reverse === null) expect(r.reverse).toBeNull();
      else close(r.reverse!, ref.reactions[i].reverse, 1e-15);
    });
  });

  it("structure: every number exactly, bases by span", () => {
    for (const k of ["rank", "complexes", "linkageClasses", "deficiency", "reversible", "weaklyReversible", "emergentCycles", "brokenConservationLaws"]) {
      expect(report.structure[k], k).toBe(ref.structure[k]);
    }
    sameSpan(report.structure.conservationLaws, ref.structure.conservationLaws, ref.species);
    sameSpan(report.structure.cycles, ref.structure.cycles, ref.reactions.map((r: { id: string }) => r.id));
  });

  it("detailed balance: verdict, and affinities of the same cycles", () => {
    expect(report.detailedBalance.holds).toBe(ref.detailedBalance.holds);
    expect(report.detailedBalance.violations.length).toBe(ref.detailedBalance.violations.length);
    for (const v of ref.detailedBalance.violations) {
      const ours = report.detailedBalance.violations.find((w: { cycle: Vec }) => JSON.stringify(Object.entries(w.cycle).sort()) === JSON.stringify(Object.entries(v.cycle).sort()));
      expect(ours, `the basis should contain the reference cycle ${JSON.stringify(v.cycle)}`).toBeDefined();
      close(ours.affinity, v.affinity, 1e-9);
    }
  });

  it("steady states: concentrations, fluxes, entropy production, stability, stable first", () => {
    expect(report.steadyStates.length).toBe(ref.steadyStates.length);
    const stable = report.steadyStates.map((s: { stable: boolean }) => s.stable);
    expect(stable).toEqual([...stable].sort((a, b) => Number(b) - Number(a)));
    // CLI.md orders stable before unstable and no further: match each reference state to ours
    ref.steadyStates.forEach((s: { concentrations: Vec; fluxes: Vec; entropyProduction: number; stable: boolean }) => {
      const distance = (o: { concentrations: Vec }): number => Object.entries(s.concentrations).reduce((d, [k, x]) => d + Math.abs(o.concentrations[k]! - x), 0);
      const ours = [...report.steadyStates].sort((a, b) => distance(a) - distance(b))[0];
      for (const [k, x] of Object.entries(s.concentrations)) close(ours.concentrations[k], x);
      for (const [k, x] of Object.entries(s.fluxes)) {
        // a flux that is 0 in equilibrium is compared absolutely (the references' rates are of order 1)
        if (x === 0) expect(Math.abs(ours.fluxes[k])).toBeLessThan(1e-12);
        else close(ours.fluxes[k], x);
      }
      if (s.entropyProduction === 0) expect(Math.abs(ours.entropyProduction)).toBeLessThan(1e-12);
      else close(ours.entropyProduction, s.entropyProduction);
      expect(ours.stable).toBe(s.stable);
    });
  });
});

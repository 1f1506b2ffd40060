/**
 * Test helper: a shared/reference network compiled by `compile`, its independently computed
 * report, and a Structure carrying the report's structural facts (rank, conservation laws,
 * deficiency, weak reversibility, cycles), so the steady-state and currents tests do not depend
 * on the structure analysis.
 */
import { readFileSync } from "node:fs";
import { compile } from "../../src/compile/index.js";
import type { Network } from "../../src/network/types.js";
import type { Structure } from "../../src/analysis/types.js";
import { fixtureStructure } from "./mass-action-fixture.js";
import { REFERENCE_DIR } from "../helpers/paths.js";

const REFERENCE = REFERENCE_DIR + "/";

export interface ReferenceState {
  readonly concentrations: Record<string, number>;
  readonly fluxes: Record<string, number>;
  readonly entropyProduction: number;
  readonly stable: boolean;
}

export interface ReferenceReport {
  readonly species: string[];
  readonly structure: {
    rank: number;
    deficiency: number;
    weaklyReversible: boolean;
    conservationLaws: Record<string, number>[];
    cycles: Record<string, number>[];
  };
  readonly detailedBalance: { holds: boolean; violations: { cycle: Record<string, number>; affinity: number }[] };
  readonly steadyStates: ReferenceState[];
}

export function loadReference(name: string): { network: Network; report: ReferenceReport; structure: Structure } {
  const text = readFileSync(`${REFERENCE}${name}.crn`, "utf8");
  const report = JSON.parse(readFileSync(`${REFERENCE}${name}.json`, "utf8")) as ReferenceReport;
  const { network, diagnostics } = compile(text, `${name}.crn`);
  if (network === null) throw new Error(`${name}.crn does not compile: ${diagnostics.map((d) => d.message).join("; ")}`);
  const vector = (rec: Record<string, number>, names: readonly string[]): number[] => names.map((n) => rec[n] ?? 0);
  const structure = fixtureStructure(network, {
    rank: report.structure.rank,
    laws: report.structure.conservationLaws.map((l) => vector(l, network.species.map((s) => s.name))),
    deficiency: report.structure.deficiency,
    weaklyReversible: report.structure.weaklyReversible,
    cycles: report.structure.cycles.map((c) => vector(c, network.reactions.map((r) => r.id))),
  });
  return { network, report, structure };
}

/** |a − b| ≤ rel · max(|a|, |b|) + abs. */
export function close(a: number, b: number, rel: number, abs = 0): boolean {
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)) + abs;
}

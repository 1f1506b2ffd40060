/** Test helpers for the structure and balance tests: compile text, read the reference networks. */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { compile } from "../../src/compile/index.js";
import type { Network } from "../../src/network/types.js";
import { REFERENCE_DIR } from "../helpers/paths.js";

export function net(text: string): Network {
  const { network, diagnostics } = compile(text, "test.crn");
  if (network === null) throw new Error(diagnostics.map((d) => d.message).join("\n"));
  return network;
}

export { REFERENCE_DIR };

export interface ReferenceCase {
  readonly name: string;
  readonly network: Network;
  // The reference report as independently computed (shared/CLI.md schema).
  readonly json: {
    structure: Record<string, unknown> & { conservationLaws: Record<string, number>[]; cycles: Record<string, number>[] };
    detailedBalance: { holds: boolean; violations: { cycle: Record<string, number>; affinity: number }[] };
  };
}

export function referenceCases(): ReferenceCase[] {
  return readdirSync(REFERENCE_DIR)
    .filter((f) => f.endsWith(".crn"))
    .map((f) => ({
      name: f.replace(/\.crn$/, ""),
      network: net(readFileSync(join(REFERENCE_DIR, f), "utf8")),
      json: JSON.parse(readFileSync(join(REFERENCE_DIR, f).replace(/\.crn$/, ".json"), "utf8")),
    }));
}

/** A named map (`{"A": 1}`) as a dense vector over `names`. */
export function dense(map: Record<string, number>, names: readonly string[]): number[] {
  return names.map((n) => map[n] ?? 0);
}

/** Rank of a small real matrix (rows), by Gaussian elimination with partial pivoting. */
export function numericRank(rows: readonly (readonly number[])[]): number {
  const m = rows.map((r) => [...r]);
  let rank = 0;
  const cols = m[0]?.length ?? 0;
  for (let c = 0; c < cols && rank < m.length; c++) {
    let p = rank;
    for (let i = rank; i < m.length; i++) if (Math.abs(m[i]![c]!) > Math.abs(m[p]![c]!)) p = i;
    if (Math.abs(m[p]![c]!) < 1e-9) continue;
    [m[rank], m[p]] = [m[p]!, m[rank]!];
    for (let i = 0; i < m.length; i++) {
      if (i === rank) continue;
      const f = m[i]![c]! / m[rank]![c]!;
      for (let j = c; j < cols; j++) m[i]![j]! -= f * m[rank]![j]!;
    }
    rank++;
  }
  return rank;
}

/** Same row space: rank A = rank B = rank [A; B]. */
export function sameSpan(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): boolean {
  if (a.length === 0 || b.length === 0) return a.length === b.length;
  const ra = numericRank(a), rb = numericRank(b);
  return ra === rb && numericRank([...a, ...b]) === ra;
}

export { mulberry32 } from "../../src/numeric/random.js";

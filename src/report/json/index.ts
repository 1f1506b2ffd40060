/**
 * The JSON report (`ness report FILE --format json`), exactly per shared/CLI.md plus a few
 * additive fields (json/types.ts, docs/report.schema.json): the header fields, then each
 * section's `json` contribution in the order of `report/sections/`. Keyed objects (species,
 * reactions, reservoirs) are null-prototype objects, so names such as `__proto__` or
 * `constructor` are ordinary keys. A number that is infinite or undefined becomes `null`, and
 * `notes` says which one and why.
 */
import type { Analysis } from "../../analysis/types.js";
import { titleOf } from "../model/format.js";
import { reportSections } from "../sections/index.js";
import type { JsonReport } from "./types.js";
import { NullNotes } from "./values.js";

export type * from "./types.js";

/**
 * Builds the JSON report object (null-prototype maps; serialise with `renderJson`).
 * Example: `toJsonReport(analyze(network)).detailedBalance.holds` is the verdict.
 */
export function toJsonReport(analysis: Analysis): JsonReport {
  const net = analysis.network;
  const nulls = new NullNotes();
  const header = { schema: "ness.report/1", title: titleOf(net), source: net.source, kind: net.kind } as const;
  const fields: Partial<JsonReport>[] = reportSections(analysis).map((s) => s.json?.(nulls) ?? {});
  // Every section contributes a disjoint set of fields; together they are the whole report (the
  // schema test checks every network's report).
  return Object.assign({ ...header }, ...fields) as JsonReport;
}

/** The JSON report as text: two-space indented, one trailing newline. */
export function renderJson(analysis: Analysis): string {
  return `${JSON.stringify(toJsonReport(analysis), null, 2)}\n`;
}

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
import { ListingBudget, NullNotes } from "./values.js";

export type * from "./types.js";

/** How much one JSON report lists. */
export interface JsonOptions {
  /**
   * Total vector entries (coefficients of listed cycles, laws and violations, their reaction names)
   * the report lists; past it listings are cut, counts stay exact and `notes` says what was cut.
   * 10^6 entries are some 30 MB of JSON, far below the longest string V8 can make (2^29 characters).
   */
  readonly maxListedEntries?: number;
}

/** The default of `JsonOptions.maxListedEntries`. */
export const JSON_MAX_LISTED_ENTRIES = 1e6;

/**
 * Builds the JSON report object (null-prototype maps; serialise with `renderJson`).
 * Example: `toJsonReport(analyze(network)).detailedBalance.holds` is the verdict.
 */
export function toJsonReport(analysis: Analysis, options: JsonOptions = {}): JsonReport {
  const net = analysis.network;
  const nulls = new NullNotes();
  const budget = new ListingBudget(options.maxListedEntries ?? JSON_MAX_LISTED_ENTRIES);
  const header = { schema: "ness.report/1", title: titleOf(net), source: net.source, kind: net.kind } as const;
  const fields: Partial<JsonReport>[] = reportSections(analysis).map((s) => s.json?.(nulls, budget) ?? {});
  // Every section contributes a disjoint set of fields; together they are the whole report (the
  // schema test checks every network's report).
  return Object.assign({ ...header }, ...fields) as JsonReport;
}

/** The JSON report as text: two-space indented, one trailing newline. */
export function renderJson(analysis: Analysis, options: JsonOptions = {}): string {
  return `${JSON.stringify(toJsonReport(analysis, options), null, 2)}\n`;
}

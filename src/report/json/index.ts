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
import type { JsonListing, JsonReport } from "./types.js";
import { ListingBudget, NullNotes } from "./values.js";
import { streamJson, type StreamOptions } from "./stream.js";

export type * from "./types.js";

/** How much one JSON report lists. */
export interface JsonOptions {
  /**
   * Total vector entries (coefficients of listed cycles, laws and violations, their reaction names)
   * the report lists; past it listings are cut, counts stay exact and `notes` says what was cut.
   * 10^6 entries are some 30 MB of JSON, far below the longest string V8 can make (2^29 characters).
   */
  readonly maxListedEntries?: number;
  /**
   * A network with more than this many species plus reactions (states plus transitions) gets a
   * summary unless `full`: each per-species and per-reaction listing keeps `summaryEntries`
   * entries, the vector listings share `summaryListedEntries`, counts stay exact, and the field
   * `listing` and a note say what was cut and that `--full` lists everything.
   */
  readonly summaryAbove?: number;
  /** How many entries each per-species or per-reaction listing of a summary keeps (names first, values largest). */
  readonly summaryEntries?: number;
  /** `maxListedEntries` of a summary. */
  readonly summaryListedEntries?: number;
  /** List everything whatever the size (`ness report --full`); `maxListedEntries` still holds. */
  readonly full?: boolean;
}

/** The default of `JsonOptions.maxListedEntries`. */
export const JSON_MAX_LISTED_ENTRIES = 1e6;
/** The default of `JsonOptions.summaryAbove`: some 2000 states and 3000 transitions still list whole (about 1.5 MB). */
export const JSON_SUMMARY_ABOVE = 5000;
/** The default of `JsonOptions.summaryEntries`. */
export const JSON_SUMMARY_ENTRIES = 20;
/** The default of `JsonOptions.summaryListedEntries`. */
export const JSON_SUMMARY_LISTED_ENTRIES = 2000;

/** Whether `toJsonReport` summarises this analysis: past `summaryAbove` species plus reactions, unless `full`. */
export function summarises(analysis: Analysis, options: JsonOptions = {}): boolean {
  const size = analysis.network.species.length + analysis.network.reactions.length;
  return options.full !== true && size > (options.summaryAbove ?? JSON_SUMMARY_ABOVE);
}

/**
 * Builds the JSON report object (null-prototype maps; serialise with `renderJson`).
 * Example: `toJsonReport(analyze(network)).detailedBalance.holds` is the verdict.
 */
export function toJsonReport(analysis: Analysis, options: JsonOptions = {}): JsonReport {
  const net = analysis.network;
  const nulls = new NullNotes();
  const summary = summarises(analysis, options);
  const cap = options.maxListedEntries ?? JSON_MAX_LISTED_ENTRIES;
  const entries = options.summaryEntries ?? JSON_SUMMARY_ENTRIES;
  const budget = summary ? new ListingBudget(Math.min(cap, options.summaryListedEntries ?? JSON_SUMMARY_LISTED_ENTRIES), entries) : new ListingBudget(cap);
  if (summary) {
    // the first of the notes the JSON itself adds (after the analysis's own)
    nulls.notes.push(`This report is a summary: the network has ${net.species.length} ${net.kind === "markov" ? "states" : "species"} and ${net.reactions.length} ${net.kind === "markov" ? "transitions" : "reactions"}, more than summaryAbove = ${options.summaryAbove ?? JSON_SUMMARY_ABOVE} together, so each listing by ${net.kind === "markov" ? "state or transition" : "species or reaction"} keeps ${entries} entries (names in order, values largest first; 'listing.cut' names them) and counts stay exact; 'ness report FILE --format json --full' lists everything.`);
  }
  const header = { schema: "ness.report/1", title: titleOf(net), source: net.source, kind: net.kind } as const;
  const fields: Partial<JsonReport>[] = reportSections(analysis).map((s) => s.json?.(nulls, budget) ?? {});
  // Every section contributes a disjoint set of fields; together they are the whole report (the
  // schema test checks every network's report).
  const report = Object.assign({ ...header }, ...fields) as JsonReport;
  if (!summary) return report;
  const listing: JsonListing = {
    summary: true,
    summaryAbove: options.summaryAbove ?? JSON_SUMMARY_ABOVE,
    entries,
    species: net.species.length,
    reactions: net.reactions.length,
    cut: budget.cut,
    full: "ness report FILE --format json --full",
  };
  return { ...report, listing };
}

/** The JSON report as text: two-space indented, one trailing newline. */
export function renderJson(analysis: Analysis, options: JsonOptions = {}): string {
  return `${JSON.stringify(toJsonReport(analysis, options), null, 2)}\n`;
}

/**
 * The text of `renderJson`, handed to `write` in chunks (json/stream.ts): a full listing of a big
 * network is never one string. Example: `writeJson(analysis, (s) => process.stdout.write(s), { full: true })`.
 */
export function writeJson(analysis: Analysis, write: (chunk: string) => void, options: JsonOptions & StreamOptions = {}): void {
  jsonWriter(analysis, options)(write);
}

/**
 * The report built now and written when called, so that a caller can tell a fault in building it
 * from a failed write: `const emit = jsonWriter(analysis); … emit((s) => writeSync(fd, s))`.
 */
export function jsonWriter(analysis: Analysis, options: JsonOptions & StreamOptions = {}): (write: (chunk: string) => void) => void {
  const report = toJsonReport(analysis, options);
  return (write) => {
    streamJson(report, write, options);
    write("\n");
  };
}

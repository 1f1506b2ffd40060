/**
 * The report as data: a list of sections, each a title and a list of blocks (paragraphs,
 * tables, lists, SVG charts, mermaid diagrams) written in a small inline language that every
 * format renders (`Inline`). The section builders in `report/sections/` make these from an
 * `Analysis`; Markdown and HTML render them generically, and JSON assembles each section's
 * `json` contribution. No markup of any format is written here.
 */
import type { JsonReport } from "../json/types.js";
import type { ListingBudget, NullNotes } from "../json/values.js";
import type { DiagramView } from "../mermaid/parts.js";
import type { BarChart } from "../html/svg.js";

/**
 * Text inside a block. A string is plain text (each format escapes it); `code` is a name or a
 * formula; `sub` is a subscript (`k_B` in Markdown, `k<sub>B</sub>` in HTML); `said` is wording
 * that differs between the formats; an array is its parts in order.
 */
export type Inline =
  | string
  | { readonly code: string }
  | { readonly strong: Inline }
  | { readonly sub: readonly [base: string, index: string] }
  | { readonly said: { readonly markdown: Inline; readonly html: Inline } }
  | readonly Inline[];

/** Rows built only when shown (a 10⁶-state network has 10⁶ rows): a list, or a count and a maker of the first `n`. */
export type Rows<C = string> = readonly (readonly C[])[] | { readonly count: number; readonly first: (n: number) => (readonly C[])[] };

/** Which formats show a block; absent: every format that can. */
export type Only = "markdown" | "html";

/** One block of a section. Markdown draws no SVG charts; every other kind is in every format. */
export type Block = (
  | { readonly kind: "text"; readonly text: Inline }
  /** A table; `align` has `l` or `r` per column; a `whole` table (short, of fixed size) is never cut. */
  | { readonly kind: "table"; readonly headers: readonly Inline[]; readonly rows: Rows<Inline>; readonly align: string; readonly whole?: boolean }
  /** A bulleted list; `empty` is said instead when it has no items; past the row cap a line names `noun`, or it is never cut when `noun` is absent. */
  | { readonly kind: "list"; readonly intro: Inline | null; readonly empty: Inline | null; readonly items: Rows<Inline>; readonly noun?: string }
  | { readonly kind: "chart"; readonly chart: BarChart }
  | { readonly kind: "diagram"; readonly view: DiagramView; readonly title: Inline; readonly caption: Inline }
) & { readonly only?: Only };

/** A section of the report: what Markdown and HTML show, and what it adds to the JSON report. */
export interface Section {
  /** Stable id: the HTML element id. */
  readonly id: string;
  readonly title: Inline;
  /** In list order; a format that has no block to show leaves the whole section out. */
  readonly blocks: readonly Block[];
  /** HTML shows it right under the verdict (rendered diagrams summarise the page); Markdown keeps list order. */
  readonly htmlFirst?: boolean;
  /**
   * The section's fields of the JSON report, in order. Contributions are made in list order and
   * report every infinite or undefined number to `nulls`, so the last section can list them all;
   * long listings take their entries from `budget` and say in `nulls.notes` what was cut.
   */
  readonly json?: (nulls: NullNotes, budget: ListingBudget) => Partial<JsonReport>;
}

/** `{ code: text }`: a name or formula. */
export function code(text: string): Inline {
  return { code: text };
}

/** Emphasis: `**…**`, `<strong>…</strong>`. */
export function strong(text: Inline): Inline {
  return { strong: text };
}

/** A subscript: `sub("A", "c")` is A_c in Markdown, A<sub>c</sub> in HTML. */
export function sub(base: string, index: string): Inline {
  return { sub: [base, index] };
}

/** Wording that differs between the formats. */
export function said(markdown: Inline, html: Inline): Inline {
  return { said: { markdown, html } };
}

/** k_BT, the unit of affinities and free energies. */
export const KBT: Inline = [sub("k", "B"), "T"];

/** `items` with `separator` between them: `joined(names.map(code), ", ")`. */
export function joined(items: readonly Inline[], separator: string): Inline {
  return items.flatMap((x, i) => (i === 0 ? [x] : [separator, x]));
}

/** A list cut to `max` items, with `… N more` at the end. */
export function firstOf(items: readonly Inline[], max = 8): Inline[] {
  return items.length <= max ? [...items] : [...items.slice(0, max), `… ${items.length - max} more`];
}

/** Rows made lazily from a list: `rowsOf(net.species, (s) => [code(s.name)])`. */
export function rowsOf<T, C>(items: readonly T[], make: (item: T, i: number) => readonly C[]): Rows<C> {
  return { count: items.length, first: (n) => items.slice(0, n).map(make) };
}

/** The first `max` rows, and how many there are in all. */
export function firstRows<C>(rows: Rows<C>, max: number): { shown: (readonly C[])[]; count: number } {
  if ("count" in rows) return { shown: rows.first(max), count: rows.count };
  return { shown: rows.slice(0, max), count: rows.length };
}

/** A paragraph. */
export function text(inline: Inline, only?: Only): Block {
  return only === undefined ? { kind: "text", text: inline } : { kind: "text", text: inline, only };
}

/** A table cut past the row cap of the format. */
export function table(headers: readonly Inline[], rows: Rows<Inline>, align: string, only?: Only): Block {
  return only === undefined ? { kind: "table", headers, rows, align } : { kind: "table", headers, rows, align, only };
}

/** A short table of fixed size (the structural numbers, a summary), shown whole in every format. */
export function wholeTable(headers: readonly Inline[], rows: Rows<Inline>, align: string, only?: Only): Block {
  return only === undefined ? { kind: "table", headers, rows, align, whole: true } : { kind: "table", headers, rows, align, whole: true, only };
}

/** An SVG bar chart (HTML only). */
export function chart(spec: BarChart): Block {
  return { kind: "chart", chart: spec };
}

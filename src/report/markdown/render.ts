/**
 * Markdown of the report model: inline text (plain text escaped with `mdText`, names in code
 * spans, subscripts as `k_B`), blocks (paragraphs, GitHub tables, bulleted lists, fenced mermaid
 * diagrams; SVG charts are HTML's) and whole sections under `##` headings.
 */
import type { Analysis } from "../../analysis/types.js";
import { mdText } from "../model/format.js";
import { firstRows, type Block, type Inline, type Rows, type Section } from "../model/section.js";
import { renderDiagram } from "../mermaid/index.js";
import { code, fenced, table } from "./parts.js";

/** How sections are written: the row cap of tables and lists, and whether diagrams are drawn. */
export interface MarkdownLayout {
  readonly maxRows: number;
  readonly diagrams: boolean;
}

/** Inline text as Markdown: `mdInline(["rank ", { code: "S" }])` is ``rank `S` ``. */
export function mdInline(x: Inline): string {
  if (typeof x === "string") return mdText(x);
  if (Array.isArray(x)) return x.map(mdInline).join("");
  if ("code" in x) return code(x.code);
  if ("strong" in x) return `**${mdInline(x.strong)}**`;
  if ("sub" in x) return `${mdText(x.sub[0])}_${mdText(x.sub[1])}`;
  if ("said" in x) return mdInline(x.said.markdown);
  return "";
}

function mdRows(rows: Rows<Inline>): Rows {
  if ("count" in rows) return { count: rows.count, first: (n) => rows.first(n).map((r) => r.map(mdInline)) };
  return rows.map((r) => r.map(mdInline));
}

/** One block as Markdown; "" when Markdown does not show it. */
export function mdBlock(analysis: Analysis, block: Block, layout: MarkdownLayout): string {
  if (block.only === "html") return "";
  switch (block.kind) {
    case "text": return mdInline(block.text);
    case "table": return table(block.headers.map(mdInline), mdRows(block.rows), block.align, block.whole === true ? Infinity : layout.maxRows);
    case "list": {
      const cap = block.noun === undefined ? Infinity : layout.maxRows;
      const { shown, count } = firstRows(block.items, cap);
      if (count === 0) return block.empty === null ? "" : mdInline(block.empty);
      const items = shown.map((item) => `- ${item.map(mdInline).join("")}`).join("\n");
      const more = count > shown.length ? `\n\n*… ${count - shown.length} more ${block.noun ?? "items"} not shown.*` : "";
      return `${block.intro === null ? "" : `${mdInline(block.intro)}\n\n`}${items}${more}`;
    }
    case "chart": return "";
    case "diagram":
      if (!layout.diagrams) return "";
      return [`### ${mdInline(block.title)}`, mdInline(block.caption), fenced("mermaid", renderDiagram(analysis, block.view))].join("\n\n");
  }
}

/** A section under its `##` heading; "" when none of its blocks is shown in Markdown. */
export function mdSection(analysis: Analysis, section: Section, layout: MarkdownLayout): string {
  const blocks = section.blocks.map((b) => mdBlock(analysis, b, layout)).filter((b) => b !== "");
  return blocks.length === 0 ? "" : [`## ${mdInline(section.title)}`, ...blocks].join("\n\n");
}

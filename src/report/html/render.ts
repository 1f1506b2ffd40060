/**
 * HTML of the report model: inline text (every piece of user text through `htmlEscape`),
 * blocks (paragraphs, tables, lists, SVG charts, mermaid figures) and whole sections as
 * `<section id>` elements, one block a line.
 */
import type { Analysis } from "../../analysis/types.js";
import { htmlEscape as h } from "../model/format.js";
import { firstRows, type Block, type Inline, type Rows, type Section } from "../model/section.js";
import { renderDiagram } from "../mermaid/index.js";
import { barChart } from "./svg.js";
import { hasMermaid, type MermaidScript } from "./mermaid-script.js";

/** Rows per table or list before it is cut (the JSON report keeps every row). */
const MAX_ROWS = 200;

/** Numeric cells up to this many characters never wrap. */
const NOWRAP_MAX = 28;

/** `<code>name</code>`, escaped. */
export function c(text: string): string {
  return `<code>${h(text)}</code>`;
}

/**
 * Boltzmann's constant typeset: the model's plain text writes `k_BT` and `k_B` (which Markdown and
 * the terminal keep); HTML shows k<sub>B</sub>T. Only outside `<code>`, so a name is never touched.
 *
 *   typesetUnits("15.2 k_BT; k_B per unit time")   // "15.2 k<sub>B</sub>T; k<sub>B</sub> per unit time"
 */
export function typesetUnits(html: string): string {
  return html.split(/(<code>[\s\S]*?<\/code>)/).map((part, i) => (i % 2 === 1 ? part : part.replace(/\bk_B ?T\b/g, "k<sub>B</sub>T").replace(/\bk_B\b/g, "k<sub>B</sub>"))).join("");
}

/** Inline text as HTML: `htmlInline(["k", { sub: ["B", ""] }])`; `htmlInline([{ code: "a<b" }])` is `<code>a&lt;b</code>`. */
export function htmlInline(x: Inline): string {
  if (typeof x === "string") return typesetUnits(h(x));
  if (Array.isArray(x)) return x.map(htmlInline).join("");
  if ("code" in x) return c(x.code);
  if ("strong" in x) return `<strong>${htmlInline(x.strong)}</strong>`;
  if ("sub" in x) return `${h(x.sub[0])}<sub>${h(x.sub[1])}</sub>`;
  if ("said" in x) return htmlInline(x.said.html);
  return "";
}

/** An HTML table; cells are HTML already (escape first). `align` has `l` or `r` per column. */
export function htmlTable(headers: readonly string[], rows: Rows, align: string, maxRows = MAX_ROWS): string {
  const cls = (i: number) => (align[i] === "r" ? "num" : "");
  const th = headers.map((x, i) => `<th class="${cls(i)}">${x}</th>`).join("");
  const { shown, count } = firstRows(rows, maxRows);
  // a number never breaks ("6.31699e-" / "21"); a numeric column's sentence ("undefined (…)") may
  const cell = (x: string, i: number) => (cls(i) === "num" && x.replace(/<[^>]*>/g, "").length > NOWRAP_MAX ? "num words" : cls(i));
  const body = shown.map((r) => `<tr>${r.map((x, i) => `<td class="${cell(x, i)}">${x}</td>`).join("")}</tr>`).join("\n");
  const more = count > shown.length ? `<p class="more">… ${count - shown.length} more rows not shown (${count} in all; the JSON report has every one).</p>` : "";
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>${more}`;
}

function htmlRows(rows: Rows<Inline>): Rows {
  if ("count" in rows) return { count: rows.count, first: (n) => rows.first(n).map((r) => r.map(htmlInline)) };
  return rows.map((r) => r.map(htmlInline));
}

/** One block as HTML; "" when HTML does not show it. */
export function htmlBlock(analysis: Analysis, block: Block): string {
  if (block.only === "markdown") return "";
  switch (block.kind) {
    case "text": return `<p>${htmlInline(block.text)}</p>`;
    case "table": return htmlTable(block.headers.map(htmlInline), htmlRows(block.rows), block.align, block.whole === true ? Infinity : MAX_ROWS);
    case "list": {
      const { shown, count } = firstRows(block.items, block.noun === undefined ? Infinity : MAX_ROWS);
      if (count === 0) return block.empty === null ? "" : `<p>${htmlInline(block.empty)}</p>`;
      const more = count > shown.length ? `<p class="more">… ${count - shown.length} more ${h(block.noun ?? "items")} not shown.</p>` : "";
      return `${block.intro === null ? "" : `<p>${htmlInline(block.intro)}</p>`}<ul>${shown.map((item) => `<li>${item.map(htmlInline).join("")}</li>`).join("")}</ul>${more}`;
    }
    case "chart": return barChart(block.chart);
    case "diagram":
      return `<figure><figcaption>${htmlInline(block.title)}; ${htmlInline(block.caption)}</figcaption><pre class="mermaid">${h(renderDiagram(analysis, block.view))}</pre></figure>`;
  }
}

/**
 * A section as `<section id="…"><h2>…</h2>` with one block a line; "" when none of its blocks is
 * shown in HTML. Without the mermaid script, a section with diagrams says they are shown as source.
 */
export function htmlSection(analysis: Analysis, section: Section, mermaid: MermaidScript): string {
  const blocks = section.blocks.map((b) => htmlBlock(analysis, b)).filter((b) => b !== "");
  if (blocks.length === 0) return "";
  if (!hasMermaid(mermaid) && section.blocks.some((b) => b.kind === "diagram")) {
    blocks.unshift(`<p class="warning">Diagrams are shown as mermaid source: the mermaid script was not available when this report was written.</p>`);
  }
  return [`<section id="${h(section.id)}"><h2>${htmlInline(section.title)}</h2>`, ...blocks, "</section>"].join("\n");
}

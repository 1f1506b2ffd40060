/**
 * Markdown building blocks: code spans that survive any text, GitHub tables with escaped
 * cells, long tables cut with a line saying how many rows were left out.
 */
import { firstRows, type Rows } from "../model/section.js";

export { firstRows, rowsOf, type Rows } from "../model/section.js";

/** Inline code that survives backticks (in a table, `table` escapes its pipes). */
export function code(text: string): string {
  const flat = text.replace(/[\r\n]+/g, " ");
  const fence = flat.includes("`") ? "``" : "`";
  const pad = fence.length > 1 ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Escapes the pipes of a table cell that are not escaped yet (GFM splits cells on them, even in code spans). */
export function cell(markdown: string): string {
  return markdown.replace(/(?<!\\)\|/g, "\\|");
}

/**
 * A GitHub-flavoured Markdown table. Cells are Markdown (escape text with `mdText`, names with
 * `code`); their pipes are escaped here. Alignment `r` right-aligns numeric columns. At most
 * `maxRows` rows are shown, with a line saying how many were left out and where the rest are.
 */
export function table(headers: readonly string[], rows: Rows, align: string, maxRows = 200, elsewhere = "the JSON report has every one"): string {
  const sep = headers.map((_, i) => (align[i] === "r" ? "---:" : "---"));
  const { shown, count } = firstRows(rows, maxRows);
  const lines = [`| ${headers.join(" | ")} |`, `| ${sep.join(" | ")} |`, ...shown.map((r) => `| ${r.map(cell).join(" | ")} |`)];
  if (count > shown.length) lines.push("", `*… ${count - shown.length} more rows not shown (${count} in all; ${elsewhere}).*`);
  return lines.join("\n");
}

/** A fenced block whose fence is longer than any backtick run inside it. */
export function fenced(lang: string, body: string): string {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${lang}\n${body.endsWith("\n") ? body : `${body}\n`}${fence}`;
}

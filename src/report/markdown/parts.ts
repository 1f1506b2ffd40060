/**
 * Markdown building blocks: code spans that survive any text, GitHub tables with escaped
 * cells, long tables cut with a line saying how many rows were left out.
 */

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

/** Table rows, built only for the rows a table shows (a 10⁶-state network has 10⁶ rows). */
export type Rows = readonly (readonly string[])[] | { readonly count: number; readonly row: (i: number) => readonly string[] };

/** Rows made lazily from a list: `rowsOf(net.species, (s) => [code(s.name)])`. */
export function rowsOf<T>(items: readonly T[], make: (item: T, i: number) => readonly string[]): Rows {
  return { count: items.length, row: (i) => make(items[i] as T, i) };
}

/** The first `max` rows, and how many there are in all. */
export function firstRows(rows: Rows, max: number): { shown: (readonly string[])[]; count: number } {
  if ("count" in rows) return { shown: Array.from({ length: Math.min(max, rows.count) }, (_, i) => rows.row(i)), count: rows.count };
  return { shown: rows.slice(0, max), count: rows.length };
}

/**
 * A GitHub-flavoured Markdown table. Cells are Markdown (escape text with `mdText`, names with
 * `code`); their pipes are escaped here. Alignment `r` right-aligns numeric columns. At most
 * `maxRows` rows are shown, with a line saying how many were left out.
 */
/** A Markdown table of at most `maxRows` rows; `elsewhere` says where the rest can be found. */
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

export function yesNo(x: boolean | null): string {
  return x === null ? "undecided" : x ? "yes" : "no";
}

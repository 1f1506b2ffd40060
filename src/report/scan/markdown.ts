/** The Markdown scan report: headline, the diagram as an image link when one is written beside it, the tables, notes. */
import type { ParameterScan } from "../../analysis/scan/types.js";
import { formatNumber, mdText } from "../model/format.js";
import { code, table } from "../markdown/parts.js";
import { scanHeadline, scanTables } from "./tables.js";

export interface ScanMarkdownOptions {
  /** The bifurcation diagram's file, relative to the Markdown file (the CLI writes it beside -o OUT.md). */
  readonly image?: string;
  readonly title?: string;
  readonly source?: string;
}

export function renderScanMarkdown(scan: ParameterScan, options: ScanMarkdownOptions = {}): string {
  const out: string[] = [];
  out.push(`# Scan of ${code(scan.param)} from ${formatNumber(scan.from)} to ${formatNumber(scan.to)}${options.title ? `: ${mdText(options.title)}` : ""}`, "");
  if (options.source) out.push(`Source ${code(options.source)} · ${scan.kind === "reservoir" ? "reservoir" : "param"} ${code(scan.param)} · seeded at ${scan.seeds.length} values`, "");
  out.push(`**${mdText(scanHeadline(scan))}**`, "");
  if (options.image) out.push(`![Bifurcation diagram: stable branches solid, unstable dashed, folds circles, Hopf points squares](${encodeURI(options.image)})`, "");
  for (const t of scanTables(scan)) {
    out.push(`## ${t.title}`, "");
    out.push(t.rows.length > 0 ? table(t.headers.map(mdText), t.rows.map((r) => r.map(mdText)), t.align) : mdText(t.empty), "");
  }
  if (scan.notes.length > 0) out.push("## Notes", "", ...scan.notes.map((n) => `- ${mdText(n)}`), "");
  return `${out.join("\n").trimEnd()}\n`;
}

/**
 * A small document model for the trajectory reports (inference and simulation): headings,
 * paragraphs, tables and raw SVG, rendered to Markdown or to a standalone HTML page with the
 * report's style sheet. Cells are plain text; each renderer escapes them.
 */
import { htmlEscape, mdText } from "../model/format.js";
import { REPORT_STYLE } from "../html/index.js";
import { htmlTable } from "../html/render.js";

export type Part =
  | { readonly kind: "heading"; readonly level: 1 | 2; readonly text: string }
  | { readonly kind: "paragraph"; readonly text: string; readonly strong?: boolean; readonly css?: string }
  | { readonly kind: "list"; readonly items: readonly string[] }
  | { readonly kind: "table"; readonly headers: readonly string[]; readonly rows: readonly (readonly string[])[]; readonly align: string }
  | { readonly kind: "svg"; readonly svg: string };

export function toMarkdown(parts: readonly Part[]): string {
  const out: string[] = [];
  for (const p of parts) {
    switch (p.kind) {
      case "heading":
        out.push(`${"#".repeat(p.level)} ${mdText(p.text)}`);
        break;
      case "paragraph":
        out.push(p.strong ? `**${mdText(p.text)}**` : mdText(p.text));
        break;
      case "list":
        out.push(p.items.map((i) => `- ${mdText(i)}`).join("\n"));
        break;
      case "table": {
        const row = (r: readonly string[]) => `| ${r.map((c) => mdText(c)).join(" | ")} |`;
        const rule = `| ${p.headers.map((_, i) => (p.align[i] === "r" ? "---:" : "---")).join(" | ")} |`;
        out.push([row(p.headers), rule, ...p.rows.map(row)].join("\n"));
        break;
      }
      case "svg":
        break;
    }
  }
  return out.join("\n\n") + "\n";
}

export function toHtml(title: string, parts: readonly Part[]): string {
  const body = parts.map((p) => {
    switch (p.kind) {
      case "heading":
        return `<h${p.level}>${htmlEscape(p.text)}</h${p.level}>`;
      case "paragraph":
        return `<p${p.css ? ` class="${p.css}"` : ""}>${p.strong ? `<strong>${htmlEscape(p.text)}</strong>` : htmlEscape(p.text)}</p>`;
      case "list":
        return `<ul>${p.items.map((i) => `<li>${htmlEscape(i)}</li>`).join("")}</ul>`;
      case "table":
        return htmlTable(p.headers.map(htmlEscape), p.rows.map((r) => r.map(htmlEscape)), p.align);
      case "svg":
        return p.svg;
    }
  });
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${htmlEscape(title)}</title>\n<style>${REPORT_STYLE}</style>\n</head>\n<body>\n${body.join("\n")}\n</body>\n</html>\n`;
}

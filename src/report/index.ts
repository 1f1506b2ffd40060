/**
 * One entry for every report format: `render(analysis, format)`. A format that does not exist
 * (a JavaScript caller's "pdf", a typo) is a clear error naming the ones that do, never a
 * TypeError from deep inside an emitter or `undefined` returned as if it were a report.
 *
 *   render(analysis, "md")    // the Markdown report
 *   render(analysis, "pdf")   // throws RangeError: unknown report format 'pdf'; the formats are md, json, html, mermaid
 */
import type { Analysis } from "../analysis/types.js";
import { renderHtml, type MermaidScript } from "./html/index.js";
import { renderJson } from "./json/index.js";
import { renderMarkdown } from "./markdown/index.js";
import { defaultView, renderDiagram } from "./mermaid/index.js";

export const FORMATS = ["md", "json", "html", "mermaid"] as const;
export type Format = (typeof FORMATS)[number];

/** True for a format `render` knows. */
export function isFormat(format: unknown): format is Format {
  return typeof format === "string" && (FORMATS as readonly string[]).includes(format);
}

/**
 * The report of `analysis` in `format`. HTML inlines mermaid's browser bundle when given its text
 * (`mermaid`), or refers to a shared copy (`{ href }`); without it the diagrams show as source.
 * Throws a RangeError naming the formats for one that does not exist.
 */
export function render(analysis: Analysis, format: Format, mermaid: MermaidScript = ""): string {
  if (!isFormat(format)) throw new RangeError(`unknown report format '${String(format)}'; the formats are ${FORMATS.join(", ")}`);
  switch (format) {
    case "md": return renderMarkdown(analysis);
    case "json": return renderJson(analysis);
    case "html": return renderHtml(analysis, mermaid);
    case "mermaid": return renderDiagram(analysis, defaultView(analysis.network));
  }
}

/** The HTML scan report: one self-contained page with the bifurcation diagram as inline SVG and the tables. */
import type { ParameterScan } from "../../analysis/scan/types.js";
import { formatNumber, htmlEscape as h } from "../model/format.js";
import { htmlTable } from "../html/render.js";
import { bifurcationSvg } from "./svg.js";
import { scanHeadline, scanTables } from "./tables.js";

const STYLE = `
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b; margin: 0 auto; max-width: 1080px; padding: 1.5rem; }
h2 { border-bottom: 1px solid #ddd; padding-bottom: .2rem; margin-top: 2rem; }
.headline { font-size: 1.05rem; padding: .6rem .9rem; border-radius: 6px; border-left: 5px solid #1f77b4; background: #eef4fa; }
.meta { color: #555; }
table { border-collapse: collapse; margin: .8rem 0; font-size: 14px; }
th, td { border: 1px solid #ddd; padding: .25rem .6rem; text-align: left; }
th { background: #f4f6f8; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
code { font: 13px ui-monospace, SFMono-Regular, Menlo, monospace; background: #f4f4f4; padding: 0 .2rem; border-radius: 3px; }
svg.chart { display: block; margin: 1rem 0; max-width: 100%; height: auto; }
`;

export function renderScanHtml(scan: ParameterScan, options: { readonly title?: string; readonly source?: string; readonly species?: number } = {}): string {
  const heading = `Scan of ${scan.param} from ${formatNumber(scan.from)} to ${formatNumber(scan.to)}${options.title ? `: ${options.title}` : ""}`;
  const body = [
    `<h1>${h(heading)}</h1>`,
    options.source ? `<p class="meta">Source <code>${h(options.source)}</code> · ${scan.kind} <code>${h(scan.param)}</code> · seeded at ${scan.seeds.length} values</p>` : "",
    `<p class="headline">${h(scanHeadline(scan))}</p>`,
    `<figure>${bifurcationSvg(scan, options.species)}<figcaption>Stable branches solid, unstable dashed; folds are circles, Hopf points squares; shaded: more than one stable state.</figcaption></figure>`,
    ...scanTables(scan).map((t) => `<h2>${h(t.title)}</h2>\n${t.rows.length > 0 ? htmlTable(t.headers.map(h), t.rows.map((r) => r.map(h)), t.align) : `<p>${h(t.empty)}</p>`}`),
    scan.notes.length > 0 ? `<h2>Notes</h2>\n<ul>${scan.notes.map((n) => `<li>${h(n)}</li>`).join("")}</ul>` : "",
  ].filter((s) => s !== "");
  return [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta name="generator" content="ness"><title>${h(heading)}</title><style>${STYLE}</style></head>`,
    `<body>`,
    ...body,
    `</body></html>`,
    "",
  ].join("\n");
}

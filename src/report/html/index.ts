/**
 * The HTML report. Alone (`ness report --format html`) it is one self-contained file that renders
 * with no network at all: mermaid's browser bundle is passed in as text (the CLI reads
 * node_modules/mermaid/dist/mermaid.min.js) and embedded as a base64 `data:` script, so nothing in
 * it can end the `<script>` element early. In a site (`ness site`) every page instead refers to one
 * copy of the bundle beside it (`{ href: "mermaid.min.js" }`): a relative `<script src>` loads from
 * disk (file://) as well as from a server, and fifteen pages no longer carry fifteen copies.
 */
import type { Analysis } from "../../analysis/types.js";
import { htmlEscape as h, titleOf } from "../model/format.js";
import { verdictOf } from "../model/index.js";
import { reportSections } from "../sections/index.js";
import { c, htmlSection, typesetUnits } from "./render.js";
import { hasMermaid, mermaidRunner, type MermaidScript } from "./mermaid-script.js";

export { mermaidRunner, MERMAID_CONFIG, type MermaidScript } from "./mermaid-script.js";

/** The report's style sheet (the playground shows reports with it too). */
export const REPORT_STYLE = `
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b; margin: 0 auto; max-width: 1080px; padding: 1.5rem; }
h1 { margin-bottom: .3rem; } h2 { border-bottom: 1px solid #ddd; padding-bottom: .2rem; margin-top: 2rem; }
.verdict { font-size: 1.1rem; padding: .6rem .9rem; border-radius: 6px; border-left: 5px solid; }
.verdict.equilibrium { background: #eef8ee; border-color: #2e7d32; }
.verdict.driven, .verdict.no-steady-state { background: #fdeeee; border-color: #d62728; }
.verdict.undecided { background: #fff8e1; border-color: #f9a825; }
.meta { color: #555; }
table { border-collapse: collapse; margin: .8rem 0; font-size: 14px; }
th, td { border: 1px solid #ddd; padding: .25rem .6rem; text-align: left; vertical-align: top; }
th { background: #f4f6f8; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; } td.num.words { white-space: normal; }
code { font: 13px ui-monospace, SFMono-Regular, Menlo, monospace; background: #f4f4f4; padding: 0 .2rem; border-radius: 3px; }
pre.mermaid { background: #fff; border: 1px solid #eee; padding: .5rem; overflow-x: auto; }
figure { margin: 1rem 0; } figcaption { color: #555; font-size: 13px; }
svg.chart { display: block; margin: 1rem 0; max-width: 100%; height: auto; }
.more, .warning { color: #8a5a00; }
`;

/** The verdict box, the page header and every section, without the page around them (the playground shows them live). */
export function renderHtmlBody(analysis: Analysis, mermaid: MermaidScript): string {
  const net = analysis.network;
  const verdict = verdictOf(analysis, { text: h, name: c });
  const counts = net.kind === "markov" ? `${net.species.length} states, ${net.reactions.length} transitions` : `${net.species.length} species, ${net.reservoirs.length} reservoirs, ${net.reactions.length} reactions`;
  const sections = reportSections(analysis);
  return [
    `<header><h1>${h(titleOf(net))}</h1>`,
    `<p class="verdict ${verdict.kind}" id="verdict"><strong>${h(verdict.headline)}</strong>: ${typesetUnits(verdict.detail)}</p>`,
    `<p class="meta">Source ${c(net.source)} · ${net.kind === "markov" ? "Markov jump network" : "mass-action network"} · ${h(counts)}</p></header>`,
    ...[...sections.filter((s) => s.htmlFirst === true), ...sections.filter((s) => s.htmlFirst !== true)].map((s) => htmlSection(analysis, s, mermaid)),
  ].filter((b) => b !== "").join("\n");
}

/**
 * The whole HTML page. `mermaid` is the text of mermaid.min.js or the address of a shared copy;
 * when it is empty text the diagrams are shown as mermaid source with a note saying why.
 */
export function renderHtml(analysis: Analysis, mermaid: MermaidScript): string {
  return [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta name="generator" content="ness"><title>${h(titleOf(analysis.network))}: ness report</title><style>${REPORT_STYLE}</style></head>`,
    `<body data-mermaid="${hasMermaid(mermaid) ? "pending" : "absent"}">`,
    renderHtmlBody(analysis, mermaid),
    hasMermaid(mermaid) ? mermaidRunner(mermaid) : "",
    "</body></html>",
    "",
  ].join("\n");
}


/**
 * The index page of a folder of reports (`ness site`, `npm start`): one row per network with
 * its verdict, entropy production and most driven cycle, linking its HTML, Markdown, JSON and
 * mermaid reports. Files that did not compile are listed with their first error.
 */
import type { Analysis } from "../../analysis/types.js";
import { formatNumber, htmlEscape as h, titleOf } from "../model/format.js";
import { mermaidRunner } from "./index.js";
import { defaultView, renderDiagram } from "../mermaid/index.js";
import { entropyReason, flowState, isRoundOff, verdictOf } from "../model/index.js";

export type IndexEntry =
  | { readonly source: string; readonly analysis: Analysis; readonly links: Readonly<Record<string, string>> }
  | { readonly source: string; readonly analysis: null; readonly error: string };

/** σ as the verdict states it: 0 when it is rounding at equilibrium (the computed value in a tooltip), else the reason it is missing. */
function entropyCell(kind: string, sigma: number | null, analysis: Analysis): string {
  const state = flowState(analysis);
  if (state === null) return "—";
  if (sigma === null) {
    const why = entropyReason(analysis, state) ?? "";
    return `<span title="${h(why)}">${why.startsWith("infinite") ? "∞" : "undefined"}</span>`;
  }
  if (kind === "equilibrium" && isRoundOff(state, sigma)) return `<span title="computed ${h(formatNumber(sigma))}">0</span>`;
  return h(formatNumber(sigma));
}

/**
 * The index page. With mermaid's bundle (`mermaidScript`), every network is also drawn below the
 * table with its currents (the default view of `ness diagram`), so the page alone shows them all.
 */
export function renderIndex(entries: readonly IndexEntry[], mermaidScript = "", title = "ness reports"): string {
  const rows = entries.map((e) => {
    if (e.analysis === null) {
      return `<tr class="error"><td><code>${h(e.source)}</code></td><td colspan="4">does not compile: ${h(e.error)}</td></tr>`;
    }
    const v = verdictOf(e.analysis);
    const sigma = v.entropyProduction;
    const links = Object.entries(e.links).map(([label, href]) => `<a href="${h(encodeURI(href))}">${h(label)}</a>`).join(" · ");
    return [
      `<tr class="${v.kind}">`,
      `<td><a href="${h(encodeURI(e.links.html ?? ""))}"><strong>${h(titleOf(e.analysis.network))}</strong></a><br><code>${h(e.source)}</code></td>`,
      `<td>${h(v.headline)}</td>`,
      `<td class="num">${entropyCell(v.kind, sigma, e.analysis)}</td>`,
      `<td>${v.mostDriven ? `<code>${h(v.mostDriven.words)}</code> (${h(formatNumber(v.mostDriven.affinity))} k<sub>B</sub>T)` : "—"}</td>`,
      `<td>${links}</td></tr>`,
    ].join("");
  });
  const failed = entries.filter((e) => e.analysis === null).length;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ness"><title>${h(title)}</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; max-width: 1100px; margin: 0 auto; padding: 1.5rem; color: #1b1b1b; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #ddd; padding: .35rem .6rem; text-align: left; vertical-align: top; }
th { background: #f4f6f8; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.equilibrium td:nth-child(2) { color: #2e7d32; } tr.driven td:nth-child(2), tr.error td { color: #b71c1c; } tr.undecided td:nth-child(2) { color: #f57f17; }
code { font: 13px ui-monospace, monospace; }
figure { margin: 1.5rem 0; border-top: 1px solid #eee; padding-top: .5rem; } figcaption { margin-bottom: .4rem; }
pre.mermaid { background: #fff; overflow-x: auto; }
</style></head>
<body data-mermaid="${mermaidScript === "" ? "absent" : "pending"}">
<h1>${h(title)}</h1>
<p>${entries.length} network${entries.length === 1 ? "" : "s"}${failed ? `, ${failed} that do not compile` : ""}. Entropy production in k<sub>B</sub> per unit time at the steady state reached from the initial amounts.</p>
<table><thead><tr><th>network</th><th>verdict</th><th>entropy production</th><th>most driven cycle</th><th>reports</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table>
${diagrams(entries, mermaidScript)}
</body></html>
`;
}

function diagrams(entries: readonly IndexEntry[], mermaidScript: string): string {
  if (mermaidScript === "") return "";
  const figures = entries.map((e) => {
    if (e.analysis === null) return "";
    const net = e.analysis.network;
    const v = verdictOf(e.analysis);
    return `<figure><figcaption><a href="${h(encodeURI(e.links.html ?? ""))}"><strong>${h(titleOf(net))}</strong></a>: ${h(v.headline)}</figcaption><pre class="mermaid">${h(renderDiagram(e.analysis, defaultView(net)))}</pre></figure>`;
  });
  return `<h2>Networks and their currents</h2>
<p>Edges carry the net current (or flux) at the steady state, in the direction of net flow; red marks cycles that break detailed balance.</p>
${figures.filter((f) => f !== "").join("\n")}
${mermaidRunner(mermaidScript)}`;
}

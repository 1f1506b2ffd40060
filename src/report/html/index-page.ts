/**
 * The index page of a folder of reports (`ness site`, `npm start`): one row per network with
 * its verdict, entropy production and most driven cycle, linking its HTML, Markdown, JSON and
 * mermaid reports. Files that did not compile are listed with their first error; a network whose
 * asserts fail is marked in its row with the failed asserts' messages, as `ness check` says them.
 */
import type { Analysis } from "../../analysis/types.js";
import { formatNumber, htmlEscape as h, titleOf } from "../model/format.js";
import { hasMermaid, mermaidRunner, type MermaidScript } from "./mermaid-script.js";
import { defaultView, renderDiagram } from "../mermaid/index.js";
import { entropyReason, flowState, isRoundOff, verdictOf } from "../model/index.js";

export type IndexEntry =
  | {
    readonly source: string;
    readonly analysis: Analysis;
    readonly links: Readonly<Record<string, string>>;
    /** How many asserts the file has, and the messages of those that fail (none when all hold). */
    readonly asserts?: number;
    readonly failedAsserts?: readonly string[];
  }
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
 * The index page. With mermaid's bundle (`mermaid`: its text, or the address of the site's copy), every network is also drawn below the
 * table with its currents (the default view of `ness diagram`), so the page alone shows them all.
 */
export function renderIndex(entries: readonly IndexEntry[], mermaid: MermaidScript = "", title = "ness reports", playgroundHref: string | null = null): string {
  const rows = entries.map((e) => {
    if (e.analysis === null) {
      return `<tr class="error"><td><code>${h(e.source)}</code></td><td colspan="4">does not compile: ${h(e.error)}</td></tr>`;
    }
    const v = verdictOf(e.analysis);
    const sigma = v.entropyProduction;
    const failed = e.failedAsserts ?? [];
    const asserts = failed.length === 0 ? "" : `<div class="assert-failed">✗ ${failed.length} of ${e.asserts ?? failed.length} asserts failed:<ul>${failed.map((m) => `<li>${h(m)}</li>`).join("")}</ul></div>`;
    const links = Object.entries(e.links).map(([label, href]) => `<a href="${h(encodeURI(href))}">${h(label)}</a>`).join(" · ");
    return [
      `<tr class="${v.kind}${failed.length > 0 ? " asserts-failed" : ""}">`,
      `<td><a href="${h(encodeURI(e.links.html ?? ""))}"><strong>${h(titleOf(e.analysis.network))}</strong></a><br><code>${h(e.source)}</code></td>`,
      `<td>${h(v.headline)}${asserts}</td>`,
      `<td class="num">${entropyCell(v.kind, sigma, e.analysis)}</td>`,
      `<td>${v.mostDriven ? `<code>${h(v.mostDriven.words)}</code> (${h(formatNumber(v.mostDriven.affinity))} k<sub>B</sub>T)` : "—"}</td>`,
      `<td>${links}</td></tr>`,
    ].join("");
  });
  const summary = indexSummary(entries);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ness"><title>${h(title)}</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; max-width: 1100px; margin: 0 auto; padding: 1.5rem; color: #1b1b1b; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #ddd; padding: .35rem .6rem; text-align: left; vertical-align: top; }
th { background: #f4f6f8; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.equilibrium td:nth-child(2) { color: #2e7d32; } tr.driven td:nth-child(2), tr.error td { color: #b71c1c; } tr.undecided td:nth-child(2) { color: #f57f17; }
code { font: 13px ui-monospace, monospace; }
.assert-failed { color: #b71c1c; font-size: 13px; margin-top: .3rem; } .assert-failed ul { margin: .2rem 0 0 1.1rem; padding: 0; }
figure { margin: 1.5rem 0; border-top: 1px solid #eee; padding-top: .5rem; } figcaption { margin-bottom: .4rem; }
pre.mermaid { background: #fff; overflow-x: auto; }
</style></head>
<body data-mermaid="${hasMermaid(mermaid) ? "pending" : "absent"}">
<h1>${h(title)}</h1>
${playgroundHref === null ? "" : `<p>Try your own network in the <a href="${h(encodeURI(playgroundHref))}">playground</a>: it is compiled and analysed as you type, in the page, offline.</p>\n`}<p>${h(summary)}. Entropy production in k<sub>B</sub> per unit time at the steady state reached from the initial amounts.</p>
<table><thead><tr><th>network</th><th>verdict</th><th>entropy production</th><th>most driven cycle</th><th>reports</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table>
${diagrams(entries, mermaid)}
</body></html>
`;
}

/** "15 networks, 1 does not compile, 2 with failed asserts": each count with its own verb. */
export function indexSummary(entries: readonly IndexEntry[]): string {
  const broken = entries.filter((e) => e.analysis === null).length;
  const failing = entries.filter((e) => e.analysis !== null && (e.failedAsserts?.length ?? 0) > 0).length;
  const parts = [`${entries.length} network${entries.length === 1 ? "" : "s"}`];
  if (broken > 0) parts.push(`${broken} ${broken === 1 ? "does" : "do"} not compile`);
  if (failing > 0) parts.push(`${failing} with failed asserts`);
  return parts.join(", ");
}

function diagrams(entries: readonly IndexEntry[], mermaid: MermaidScript): string {
  if (!hasMermaid(mermaid)) return "";
  const figures = entries.map((e) => {
    if (e.analysis === null) return "";
    const net = e.analysis.network;
    const v = verdictOf(e.analysis);
    return `<figure><figcaption><a href="${h(encodeURI(e.links.html ?? ""))}"><strong>${h(titleOf(net))}</strong></a>: ${h(v.headline)}</figcaption><pre class="mermaid">${h(renderDiagram(e.analysis, defaultView(net)))}</pre></figure>`;
  });
  return `<h2>Networks and their currents</h2>
<p>Edges carry the net current (or flux) at the steady state, in the direction of net flow; red marks cycles that break detailed balance.</p>
${figures.filter((f) => f !== "").join("\n")}
${mermaidRunner(mermaid)}`;
}

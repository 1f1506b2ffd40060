/**
 * The sections of the HTML report as HTML fragments: tables, the verdict, and the SVG charts.
 * Every piece of user text passes through `htmlEscape`.
 */
import type { Analysis } from "../../analysis/types.js";
import { firstOf, formatNumber, htmlEscape as h, shorten, where } from "../model/format.js";
import { affinityReason, entropyReason, flowState, oneWayNames, orderedStates, structureRows } from "../model/index.js";
import { firstRows, rowsOf, type Rows } from "../markdown/parts.js";
import { barChart } from "./svg.js";

/** `<code>name</code>`, escaped. */
export function c(text: string): string {
  return `<code>${h(text)}</code>`;
}

/** An HTML table; cells are HTML already (escape first). `align` has `l` or `r` per column. */
export function htmlTable(headers: readonly string[], rows: Rows, align: string, maxRows = 200): string {
  const th = headers.map((x, i) => `<th class="${align[i] === "r" ? "num" : ""}">${x}</th>`).join("");
  const { shown, count } = firstRows(rows, maxRows);
  const body = shown.map((r) => `<tr>${r.map((x, i) => `<td class="${align[i] === "r" ? "num" : ""}">${x}</td>`).join("")}</tr>`).join("\n");
  const more = count > shown.length ? `<p class="more">… ${count - shown.length} more rows not shown (${count} in all; the JSON report has every one).</p>` : "";
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>${more}`;
}

export function structureHtml(analysis: Analysis): string {
  const s = analysis.structure;
  const more = s.conservationLaws.length > 200 ? `<p class="more">… ${s.conservationLaws.length - 200} more conservation laws not shown.</p>` : "";
  const laws = s.conservationLaws.length === 0 ? "<p>No conservation laws.</p>"
    : `<p>Conservation laws:</p><ul>${s.conservationLaws.slice(0, 200).map((l) => `<li>${c(shorten(l.equation))}</li>`).join("")}</ul>${more}`;
  return `<section id="structure"><h2>Structure</h2>${htmlTable(["quantity", "value"], structureRows(s).map(([a, b]) => [h(a), h(b)]), "lr")}${laws}</section>`;
}

export function balanceHtml(analysis: Analysis): string {
  const db = analysis.detailedBalance;
  const net = analysis.network;
  const how = db.method === "exact" ? "checked exactly" : `checked to a relative tolerance of ${formatNumber(db.tolerance)}`;
  const out = [`<section id="balance"><h2>Detailed balance</h2><p><strong>${db.holds ? "Holds" : "Fails"}</strong> (${h(how)}).</p>`];
  const oneWay = oneWayNames(analysis);
  if (oneWay.length > 0) out.push(`<p>One-way reactions ${oneWay.map(c).join(", ")} have no reverse rate and can never balance.</p>`);
  if (db.violations.length > 0) {
    out.push(htmlTable(["cycle", "affinity (k<sub>B</sub>T)", "reactions", "where"], rowsOf(db.violations, (v) => {
      const why = affinityReason(v.affinity);
      return [c(shorten(v.words)), h(why === null ? formatNumber(v.affinity) : `${formatNumber(v.affinity)} (${why})`),
        firstOf(v.reactions.map((r) => c(net.reactions[r]?.id ?? `#${r}`))).join(", "),
        firstOf(v.reactions.map((r) => { const rx = net.reactions[r]; return rx === undefined ? "?" : c(where(rx)); })).join(", ")];
    }), "lrll"));
    out.push(barChart({ title: "Affinity of each cycle that breaks detailed balance", labels: db.violations.map((v) => shorten(v.words, 80)), values: db.violations.map((v) => v.affinity), unit: "affinity in k_BT", colour: "#d62728" }));
  }
  out.push("</section>");
  return out.join("\n");
}

export function statesHtml(analysis: Analysis): string {
  const net = analysis.network;
  const states = orderedStates(analysis);
  const out = [`<section id="steady-states"><h2>Steady states</h2><p>Found by ${h(analysis.steadyStates.method)}; ${analysis.steadyStates.complete ? "the list is complete" : "the list is not proved complete"}.</p>`];
  if (states.length === 0) {
    out.push("<p><strong>No steady state.</strong> See the notes for why.</p></section>");
    return out.join("\n");
  }
  const cols = states.map((_, i) => h(states.length === 1 ? "steady state" : `state ${i + 1}`));
  const align = `l${"r".repeat(cols.length)}`;
  out.push(htmlTable(["", ...cols], [
    ["stable", ...states.map((s) => (s.stable === null ? "undecided" : s.stable ? "yes" : "no"))],
    ["entropy production (k<sub>B</sub> per unit time)", ...states.map((s) => {
      const why = entropyReason(analysis, s);
      return h(why === null ? formatNumber(s.entropyProduction) : `${why.startsWith("infinite") ? "∞" : "undefined"} (${why})`);
    })],
  ], align));
  out.push(htmlTable([net.kind === "markov" ? "state (probability)" : "species (concentration)", ...cols], rowsOf(net.species, (sp, i) => [c(sp.name), ...states.map((s) => formatNumber(s.concentrations[i]))]), align));
  out.push(htmlTable(["reaction (net flux)", ...cols], rowsOf(net.reactions, (r, i) => [c(r.id), ...states.map((s) => formatNumber(s.fluxes[i]))]), align));
  const first = flowState(analysis);
  if (first !== null) {
    const title = net.kind === "markov" ? "Stationary distribution" : "Steady-state concentrations";
    out.push(barChart({ title: `${title}${states.length > 1 && first.reached ? " (the state reached from the initial amounts)" : ""}`, labels: net.species.map((s) => s.name), values: first.concentrations, unit: net.kind === "markov" ? "probability" : "concentration" }));
  }
  out.push("</section>");
  return out.join("\n");
}

export function currentsHtml(analysis: Analysis): string {
  const cur = analysis.currents;
  if (cur === null || cur.cycles.length === 0) return "";
  const net = analysis.network;
  const rows = cur.cycles.map((cc) => [c(shorten(cc.words)), c(net.reactions[cc.chord]?.id ?? `#${cc.chord}`), h(formatNumber(cc.affinity)), h(formatNumber(cc.current)), h(formatNumber(cc.affinity * cc.current))]);
  const sigma = flowState(analysis)?.entropyProduction ?? null;
  const sum = cur.cycleEntropyProduction;
  const check = sum !== null && sigma !== null && Number.isFinite(sum) && Number.isFinite(sigma)
    ? `Σ<sub>c</sub> A<sub>c</sub> J<sub>c</sub> = ${h(formatNumber(sum))}; σ = ${h(formatNumber(sigma))} k<sub>B</sub> per unit time (relative difference ${h(formatNumber(Math.abs(sum - sigma) / (Math.max(Math.abs(sum), Math.abs(sigma)) || 1), 2))}).`
    : "not applicable (an affinity, current or the entropy production is infinite or undefined).";
  return [
    `<section id="currents"><h2>Currents (Schnakenberg)</h2>`,
    htmlTable(["cycle", "chord", "affinity A<sub>c</sub> (k<sub>B</sub>T)", "current J<sub>c</sub>", "A<sub>c</sub>·J<sub>c</sub>"], rows, "llrrr"),
    `<p>Check σ = Σ<sub>c</sub> A<sub>c</sub> J<sub>c</sub>: ${check}</p>`,
    barChart({ title: "Current around each cycle", labels: cur.cycles.map((cc) => shorten(cc.words, 80)), values: cur.cycles.map((cc) => cc.current), unit: "cycle current J_c per unit time" }),
    "</section>",
  ].join("\n");
}

/**
 * The Markdown report (`ness report FILE`), GitHub-flavoured: the verdict in one line right
 * under the title, then the network, structure, detailed balance, steady states, currents
 * (Schnakenberg) and mermaid diagrams GitHub renders. Numbers have 6 significant digits;
 * infinite or undefined numbers are written as such with the reason.
 */
import type { Analysis } from "../../analysis/types.js";
import { firstOf, formatNumber, mdText, shorten, titleOf, where } from "../model/format.js";
import { code, fenced, rowsOf, table } from "./parts.js";
import { currentsSection, steadyStateSection } from "./states.js";
import { renderDiagram } from "../mermaid/index.js";
import { affinityReason, oneWayNames, structureRows, verdictOf } from "../model/index.js";
import { cycleWords } from "../../analysis/currents/index.js";

export interface MarkdownOptions {
  /** Rows per table before it is cut (the JSON report keeps every row). Default 200. */
  readonly maxRows?: number;
  /** Include mermaid diagrams. Default true. */
  readonly diagrams?: boolean;
}

/** The one-line verdict, with Markdown emphasis: `**Driven**: detailed balance fails …`. */
export function verdictLine(analysis: Analysis): string {
  const v = verdictOf(analysis, { text: mdText, name: code });
  return `**${v.headline}**: ${v.detail}`;
}

/** The whole Markdown report, ending in a newline. */
export function renderMarkdown(analysis: Analysis, options: MarkdownOptions = {}): string {
  const maxRows = options.maxRows ?? 200;
  const net = analysis.network;
  const kind = net.kind === "markov" ? "Markov jump network" : "mass-action network";
  const counts = net.kind === "markov"
    ? `${net.species.length} states, ${net.reactions.length} transitions`
    : `${net.species.length} species, ${net.reservoirs.length} reservoirs, ${net.reactions.length} reactions`;
  const parts = [
    `# ${mdText(titleOf(net))}`,
    verdictLine(analysis),
    `Source ${code(net.source)} · ${kind} · ${counts}.`,
    networkSection(analysis, maxRows),
    structureSection(analysis, maxRows),
    balanceSection(analysis, maxRows),
    steadyStateSection(analysis, maxRows),
    currentsSection(analysis, maxRows),
  ];
  if (options.diagrams !== false) parts.push(diagramSection(analysis));
  if (analysis.notes.length > 0) parts.push(["## Notes", "", ...analysis.notes.map((n) => `- ${mdText(n)}`)].join("\n"));
  return `${parts.filter((p) => p !== "").join("\n\n")}\n`;
}

function networkSection(analysis: Analysis, maxRows: number): string {
  const net = analysis.network;
  const out = ["## Network"];
  const noun = net.kind === "markov" ? "state" : "species";
  out.push(table([noun, net.kind === "markov" ? "initial probability" : "initial amount"],
    rowsOf(net.species, (s) => [code(s.name), `${formatNumber(s.initial)}${s.initialGiven ? "" : " (inferred)"}`]), "lr", maxRows));
  if (net.reservoirs.length > 0) {
    out.push(table(["reservoir", "fixed concentration"], rowsOf(net.reservoirs, (y) => [code(y.name), formatNumber(y.value)]), "lr", maxRows));
  }
  out.push(table(["reaction", "equation", "forward", "reverse", "where"],
    rowsOf(net.reactions, (r) => [code(r.id), code(r.equation), formatNumber(r.forward.value), r.reverse === null ? "one-way" : formatNumber(r.reverse.value), code(where(r))]),
    "llrrl", maxRows));
  return out.join("\n\n");
}

function structureSection(analysis: Analysis, maxRows: number): string {
  const s = analysis.structure;
  const out = ["## Structure", table(["quantity", "value"], structureRows(s), "lr")];
  out.push(s.conservationLaws.length === 0
    ? "No conservation laws: no combination of amounts stays constant."
    : ["Conservation laws (integer basis; totals from the initial amounts):", "", ...s.conservationLaws.slice(0, maxRows).map((l) => `- ${code(shorten(l.equation))}`)].join("\n"));
  if (s.conservationLaws.length > maxRows) out.push(`*… ${s.conservationLaws.length - maxRows} more conservation laws not shown.*`);
  out.push(s.cycles.length === 0
    ? "No cycles: no combination of reactions leaves every internal amount unchanged."
    : ["Cycles (integer basis of ker S):", "", ...s.cycles.slice(0, maxRows).map((c) => `- ${code(shorten(cycleWords(analysis.network, c)))}`)].join("\n"));
  if (s.cycles.length > maxRows) out.push(`*… ${s.cycles.length - maxRows} more cycles not shown.*`);
  return out.join("\n\n");
}

function balanceSection(analysis: Analysis, maxRows: number): string {
  const db = analysis.detailedBalance;
  const net = analysis.network;
  const how = db.method === "exact"
    ? "Checked exactly (rational arithmetic on the rate constants)."
    : `Checked in floating point to a relative tolerance of ${formatNumber(db.tolerance)}.`;
  const out = ["## Detailed balance", `${db.holds ? "**Holds.**" : "**Fails.**"} ${how}`];
  const oneWay = oneWayNames(analysis);
  if (oneWay.length > 0) out.push(`One-way reactions ${oneWay.map(code).join(", ")} have no reverse rate, so they can never balance.`);
  if (db.violations.length > 0) {
    const count = db.violationCount ?? db.violations.length;
    const listed = count > db.violations.length ? ` The ${db.violations.length} most driven of ${count} are listed.` : "";
    out.push(`Cycles whose affinity is not zero (the cycle basis of ker S), most driven first.${listed} Affinity is in k_BT: ${code("A = Σ_r c_r (ln(kf_r/kr_r) − Σ_Y S_Yr ln[Y])")}.`);
    out.push(table(["cycle", "affinity (k_BT)", "reactions", "where"], rowsOf(db.violations, (v) => {
      const why = affinityReason(v.affinity);
      return [
        code(shorten(v.words)),
        why === null ? formatNumber(v.affinity) : `${formatNumber(v.affinity)} (${mdText(why)})`,
        firstOf(v.reactions.map((r) => code(net.reactions[r]?.id ?? `#${r}`))).join(", "),
        firstOf(v.reactions.map((r) => { const rx = net.reactions[r]; return rx === undefined ? "?" : code(where(rx)); })).join(", "),
      ];
    }), "lrll", maxRows));
  }
  if (db.holds && db.freeEnergies !== null) {
    const k = db.equilibriumConstants;
    out.push("Free energies in k_BT, up to a constant per linkage class (G = −ln x at equilibrium):");
    out.push(table([net.kind === "markov" ? "state" : "species", "free energy (k_BT)"], rowsOf(net.species, (s, i) => [code(s.name), formatNumber(db.freeEnergies?.[i])]), "lr", maxRows));
    if (k !== null) out.push(table(["reaction", "equilibrium constant kf/kr"], rowsOf(net.reactions, (r, i) => [code(r.id), formatNumber(k[i])]), "lr", maxRows));
  }
  return out.join("\n\n");
}

function diagramSection(analysis: Analysis): string {
  const markov = analysis.network.kind === "markov";
  const out = ["## Diagrams"];
  if (!markov) out.push("### Species and reactions", "Reaction boxes carry the net flux; red marks reactions on cycles that break detailed balance.", fenced("mermaid", renderDiagram(analysis, "species")));
  out.push(markov ? "### States and net currents" : "### Complexes and net fluxes",
    "Edges point along the net flow and are thicker for larger currents; red edges lie on cycles that break detailed balance.",
    fenced("mermaid", renderDiagram(analysis, "states")));
  return out.join("\n\n");
}

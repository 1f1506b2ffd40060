/**
 * The steady-state and currents sections of the Markdown report: one column per steady state
 * (stable first), and Schnakenberg's cycle decomposition with its check σ = Σ_c A_c J_c.
 */
import type { Analysis } from "../../analysis/types.js";
import { firstOf, formatNumber, mdText, shorten } from "../model/format.js";
import { code, rowsOf, table, yesNo } from "./parts.js";
import { affinityReason, entropyReason, flowState, orderedStates } from "../model/index.js";

export function steadyStateSection(analysis: Analysis, maxRows: number): string {
  const net = analysis.network;
  const states = orderedStates(analysis);
  const search = analysis.steadyStates;
  const out = ["## Steady states"];
  out.push(`Found by ${mdText(search.method)}; the list is ${search.complete ? "complete (every non-negative steady state in the compatibility class)" : "not proved complete"}.`);
  if (states.length === 0) {
    out.push("**No steady state.** See the notes below for why (an inflow with no outflow grows without bound).");
    return out.join("\n\n");
  }
  const cols = states.map((_, i) => (states.length === 1 ? "steady state" : `state ${i + 1}`));
  const amount = net.kind === "markov" ? "probability" : "concentration";
  const summary: string[][] = [
    ["stable", ...states.map((s) => yesNo(s.stable))],
    ["reached from the initial amounts", ...states.map((s) => (s.reached ? "yes" : "no"))],
    ["leading eigenvalue", ...states.map((s) => (s.leadingEigenvalue === null ? "not computed" : formatNumber(s.leadingEigenvalue)))],
    ["entropy production (k_B per unit time)", ...states.map((s) => {
      const why = entropyReason(analysis, s);
      return why === null ? formatNumber(s.entropyProduction) : `${why.startsWith("infinite") ? "∞" : "undefined"} (${mdText(why)})`;
    })],
  ];
  out.push(table(["", ...cols], summary, `l${"r".repeat(cols.length)}`));
  out.push(table([`${net.kind === "markov" ? "state" : "species"} (${amount})`, ...cols],
    rowsOf(net.species, (sp, i) => [code(sp.name), ...states.map((s) => formatNumber(s.concentrations[i]))]), `l${"r".repeat(cols.length)}`, maxRows));
  if (states.length === 1) {
    const s = states[0]!;
    out.push(table(["reaction", "forward rate v⁺", "reverse rate v⁻", "net flux J = v⁺ − v⁻"],
      rowsOf(net.reactions, (r, i) => [code(r.id), formatNumber(s.forwardRates[i]), r.reverse === null ? "0 (one-way)" : formatNumber(s.reverseRates[i]), formatNumber(s.fluxes[i])]),
      "lrrr", maxRows));
  } else {
    out.push(table(["reaction (net flux)", ...cols], rowsOf(net.reactions, (r, i) => [code(r.id), ...states.map((s) => formatNumber(s.fluxes[i]))]), `l${"r".repeat(cols.length)}`, maxRows));
  }
  return out.join("\n\n");
}

export function currentsSection(analysis: Analysis, maxRows: number): string {
  const c = analysis.currents;
  if (c === null) return "";
  const net = analysis.network;
  const state = flowState(analysis);
  const out = ["## Currents (Schnakenberg)"];
  const tree = firstOf(c.tree.map((r) => code(net.reactions[r]?.id ?? `#${r}`)), 20);
  out.push(`Spanning tree: ${tree.length === 0 ? "empty" : tree.join(", ")}. Each chord closes one fundamental cycle; the cycle current J_c is the chord's net flux, and every reaction's flux is the sum of the currents of the cycles through it.`);
  if (c.cycles.length === 0) {
    out.push("No cycles, so no cycle currents: every steady-state flux is zero.");
    return out.join("\n\n");
  }
  out.push(table(["cycle", "chord", "affinity A_c (k_BT)", "current J_c", "A_c · J_c"], rowsOf(c.cycles, (cc) => {
    const why = affinityReason(cc.affinity);
    return [code(shorten(cc.words)), code(net.reactions[cc.chord]?.id ?? `#${cc.chord}`), why === null ? formatNumber(cc.affinity) : `${formatNumber(cc.affinity)} (${mdText(why)})`,
      formatNumber(cc.current), formatNumber(cc.affinity * cc.current)];
  }), "llrrr", maxRows));
  out.push(checkLine(analysis, c.cycleEntropyProduction, state?.entropyProduction ?? null));
  return out.join("\n\n");
}

/** The check σ = Σ_c A_c J_c, with the relative difference. */
function checkLine(analysis: Analysis, sum: number | null, sigma: number | null): string {
  const state = flowState(analysis);
  if (sum === null || sigma === null || !Number.isFinite(sum) || !Number.isFinite(sigma)) {
    const why = state === null ? "no steady state" : entropyReason(analysis, state) ?? "a cycle affinity or current is infinite or undefined";
    return `Check σ = Σ_c A_c J_c: not applicable (${mdText(why)}).`;
  }
  const scale = Math.max(Math.abs(sum), Math.abs(sigma));
  const rel = scale === 0 ? 0 : Math.abs(sum - sigma) / scale;
  const ok = rel <= 1e-6;
  return `Check σ = Σ_c A_c J_c: Σ_c A_c J_c = ${formatNumber(sum)}, σ = ${formatNumber(sigma)} k_B per unit time (relative difference ${formatNumber(rel, 2)}) ${ok ? "✓ agree" : "✗ **disagree**"}.`;
}

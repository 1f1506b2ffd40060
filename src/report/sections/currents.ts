/**
 * The Currents (Schnakenberg) section: the spanning tree, and for each fundamental cycle its
 * chord, affinity A_c, current J_c and A_c·J_c, then the check σ = Σ_c A_c J_c. In JSON:
 * `currents` (null when there is no steady state to decompose).
 */
import type { Analysis, Currents } from "../../analysis/types.js";
import type { Network } from "../../network/types.js";
import { formatNumber, shorten } from "../model/format.js";
import { affinityReason, entropyReason, flowState } from "../model/index.js";
import { chart, code, firstOf, joined, KBT, rowsOf, said, strong, sub, table, text, type Block, type Inline, type Section } from "../model/section.js";
import { coefficients, supportCoefficients, nonZero, type ListingBudget, type NullNotes } from "../json/values.js";
import type { JsonCurrents } from "../json/types.js";

/** Relative difference below which Σ_c A_c J_c and σ are said to agree. */
const CHECK_AGREES = 1e-6;

const SUM: Inline = [sub("Σ", "c"), " ", sub("A", "c"), " ", sub("J", "c")];
const SUM_C: Inline = [sub("Σ", "c"), " ", sub("J", "c"), " c"];

/** Share of the JSON listing cap the listed cycle currents may use. */
const CURRENTS_LISTING_SHARE = 0.3;

/** Schnakenberg's cycle decomposition at the steady state diagrams draw: `currentsSection(analysis).blocks` holds the cycle table. */
export function currentsSection(analysis: Analysis): Section {
  const c = analysis.currents;
  const net = analysis.network;
  const count = analysis.structure.cycleCount;
  const json = (nulls: NullNotes, budget: ListingBudget) => ({ currents: c === null ? null : currentsJson(net, c, count, nulls, budget) });
  if (c === null) return { id: "currents", title: "Currents (Schnakenberg)", blocks: [], json };
  const tree = firstOf(c.tree.map((r) => code(net.reactions[r]?.id ?? `#${r}`)), 20);
  const how: Inline = net.kind === "markov"
    ? [". Each chord (a transition off the tree) closes one fundamental cycle; the cycle current ", sub("J", "c"), " is the chord's net current"]
    : [". The cycles are the basis of ker S; each has a chord, a pivot reaction on it, and the cycle currents ", sub("J", "c"),
      " solve J = ", SUM_C, " on the pivot reactions (the chord's net flux is its own current only when no other cycle passes through it)"];
  // with no cycle there is no chord to speak of: the tree is the whole graph and every flux is zero
  const blocks: Block[] = count === 0 && c.cycles.length === 0 ? [] : [text(["Spanning tree: ", tree.length === 0 ? "empty" : joined(tree, ", "), how,
    ", and every reaction's net flux is J = ", SUM_C, ", the sum of the currents of the cycles through it."], "markdown")];
  if (count > c.cycles.length) blocks.push(text(`${c.cycles.length} of the ${count} cycle currents are listed; the check below covers all of them.`));
  if (c.cycles.length === 0) {
    blocks.push(text("No cycles, so no cycle currents: every steady-state flux is zero.", "markdown"));
    return { id: "currents", title: "Currents (Schnakenberg)", blocks, json };
  }
  blocks.push(table(
    ["cycle", "chord", ["affinity ", sub("A", "c"), " (", KBT, ")"], ["current ", sub("J", "c")], [sub("A", "c"), said(" · ", "·"), sub("J", "c")]],
    rowsOf(c.cycles, (cc) => {
      const why = affinityReason(cc.affinity);
      return [code(shorten(cc.words)), code(net.reactions[cc.chord]?.id ?? `#${cc.chord}`),
        why === null ? formatNumber(cc.affinity) : said(`${formatNumber(cc.affinity)} (${why})`, formatNumber(cc.affinity)),
        formatNumber(cc.current), formatNumber(cc.affinity * cc.current)];
    }), "llrrr"));
  const sigma = flowState(analysis)?.entropyProduction ?? null;
  blocks.push(text(markdownCheck(analysis, c.cycleEntropyProduction, sigma), "markdown"));
  blocks.push(text(htmlCheck(c.cycleEntropyProduction, sigma), "html"));
  blocks.push(chart({ title: "Current around each cycle", labels: c.cycles.map((cc) => shorten(cc.words, 80)), values: c.cycles.map((cc) => cc.current), unit: "cycle current J_c per unit time" }));
  return { id: "currents", title: "Currents (Schnakenberg)", blocks, json };
}

/** The check σ = Σ_c A_c J_c with the relative difference, or why it does not apply. */
function markdownCheck(analysis: Analysis, sum: number | null, sigma: number | null): Inline {
  const head: Inline = ["Check σ = ", SUM, ": "];
  if (sum === null || sigma === null || !Number.isFinite(sum) || !Number.isFinite(sigma)) {
    const state = flowState(analysis);
    const why = state === null ? "no steady state" : entropyReason(analysis, state) ?? "a cycle affinity or current is infinite or undefined";
    return [head, `not applicable (${why}).`];
  }
  const scale = Math.max(Math.abs(sum), Math.abs(sigma));
  const rel = scale === 0 ? 0 : Math.abs(sum - sigma) / scale;
  return [head, SUM, ` = ${formatNumber(sum)}, σ = ${formatNumber(sigma)} `, sub("k", "B"), ` per unit time (relative difference ${formatNumber(rel, 2)}) `,
    rel <= CHECK_AGREES ? "✓ agree" : ["✗ ", strong("disagree")], "."];
}

function htmlCheck(sum: number | null, sigma: number | null): Inline {
  const head: Inline = ["Check σ = ", SUM, ": "];
  if (sum === null || sigma === null || !Number.isFinite(sum) || !Number.isFinite(sigma)) {
    return [head, "not applicable (an affinity, current or the entropy production is infinite or undefined)."];
  }
  const rel = Math.abs(sum - sigma) / (Math.max(Math.abs(sum), Math.abs(sigma)) || 1);
  return [head, SUM, ` = ${formatNumber(sum)}; σ = ${formatNumber(sigma)} `, sub("k", "B"), ` per unit time (relative difference ${formatNumber(rel, 2)}).`];
}

function currentsJson(net: Network, c: Currents, count: number, nulls: NullNotes, budget: ListingBudget): JsonCurrents {
  const ids = net.reactions.map((r) => r.id);
  // a Markov cycle's support is its nonzero entries already: reading cc.cycle would build a dense
  // vector over every transition for each cycle (40 000 × 80 000 on the torus)
  const listed = c.cycles.slice(0, budget.take(c.cycles, (cc) => (cc.support === undefined ? nonZero(cc.cycle) : cc.support.reactions.length) + 1, CURRENTS_LISTING_SHARE));
  if (listed.length < count) nulls.notes.push(`currents.cycles lists ${listed.length} of ${count} cycle currents (listing caps keep the report bounded); currents.cycleCount is exact and cycleEntropyProduction covers all.`);
  return {
    tree: c.tree.slice(0, budget.first(c.tree.length, "currents.tree")).map((r) => ids[r] ?? `#${r}`),
    cycleCount: count,
    cycles: listed.map((cc, i) => ({
      chord: ids[cc.chord] ?? `#${cc.chord}`,
      cycle: cc.support === undefined ? coefficients(ids, cc.cycle) : supportCoefficients(ids, cc.support),
      words: cc.words,
      affinity: nulls.num(cc.affinity, `currents.cycles[${i}].affinity`, affinityReason(cc.affinity)),
      current: nulls.num(cc.current, `currents.cycles[${i}].current`),
    })),
    cycleEntropyProduction: nulls.num(c.cycleEntropyProduction, "currents.cycleEntropyProduction",
      c.cycleEntropyProduction === null ? "a cycle affinity or current is infinite or undefined" : null),
  };
}

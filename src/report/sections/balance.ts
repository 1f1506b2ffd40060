/**
 * The Detailed balance section: how the verdict was reached, the one-way reactions, every cycle
 * of the basis whose affinity A = Σ_r c_r (ln(kf_r/kr_r) − Σ_Y S_Yr ln[Y]) is not zero (most
 * driven first, with where its reactions are written), and at equilibrium the free energies and
 * equilibrium constants. In JSON: `detailedBalance`.
 */
import type { Analysis } from "../../analysis/types.js";
import { formatNumber, shorten, where } from "../model/format.js";
import { affinityReason, oneWayNames } from "../model/index.js";
import { chart, code, firstOf, joined, KBT, rowsOf, said, strong, table, text, type Block, type Section } from "../model/section.js";
import { coefficients, keyed, type NullNotes } from "../json/values.js";
import type { JsonDetailedBalance } from "../json/types.js";

/** The detailed-balance verdict and its evidence: `balanceSection(analysis).blocks[0]` says Holds or Fails, and how it was checked. */
export function balanceSection(analysis: Analysis): Section {
  const db = analysis.detailedBalance;
  const net = analysis.network;
  const exact = db.method === "exact";
  const blocks: Block[] = [text(said(
    [strong(db.holds ? "Holds." : "Fails."), " ", exact ? "Checked exactly (rational arithmetic on the rate constants)." : `Checked in floating point to a relative tolerance of ${formatNumber(db.tolerance)}.`],
    [strong(db.holds ? "Holds" : "Fails"), ` (${exact ? "checked exactly" : `checked to a relative tolerance of ${formatNumber(db.tolerance)}`}).`],
  ))];
  const oneWay = oneWayNames(analysis);
  if (oneWay.length > 0) {
    blocks.push(text(["One-way reactions ", joined(oneWay.map(code), ", "), said(" have no reverse rate, so they can never balance.", " have no reverse rate and can never balance.")]));
  }
  if (db.violations.length > 0) {
    const count = db.violationCount ?? db.violations.length;
    const listed = count > db.violations.length ? ` The ${db.violations.length} most driven of ${count} are listed.` : "";
    blocks.push(text(["Cycles whose affinity is not zero (the cycle basis of ker S), most driven first.", listed, " Affinity is in ", KBT, ": ", code("A = Σ_r c_r (ln(kf_r/kr_r) − Σ_Y S_Yr ln[Y])"), "."], "markdown"));
    blocks.push(table(["cycle", ["affinity (", KBT, ")"], "reactions", "where"], rowsOf(db.violations, (v) => {
      const why = affinityReason(v.affinity);
      return [
        code(shorten(v.words)),
        why === null ? formatNumber(v.affinity) : `${formatNumber(v.affinity)} (${why})`,
        joined(firstOf(v.reactions.map((r) => code(net.reactions[r]?.id ?? `#${r}`))), ", "),
        joined(firstOf(v.reactions.map((r) => { const rx = net.reactions[r]; return rx === undefined ? "?" : code(where(rx)); })), ", "),
      ];
    }), "lrll"));
    blocks.push(chart({ title: "Affinity of each cycle that breaks detailed balance", labels: db.violations.map((v) => shorten(v.words, 80)), values: db.violations.map((v) => v.affinity), unit: "affinity in k_BT", colour: "#d62728" }));
  }
  if (db.holds && db.freeEnergies !== null) {
    const g = db.freeEnergies;
    const k = db.equilibriumConstants;
    blocks.push(text(["Free energies in ", KBT, ", up to a constant per linkage class (G = −ln x at equilibrium):"], "markdown"));
    blocks.push(table([net.kind === "markov" ? "state" : "species", ["free energy (", KBT, ")"]], rowsOf(net.species, (s, i) => [code(s.name), formatNumber(g[i])]), "lr", "markdown"));
    if (k !== null) blocks.push(table(["reaction", "equilibrium constant kf/kr"], rowsOf(net.reactions, (r, i) => [code(r.id), formatNumber(k[i])]), "lr", "markdown"));
  }
  return { id: "balance", title: "Detailed balance", blocks, json: (nulls) => ({ detailedBalance: balanceJson(analysis, nulls) }) };
}

function balanceJson(analysis: Analysis, nulls: NullNotes): JsonDetailedBalance {
  const db = analysis.detailedBalance;
  const net = analysis.network;
  const speciesNames = net.species.map((s) => s.name);
  const reactionIds = net.reactions.map((r) => r.id);
  const out: JsonDetailedBalance = {
    holds: db.holds, method: db.method, tolerance: db.tolerance,
    oneWay: db.oneWay.map((r) => reactionIds[r] ?? `#${r}`),
    violations: db.violations.map((v, i) => ({
      cycle: coefficients(reactionIds, v.cycle),
      affinity: nulls.num(v.affinity, `detailedBalance.violations[${i}].affinity`, affinityReason(v.affinity)),
      words: v.words,
      reactions: v.reactions.map((r) => reactionIds[r] ?? `#${r}`),
      at: v.reactions.map((r) => { const rx = net.reactions[r]; return rx === undefined ? "" : where(rx); }),
    })),
    violationCount: db.violationCount ?? db.violations.length,
    freeEnergies: db.freeEnergies === null ? null : keyed(speciesNames, db.freeEnergies, nulls, "detailedBalance.freeEnergies"),
    equilibriumConstants: db.equilibriumConstants === null ? null : keyed(reactionIds, db.equilibriumConstants, nulls, "detailedBalance.equilibriumConstants"),
  };
  if ((db.violationCount ?? 0) > db.violations.length) nulls.notes.push(`detailedBalance.violations lists the ${db.violations.length} most driven of ${db.violationCount} driven cycles.`);
  return out;
}

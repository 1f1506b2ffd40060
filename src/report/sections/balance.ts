/**
 * The Detailed balance section: the verdict (holds, fails, undecided) and how each basis cycle was
 * decided (exactly, by a double-precision rounding bound B_c, within the user's tolerance, by
 * construction, or undecided), the one-way reactions and the opposite one-way pairs read as one
 * reversible reaction, every cycle whose affinity A = Σ_r c_r (ln(kf_r/kr_r) − Σ_Y S_Yr ln[Y]) is
 * not zero (most driven first, with how it was decided and how far it is from balance), the
 * culprits, the cycles the user's tolerance accepted and those left undecided, and at
 * equilibrium the free energies and equilibrium constants. In JSON: `detailedBalance`.
 */
import type { Analysis, DecisionMethod, Violation } from "../../analysis/types.js";
import { formatNumber, shorten, where } from "../model/format.js";
import { decisionCell, decisionPhrases, distanceText, METHODS, plural, userTolerance } from "../model/balance.js";
import { affinityReason, oneWayNames } from "../model/index.js";
import { chart, code, firstOf, joined, KBT, rowsOf, said, strong, table, text, wholeTable, type Block, type Inline, type Section } from "../model/section.js";
import { coefficients, keyed, supportCoefficients, nonZero, type ListingBudget, type NullNotes } from "../json/values.js";
import type { JsonDetailedBalance, JsonViolation } from "../json/types.js";

/** The decision methods in the order they are named, and how the table names them. */
const METHOD_WORDS: { readonly [K in DecisionMethod]: string } = {
  exact: "exact arithmetic", construction: "construction (declared free energies)", bound: "double-precision rounding bound B_c",
  "user-tolerance": "your tolerance", undecided: "undecided",
};

/** Share of the JSON listing cap the violations, accepted and undecided cycles may use together. */
const BALANCE_LISTING_SHARE = 0.3;

/** The detailed-balance verdict and its evidence: `balanceSection(analysis).blocks[0]` says Holds, Fails or Undecided, and how it was decided. */
export function balanceSection(analysis: Analysis): Section {
  const db = analysis.detailedBalance;
  const net = analysis.network;
  const id = (r: number): string => net.reactions[r]?.id ?? `#${r}`;
  const word = db.verdict === "holds" ? "Holds" : db.verdict === "fails" ? "Fails" : "Undecided";
  const how = decisionPhrases(analysis);
  const judged = METHODS.reduce((a, m) => a + db.decided[m], 0);
  const blocks: Block[] = [text([strong(`${word}.`), ` ${judged === 0 ? "No cycle to judge" : `${plural(judged, "cycle")} of the basis judged`}: ${how.join("; ")}.`])];
  const used = METHODS.filter((m) => db.decided[m] > 0);
  if (used.length > 1) {
    blocks.push(wholeTable(["decided by", "cycles"], used.map((m) => [METHOD_WORDS[m], String(db.decided[m])]), "lr"));
  }
  if (db.walkedEdges > 0) {
    const walked = net.kind === "markov"
      ? `${plural(db.walkedEdges, "transition")} walked along cycles to multiply their rates exactly.`
      : `${plural(db.walkedEdges, "reaction term")} multiplied into exact cycle products.`;
    blocks.push(text(walked, "markdown"));
  }
  const oneWay = oneWayNames(analysis);
  if (oneWay.length > 0) {
    blocks.push(text(["One-way reactions ", joined(oneWay.map(code), ", "), said(" have no reverse rate, so they can never balance.", " have no reverse rate and can never balance.")]));
  }
  if (db.pairs.length > 0) {
    const pairs = firstOf(db.pairs.map(([f, r]): Inline => [code(id(f)), " with ", code(id(r))]), 20);
    blocks.push(text(["Opposite one-way reactions treated as one reversible reaction (for balance, currents and σ): ", joined(pairs, ", "), "."]));
  }
  const tolerance = userTolerance(analysis);
  if (db.toleranceApplied || db.acceptedCount > 0) {
    blocks.push(text([strong("Your tolerance was applied"), `: ${tolerance ?? "(value not reported)"} accepted ${plural(db.acceptedCount, "driven cycle")}, listed below; they are not counted as violations.`]));
  }
  const violationCount = db.violationCount ?? db.violations.length;
  if (db.violations.length > 0) {
    const listed = violationCount > db.violations.length ? ` The ${db.violations.length} most driven of ${violationCount} are listed.` : "";
    blocks.push(text([`${plural(violationCount, "cycle")} of the basis of ker S ${violationCount === 1 ? "breaks" : "break"} detailed balance, most driven first.`, listed, " Affinity is in ", KBT, ": ", code("A = Σ_r c_r (ln(kf_r/kr_r) − Σ_Y S_Yr ln[Y])"), "."], "markdown"));
    if (violationCount > db.violations.length) blocks.push(text(`The ${db.violations.length} most driven of ${violationCount} cycles that break detailed balance are listed.`, "html"));
    blocks.push(cycleTable(analysis, db.violations));
    if (db.explainedByRounding === true) blocks.push(text([strong("Every violation is explained by rounding"), ": each is within what the digits its rate constants are written with can cause."]));
    if (db.explainedByRounding === false) blocks.push(text("Not every violation is explained by the digits the rate constants are written with (see the table)."));
    blocks.push(chart({ title: "Affinity of each cycle that breaks detailed balance", labels: db.violations.map((v) => shorten(v.words, 80)), values: db.violations.map((v) => v.affinity), unit: "affinity in k_BT", colour: "#d62728" }));
  }
  if (db.culprits !== null && db.culprits.length > 0) {
    blocks.push({ kind: "list", intro: "Who is to blame: each of these rate constants alone, changed by the factor, closes every cycle violated beyond rounding (the forward constant multiplied, or the reverse one divided):", empty: null,
      items: rowsOf(db.culprits, (c) => [code(id(c.reaction)), ` × ${formatNumber(c.factor, 3)} alone closes every cycle violated beyond rounding`]), noun: "culprits" });
  } else if (db.culprits !== null && db.violations.some((v) => v.distance?.explainedByRounding === false)) {
    blocks.push(text("No single rate constant, changed alone, closes every cycle violated beyond rounding."));
  }
  if (db.accepted.length > 0) {
    blocks.push(text(["Cycles your tolerance (", tolerance ?? "value not reported", ") accepted:"]));
    blocks.push(cycleTable(analysis, db.accepted));
  }
  if (db.undecided > 0) {
    const listed = db.undecided > db.undecidedCycles.length ? ` (${db.undecidedCycles.length} listed)` : "";
    blocks.push(text([strong(`${plural(db.undecided, "cycle")} undecided`), `${listed}: within their rounding bound, but the exact product of their rational constants was not formed (past the walk or bit budget). They are not counted as balanced.`]));
    if (db.undecidedCycles.length > 0) blocks.push(cycleTable(analysis, db.undecidedCycles));
  }
  if (db.holds && db.freeEnergies !== null) {
    const g = db.freeEnergies;
    const k = db.equilibriumConstants;
    blocks.push(text(["Free energies in ", KBT, ", up to a constant per linkage class (G = −ln x at equilibrium):"], "markdown"));
    blocks.push(table([net.kind === "markov" ? "state" : "species", ["free energy (", KBT, ")"]], rowsOf(net.species, (s, i) => [code(s.name), formatNumber(g[i])]), "lr", "markdown"));
    if (k !== null) blocks.push(table(["reaction", "equilibrium constant kf/kr"], rowsOf(net.reactions, (r, i) => [code(r.id), formatNumber(k[i])]), "lr", "markdown"));
  }
  return { id: "balance", title: "Detailed balance", blocks, json: (nulls, budget) => ({ detailedBalance: balanceJson(analysis, nulls, budget) }) };
}

/** Cycles as a table: the cycle in words, affinity, how it was decided, how far from balance, its reactions and where they are written. */
function cycleTable(analysis: Analysis, cycles: readonly Violation[]): Block {
  const net = analysis.network;
  return table(["cycle", ["affinity (", KBT, ")"], "decided", "distance from balance", "reactions", "where"], rowsOf(cycles, (v) => {
    const why = affinityReason(v.affinity);
    return [
      code(shorten(v.words)),
      why === null ? formatNumber(v.affinity) : `${formatNumber(v.affinity)} (${why})`,
      decisionCell(v),
      distanceText(v) ?? "not reported",
      joined(firstOf(v.reactions.map((r) => code(net.reactions[r]?.id ?? `#${r}`))), ", "),
      joined(firstOf(v.reactions.map((r) => { const rx = net.reactions[r]; return rx === undefined ? "?" : code(where(rx)); })), ", "),
    ];
  }), "lrllll");
}

/** What one listed cycle costs in the JSON report: its non-zero coefficients, and its reactions' ids and places. */
function cycleCost(v: Violation): number {
  // a Markov violation's support is its nonzero entries: v.cycle would build the dense vector
  return (v.support === undefined ? nonZero(v.cycle) : v.support.reactions.length) + 2 * v.reactions.length;
}

function balanceJson(analysis: Analysis, nulls: NullNotes, budget: ListingBudget): JsonDetailedBalance {
  const db = analysis.detailedBalance;
  const net = analysis.network;
  const speciesNames = net.species.map((s) => s.name);
  const reactionIds = net.reactions.map((r) => r.id);
  const id = (r: number): string => reactionIds[r] ?? `#${r}`;
  const all = [...db.violations, ...db.accepted, ...db.undecidedCycles];
  let fits = budget.take(all, cycleCost, BALANCE_LISTING_SHARE);
  const listOf = (cycles: readonly Violation[], path: string, total: number, what: string): JsonViolation[] => {
    const n = Math.min(fits, cycles.length);
    fits -= n;
    if (n < total) nulls.notes.push(`${path} lists ${n} of ${total} ${what} (the most driven first): the listing caps keep the report bounded; the count is exact.`);
    return cycles.slice(0, n).map((v, i) => violationJson(analysis, reactionIds, v, `${path}[${i}]`, nulls));
  };
  const violationCount = db.violationCount ?? db.violations.length;
  return {
    holds: db.holds, verdict: db.verdict, method: db.method, tolerance: db.tolerance,
    decided: { ...db.decided }, undecided: db.undecided, walkedEdges: db.walkedEdges,
    toleranceApplied: db.toleranceApplied, acceptedTolerance: userTolerance(analysis),
    oneWay: db.oneWay.slice(0, budget.first(db.oneWay.length, "detailedBalance.oneWay")).map(id),
    pairs: db.pairs.slice(0, budget.first(db.pairs.length, "detailedBalance.pairs")).map(([f, r]) => [id(f), id(r)] as const),
    violations: listOf(db.violations, "detailedBalance.violations", violationCount, "driven cycles"),
    violationCount,
    accepted: listOf(db.accepted, "detailedBalance.accepted", db.acceptedCount, "accepted cycles"),
    acceptedCount: db.acceptedCount,
    undecidedCycles: listOf(db.undecidedCycles, "detailedBalance.undecidedCycles", db.undecided, "undecided cycles"),
    explainedByRounding: db.explainedByRounding,
    culprits: db.culprits === null ? null : db.culprits.slice(0, budget.first(db.culprits.length, "detailedBalance.culprits")).map((c, i) => ({ reaction: id(c.reaction), factor: nulls.num(c.factor, `detailedBalance.culprits[${i}].factor`) })),
    freeEnergies: db.freeEnergies === null ? null : keyed(speciesNames, db.freeEnergies, nulls, "detailedBalance.freeEnergies", budget),
    equilibriumConstants: db.equilibriumConstants === null ? null : keyed(reactionIds, db.equilibriumConstants, nulls, "detailedBalance.equilibriumConstants", budget),
  };
}

function violationJson(analysis: Analysis, ids: readonly string[], v: Violation, path: string, nulls: NullNotes): JsonViolation {
  const net = analysis.network;
  const base = {
    cycle: v.support === undefined ? coefficients(ids, v.cycle) : supportCoefficients(ids, v.support),
    affinity: nulls.num(v.affinity, `${path}.affinity`, affinityReason(v.affinity)),
    words: v.words,
    reactions: v.reactions.map((r) => ids[r] ?? `#${r}`),
    at: v.reactions.map((r) => { const rx = net.reactions[r]; return rx === undefined ? "" : where(rx); }),
  };
  const decision = v.decision === undefined ? {} : { decision: { method: v.decision.method, bound: v.decision.bound } };
  const d = v.distance;
  const distance = d === undefined ? {} : {
    relativeChange: nulls.num(d.relativeChange, `${path}.relativeChange`, Number.isFinite(d.relativeChange) ? null : "infinite: a one-way reaction is on the cycle, so no change of its constants closes it"),
    roundingAffinity: nulls.num(d.roundingAffinity, `${path}.roundingAffinity`),
    explainedByRounding: d.explainedByRounding,
  };
  return { ...base, ...decision, ...distance };
}

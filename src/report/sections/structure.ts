/**
 * The Structure section: the structural numbers of deficiency theory, the conservation laws as
 * equations and the cycle basis of ker S. In JSON: `structure`.
 */
import type { Analysis, Structure } from "../../analysis/types.js";
import { cycleWords } from "../../analysis/currents/index.js";
import { shorten } from "../model/format.js";
import { code, rowsOf, said, text, wholeTable, type Block, type Inline, type Section } from "../model/section.js";
import { exactCoefficients, nonZero, type ListingBudget, type NullNotes } from "../json/values.js";
import type { JsonStructure } from "../json/types.js";

/** Share of the JSON listing cap each basis (conservation laws, cycles) may use. */
const STRUCTURE_LISTING_SHARE = 0.2;

/** What a list says when it is empty: none, or a basis too large to list (`count` vectors of `length` entries). */
function emptyBasis(count: number, length: number, none: Inline, noun: string): Inline {
  if (count === 0) return none;
  return `${count} ${noun}; basis not listed (${count} × ${length} = ${count * length} entries would exceed the listing cap maxListedEntries).`;
}

/**
 * The structural numbers every format tables, as (quantity, value) rows: `["rank of S", "1"]`, ….
 * A Markov network's rows of S are its states and its columns transitions, and are called so.
 */
export function structureRows(s: Structure, kind: "markov" | "mass-action" = "mass-action"): [string, string][] {
  const markov = kind === "markov";
  return [
    [markov ? "states (rows of S)" : "species (rows of S)", String(s.species)], [markov ? "transitions (columns of S)" : "reactions (columns of S)", String(s.reactions)], ["rank of S", String(s.rank)],
    ["complexes", String(s.complexes)], ["linkage classes", String(s.linkageClasses)],
    ["strong linkage classes", String(s.strongLinkageClasses)], ["terminal strong linkage classes", String(s.terminalStrongLinkageClasses)],
    ["deficiency", String(s.deficiency)], ["reversible", s.reversible ? "yes" : "no"], ["weakly reversible", s.weaklyReversible ? "yes" : "no"],
    ["conservation laws (dim coker S)", String(s.conservationLawCount)], ["cycles (dim ker S)", String(s.cycleCount)],
    ["emergent cycles", String(s.emergentCycles)], ["broken conservation laws", String(s.brokenConservationLaws)],
  ];
}

/** Rank, deficiency, conservation laws (`A + B = 1`) and cycles of the network. */
export function structureSection(analysis: Analysis): Section {
  return {
    id: "structure",
    title: "Structure",
    blocks: structureBlocks(analysis),
    json: (nulls, budget) => ({ structure: structureJson(analysis, nulls, budget) }),
  };
}

function structureBlocks(analysis: Analysis): Block[] {
  const s = analysis.structure;
  const net = analysis.network;
  const exact = s.exactCycles !== undefined || s.conservationLaws.some((l) => l.exact !== undefined);
  return [
    wholeTable(["quantity", "value"], structureRows(s, analysis.network.kind), "lr"),
    {
      kind: "list",
      intro: said("Conservation laws (integer basis; totals from the initial amounts):", "Conservation laws:"),
      empty: emptyBasis(s.conservationLawCount, s.species, said("No conservation laws: no combination of amounts stays constant.", "No conservation laws."), "conservation laws"),
      items: rowsOf(s.conservationLaws, (l) => [code(shorten(l.equation))]),
      noun: "conservation laws",
    },
    {
      kind: "list",
      intro: "Cycles (integer basis of ker S):",
      empty: emptyBasis(s.cycleCount, s.reactions, "No cycles: no combination of reactions leaves every internal amount unchanged.", "independent cycles"),
      items: rowsOf(s.cycles, (c) => [code(shorten(cycleWords(net, c)))]),
      noun: "cycles",
      only: "markdown",
    },
    ...(exact ? [text("Some basis entries exceed 2^53 in magnitude: the JSON report writes them as exact decimal strings; the text here rounds them.")] : []),
  ];
}

function structureJson(analysis: Analysis, nulls: NullNotes, budget: ListingBudget): JsonStructure {
  const s = analysis.structure;
  const net = analysis.network;
  const speciesNames = net.species.map((x) => x.name);
  const reactionIds = net.reactions.map((r) => r.id);
  const laws = s.conservationLaws.slice(0, budget.take(s.conservationLaws, (l) => nonZero(l.vector) + 1, STRUCTURE_LISTING_SHARE));
  const cycles = s.cycles.slice(0, budget.take(s.cycles, nonZero, STRUCTURE_LISTING_SHARE));
  const cut = (listed: number, count: number, listedByAnalysis: boolean, path: string, noun: string, countField: string): void => {
    if (listed >= count) return;
    nulls.notes.push(listedByAnalysis
      ? `${path} lists ${listed} of ${count} ${noun}: the JSON report's cap on listed entries keeps it bounded; ${countField} is exact.`
      : `${path} lists ${listed} of ${count} ${noun}: the basis exceeds the analysis's listing cap maxListedEntries; ${countField} is exact.`);
  };
  cut(laws.length, s.conservationLawCount, s.conservationLawsListed, "structure.conservationLaws", "conservation laws", "structure.conservationLawCount");
  cut(cycles.length, s.cycleCount, s.cyclesListed, "structure.cycles", "cycles", "structure.cycleCount");
  return {
    species: s.species, reactions: s.reactions, rank: s.rank, complexes: s.complexes,
    linkageClasses: s.linkageClasses, strongLinkageClasses: s.strongLinkageClasses,
    terminalStrongLinkageClasses: s.terminalStrongLinkageClasses, deficiency: s.deficiency,
    reversible: s.reversible, weaklyReversible: s.weaklyReversible,
    conservationLaws: laws.map((l) => exactCoefficients(speciesNames, l.vector, l.exact)),
    conservationLawCount: s.conservationLawCount,
    conservedTotals: laws.map((l, i) => nulls.num(l.total, `structure.conservedTotals[${i}]`)),
    conservationEquations: laws.map((l) => l.equation),
    cycles: cycles.map((c, i) => exactCoefficients(reactionIds, c, s.exactCycles?.[i])),
    cycleCount: s.cycleCount,
    emergentCycles: s.emergentCycles, brokenConservationLaws: s.brokenConservationLaws,
  };
}

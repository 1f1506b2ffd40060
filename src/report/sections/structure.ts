/**
 * The Structure section: the structural numbers of deficiency theory, the conservation laws as
 * equations and the cycle basis of ker S. In JSON: `structure`.
 */
import type { Analysis, Structure } from "../../analysis/types.js";
import { cycleWords } from "../../analysis/currents/index.js";
import { shorten } from "../model/format.js";
import { code, rowsOf, said, wholeTable, type Section } from "../model/section.js";
import { coefficients } from "../json/values.js";

/** The structural numbers every format tables, as (quantity, value) rows: `["rank of S", "1"]`, …. */
export function structureRows(s: Structure): [string, string][] {
  return [
    ["species (rows of S)", String(s.species)], ["reactions (columns of S)", String(s.reactions)], ["rank of S", String(s.rank)],
    ["complexes", String(s.complexes)], ["linkage classes", String(s.linkageClasses)],
    ["strong linkage classes", String(s.strongLinkageClasses)], ["terminal strong linkage classes", String(s.terminalStrongLinkageClasses)],
    ["deficiency", String(s.deficiency)], ["reversible", s.reversible ? "yes" : "no"], ["weakly reversible", s.weaklyReversible ? "yes" : "no"],
    ["conservation laws", String(s.conservationLaws.length)], ["cycles (dim ker S)", String(s.cycles.length)],
    ["emergent cycles", String(s.emergentCycles)], ["broken conservation laws", String(s.brokenConservationLaws)],
  ];
}

/** Rank, deficiency, conservation laws (`A + B = 1`) and cycles of the network. */
export function structureSection(analysis: Analysis): Section {
  const s = analysis.structure;
  const net = analysis.network;
  return {
    id: "structure",
    title: "Structure",
    blocks: [
      wholeTable(["quantity", "value"], structureRows(s), "lr"),
      {
        kind: "list",
        intro: said("Conservation laws (integer basis; totals from the initial amounts):", "Conservation laws:"),
        empty: said("No conservation laws: no combination of amounts stays constant.", "No conservation laws."),
        items: rowsOf(s.conservationLaws, (l) => [code(shorten(l.equation))]),
        noun: "conservation laws",
      },
      {
        kind: "list",
        intro: "Cycles (integer basis of ker S):",
        empty: "No cycles: no combination of reactions leaves every internal amount unchanged.",
        items: rowsOf(s.cycles, (c) => [code(shorten(cycleWords(net, c)))]),
        noun: "cycles",
        only: "markdown",
      },
    ],
    json: (nulls) => {
      const speciesNames = net.species.map((x) => x.name);
      const reactionIds = net.reactions.map((r) => r.id);
      return {
        structure: {
          species: s.species, reactions: s.reactions, rank: s.rank, complexes: s.complexes,
          linkageClasses: s.linkageClasses, strongLinkageClasses: s.strongLinkageClasses,
          terminalStrongLinkageClasses: s.terminalStrongLinkageClasses, deficiency: s.deficiency,
          reversible: s.reversible, weaklyReversible: s.weaklyReversible,
          conservationLaws: s.conservationLaws.map((l) => coefficients(speciesNames, l.vector)),
          conservedTotals: s.conservationLaws.map((l, i) => nulls.num(l.total, `structure.conservedTotals[${i}]`)),
          conservationEquations: s.conservationLaws.map((l) => l.equation),
          cycles: s.cycles.map((c) => coefficients(reactionIds, c)),
          emergentCycles: s.emergentCycles, brokenConservationLaws: s.brokenConservationLaws,
        },
      };
    },
  };
}

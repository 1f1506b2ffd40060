/**
 * The Network section: species (or states) with their initial amounts, marking those ness
 * inferred; reservoirs; reactions with rate constants and where they are written. In JSON:
 * `species`, `initial`, `initialInferred`, `reservoirs`, `reactions` (in a summary, the first names
 * and the largest initial amounts: json/values.ts ListingBudget).
 */
import type { Analysis } from "../../analysis/types.js";
import { formatNumber, where } from "../model/format.js";
import { code, rowsOf, table, type Block, type Section } from "../model/section.js";
import { keyed } from "../json/values.js";

/** What the network is made of, as the user wrote it: `networkSection(analysis).blocks` holds two or three tables. */
export function networkSection(analysis: Analysis): Section {
  const net = analysis.network;
  const markov = net.kind === "markov";
  const blocks: Block[] = [
    table([markov ? "state" : "species", markov ? "initial probability" : "initial amount"],
      rowsOf(net.species, (s) => [code(s.name), `${formatNumber(s.initial)}${s.initialGiven ? "" : " (inferred)"}`]), "lr"),
  ];
  if (net.reservoirs.length > 0) {
    blocks.push(table(["reservoir", "fixed concentration"], rowsOf(net.reservoirs, (y) => [code(y.name), formatNumber(y.value)]), "lr"));
  }
  blocks.push(table(["reaction", "equation", "forward", "reverse", "where"],
    rowsOf(net.reactions, (r) => [code(r.id), code(r.equation), formatNumber(r.forward.value), r.reverse === null ? "one-way" : formatNumber(r.reverse.value), code(where(r))]),
    "llrrl"));
  return {
    id: "network",
    title: "Network",
    blocks,
    json: (nulls, budget) => {
      const names = net.species.map((s) => s.name);
      const inferred = net.species.filter((x) => !x.initialGiven).map((x) => x.name);
      const species = names.slice(0, budget.first(names.length, "species"));
      const reactions = net.reactions.slice(0, budget.first(net.reactions.length, "reactions"));
      return {
        species,
        initial: keyed(names, net.species.map((x) => x.initial), nulls, "initial", budget),
        initialInferred: inferred.slice(0, budget.first(inferred.length, "initialInferred")),
        reservoirs: keyed(net.reservoirs.map((r) => r.name), net.reservoirs.map((r) => r.value), nulls, "reservoirs", budget),
        reactions: reactions.map((r, i) => ({
          id: r.id, equation: r.equation,
          forward: nulls.num(r.forward.value, `reactions[${i}].forward`),
          reverse: r.reverse === null ? null : nulls.num(r.reverse.value, `reactions[${i}].reverse`),
          labelGiven: r.labelGiven, at: where(r),
        })),
      };
    },
  };
}

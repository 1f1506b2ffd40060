/**
 * The Diagrams section: mermaid drawings of the network with its net currents, cycles that
 * break detailed balance in red. Mass action gets the species–reaction graph and the complex
 * graph, a Markov network its state graph. HTML shows it first, rendered; it adds nothing to JSON.
 */
import type { Analysis } from "../../analysis/types.js";
import { said, type Block, type Section } from "../model/section.js";

/** The mermaid views of the network: `diagramsSection(analysis).blocks` are `diagram` blocks. */
export function diagramsSection(analysis: Analysis): Section {
  const blocks: Block[] = [];
  const inHtml = "red marks cycles that break detailed balance, thicker edges carry larger currents.";
  if (analysis.network.kind === "markov") {
    blocks.push({ kind: "diagram", view: "states", title: "States and net currents",
      caption: said("Edges point along the net flow and are thicker for larger currents; red edges lie on cycles that break detailed balance.", inHtml) });
  } else {
    blocks.push({ kind: "diagram", view: "species", title: said("Species and reactions", "Species and reactions (net flux on each reaction)"),
      caption: said("Reaction boxes carry the net flux; red marks reactions on cycles that break detailed balance.", inHtml) });
    blocks.push({ kind: "diagram", view: "states", title: "Complexes and net fluxes",
      caption: said("Edges point along the net flow and are thicker for larger currents; red edges lie on cycles that break detailed balance.", inHtml) });
  }
  return { id: "diagrams", title: "Diagrams", blocks, htmlFirst: true };
}

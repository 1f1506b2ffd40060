/**
 * Mermaid diagrams of a network, three views:
 * - `species`: the bipartite species–reaction graph (reservoirs as hexagons); for a network
 *   with a steady state each reaction shows its net flux and arrows follow the net flow;
 * - `complexes`: the complex graph (reservoirs folded into the edges, as in deficiency theory);
 * - `states`: the state graph (Markov states, or complexes for mass action) with each edge
 *   labelled by its net current, drawn in the direction of net flow, thicker for larger
 *   currents.
 * Cycles that break detailed balance are drawn in red. Networks with more than `maxNodes`
 * nodes get a summary (the most driven cycles, or the linkage classes) instead of a hairball.
 */
import type { Analysis } from "../../analysis/types.js";
import type { Network } from "../../network/types.js";
import { formatNumber, titleOf } from "../model/format.js";
import { FlowchartBuilder, label, strokeWidth } from "./builder.js";
import { type DiagramView, edgeStyle, ends, exchange, maxAbsFlux, netFlux, styleDefs } from "./parts.js";
import { summaryDiagram } from "./summary.js";
import { drivenReactions, flowState } from "../model/index.js";

export type { DiagramView } from "./parts.js";

/** Every view `ness diagram --view` accepts. */
export const DIAGRAM_VIEWS: readonly DiagramView[] = ["species", "complexes", "states"];

/** The view a network is drawn in unless asked otherwise: states for Markov, species for mass action. */
export function defaultView(net: Network): DiagramView {
  return net.kind === "markov" ? "states" : "species";
}

export interface DiagramOptions {
  /** Above this many nodes, draw a summary. Default 200. */
  readonly maxNodes?: number;
}

/** Above this many nodes a view is summarised rather than drawn. */
export const DEFAULT_MAX_NODES = 200;

/**
 * The mermaid source of one view of the network (a `flowchart`), ending in a newline.
 * Node ids are generated (`n0`, `x0`, `r0`, `c0`), labels quoted and escaped, so any name is safe.
 */
export function renderDiagram(analysis: Analysis, view: DiagramView, options: DiagramOptions = {}): string {
  const max = options.maxNodes ?? DEFAULT_MAX_NODES;
  const size = nodeCount(analysis.network, view);
  if (size > max) return summaryDiagram(analysis, view, size, max);
  if (view === "species") return speciesView(analysis);
  if (view === "complexes") return complexView(analysis);
  return stateView(analysis);
}

/** How many nodes a full drawing of the view has. */
export function nodeCount(net: Network, view: DiagramView): number {
  if (view === "species") return net.species.length + net.reservoirs.length + net.reactions.length;
  if (view === "states" && net.kind === "markov") return net.species.length;
  return net.complexes.length;
}

function heading(b: FlowchartBuilder, analysis: Analysis, what: string): void {
  b.comment(`ness: ${what} of "${titleOf(analysis.network)}" (${analysis.network.source})`);
}

function speciesView(analysis: Analysis): string {
  const net = analysis.network;
  const state = flowState(analysis);
  const driven = drivenReactions(analysis);
  const max = maxAbsFlux(state);
  const b = new FlowchartBuilder("LR");
  heading(b, analysis, "species-reaction graph");
  if (state !== null) b.comment("reaction boxes show the net flux J at the steady state; arrows follow the net flow");
  net.species.forEach((s, i) => {
    const amount = state === null ? [] : [`${net.kind === "markov" ? "p" : "x"} = ${formatNumber(state.concentrations[i])}`];
    b.node(`n${i}`, label(s.name, ...amount), "stadium", "species");
  });
  net.reservoirs.forEach((y, i) => b.node(`x${i}`, label(y.name, `fixed ${formatNumber(y.value)}`), "hexagon", "reservoir"));
  for (const rx of net.reactions) {
    const j = state === null ? null : netFlux(state, rx.index);
    const text = j === null ? [rx.id] : [rx.id, `J = ${formatNumber(j)}`];
    b.node(`r${rx.index}`, label(...text), "box", driven.has(rx.index) ? "driven" : "reaction");
    const backwards = j !== null && j < 0;
    const arrow = j !== null && j !== 0 ? "-->" : rx.reverse === null ? "-->" : "<-->";
    const width = j === null ? 1.5 : strokeWidth(j, max);
    const inputs = [...rx.reactants.map((t) => ({ id: `n${t.index}`, c: t.coefficient })), ...rx.reservoirReactants.map((t) => ({ id: `x${t.index}`, c: t.coefficient }))];
    const outputs = [...rx.products.map((t) => ({ id: `n${t.index}`, c: t.coefficient })), ...rx.reservoirProducts.map((t) => ({ id: `x${t.index}`, c: t.coefficient }))];
    const [from, to] = backwards ? [outputs, inputs] : [inputs, outputs];
    for (const t of from) edgeStyle(b, b.edge(t.id, `r${rx.index}`, arrow, t.c === 1 ? undefined : label(String(t.c))), driven.has(rx.index), width);
    for (const t of to) edgeStyle(b, b.edge(`r${rx.index}`, t.id, arrow, t.c === 1 ? undefined : label(String(t.c))), driven.has(rx.index), width);
  }
  styleDefs(b);
  return b.toString();
}

function complexView(analysis: Analysis): string {
  const net = analysis.network;
  const driven = drivenReactions(analysis);
  const b = new FlowchartBuilder("LR");
  heading(b, analysis, "complex graph");
  b.comment("reservoirs are folded into the rate constants; edges name the reaction and the reservoirs it exchanges");
  for (const c of net.complexes) b.node(`c${c.index}`, label(c.terms.length === 0 ? "∅" : c.label), "round", "species");
  for (const rx of net.reactions) {
    const ex = exchange(net, rx);
    const e = b.edge(`c${rx.reactantComplex}`, `c${rx.productComplex}`, rx.reverse === null ? "-->" : "<-->", label(ex === "" ? rx.id : `${rx.id}: ${ex}`));
    edgeStyle(b, e, driven.has(rx.index), driven.has(rx.index) ? 2.5 : 1.5);
  }
  styleDefs(b);
  return b.toString();
}

function stateView(analysis: Analysis): string {
  const net = analysis.network;
  const state = flowState(analysis);
  const driven = drivenReactions(analysis);
  const max = maxAbsFlux(state);
  const b = new FlowchartBuilder("LR");
  heading(b, analysis, net.kind === "markov" ? "state graph" : "complex graph with net fluxes");
  b.comment(state === null ? "no steady state: edges are drawn as written" : "edges carry the net current at the steady state, drawn in the direction of net flow; red edges lie on cycles that break detailed balance");
  if (net.kind === "markov") {
    net.species.forEach((s, i) => b.node(`n${i}`, label(s.name, ...(state === null ? [] : [`p = ${formatNumber(state.concentrations[i])}`])), "round", "species"));
  } else {
    for (const c of net.complexes) b.node(`c${c.index}`, label(c.terms.length === 0 ? "∅" : c.label), "round", "species");
  }
  for (const rx of net.reactions) {
    const [a, z] = ends(net, rx);
    const j = state === null ? null : netFlux(state, rx.index);
    if (j === null) {
      edgeStyle(b, b.edge(a, z, rx.reverse === null ? "-->" : "<-->", label(rx.id)), driven.has(rx.index), 1.5);
      continue;
    }
    const [from, to] = j < 0 ? [z, a] : [a, z];
    const arrow = j === 0 && rx.reverse !== null ? "<-->" : "-->";
    const e = b.edge(from, to, arrow, label(`${rx.id}: J = ${formatNumber(Math.abs(j))}`));
    edgeStyle(b, e, driven.has(rx.index), strokeWidth(j, max));
  }
  styleDefs(b);
  return b.toString();
}

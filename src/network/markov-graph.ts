/**
 * The state graph of a Markov network as parallel typed arrays, and the spanning forest every
 * Markov analysis (structure, balance, currents) builds on, so a cycle has one name everywhere.
 * Plain functions of the immutable network.
 */
import { spanningForest, type SpanningForest } from "./digraph.js";
import type { MarkovEdges, Network } from "./types.js";

export type { MarkovEdges } from "./types.js";

/**
 * The transitions of a Markov network, or null when a reaction is not one state to one state.
 * The network's own columns, worked out once when it was built (read-only).
 *
 *   const { network } = compile("state A, B\nA <-> B @ 1, 2");
 *   const e = markovEdges(network!);
 *   // e.states === 2, e.from = [0], e.to = [1], e.twoWay = [1]
 */
export function markovEdges(network: Network): MarkovEdges | null {
  return network.columns.edges;
}

/**
 * The spanning forest every Markov analysis uses: breadth-first from the lowest state of each
 * component, through two-way transitions first (a one-way transition joins the tree only where no
 * two-way path reaches), so tree paths are short and one-way transitions are chords when they can be.
 * Worked out once for each network's edges: the same arrays every time, which no caller writes.
 */
export function markovForest(edges: MarkovEdges): SpanningForest {
  // one per network's edges: structure, balance and currents each asked for it (3 × ~25 ms at 40 000 states); read-only, as the edges are
  let forest = FORESTS.get(edges);
  if (forest === undefined) FORESTS.set(edges, (forest = spanningForest(edges.states, edges.from, edges.to, edges.twoWay)));
  return forest;
}

const FORESTS = new WeakMap<MarkovEdges, SpanningForest>();


/**
 * The graphs of a network as graphology graphs, for diagrams and for callers who want graph
 * algorithms on small networks:
 * - the species–reaction bipartite graph (species → reaction for reactants, reaction → species
 *   for products; reservoirs included and marked);
 * - the complex graph: one directed edge per reaction direction, reservoirs folded into rates;
 * - the state graph of a Markov network: states are nodes, one edge per transition direction.
 *
 * Node keys are prefixed (`s:`, `y:`, `r:`, `c:`) and graphology stores them in Maps, so names like
 * `__proto__` or `constructor` are ordinary keys. Analyses on large networks use the typed-array
 * versions in `digraph.ts` instead.
 */
import { MultiDirectedGraph } from "graphology";
import type { Network } from "./types.js";

export interface NodeAttributes {
  readonly kind: "species" | "reservoir" | "reaction" | "complex" | "state";
  /** Index into the network's species, reservoirs, reactions or complexes. */
  readonly index: number;
  readonly label: string;
}

export interface EdgeAttributes {
  /** The reaction this edge belongs to. */
  readonly reaction: number;
  /** Stoichiometric coefficient (bipartite graph), or 1. */
  readonly coefficient: number;
  /** "forward" or "reverse" direction of a two-way reaction. */
  readonly direction: "forward" | "reverse";
}

export type NetworkGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

export const speciesKey = (i: number): string => `s:${i}`;
export const reservoirKey = (i: number): string => `y:${i}`;
export const reactionKey = (i: number): string => `r:${i}`;
export const complexKey = (i: number): string => `c:${i}`;

/** Species (and reservoirs) and reactions, edges from reactants to reaction to products. */
export function bipartiteGraph(network: Network): NetworkGraph {
  const g: NetworkGraph = new MultiDirectedGraph();
  network.species.forEach((s) => g.addNode(speciesKey(s.index), { kind: network.kind === "markov" ? "state" : "species", index: s.index, label: s.name }));
  network.reservoirs.forEach((y) => g.addNode(reservoirKey(y.index), { kind: "reservoir", index: y.index, label: y.name }));
  for (const r of network.reactions) {
    const rk = reactionKey(r.index);
    g.addNode(rk, { kind: "reaction", index: r.index, label: r.id });
    const attrs = (coefficient: number): EdgeAttributes => ({ reaction: r.index, coefficient, direction: "forward" });
    for (const t of r.reactants) g.addDirectedEdge(speciesKey(t.index), rk, attrs(t.coefficient));
    for (const t of r.reservoirReactants) g.addDirectedEdge(reservoirKey(t.index), rk, attrs(t.coefficient));
    for (const t of r.products) g.addDirectedEdge(rk, speciesKey(t.index), attrs(t.coefficient));
    for (const t of r.reservoirProducts) g.addDirectedEdge(rk, reservoirKey(t.index), attrs(t.coefficient));
  }
  return g;
}

/** Complexes as nodes; an edge per reaction direction (reactant complex → product complex). */
export function complexGraph(network: Network): NetworkGraph {
  const g: NetworkGraph = new MultiDirectedGraph({ allowSelfLoops: true });
  network.complexes.forEach((c) => g.addNode(complexKey(c.index), { kind: "complex", index: c.index, label: c.label }));
  for (const r of network.reactions) {
    const a = complexKey(r.reactantComplex), b = complexKey(r.productComplex);
    g.addDirectedEdge(a, b, { reaction: r.index, coefficient: 1, direction: "forward" });
    if (r.reverse) g.addDirectedEdge(b, a, { reaction: r.index, coefficient: 1, direction: "reverse" });
  }
  return g;
}

/** States as nodes, one edge per transition direction. Meaningful for Markov networks. */
export function stateGraph(network: Network): NetworkGraph {
  const g: NetworkGraph = new MultiDirectedGraph({ allowSelfLoops: true });
  network.species.forEach((s) => g.addNode(speciesKey(s.index), { kind: "state", index: s.index, label: s.name }));
  for (const r of network.reactions) {
    const from = r.reactants[0], to = r.products[0];
    if (!from || !to) continue;
    g.addDirectedEdge(speciesKey(from.index), speciesKey(to.index), { reaction: r.index, coefficient: 1, direction: "forward" });
    if (r.reverse) g.addDirectedEdge(speciesKey(to.index), speciesKey(from.index), { reaction: r.index, coefficient: 1, direction: "reverse" });
  }
  return g;
}

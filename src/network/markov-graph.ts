/**
 * The state graph of a Markov network as parallel typed arrays, and the spanning forest every
 * Markov analysis (structure, balance, currents) builds on, so a cycle has one name everywhere.
 */
import { spanningForest, type SpanningForest } from "./digraph.js";
import type { Network } from "./types.js";

/** The state graph as parallel typed arrays: transition r goes from[r] → to[r]. */
export interface MarkovEdges {
  readonly states: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** 1 when the transition is two-way. */
  readonly twoWay: Uint8Array;
}

const edgeCache = new WeakMap<Network, MarkovEdges | null>();

/**
 * The transitions of a Markov network, or null when a reaction is not one state to one state.
 * Cached per (immutable) network: structure and balance both need them.
 */
export function markovEdges(network: Network): MarkovEdges | null {
  let edges = edgeCache.get(network);
  if (edges === undefined) edgeCache.set(network, (edges = readEdges(network)));
  return edges;
}

function readEdges(network: Network): MarkovEdges | null {
  const m = network.reactions.length;
  const from = new Int32Array(m), to = new Int32Array(m), twoWay = new Uint8Array(m);
  for (let r = 0; r < m; r++) {
    const x = network.reactions[r]!;
    const a = x.reactants, b = x.products;
    if (a.length !== 1 || b.length !== 1 || a[0]!.coefficient !== 1 || b[0]!.coefficient !== 1) return null;
    from[r] = a[0]!.index;
    to[r] = b[0]!.index;
    twoWay[r] = x.reverse ? 1 : 0;
  }
  return { states: network.species.length, from, to, twoWay };
}

/** The spanning forest every Markov analysis uses: two-way transitions first. */
export function markovForest(edges: MarkovEdges): SpanningForest {
  return spanningForest(edges.states, edges.from, edges.to, edges.twoWay);
}


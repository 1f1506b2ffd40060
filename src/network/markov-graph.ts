/**
 * The state graph of a Markov network as parallel typed arrays, and the spanning forest every
 * Markov analysis (structure, balance, currents) builds on, so a cycle has one name everywhere.
 * Plain functions of the immutable network; nothing is cached.
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

/**
 * The transitions of a Markov network, or null when a reaction is not one state to one state.
 * O(transitions) with no object per transition; computed afresh on each call (no cache), so a
 * caller that needs them twice keeps the value.
 *
 *   const { network } = compile("state A, B\nA <-> B @ 1, 2");
 *   const e = markovEdges(network!);
 *   // e.states === 2, e.from = [0], e.to = [1], e.twoWay = [1]
 */
export function markovEdges(network: Network): MarkovEdges | null {
  return readEdges(network);
}

function readEdges(network: Network): MarkovEdges | null {
  const reactions = network.reactions, m = reactions.length;
  const from = new Int32Array(m), to = new Int32Array(m), twoWay = new Uint8Array(m);
  for (let r = 0; r < m; r++) {
    const x = reactions[r];
    if (x === undefined) return null;
    const left = x.reactants, right = x.products;
    if (left.length !== 1 || right.length !== 1) return null;
    const a = left[0], b = right[0];
    if (a === undefined || b === undefined || a.coefficient !== 1 || b.coefficient !== 1) return null;
    from[r] = a.index;
    to[r] = b.index;
    twoWay[r] = x.reverse ? 1 : 0;
  }
  return { states: network.species.length, from, to, twoWay };
}

/**
 * The spanning forest every Markov analysis uses: breadth-first from the lowest state of each
 * component, through two-way transitions first (a one-way transition joins the tree only where no
 * two-way path reaches), so tree paths are short and one-way transitions are chords when they can be.
 */
export function markovForest(edges: MarkovEdges): SpanningForest {
  return spanningForest(edges.states, edges.from, edges.to, edges.twoWay);
}


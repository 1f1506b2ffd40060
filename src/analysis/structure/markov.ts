/**
 * Exact structure of a Markov network in linear time. Its S is the incidence matrix of the state
 * graph (column r = e_to − e_from), so with a spanning forest of c trees:
 *   rank S = states − c;  conservation laws = the indicator of each tree's states;
 *   cycles = the fundamental cycle of each chord (reactions − states + c of them).
 * The full rank adds the reservoir rows: rank [S; S_res] = rank S + rank (S_res · C), where C
 * holds the fundamental cycles; S_res · c_e is read off reservoir potentials accumulated on the tree.
 */
import { EchelonBuilder } from "../../numeric/exact/integer-matrix.js";
import { fundamentalCycle, type SpanningForest } from "../../network/digraph.js";
import { markovEdges, markovForest, type MarkovEdges } from "../../network/markov-graph.js";
import { columnEntries, reservoirStoichiometry } from "../../network/stoichiometry.js";
import type { Network } from "../../network/types.js";
import type { ExactStructure } from "./exact.js";
import { massActionExactStructure } from "./mass-action.js";
import type { StructureOptions } from "./options.js";

/** Exact rank, bases and full rank of a Markov network from its spanning forest (see the module comment). */
export function markovExactStructure(network: Network, options: StructureOptions): ExactStructure {
  const edges = markovEdges(network);
  if (edges === null) return massActionExactStructure(network, options);
  const n = edges.states, m = edges.from.length;
  const forest = markovForest(edges);
  const rank = n - forest.trees;
  const tree = treeOf(forest);
  const laws: number[][] = [];
  if (forest.trees * n <= options.maxListedEntries) {
    for (let t = 0; t < forest.trees; t++) laws.push(new Array<number>(n).fill(0));
    for (let v = 0; v < n; v++) {
      const law = laws[tree[v]!];
      if (law) law[v] = 1;
    }
  }
  const chords = m - rank;
  const cycles: number[][] = [];
  if (chords * m <= options.maxListedEntries) {
    for (let e = 0; e < m; e++) {
      if (forest.isTree[e]) continue;
      const c = fundamentalCycle(forest, edges.from, edges.to, e);
      const v = new Array<number>(m).fill(0);
      for (const [i, k] of c.edges.entries()) v[k] = (v[k] ?? 0) + (c.signs[i] ?? 0);
      cycles.push(v);
    }
  }
  // entries are 0 and ±1: numbers are exact
  return { rank, fullRank: rank + reservoirRankOnCycles(network, edges, forest), laws, cycles, exactLaws: null, exactCycles: null };
}

/** Which tree each state is in, numbered in order of the roots. */
function treeOf(forest: SpanningForest): Int32Array {
  const n = forest.order.length;
  const tree = new Int32Array(n);
  let t = -1;
  for (let k = 0; k < n; k++) {
    const v = forest.order[k]!;
    tree[v] = forest.parent[v]! < 0 ? ++t : tree[forest.parent[v]!]!;
  }
  return tree;
}

/** rank (S_res · C) over the fundamental cycles C, from reservoir potentials on the tree. */
function reservoirRankOnCycles(network: Network, edges: MarkovEdges, forest: SpanningForest): number {
  const ny = network.reservoirs.length, n = edges.states, m = edges.from.length;
  if (ny === 0) return 0;
  const res = reservoirStoichiometry(network);
  if (res.row.length === 0) return 0;
  // P[v] = Σ along the tree path root → v of ± S_res columns (+ when crossed forwards).
  const P = new Float64Array(n * ny);
  for (let k = 0; k < n; k++) {
    const v = forest.order[k]!, p = forest.parent[v]!;
    if (p < 0) continue;
    const e = forest.parentEdge[v]!;
    const sign = edges.from[e] === p ? 1 : -1;
    for (let y = 0; y < ny; y++) P[v * ny + y] = P[p * ny + y]!;
    for (const [y, val] of columnEntries(res, e)) P[v * ny + y] = (P[v * ny + y] ?? 0) + sign * val;
  }
  const builder = new EchelonBuilder(ny);
  const row = new Array<bigint>(ny);
  for (let e = 0; e < m && builder.pivots.length < ny; e++) {
    if (forest.isTree[e]) continue;
    // Cycle: across e from u to v, back along the tree v → u: S_res c = col(e) + P[u] − P[v].
    const u = edges.from[e]!, v = edges.to[e]!;
    for (let y = 0; y < ny; y++) row[y] = BigInt(P[u * ny + y]! - P[v * ny + y]!);
    for (const [y, val] of columnEntries(res, e)) row[y] = (row[y] ?? 0n) + BigInt(val);
    builder.insert(row);
  }
  return builder.pivots.length;
}

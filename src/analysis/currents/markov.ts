/**
 * Schnakenberg's decomposition for a Markov jump network, on the same spanning forest the
 * Kolmogorov check uses (`markovForest`: breadth-first, two-way transitions first), so a cycle here is the cycle
 * of the same chord in the detailed-balance report. Each chord u → v closes the cycle u → v → … → u
 * along the tree, oriented along the chord. Its current is the chord's net current; its affinity is
 * the chord's log ratio plus the potential difference along the tree, A_c = a_chord + φ(u) − φ(v),
 * with φ summed from each root (linear time for the total Σ A_c J_c); only the first `maxCycles`
 * cycles are spelled out. A pair of opposite one-way transitions is one reversible transition
 * (ln K_second = −ln K_first, the pair's net flux on one member).
 */
import { fundamentalCycle } from "../../network/digraph.js";
import type { Network } from "../../network/types.js";
import type { CycleCurrent } from "./types.js";
import type { ReactionPairs } from "../../network/pairs.js";
import { accumulate, sparseCycleSum, type CurrentsAnalysis } from "./common.js";
import { outOfRange } from "../../numeric/checked.js";
import { markovEdges, markovForest } from "../../network/markov-graph.js";

/** The decomposition on the spanning forest (see the module comment); `a` holds ln K_r per transition. */
export function markovCurrents(network: Network, netFlux: readonly number[], pairs: ReactionPairs, a: ArrayLike<number>, maxCycles: number): CurrentsAnalysis {
  const edges = markovEdges(network);
  if (edges === null) return { tree: [], cycles: [], cycleEntropyProduction: null, notes: ["a transition is not a jump from one state to another"] };
  const forest = markovForest(edges);
  // a pair's net flux sits on its tree member when it has one; the other member's chord is the
  // trivial cycle first + second, which carries nothing and is not a cycle of the decomposition
  const flux = [...netFlux];
  const folded = new Uint8Array(network.reactions.length);
  for (const [f, b] of pairs.pairs) {
    const swap = forest.isTree[b] === 1 && forest.isTree[f] !== 1;
    if (swap) { flux[b] = -(flux[f] ?? NaN); flux[f] = 0; }
    folded[swap ? f : b] = 1;
  }
  // φ along the tree from each root (±∞ below a one-way tree edge: such cycles are walked instead)
  const phi = new Float64Array(edges.states);
  for (const w of forest.order) {
    const p = forest.parent[w]!;
    if (p < 0) continue;
    const e = forest.parentEdge[w]!;
    phi[w] = phi[p]! + (edges.from[e] === p ? a[e]! : -a[e]!);
  }
  const m = network.reactions.length;
  const tree: number[] = [];
  const cycles: CycleCurrent[] = [];
  let chords = 0;
  let total: number | null = 0;
  for (let e = 0; e < m; e++) {
    if (forest.isTree[e]) {
      tree.push(e);
      continue;
    }
    if (folded[e]) continue;
    chords++;
    const u = edges.from[e]!, v = edges.to[e]!;
    const current = flux[e] ?? NaN;
    const listed = cycles.length < maxCycles;
    const cheap = a[e]! + phi[u]! - phi[v]!;
    const walk = listed || !Number.isFinite(cheap) ? fundamentalCycle(forest, edges.from, edges.to, e) : null;
    // a dense cycle vector only for the cycles listed: one per chord would be quadratic; the
    // affinity is summed over the walk's few edges (in reaction order, as cycleSum sums the dense
    // vector, so the rounding is the same), not over all m reactions
    let affinity = cheap;
    if (walk !== null) {
      affinity = sparseCycleSum(walk.edges, walk.signs, a);
      if (listed) {
        const cycle = new Array<number>(m).fill(0);
        walk.edges.forEach((r, i) => (cycle[r] = (cycle[r] ?? 0) + (walk.signs[i] ?? outOfRange())));
        const names = [...walk.vertices, u].map((s) => network.species[s]!.name);
        cycles.push({ chord: e, cycle, words: names.join(" -> "), affinity, current });
      }
    }
    total = accumulate(total, affinity, current);
  }
  const notes: string[] = [];
  if (chords > maxCycles) notes.push(`${chords} cycles; the first ${maxCycles} are listed, the entropy production sums all`);
  if (total === null) notes.push("a cycle through a one-way transition carries current: its affinity and the entropy production are infinite");
  return { tree, cycles, cycleEntropyProduction: total, notes };
}

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
import { denseCycle, fundamentalCycle, sparseCycle } from "../../network/digraph.js";
import type { Network } from "../../network/types.js";
import type { CycleCurrent, CycleSupport } from "./types.js";
import type { ReactionPairs } from "../../network/pairs.js";
import { accumulate, supportSum, type CurrentsAnalysis } from "./common.js";
import { outOfRange } from "../../numeric/checked.js";
import { markovEdges, markovForest } from "../../network/markov-graph.js";
import type { IntVector } from "../structure/types.js";

/** The decomposition on the spanning forest (see the module comment); `a` holds ln K_r per transition. */
export function markovCurrents(network: Network, netFlux: readonly number[], pairs: ReactionPairs, a: ArrayLike<number>, maxCycles: number): CurrentsAnalysis {
  const edges = markovEdges(network);
  if (edges === null) return { tree: [], cycles: [], cycleEntropyProduction: null, notes: ["a transition is not a jump from one state to another"] };
  const forest = markovForest(edges);
  const { from, to } = edges;
  const m = network.reactions.length;
  // a pair's net flux sits on its tree member when it has one; the other member's chord is the
  // trivial cycle first + second, which carries nothing and is not a cycle of the decomposition
  const flux = Float64Array.from(netFlux);
  const folded = new Uint8Array(m);
  for (const [f, b] of pairs.pairs) {
    const swap = forest.isTree[b] === 1 && forest.isTree[f] !== 1;
    if (swap) { flux[b] = -(flux[f] ?? NaN); flux[f] = 0; }
    folded[swap ? f : b] = 1;
  }
  // φ along the tree from each root (±∞ below a one-way tree edge: such cycles are walked instead)
  const phi = new Float64Array(edges.states);
  for (let q = 0; q < forest.order.length; q++) {
    const w = forest.order[q] ?? outOfRange();
    const p = forest.parent[w] ?? outOfRange();
    if (p < 0) continue;
    const e = forest.parentEdge[w] ?? outOfRange();
    const ae = a[e] ?? NaN;
    phi[w] = (phi[p] ?? outOfRange()) + (from[e] === p ? ae : -ae);
  }
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
    const u = from[e] ?? outOfRange(), v = to[e] ?? outOfRange();
    const current = flux[e] ?? NaN;
    const listed = cycles.length < maxCycles;
    const cheap = (a[e] ?? NaN) + (phi[u] ?? outOfRange()) - (phi[v] ?? outOfRange());
    let affinity = cheap;
    if (listed || !Number.isFinite(cheap)) {
      // the affinity summed over the walk's few edges in reaction order (the same float as cycleSum
      // on the dense vector), not over all m reactions; the dense vector only when it is read
      const walk = fundamentalCycle(forest, from, to, e);
      const support = sparseCycle(walk.edges, walk.signs);
      affinity = supportSum(support, a);
      if (listed) {
        const words = [...walk.vertices, u].map((s) => network.species[s]?.name ?? `#${s}`).join(" -> ");
        cycles.push(listedCycle(e, m, support, words, affinity, current));
      }
    }
    total = accumulate(total, affinity, current);
  }
  const notes: string[] = [];
  if (chords > maxCycles) notes.push(`${chords} cycles; the first ${maxCycles} are listed, the entropy production sums all`);
  if (total === null) notes.push("a cycle through a one-way transition carries current: its affinity and the entropy production are infinite");
  return { tree, cycles, cycleEntropyProduction: total, notes };
}

/**
 * A listed cycle whose dense vector is built from its support on first read and kept: one dense
 * vector per cycle costs a block of m entries (250 cycles of 80 000 transitions: 2·10⁷ entries,
 * most of a second of allocation), which a reader of `support` never needs.
 */
function listedCycle(chord: number, m: number, support: CycleSupport, words: string, affinity: number, current: number): CycleCurrent {
  let dense: IntVector | null = null;
  return {
    chord,
    get cycle(): IntVector {
      dense ??= denseCycle(m, support);
      return dense;
    },
    support,
    words,
    affinity,
    current,
  };
}

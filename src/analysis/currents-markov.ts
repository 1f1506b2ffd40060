/**
 * Schnakenberg's decomposition for a Markov jump network: a spanning forest of the state graph
 * (union–find over the transitions in file order), one fundamental cycle per chord, oriented
 * along the chord's forward direction. The cycle's current is the chord's net current; its
 * affinity is the chord's log ratio plus the potential difference along the tree path,
 * A_c = a_chord + φ(u) − φ(v), with φ summed along the tree from each root (linear time for
 * the total Σ A_c J_c; cycles are spelled out only up to the `maxCycles` cap).
 */
import type { Network } from "../network/types.js";
import type { CycleCurrent, SteadyState } from "./types.js";
import type { CurrentsAnalysis } from "./currents.js";
import { accumulate } from "./currents.js";
import { reactionAffinities, cycleSum } from "./currents-common.js";

interface TreeEdge {
  readonly to: number;
  readonly reaction: number;
  /** +1 when the reaction runs from the parent to this child, −1 otherwise. */
  readonly sign: number;
}

export function markovCurrents(network: Network, state: SteadyState, maxCycles: number): CurrentsAnalysis {
  const n = network.species.length;
  const ends = network.reactions.map((r) => ({ u: r.reactants[0]?.index ?? -1, v: r.products[0]?.index ?? -1 }));
  const parentOf = new Int32Array(n).map((_, i) => i);
  const find = (i: number): number => {
    while (parentOf[i] !== i) {
      parentOf[i] = parentOf[parentOf[i]!]!;
      i = parentOf[i]!;
    }
    return i;
  };
  const adjacency: TreeEdge[][] = Array.from({ length: n }, () => []);
  const tree: number[] = [];
  const chords: number[] = [];
  ends.forEach(({ u, v }, r) => {
    if (u < 0 || v < 0) return;
    const a = find(u);
    const b = find(v);
    if (a === b) {
      chords.push(r);
      return;
    }
    parentOf[a] = b;
    tree.push(r);
    adjacency[u]!.push({ to: v, reaction: r, sign: 1 });
    adjacency[v]!.push({ to: u, reaction: r, sign: -1 });
  });
  const a = reactionAffinities(network);
  // Root each tree; φ, depth and the edge to the parent by an explicit-stack traversal.
  const phi = new Float64Array(n);
  const depth = new Int32Array(n).fill(-1);
  const up: (TreeEdge | null)[] = new Array(n).fill(null);
  for (let root = 0; root < n; root++) {
    if (depth[root] !== -1) continue;
    depth[root] = 0;
    const stack = [root];
    while (stack.length > 0) {
      const p = stack.pop()!;
      for (const e of adjacency[p]!) {
        if (depth[e.to] !== -1) continue;
        depth[e.to] = depth[p]! + 1;
        phi[e.to] = phi[p]! + e.sign * a[e.reaction]!;
        up[e.to] = { to: p, reaction: e.reaction, sign: -e.sign };
        stack.push(e.to);
      }
    }
  }
  const m = network.reactions.length;
  const cycles: CycleCurrent[] = [];
  let total: number | null = 0;
  for (const chord of chords) {
    const { u, v } = ends[chord]!;
    const current = state.fluxes[chord]!;
    const listed = cycles.length < maxCycles;
    const path = listed || !Number.isFinite(phi[u]! - phi[v]!) ? treePath(v, u, depth, up) : null;
    // a dense cycle vector only for the cycles listed: one per chord would be quadratic
    const cycle = listed ? new Array<number>(m).fill(0) : null;
    if (path !== null && cycle !== null) {
      cycle[chord] = 1;
      for (const step of path.edges) cycle[step.reaction] = cycle[step.reaction]! + step.sign;
    }
    const affinity = cycle !== null ? cycleSum(cycle, a) : path !== null ? pathSum(chord, path.edges, a) : a[chord]! + phi[u]! - phi[v]!;
    total = accumulate(total, affinity, current);
    if (cycle !== null && path !== null) {
      const names = [u, v, ...path.states].map((s) => network.species[s]!.name);
      cycles.push({ chord, cycle, words: names.join(" -> "), affinity, current });
    }
  }
  const notes: string[] = [];
  if (chords.length > maxCycles) notes.push(`${chords.length} cycles; the first ${maxCycles} are listed, the entropy production sums all`);
  if (total === null) notes.push("a cycle through a one-way transition carries current: its affinity and the entropy production are infinite");
  return { tree, cycles, cycleEntropyProduction: total, notes };
}

/** Σ c_r a_r around the chord's cycle, walking its path (one-way transitions give ±∞ or NaN). */
function pathSum(chord: number, edges: readonly { reaction: number; sign: number }[], a: readonly number[]): number {
  const cycle = new Map<number, number>([[chord, 1]]);
  for (const e of edges) cycle.set(e.reaction, (cycle.get(e.reaction) ?? 0) + e.sign);
  const dense: number[] = [];
  for (const [r, c] of cycle) dense[r] = c;
  return cycleSum(dense, a);
}

/**
 * The tree path from `from` to `to` (same tree): the states visited after `from`, ending with
 * `to`, and each edge with +1 when traversed in its reaction's forward direction.
 */
function treePath(from: number, to: number, depth: Int32Array, up: readonly (TreeEdge | null)[]): { states: number[]; edges: { reaction: number; sign: number }[] } {
  const head: { state: number; reaction: number; sign: number }[] = [];
  const tail: { state: number; reaction: number; sign: number }[] = [];
  let x = from;
  let y = to;
  while (x !== y) {
    if (depth[x]! >= depth[y]!) {
      const e = up[x]!;
      head.push({ state: e.to, reaction: e.reaction, sign: e.sign });
      x = e.to;
    } else {
      const e = up[y]!;
      tail.push({ state: y, reaction: e.reaction, sign: -e.sign });
      y = e.to;
    }
  }
  const steps = [...head, ...tail.reverse()];
  return { states: steps.map((s) => s.state), edges: steps.map((s) => ({ reaction: s.reaction, sign: s.sign })) };
}

/**
 * Finite state projection (Munsky–Khammash 2006) of the CME for its stationary law: each species
 * is bounded by a non-negative conservation law where one covers it (exact: nothing is cut), and
 * otherwise by a cap that doubles until the stationary probability on the states where the
 * projection cuts a transition is at most the tolerance.
 */
import type { Network } from "../../network/types.js";
import { outOfRange } from "../../numeric/checked.js";
import { stationaryDistribution, type StationaryResult } from "../../numeric/markov/stationary.js";
import { analyzeStructure } from "../structure/index.js";
import { enumerate } from "./build.js";
import { CME_DEFAULTS, type CmeGenerator, type CmeOptions, type CmeProjection, type SpeciesBound } from "./types.js";

/** The counts the initial amounts round to: x0_i = round(Ω c0_i), never negative. */
export function initialCounts(network: Network, volume: number): Int32Array {
  return Int32Array.from(network.species, (s) => Math.max(0, Math.round(volume * s.initial)));
}

/**
 * Per species, the bound a non-negative conservation law l gives: l·x = l·x0 on every reachable
 * state, so x_i ≤ ⌊l·x0 / l_i⌋ where l_i > 0; null where no such law covers the species.
 */
export function conservationBounds(network: Network, x0: Int32Array): (number | null)[] {
  const out: (number | null)[] = network.species.map(() => null);
  const structure = analyzeStructure(network);
  for (const law of structure.conservationLaws) {
    const l = law.vector;
    if (l.some((v) => v < 0)) continue;
    let total = 0;
    for (let i = 0; i < l.length; i++) total += (l[i] ?? 0) * (x0[i] ?? 0);
    for (let i = 0; i < l.length; i++) {
      const w = l[i] ?? 0;
      if (w <= 0) continue;
      const cap = Math.floor(total / w);
      const was = out[i];
      out[i] = was === null || was === undefined ? cap : Math.min(was, cap);
    }
  }
  return out;
}

/** The edge list of the generator for the Markov solver: each two-way transition as two jumps. */
export function jumps(g: CmeGenerator): { from: Int32Array; to: Int32Array; rate: Float64Array } {
  let count = 0;
  for (let e = 0; e < g.from.length; e++) count += ((g.forward[e] ?? 0) > 0 ? 1 : 0) + ((g.reverse[e] ?? 0) > 0 ? 1 : 0);
  const from = new Int32Array(count), to = new Int32Array(count), rate = new Float64Array(count);
  let k = 0;
  for (let e = 0; e < g.from.length; e++) {
    const i = g.from[e] ?? outOfRange(), j = g.to[e] ?? outOfRange(), f = g.forward[e] ?? outOfRange(), b = g.reverse[e] ?? outOfRange();
    if (f > 0) { from[k] = i; to[k] = j; rate[k++] = f; }
    if (b > 0) { from[k] = j; to[k] = i; rate[k++] = b; }
  }
  return { from, to, rate };
}

/**
 * The stationary law of the projected chain reached from its initial state, and how it was found;
 * with `keepSolver`, each solved class keeps its factorisation (numeric/markov/stationary.ts).
 */
export function solveGenerator(g: CmeGenerator, keepSolver = false): StationaryResult {
  const { from, to, rate } = jumps(g);
  const p0 = new Float64Array(g.states);
  p0[g.initial] = 1;
  return stationaryDistribution(g.states, from, to, rate, p0, { keepSolver });
}

/** Σ π on the states where the projection cuts a transition, and Σ π·exit. */
export function cutOf(g: CmeGenerator, pi: Float64Array): { mass: number; flow: number } {
  let mass = 0, flow = 0;
  for (let s = 0; s < g.states; s++) {
    const x = g.exit[s] ?? outOfRange();
    if (x > 0) {
      mass += pi[s] ?? outOfRange();
      flow += (pi[s] ?? outOfRange()) * x;
    }
  }
  return { mass, flow };
}

/**
 * The CME of a mass-action network at volume Ω by finite state projection, with its stationary law.
 * Bounds: a species covered by a non-negative conservation law is capped exactly by it; any other
 * starts at max(16, 2·x0_i, 2 Ω max_j c0_j) and doubles until the stationary mass on the cut
 * states is at most `massTolerance`, or the next projection would pass `maxStates`.
 * Assumes network.kind === "mass-action" and a finite Ω > 0 (the caller checks). With
 * `keepSolver`, the kept projection's solve keeps its factorisation (`stationary`), for the
 * analyses of `cmeNetwork(generator)` that solve with it again (the steady state, its fluctuations).
 *
 *   const { network } = compile("species X\n0 <-> X @ 5, 1");
 *   const p = projectCme(network!, { volume: 10 });
 *   // p.pi is Poisson(50) on 0..cap; p.cutMass ≤ 1e-10
 */
export function projectCme(network: Network, options: CmeOptions, keepSolver = false): CmeProjection {
  const resolved: Required<CmeOptions> = {
    volume: options.volume,
    massTolerance: options.massTolerance ?? CME_DEFAULTS.massTolerance,
    maxStates: options.maxStates ?? CME_DEFAULTS.maxStates,
  };
  const { volume, massTolerance, maxStates } = resolved;
  const x0 = initialCounts(network, volume);
  const exact = conservationBounds(network, x0);
  const scale = 2 * volume * Math.max(0, ...network.species.map((s) => s.initial));
  let bounds: SpeciesBound[] = network.species.map((s, i) => {
    const c = exact[i];
    if (c !== null && c !== undefined) return { species: i, cap: c, by: "conservation" };
    return { species: i, cap: Math.ceil(Math.max(16, 2 * (x0[i] ?? 0), scale)), by: "mass" };
  });
  const notes: string[] = [];
  let best: { g: CmeGenerator; solved: StationaryResult; cut: { mass: number; flow: number } } | null = null;
  let rounds = 0;
  for (;;) {
    const built = enumerate(network, volume, x0, bounds, maxStates);
    if (built === null) {
      notes.push(`the next projection (caps ${bounds.map((b) => b.cap).join(", ")}) has too many count vectors to number: kept the last one`);
      break;
    }
    const g = built.generator;
    best = null; // the last projection's factors go before the next is solved
    const solved = solveGenerator(g, keepSolver);
    best = { g, solved, cut: cutOf(g, solved.pi) };
    if (built.full) {
      notes.push(`the projection reached the state budget of ${maxStates} states: it holds the ${maxStates} states nearest the initial one (breadth first)`);
      break;
    }
    if (best.cut.mass <= massTolerance || bounds.every((b) => b.by === "conservation")) break;
    bounds = bounds.map((b) => (b.by === "mass" ? { ...b, cap: b.cap * 2 } : b));
    rounds++;
  }
  if (best === null) {
    // the first box cannot be numbered (2^53 count vectors): the initial state alone, cut everywhere
    const one = bounds.map((b) => ({ ...b, cap: x0[b.species] ?? 0 }));
    const built = enumerate(network, volume, x0, one, 1) ?? outOfRange();
    const solved = solveGenerator(built.generator, keepSolver);
    best = { g: built.generator, solved, cut: cutOf(built.generator, solved.pi) };
  }
  notes.push(...best.solved.notes);
  if (best.cut.mass > massTolerance) {
    notes.push(`the projection's cut mass ${best.cut.mass.toExponential(2)} is above the tolerance ${massTolerance}: the count distribution is truncated (raise the state budget)`);
  }
  return { generator: best.g, pi: best.solved.pi, stationary: best.solved, cutMass: best.cut.mass, cutFlow: best.cut.flow, rounds, notes, options: resolved };
}

/**
 * The nearest thermodynamically consistent rate constants (`ness repair`): least squares in ln k,
 *
 *   minimise Σ_r w_r [(Δ ln kf_r)² + (Δ ln kr_r)²]  subject to  A(c) + Σ_r c_r Δ_r = 0 for every c,
 *
 * with Δ_r = Δ ln kf_r − Δ ln kr_r the change of ln K_r. The optimum splits each Δ_r evenly
 * (Δ ln kf = −Δ ln kr = Δ_r/2), so it minimises Σ_r w_r Δ_r² / 2: with C the basis cycles as
 * columns and D = diag(1/w_r) (0 for fixed and one-way reactions),
 *
 *   (Cᵀ D C) y = A,   Δ = −D C y,
 *
 * the W-orthogonal projection of ln K onto the orthogonal complement of the cycle space.
 */
import type { Network } from "../../network/types.js";
import { solveLinear } from "../../numeric/continuous/dense.js";
import { analyzeStructure } from "../structure/index.js";
import type { Structure } from "../structure/types.js";
import { reactionConstants } from "./constants.js";
import { judgeCycle } from "./judge.js";
import { BALANCE_DEFAULTS } from "./options.js";

export interface RepairOptions {
  /** Weight w_r per reaction index (default 1): a heavier reaction moves less. */
  readonly weights?: readonly number[];
  /** Reaction indices whose constants must not change. */
  readonly fixed?: readonly number[];
}

/** One rate constant before and after, and the factor new/old. */
export interface RepairedConstant {
  readonly old: number;
  readonly new: number;
  readonly factor: number;
}

export interface RepairedReaction {
  readonly index: number;
  readonly id: string;
  readonly forward: RepairedConstant;
  /** Null for a one-way reaction (a paired one changes its own forward constant). */
  readonly reverse: RepairedConstant | null;
}

export interface Repair {
  /** False when some driven cycle runs through fixed reactions only: then nothing is changed. */
  readonly feasible: boolean;
  /** The reactions whose constants change, in index order. */
  readonly reactions: readonly RepairedReaction[];
  /** The largest max(f, 1/f) over the changed constants (1 when nothing changes). */
  readonly maxFactor: number;
  /** One-way reactions (not paired): nothing to repair, and their cycles stay driven. */
  readonly oneWay: readonly number[];
  /** Basis cycles through a one-way reaction, left as they are. */
  readonly unclosable: number;
}

/**
 * The nearest consistent set of rate constants (module comment for the formulas).
 *
 *   const network = net("state A, B, C\nr1: A <-> B @ 1, 1\nr2: B <-> C @ 1, 1\nr3: C <-> A @ 2, 1");
 *   nearestConsistentConstants(network, analyzeStructure(network))
 *   // every constant moves by 2^(±1/6): r1.forward.new = 2^(-1/6), ..., maxFactor = 2^(1/6)
 */
export function nearestConsistentConstants(network: Network, structure?: Structure, options: RepairOptions = {}): Repair {
  const k = reactionConstants(network, true);
  const m = network.reactions.length;
  // one variable per two-way reaction; a pair's second member is its first, backwards
  const variable = new Int32Array(m).fill(-1), sign = new Float64Array(m).fill(1);
  for (let r = 0; r < m; r++) if (k.twoWay[r]) variable[r] = r;
  for (const [f, b] of k.pairs) { variable[b] = f; sign[b] = -1; }
  const fixed = new Set(options.fixed ?? []);
  const d = new Float64Array(m);
  for (let r = 0; r < m; r++) if (variable[r] === r && !fixed.has(r) && !(k.pairs.some(([f, b]) => f === r && fixed.has(b)))) d[r] = 1 / (options.weights?.[r] ?? 1);

  const cycles: Map<number, number>[] = [];
  const affinity: number[] = [];
  let unclosable = 0, feasible = true;
  for (const vector of (structure ?? analyzeStructure(network)).cycles) {
    const c = new Map<number, number>();
    vector.forEach((x, r) => x !== 0 && c.set(r, x));
    const a = judgeCycle(k, c, BALANCE_DEFAULTS).affinity;
    if (!Number.isFinite(a)) { unclosable++; continue; }
    const folded = new Map<number, number>();
    for (const [r, x] of c) {
      const v = variable[r] ?? -1;
      folded.set(v, (folded.get(v) ?? 0) + x * (sign[r] ?? 1));
    }
    const free = [...folded].some(([v, x]) => x !== 0 && (d[v] ?? 0) > 0);
    if (!free) { if (a !== 0) feasible = false; continue; }
    cycles.push(folded);
    affinity.push(a);
  }
  const delta = new Float64Array(m);
  if (feasible && cycles.length > 0) {
    const gram = cycles.map((ci) => cycles.map((cj) => {
      let s = 0;
      for (const [v, x] of ci) s += x * (cj.get(v) ?? 0) * (d[v] ?? 0);
      return s;
    }));
    const y = solveLinear(gram, affinity);
    if (y === null) feasible = false;
    else cycles.forEach((c, i) => { for (const [v, x] of c) delta[v] = (delta[v] ?? 0) - (d[v] ?? 0) * x * (y[i] ?? 0); });
  }
  const reactions: RepairedReaction[] = [];
  let maxFactor = 1;
  const change = (old: number, half: number): RepairedConstant => {
    const factor = Math.exp(half);
    maxFactor = Math.max(maxFactor, factor, 1 / factor);
    return { old, new: old * factor, factor };
  };
  if (feasible) for (const r of network.reactions) {
    const v = variable[r.index] ?? -1;
    const dl = v >= 0 ? (sign[r.index] ?? 1) * (delta[v] ?? 0) : 0;
    if (dl === 0) continue;
    reactions.push({ index: r.index, id: r.id, forward: change(r.forward.value, dl / 2), reverse: r.reverse ? change(r.reverse.value, -dl / 2) : null });
  }
  return { feasible, reactions, maxFactor, oneWay: k.oneWay, unclosable };
}

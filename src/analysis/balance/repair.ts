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
 * the W-orthogonal projection of ln K onto the orthogonal complement of the cycle space. The new
 * constants are then rounded to doubles (never to a short decimal, which would read back as an exact
 * rational that is not the double) and judged by the verdict itself; while it does not hold, the
 * residual affinities A' of the rounded constants are projected out once more, (Cᵀ D C) y' = A',
 * Δ' = −D C y' (iterative refinement, at most `maxRepairRefinements` steps).
 */
import { reactionFields, withChanges } from "../../network/build.js";
import { significantDigits, MAX_EXACT_SIGNIFICANT_DIGITS } from "../../network/rate.js";
import type { Network, RateConstant } from "../../network/types.js";
import { solveLinear } from "../../numeric/continuous/dense.js";
import { analyzeStructure } from "../structure/index.js";
import type { Structure } from "../structure/types.js";
import { MAX_LISTED_ENTRIES } from "../options.js";
import { reactionConstants, type ReactionConstants } from "./constants.js";
import { judgeCycle } from "./judge.js";
import { BALANCE_DEFAULTS, type BalanceOptions } from "./options.js";
import { balanceVerdict } from "./verdict.js";

export interface RepairOptions extends Partial<Pick<BalanceOptions, "maxRepairCycles" | "maxRepairRefinements">> {
  /** Weight w_r per reaction index (default 1): a heavier reaction moves less. */
  readonly weights?: readonly number[];
  /** Reaction indices whose constants must not change. */
  readonly fixed?: readonly number[];
}

/** One rate constant before and after, and the factor new/old. */
export interface RepairedConstant {
  readonly old: number;
  /** A double that is not a short decimal: printed with `formatDouble` it reads back as itself, inexact. */
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
  /**
   * False when nothing is changed: some driven cycle runs through fixed reactions only, the folded
   * cycles are dependent on the free reactions, or the repair was not attempted (`notAttempted`).
   */
  readonly feasible: boolean;
  /** Why the repair was not attempted (the basis is past `maxRepairCycles`); null when it was. */
  readonly notAttempted: string | null;
  /** The reactions whose constants change, in index order. */
  readonly reactions: readonly RepairedReaction[];
  /** The largest max(f, 1/f) over the changed constants (1 when nothing changes). */
  readonly maxFactor: number;
  /** One-way reactions (not paired): nothing to repair, and their cycles stay driven. */
  readonly oneWay: readonly number[];
  /** Basis cycles through a one-way reaction, left as they are. */
  readonly unclosable: number;
  /** Whether the verdict on the new constants, as the doubles they are, is `holds`. */
  readonly verified: boolean;
  /** Correction steps taken after rounding (0 when the first rounding checked as balanced). */
  readonly refinements: number;
}

/** The basis cycles on the repair's variables: one per two-way reaction, a pair's second member folded onto its first. */
interface System {
  readonly cycles: Map<number, number>[];
  readonly affinity: number[];
  readonly unclosable: number;
  readonly feasible: boolean;
}

/**
 * The nearest consistent set of rate constants (module comment for the formulas).
 *
 *   const network = net("state A, B, C\nr1: A <-> B @ 1, 1\nr2: B <-> C @ 1, 1\nr3: C <-> A @ 2, 1");
 *   nearestConsistentConstants(network, analyzeStructure(network))
 *   // every constant moves by 2^(±1/6): r1.forward.new = 2^(-1/6), ..., maxFactor = 2^(1/6), verified
 */
export function nearestConsistentConstants(network: Network, structure?: Structure, options: RepairOptions = {}): Repair {
  const s = structure ?? analyzeStructure(network);
  const maxCycles = options.maxRepairCycles ?? BALANCE_DEFAULTS.maxRepairCycles;
  const maxRefinements = options.maxRepairRefinements ?? BALANCE_DEFAULTS.maxRepairRefinements;
  const k = reactionConstants(network, true);
  const m = network.reactions.length;
  // one variable per two-way reaction; a pair's second member is its first, backwards
  const variable = new Int32Array(m).fill(-1), sign = new Float64Array(m).fill(1);
  for (let r = 0; r < m; r++) if (k.twoWay[r]) variable[r] = r;
  for (const [f, b] of k.pairs) { variable[b] = f; sign[b] = -1; }
  const fixed = new Set(options.fixed ?? []);
  const d = new Float64Array(m);
  for (let r = 0; r < m; r++) if (variable[r] === r && !fixed.has(r) && !(k.pairs.some(([f, b]) => f === r && fixed.has(b)))) d[r] = 1 / (options.weights?.[r] ?? 1);

  const none = (feasible: boolean, unclosable: number, notAttempted: string | null): Repair =>
    ({ feasible, notAttempted, reactions: [], maxFactor: 1, oneWay: k.oneWay, unclosable, verified: false, refinements: 0 });
  const system = foldCycles(k, s, variable, sign, d);
  if (!system.feasible) return none(false, system.unclosable, null);
  if (system.cycles.length > maxCycles) {
    return none(false, system.unclosable, `${system.cycles.length} independent cycles to close, more than maxRepairCycles = ${maxCycles} (a dense ${system.cycles.length}² system)`);
  }
  const gram = system.cycles.map((ci) => system.cycles.map((cj) => {
    let x = 0;
    for (const [v, c] of ci) x += c * (cj.get(v) ?? 0) * (d[v] ?? 0);
    return x;
  }));
  /** Δ per variable that closes cycles of affinities `a`, or null when the Gram matrix is singular. */
  const project = (a: readonly number[]): Float64Array | null => {
    const delta = new Float64Array(m);
    if (system.cycles.length === 0) return delta;
    const y = solveLinear(gram, a);
    if (y === null) return null;
    system.cycles.forEach((c, i) => { for (const [v, x] of c) delta[v] = (delta[v] ?? 0) - (d[v] ?? 0) * x * (y[i] ?? 0); });
    return delta;
  };

  // current constants per reaction (forward, reverse), moved by Δ/2 each way, then refined
  const forward = Float64Array.from(network.reactions, (r) => r.forward.value);
  const reverse = Float64Array.from(network.reactions, (r) => r.reverse?.value ?? NaN);
  const move = (delta: Float64Array): void => {
    for (const r of network.reactions) {
      const i = r.index, v = variable[i] ?? -1;
      const dl = v >= 0 ? (sign[i] ?? 1) * (delta[v] ?? 0) : 0;
      if (dl === 0) continue;
      forward[i] = longDouble(scaled(forward[i] ?? NaN, dl / 2));
      if (r.reverse) reverse[i] = longDouble(scaled(reverse[i] ?? NaN, -dl / 2));
    }
  };
  const first = project(system.affinity);
  if (first === null) return none(false, system.unclosable, null);
  move(first);
  const settings = { ...BALANCE_DEFAULTS, maxListedEntries: MAX_LISTED_ENTRIES, maxListedViolations: 1 };
  let refinements = 0, verified = false;
  for (;;) {
    const repaired = withConstants(network, forward, reverse);
    verified = balanceVerdict(repaired, s, settings).verdict === "holds";
    if (verified || refinements >= maxRefinements) break;
    const residual = foldCycles(reactionConstants(repaired, true), s, variable, sign, d);
    const correction = residual.feasible && residual.cycles.length === system.cycles.length ? project(residual.affinity) : null;
    if (correction === null) break;
    move(correction);
    refinements++;
  }

  const reactions: RepairedReaction[] = [];
  let maxFactor = 1;
  const change = (old: number, now: number): RepairedConstant => {
    const factor = now / old;
    maxFactor = Math.max(maxFactor, factor, 1 / factor);
    return { old, new: now, factor };
  };
  for (const r of network.reactions) {
    const i = r.index, f = forward[i] ?? NaN, b = reverse[i] ?? NaN;
    if (f === r.forward.value && (r.reverse === null || b === r.reverse.value)) continue;
    reactions.push({ index: i, id: r.id, forward: change(r.forward.value, f), reverse: r.reverse ? change(r.reverse.value, b) : null });
  }
  return { feasible: true, notAttempted: null, reactions, maxFactor, oneWay: k.oneWay, unclosable: system.unclosable, verified, refinements };
}

/**
 * The basis cycles of `structure` on the variables, with their affinities (raw double-double sums,
 * not judged, so that a refinement sees the residual below the bound too). A cycle through a
 * one-way reaction is unclosable; one of fixed reactions only must already be balanced.
 */
function foldCycles(k: ReactionConstants, structure: Structure, variable: Int32Array, sign: Float64Array, d: Float64Array): System {
  const cycles: Map<number, number>[] = [];
  const affinity: number[] = [];
  let unclosable = 0, feasible = true;
  for (const vector of structure.cycles) {
    const c = new Map<number, number>();
    vector.forEach((x, r) => x !== 0 && c.set(r, x));
    const judged = judgeCycle(k, c, BALANCE_DEFAULTS).affinity;
    if (!Number.isFinite(judged)) { unclosable++; continue; }
    const folded = new Map<number, number>();
    for (const [r, x] of c) {
      const v = variable[r] ?? -1;
      folded.set(v, (folded.get(v) ?? 0) + x * (sign[r] ?? 1));
    }
    const free = [...folded].some(([v, x]) => x !== 0 && (d[v] ?? 0) > 0);
    if (!free) { if (judged !== 0) feasible = false; continue; }
    cycles.push(folded);
    affinity.push(rawAffinity(k, c));
  }
  return { cycles, affinity, unclosable, feasible };
}

/** Σ_r c_r ln K_r in double-double (TwoSum), with no bound applied. */
function rawAffinity(k: ReactionConstants, cycle: ReadonlyMap<number, number>): number {
  let hi = 0, lo = 0;
  for (const [r, c] of cycle) {
    const x = c * (k.lnK[r] ?? NaN);
    const s = hi + x, bb = s - hi;
    lo += (hi - (s - bb)) + (x - bb);
    hi = s;
  }
  return hi + lo;
}

/** x · e^h, accurate also when h is a few ulps (a refinement step). */
function scaled(x: number, h: number): number {
  return x + x * Math.expm1(h);
}

/**
 * The nearest double at or above x that is not a short decimal (≤ 15 significant digits): such a
 * value, printed, would read back as an exact rational, which is not the double when the shortest
 * decimal is not its exact value. One ulp at a time; a few steps at most.
 */
function longDouble(x: number): number {
  const bits = new Float64Array(1), word = new BigInt64Array(bits.buffer);
  bits[0] = x;
  while (Number.isFinite(bits[0] ?? NaN) && (bits[0] ?? NaN) > 0 && significantDigits(String(bits[0])) <= MAX_EXACT_SIGNIFICANT_DIGITS) word[0] = (word[0] ?? 0n) + 1n;
  return bits[0] ?? x;
}

/**
 * The network with each constant whose value changed replaced by an inexact double (what a printed
 * double compiles to); a changed reaction no longer counts as constructed from free energies.
 */
function withConstants(network: Network, forward: Float64Array, reverse: Float64Array): Network {
  const replaced = (k: RateConstant, value: number): RateConstant => (value === k.value ? k : { value, exact: null, rational: false, span: k.span });
  const reactions = network.reactions.map((r) => {
    const f = replaced(r.forward, forward[r.index] ?? NaN), b = r.reverse && replaced(r.reverse, reverse[r.index] ?? NaN);
    return f === r.forward && b === r.reverse ? r : { ...reactionFields(r), forward: f, reverse: b };
  });
  const t = network.thermodynamics;
  const thermodynamics = t && { ...t, constructed: t.constructed.map((c, i) => c && reactions[i] === network.reactions[i]) };
  return withChanges(network, { reactions, thermodynamics });
}

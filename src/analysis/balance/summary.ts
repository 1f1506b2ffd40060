/**
 * From judged cycles to the verdict (shared by Kolmogorov and Wegscheider):
 *   fails      a one-way reaction is left after pairing, or some cycle is driven beyond its bound
 *              (or exactly) and not accepted by the user's tolerance;
 *   undecided  otherwise, when some cycle could not be decided;
 *   holds      otherwise (every cycle balanced, by construction, or accepted).
 * `holds` is true iff the verdict is "holds".
 */
import type { Network } from "../../network/types.js";
import { reactionPrecision, type ReactionConstants } from "./constants.js";
import { culprits, cycleDistance } from "./diagnosis.js";
import type { BalanceOptions } from "./options.js";
import type { DecisionCounts, DecisionMethod, DetailedBalance, Violation } from "./types.js";

/**
 * The balance options with the listing cap every concept shares. Listed cycles (violations,
 * accepted, undecided) are capped at min(maxListedViolations, ⌊maxListedViolationEntries / m⌋,
 * ⌊maxListedEntries / m⌋), at least one, for m reactions: each carries a dense vector of length m.
 */
export interface BalanceSettings extends BalanceOptions {
  readonly maxListedEntries: number;
}

/** A basis cycle that is not simply balanced: driven, accepted or undecided. */
export interface JudgedCycle {
  /** Index into the basis (Markov: into the chords). */
  readonly index: number;
  readonly affinity: number;
  readonly method: DecisionMethod;
  readonly bound: number | null;
}

export interface Judged {
  readonly judged: readonly JudgedCycle[];
  readonly counts: DecisionCounts;
  readonly maxBound: number | null;
  /** Word cycle `index` (oriented along its positive affinity) and give its reaction → coefficient map. */
  readonly describe: (index: number, affinity: number) => { violation: Violation; cycle: ReadonlyMap<number, number> };
  /** Cycle `index` as reaction → coefficient, without the dense vector (O(its length)). */
  readonly cycle: (index: number) => ReadonlyMap<number, number>;
  /** Every basis cycle, when the basis is small enough to diagnose; else null. */
  readonly basis: readonly ReadonlyMap<number, number>[] | null;
  /** Signed affinity of each basis cycle (0 when balanced), with `basis`. */
  readonly affinities: readonly number[] | null;
  readonly freeEnergies: () => number[];
  /** Edges walked to judge cycles one by one. */
  readonly walkedEdges: number;
}

const magnitude = (x: number): number => (Number.isNaN(x) ? Infinity : Math.abs(x));

export function summarise(network: Network, k: ReactionConstants, settings: BalanceSettings, j: Judged): DetailedBalance {
  const m = Math.max(1, k.lnK.length); // one per reaction (not network.reactions: a compiled file's are made only when read)
  const cap = Math.max(1, Math.min(settings.maxListedViolations, Math.floor(settings.maxListedViolationEntries / m), Math.floor(settings.maxListedEntries / m)));
  const of = (method: DecisionMethod): JudgedCycle[] => j.judged.filter((c) => c.method === method);
  const driven = j.judged.filter((c) => (c.method === "exact" || c.method === "bound") && c.affinity !== 0);
  driven.sort((a, b) => magnitude(b.affinity) - magnitude(a.affinity));
  const list = (cs: readonly JudgedCycle[]): Violation[] => cs.slice(0, cap).map((c) => {
    const { violation, cycle } = j.describe(c.index, c.affinity);
    // a Markov cycle's dense vector is a getter that builds it on first read: passed on as a
    // getter (a spread would build it here for every listed violation)
    const decided: Violation = {
      get cycle() {
        return violation.cycle;
      },
      affinity: violation.affinity, words: violation.words, reactions: violation.reactions,
      ...(violation.support === undefined ? {} : { support: violation.support }),
      decision: { method: c.method, bound: c.bound },
      distance: cycleDistance(network, k, cycle, c.affinity),
    };
    return decided;
  });
  const violations = list(driven);
  const undecided = of("undecided");
  const accepted = of("user-tolerance");
  const verdict = k.oneWay.length > 0 || driven.length > 0 ? "fails" : undecided.length > 0 ? "undecided" : "holds";
  const bounds = j.basis?.map((_, i) => 0) ?? [];
  for (const c of j.judged) if (c.bound !== null) bounds[c.index] = c.bound;
  const blamed = j.basis !== null && j.affinities !== null ? culprits(network, k, j.basis, j.affinities, bounds) : null;
  const exactOnly = j.counts.bound + j.counts["user-tolerance"] + j.counts.undecided === 0;
  return {
    holds: verdict === "holds",
    verdict,
    method: exactOnly ? "exact" : "tolerance",
    tolerance: j.maxBound,
    decided: j.counts,
    undecided: undecided.length,
    walkedEdges: j.walkedEdges,
    toleranceApplied: accepted.length > 0,
    oneWay: k.oneWay,
    pairs: k.pairs,
    violations,
    violationCount: driven.length,
    violationsTruncated: violations.length < driven.length,
    accepted: list(accepted),
    acceptedCount: accepted.length,
    acceptViolation: settings.acceptViolation,
    undecidedCycles: list(undecided),
    explainedByRounding: explainedByRounding(network, k, driven, j.cycle),
    culprits: blamed,
    freeEnergies: verdict === "holds" ? j.freeEnergies() : null,
    equilibriumConstants: verdict === "holds" ? Array.from(k.K) : null,
  };
}

/**
 * Whether every driven cycle, listed or not, is within the rounding reach of its written constants
 * (|A| ≤ R_c); null when none is driven. Each reaction's precision is read once; each cycle is
 * walked once, so the cost is the total length of the driven cycles.
 */
function explainedByRounding(network: Network, k: ReactionConstants, driven: readonly JudgedCycle[], cycleOf: (index: number) => ReadonlyMap<number, number>): boolean | null {
  if (driven.length === 0) return null;
  const precision = new Float64Array(k.lnK.length).fill(NaN);
  const of = (r: number): number => {
    const known = precision[r] ?? NaN;
    if (!Number.isNaN(known)) return known;
    const p = reactionPrecision(network, k.partner, r);
    precision[r] = p;
    return p;
  };
  for (const c of driven) {
    if (!Number.isFinite(c.affinity)) return false; // through a one-way reaction: no rounding explains it
    let reach = 0;
    for (const [r, x] of cycleOf(c.index)) reach += Math.abs(x) * of(r);
    if (!(Math.abs(c.affinity) <= reach)) return false;
  }
  return true;
}

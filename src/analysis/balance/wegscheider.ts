/**
 * Wegscheider's conditions for mass-action networks: detailed balance holds iff every reaction is
 * two-way and Σ_r c_r ln K_r = 0 for every c in a basis of ker S (internal rows). Using ker S, not
 * the circuits of the complex graph, matters when the deficiency is positive: the complex-graph
 * circuit conditions can all hold while a cycle of ker S is still driven.
 */
import { solveLinear } from "../../numeric/continuous/dense.js";
import { reducedEchelon } from "../../numeric/exact/integer-matrix.js";
import { reactionRows, speciesColumn, speciesRows } from "../../network/stoichiometry.js";
import type { Network } from "../../network/types.js";
import { cycleAffinity, exactCycleProduct, logRatio, reactionConstants, TOLERANCE, type ReactionConstants } from "./constants.js";
import type { DetailedBalance, Violation } from "./types.js";
import type { IntVector, Structure } from "../structure/types.js";

/** Detailed balance of a mass-action network over the cycle basis of `structure`. */
export function wegscheiderBalance(network: Network, structure: Structure): DetailedBalance {
  const k = reactionConstants(network);
  const violations: Violation[] = [];
  let allExact = true;
  for (const cycle of structure.cycles) {
    const c = new Map<number, number>();
    cycle.forEach((x, r) => x !== 0 && c.set(r, x));
    const verdict = judge(k, c);
    if (!verdict.exact) allExact = false;
    if (verdict.affinity !== 0) violations.push(violation(network, cycle, verdict.affinity));
  }
  violations.sort((a, b) => magnitude(b.affinity) - magnitude(a.affinity));
  const holds = k.oneWay.length === 0 && violations.length === 0;
  return {
    holds,
    method: allExact ? "exact" : "tolerance",
    tolerance: allExact ? null : TOLERANCE,
    oneWay: k.oneWay,
    violations,
    violationCount: violations.length,
    freeEnergies: holds ? freeEnergies(network, k) : null,
    equilibriumConstants: holds ? Array.from(k.K) : null,
  };
}

const magnitude = (x: number): number => (Number.isNaN(x) ? -1 : Math.abs(x));

/** A cycle's affinity, 0 when it is zero (exactly, or within the tolerance). */
function judge(k: ReactionConstants, c: ReadonlyMap<number, number>): { affinity: number; exact: boolean } {
  const a = cycleAffinity(k.lnK, c);
  if (!Number.isFinite(a)) return { affinity: a, exact: true };
  const p = exactCycleProduct(k.exact, c);
  if (p !== null) return { affinity: p.num === p.den ? 0 : logRatio(p.num, p.den), exact: true };
  let scale = 0;
  for (const [r, x] of c) scale += Math.abs(x) * k.scale[r]!;
  return { affinity: Math.abs(a) <= TOLERANCE * scale ? 0 : a, exact: false };
}

/** Oriented so the affinity is positive, worded `r1 + r2 - 2 r3`. */
function violation(network: Network, cycle: IntVector, affinity: number): Violation {
  const sign = affinity < 0 ? -1 : 1;
  const oriented = cycle.map((x) => (x === 0 ? 0 : sign * x));
  const reactions: number[] = [];
  const terms: string[] = [];
  oriented.forEach((x, r) => {
    if (x === 0) return;
    reactions.push(r);
    const id = network.reactions[r]!.id;
    const mag = Math.abs(x) === 1 ? id : `${Math.abs(x)} ${id}`;
    terms.push(terms.length === 0 ? (x < 0 ? `-${mag}` : mag) : x < 0 ? `- ${mag}` : `+ ${mag}`);
  });
  return { cycle: oriented, affinity: sign * affinity, words: terms.join(" "), reactions };
}

/**
 * Free energies G (k_B T) with ln K_r = −Σ_i S_ir G_i, from rank-many independent reactions; the
 * species outside a pivot set get G = 0 (one per conservation law).
 */
function freeEnergies(network: Network, k: ReactionConstants): number[] {
  const n = network.species.length, m = network.reactions.length;
  const independent = reducedEchelon(speciesRows(network), m).pivots; // reaction columns
  const rows = reactionRows(network);
  const unknowns = reducedEchelon(independent.map((r) => rows[r]!), n).pivots; // species columns
  const g = new Array<number>(n).fill(0);
  if (unknowns.length === 0) return g;
  const a = independent.map((r) => {
    const col = speciesColumn(network.reactions[r]!);
    return unknowns.map((i) => col.get(i) ?? 0);
  });
  const x = solveLinear(a, independent.map((r) => -k.lnK[r]!));
  if (x === null) return g.map(() => NaN);
  unknowns.forEach((i, t) => (g[i] = x[t]!));
  return g;
}

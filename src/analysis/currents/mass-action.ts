/**
 * Schnakenberg's decomposition for a mass-action network on the cycle basis of the structure
 * analysis (`structure.cycles`, the readable integer basis Wegscheider's check iterates), so a
 * cycle has one name in every section of a report.
 *
 * The basis C (k cycles × m reactions) is independent, so it has k pivot reactions P where the
 * k × k block B = C[:, P] is invertible; P is found exactly, by integer elimination. As det B ≠ 0,
 * some term of its expansion is non-zero: a matching of each cycle c to a reaction of P on c
 * (C[c, p_c] ≠ 0), found by augmenting paths; p_c is cycle c's "chord". A steady state has S J = 0,
 * so J = Σ_c J_c c with unique currents, and reading that on P gives the k × k system Bᵀ j = J_P,
 * solved by Gaussian elimination with partial pivoting. A pair [f, b] of opposite one-way
 * reactions (network/pairs.ts) is one reaction: each basis cycle c is folded to c − c_b (e_f + e_b),
 * the trivial cycle e_f + e_b drops out, and J_f − J_b is decomposed.
 */
import { solveLinear } from "../../numeric/continuous/dense.js";
import { EchelonBuilder } from "../../numeric/exact/integer-matrix.js";
import type { Network } from "../../network/types.js";
import type { Structure } from "../structure/types.js";
import type { CycleCurrent } from "./types.js";
import { foldPairs, type ReactionPairs } from "../../network/pairs.js";
import { accumulate, cycleSum, cycleWords, type CurrentsAnalysis } from "./common.js";

/**
 * The decomposition of `netFlux` (a pair's net on its first member) on `structure.cycles` folded
 * onto the paired network (see the module comment); `lnK` holds ln K_r per reaction, paired.
 *
 *   const s = analyzeStructure(net);           // ring r1 + r2 + r3 of A <-> B <-> C <-> A
 *   massActionCurrents(net, s, J, oppositePairs(net), lnK, 10, 1e9).cycles[0].current; // J_1
 */
export function massActionCurrents(network: Network, structure: Structure, netFlux: readonly number[], pairs: ReactionPairs, lnK: ArrayLike<number>, maxCycles: number, maxSolveWork: number): CurrentsAnalysis {
  const m = network.reactions.length;
  const basis = foldPairs(structure.cycles, pairs, m);
  const k = basis.length;
  const notes: string[] = [];
  const dimension = structure.reactions - structure.rank - pairs.pairs.length;
  const state = { fluxes: netFlux };
  const oneWayNote = "a cycle through a one-way reaction carries current: its affinity and the entropy production are infinite";
  if (k !== dimension || k ** 3 / 3 > maxSolveWork) {
    // No listed basis (too large to list or to solve): Σ_c A_c J_c = Σ_r a_r J_r at a steady state.
    let total: number | null = 0;
    for (const [r, j] of state.fluxes.entries()) total = accumulate(total, lnK[r] ?? NaN, j);
    notes.push(`${dimension} cycles, too many to decompose on the listed basis; the entropy production is summed over reactions as Σ_r J_r ln K_r`);
    if (total === null) notes.push(oneWayNote);
    return { tree: [], cycles: [], cycleEntropyProduction: total, notes };
  }
  const span = new EchelonBuilder(m);
  for (const c of basis) span.insert(c.map((v) => BigInt(v)));
  const chords = matchPivots(basis, span.pivots);
  const isChord = new Uint8Array(m);
  for (const p of chords) isChord[p] = 1;
  const tree = network.reactions.map((r) => r.index).filter((j) => !isChord[j] && (pairs.partner[j] ?? -1) < j);
  // Bᵀ j = J_P: row p of the system is reaction chords[p], column c is cycle c.
  const system = chords.map((p) => basis.map((c) => c[p] ?? 0));
  const rhs = chords.map((p) => state.fluxes[p] ?? 0);
  const currents = k === 0 ? [] : solveLinear(system, rhs);
  if (currents === null) {
    notes.push("the cycle currents could not be solved for (a singular pivot block): no cycle is listed");
    return { tree, cycles: [], cycleEntropyProduction: null, notes };
  }
  const cycles: CycleCurrent[] = [];
  let total: number | null = 0;
  for (const [c, cycle] of basis.entries()) {
    const current = currents[c] ?? NaN;
    const a = cycleSum(cycle, lnK);
    total = accumulate(total, a, current);
    if (cycles.length < maxCycles) cycles.push({ chord: chords[c] ?? -1, cycle, words: cycleWords(network, cycle), affinity: a, current });
  }
  if (k > maxCycles) notes.push(`${k} cycles; the first ${maxCycles} are listed, the entropy production sums all`);
  if (total === null) notes.push(oneWayNote);
  return { tree, cycles, cycleEntropyProduction: total, notes };
}


/**
 * A perfect matching of cycles to pivot reactions with a non-zero entry, ordered by cycle (exists
 * because the block is invertible). Kuhn's augmenting paths: O(k · entries), k is small.
 */
function matchPivots(basis: readonly (readonly number[])[], pivots: readonly number[]): number[] {
  const cycleOf = new Map<number, number>();
  const augment = (c: number, seen: Set<number>): boolean => {
    for (const p of pivots) {
      if ((basis[c]?.[p] ?? 0) === 0 || seen.has(p)) continue;
      seen.add(p);
      const other = cycleOf.get(p);
      if (other === undefined || augment(other, seen)) {
        cycleOf.set(p, c);
        return true;
      }
    }
    return false;
  };
  for (const c of basis.keys()) augment(c, new Set());
  const chord = new Array<number>(basis.length).fill(-1);
  for (const [p, c] of cycleOf) chord[c] = p;
  return chord;
}

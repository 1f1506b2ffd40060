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
import { reactionConstants, type ReactionConstants } from "./constants.js";
import { balancedByConstruction } from "./construction.js";
import { applyTolerance, cycleWeight, judgeCycle, type Judgement } from "./judge.js";
import { BALANCE_DEFAULTS } from "./options.js";
import { MAX_LISTED_ENTRIES } from "../options.js";
import { summarise, type BalanceSettings, type JudgedCycle } from "./summary.js";
import type { DecisionMethod, DetailedBalance, Violation } from "./types.js";
import type { IntVector, Structure } from "../structure/types.js";

/** Detailed balance of a mass-action network over the cycle basis of `structure`. */
export function wegscheiderBalance(network: Network, structure: Structure, settings: BalanceSettings = { ...BALANCE_DEFAULTS, maxListedEntries: MAX_LISTED_ENTRIES }): DetailedBalance {
  const k = reactionConstants(network, true);
  const maps = structure.cycles.map((cycle) => {
    const c = new Map<number, number>();
    cycle.forEach((x, r) => x !== 0 && c.set(r, x));
    return c;
  });
  const counts: Record<DecisionMethod, number> = { exact: 0, bound: 0, "user-tolerance": 0, construction: 0, undecided: 0 };
  const judged: JudgedCycle[] = [];
  const affinities: number[] = [];
  let maxBound: number | null = null;
  maps.forEach((c, index) => {
    const j: Judgement = balancedByConstruction(network, c)
      ? { affinity: 0, decision: { method: "construction", bound: null } }
      : applyTolerance(judgeCycle(k, c, settings), settings.acceptViolation, cycleWeight(c));
    const { method, bound } = j.decision;
    counts[method]++;
    if (method === "bound" && bound !== null) maxBound = Math.max(maxBound ?? 0, bound);
    affinities.push(j.affinity);
    if (j.affinity !== 0 || method === "undecided") judged.push({ index, affinity: j.affinity, method, bound });
  });
  const describe = (i: number, a: number): { violation: Violation; cycle: ReadonlyMap<number, number> } => ({
    violation: violation(network, structure.cycles[i] ?? [], a),
    cycle: maps[i] ?? new Map<number, number>(),
  });
  const small = maps.length <= settings.maxDiagnosedCycles;
  return summarise(network, k, settings, {
    judged, counts, maxBound, describe, cycle: (i) => maps[i] ?? new Map<number, number>(), basis: small ? maps : null, affinities: small ? affinities : null,
    walkedEdges: maps.reduce((s, c) => s + c.size, 0),
    freeEnergies: () => freeEnergies(network, k),
  });
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
    const id = network.reactions[r]?.id ?? `#${r}`;
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
  const independentRows = independent.map((r) => {
    const row = rows[r];
    if (row === undefined) throw new Error(`no stoichiometry row for reaction ${r}`);
    return row;
  });
  const unknowns = reducedEchelon(independentRows, n).pivots; // species columns
  const g = new Array<number>(n).fill(0);
  if (unknowns.length === 0) return g;
  const a = independent.map((r) => {
    const reaction = network.reactions[r];
    const col = reaction ? speciesColumn(reaction) : new Map<number, number>();
    return unknowns.map((i) => col.get(i) ?? 0);
  });
  const x = solveLinear(a, independent.map((r) => -(k.lnK[r] ?? NaN)));
  if (x === null) return g.map(() => NaN);
  unknowns.forEach((i, t) => (g[i] = x[t] ?? NaN));
  return g;
}

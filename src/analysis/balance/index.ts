/**
 * Detailed balance: is there a positive state at which every reaction's forward rate equals its
 * reverse rate? Equivalently every cycle has zero affinity (Wegscheider for mass action,
 * Kolmogorov for Markov networks).
 *
 *   per reaction: ln K_r = ln kf_r − ln kr_r − Σ_Y S_Yr ln[Y]   (reservoirs folded in)
 *   per cycle c:  A(c) = Σ_r c_r ln K_r                          (k_B T)
 *
 * Each cycle is decided exactly (rationals: Π K_r^{c_r} vs 1 in BigInt), by construction (declared
 * free energies), or against the rigorous bound B_c on the rounding error of its own double
 * computation (|A| > B_c: driven; else balanced), never by a fixed relative tolerance; a cycle of
 * rationals the bound cannot decide and whose exact product is past the budget is undecided.
 * docs/balance.md states the rule, the bound and its derivation.
 */
import type { Network } from "../../network/types.js";
import type { DetailedBalance } from "./types.js";
import type { Structure } from "../structure/types.js";
import { balanceVerdict } from "./verdict.js";
import { BALANCE_DEFAULTS, type BalanceOptions } from "./options.js";
import type { BalanceSettings } from "./summary.js";
import { MAX_LISTED_ENTRIES, type ListingOptions } from "../options.js";

export { reactionConstants, type ReactionConstants } from "./constants.js";
export { acceptedViolationText, BALANCE_DEFAULTS, BALANCE_MEANINGS, type BalanceOptions } from "./options.js";
export { nearestConsistentConstants, type Repair, type RepairOptions, type RepairedConstant, type RepairedReaction } from "./repair.js";

/**
 * The detailed-balance verdict of a network (shared/LANGUAGE.md, docs/balance.md).
 *
 * Holds iff every reaction is two-way (opposite one-way reactions pair into one) and
 * A(c) = Σ_r c_r (ln(kf_r/kr_r) − Σ_Y S_Yr ln[Y]) = 0 for every c in a basis of ker S, each cycle
 * decided exactly, by construction, or against its own rounding bound B_c. Markov networks:
 * Kolmogorov's criterion on the chords of a spanning forest (linear time). Mass action:
 * Wegscheider's conditions on the cycle basis of `structure`.
 *
 *   const { network } = compile("state A, B, C\nA <-> B @ 1, 1\nB <-> C @ 1, 1\nC <-> A @ 2, 1");
 *   const db = analyzeBalance(network!);
 *   // db.verdict === "fails", db.violations[0].words === "A -> B -> C -> A", affinity ln 2 (exact)
 */
export function analyzeBalance(network: Network, structure?: Structure, options: Partial<BalanceOptions & ListingOptions> = {}): DetailedBalance {
  const settings: BalanceSettings = { ...BALANCE_DEFAULTS, maxListedEntries: MAX_LISTED_ENTRIES, ...defined(options) };
  return balanceVerdict(network, structure, settings);
}

/** The options without keys set to undefined (so they do not hide the defaults). */
function defined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Detailed balance: is there a positive state at which every reaction's forward rate equals its
 * reverse rate? Equivalently every cycle has zero affinity (Wegscheider for mass action,
 * Kolmogorov for Markov networks).
 *
 *   per reaction: ln K_r = ln kf_r − ln kr_r − Σ_Y S_Yr ln[Y]   (reservoirs folded in)
 *   per cycle c:  A(c) = Σ_r c_r ln K_r                          (k_B T)
 *
 * The verdict is exact (products of rationals compared with BigInt) when every constant involved
 * is a rational; otherwise |A| ≤ TOLERANCE · Σ_r |c_r| (|ln kf_r| + |ln kr_r| + Σ_Y |S_Yr| |ln[Y]|)
 * counts as zero. (Kolmogorov first screens each chord against the scales summed along its tree
 * paths, then walks the chords that pass and judges each on its own cycle, within a walk budget.)
 */
import type { Network } from "../../network/types.js";
import { kolmogorovBalance } from "./kolmogorov.js";
import { analyzeStructure } from "../structure/index.js";
import type { DetailedBalance } from "./types.js";
import type { Structure } from "../structure/types.js";
import { wegscheiderBalance } from "./wegscheider.js";

export { cycleAffinity, exactCycleProduct, logRatio, reactionConstants, TOLERANCE, type ExactConstants, type Fraction, type ReactionConstants } from "./constants.js";

/**
 * The detailed-balance verdict of a network (shared/LANGUAGE.md).
 *
 * Holds iff every reaction is two-way and A(c) = Σ_r c_r (ln(kf_r/kr_r) − Σ_Y S_Yr ln[Y]) = 0 for
 * every c in a basis of ker S. Markov networks: Kolmogorov's criterion on the chords of a spanning
 * forest (linear time). Mass action: Wegscheider's conditions on the cycle basis of `structure`.
 * Exact when every constant is a rational; else relative tolerance TOLERANCE (see module comment).
 *
 *   const { network } = compile("state A, B, C\nA <-> B @ 1, 1\nB <-> C @ 1, 1\nC <-> A @ 2, 1");
 *   const db = analyzeBalance(network!);
 *   // db.holds === false, db.violations[0].words === "A -> B -> C -> A", affinity ln 2
 */
export function analyzeBalance(network: Network, structure?: Structure): DetailedBalance {
  if (network.kind === "markov") {
    const k = kolmogorovBalance(network);
    if (k !== null) return k;
  }
  return wegscheiderBalance(network, structure ?? analyzeStructure(network));
}

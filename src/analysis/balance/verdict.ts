/**
 * The one dispatch of the detailed-balance verdict, shared by `analyzeBalance` and the repair's
 * own check of its rounded constants: Kolmogorov's criterion on the chords of a spanning forest
 * for a Markov network whose transitions are one state to one state, else Wegscheider's
 * conditions on the cycle basis of the structure.
 */
import type { Network } from "../../network/types.js";
import { analyzeStructure } from "../structure/index.js";
import type { Structure } from "../structure/types.js";
import { kolmogorovBalance } from "./kolmogorov.js";
import type { BalanceSettings } from "./summary.js";
import type { DetailedBalance } from "./types.js";
import { wegscheiderBalance } from "./wegscheider.js";

/**
 * The verdict with every setting resolved (index.ts's analyzeBalance fills in the defaults).
 *
 *   balanceVerdict(net("state A, B, C\nA <-> B @ 1, 1\nB <-> C @ 1, 1\nC <-> A @ 2, 1"), undefined, settings)
 *   // Kolmogorov: verdict "fails", one violation A -> B -> C -> A of affinity ln 2 (exact)
 */
export function balanceVerdict(network: Network, structure: Structure | undefined, settings: BalanceSettings): DetailedBalance {
  if (network.kind === "markov") {
    const k = kolmogorovBalance(network, settings);
    if (k !== null) return k;
  }
  return wegscheiderBalance(network, structure ?? analyzeStructure(network), settings);
}

/** What the current decomposition returns. */
import type { IntVector } from "../structure/types.js";

export interface CycleCurrent {
  /** The chord that closes this fundamental cycle. */
  readonly chord: number;
  readonly cycle: IntVector;
  readonly words: string;
  readonly affinity: number;
  readonly current: number;
}

/** Schnakenberg's decomposition of the steady state's currents. */
export interface Currents {
  /** Reactions on the spanning forest. */
  readonly tree: readonly number[];
  readonly cycles: readonly CycleCurrent[];
  /** Σ_cycles A_c J_c. */
  readonly cycleEntropyProduction: number | null;
  /** Opposite one-way reactions decomposed as one reversible reaction: [first, second] (network/pairs.ts). */
  readonly pairs?: readonly (readonly [number, number])[];
  /** The net flux per reaction that was decomposed: a pair's net on one member, 0 on the other. */
  readonly fluxes?: readonly number[];
}

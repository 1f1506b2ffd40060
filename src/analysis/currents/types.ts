/** What the current decomposition returns. */
import type { IntVector } from "../structure/types.js";
import type { SparseCycle } from "../../network/digraph.js";

export interface CycleCurrent {
  /** The chord that closes this fundamental cycle. */
  readonly chord: number;
  /**
   * Coefficient of each reaction (dense, one per reaction). Markov networks build it on first
   * read, from `support`: a network of 10⁵ transitions pays for the dense vectors only where a
   * reader asks for them.
   */
  readonly cycle: IntVector;
  /** The cycle's nonzero coefficients, reactions ascending (Markov currents; absent for mass action). */
  readonly support?: CycleSupport;
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

/** A cycle vector by its nonzero entries, reactions ascending (network/digraph.ts). */
export type CycleSupport = SparseCycle;

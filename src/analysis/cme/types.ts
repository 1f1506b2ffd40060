/**
 * What the chemical master equation (CME) of a mass-action network is, as ness builds it: the
 * finite state projection's states (molecule counts, typed arrays), its transitions, how the
 * projection was bounded and how much probability it may have cut away.
 */
import type { Network } from "../../network/types.js";
import type { StationaryResult } from "../../numeric/markov/stationary.js";

/** Thresholds of the finite state projection; every one is stated in the report. */
export interface CmeOptions {
  /** The system size Ω: molecules per unit concentration (counts x = Ω c). */
  readonly volume: number;
  /**
   * The projection grows (each unbounded species' cap doubled) until the stationary probability on
   * the states where it cuts a transition is at most this.
   */
  readonly massTolerance?: number;
  /** The projection never holds more states than this (the cut mass is then reported as it is). */
  readonly maxStates?: number;
}

export const CME_DEFAULTS = { massTolerance: 1e-10, maxStates: 4_000_000 } as const;

/** How one species' count is bounded in the projection. */
export interface SpeciesBound {
  readonly species: number;
  /** The largest count kept. */
  readonly cap: number;
  /** "conservation": a non-negative conservation law bounds it exactly; "mass": the tolerance chose it. */
  readonly by: "conservation" | "mass";
}

/**
 * The CME generator on the projection, as parallel typed arrays (no object per state or
 * transition, so 10⁶ states fit in memory). Transition e joins from[e] → to[e] by reaction
 * reaction[e] of the source network, at propensity forward[e] (from → to) and reverse[e]
 * (to → from; 0 when the reaction is one-way).
 */
export interface CmeGenerator {
  /** The mass-action network this is the CME of. */
  readonly source: Network;
  readonly volume: number;
  readonly states: number;
  /** Species' counts of state s: counts[s·species + i], species in declaration order. */
  readonly counts: Int32Array;
  readonly species: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly reaction: Int32Array;
  readonly forward: Float64Array;
  readonly reverse: Float64Array;
  /** Per state: the total propensity of the transitions the projection cut (to states outside it). */
  readonly exit: Float64Array;
  /** The state the initial amounts round to (x0 = round(Ω c0)). */
  readonly initial: number;
  readonly bounds: readonly SpeciesBound[];
}

/** The projection as built, with what it may have cut. */
export interface CmeProjection {
  readonly generator: CmeGenerator;
  /** The stationary law of the projected chain (reached from the initial state). */
  readonly pi: Float64Array;
  /** The solve that gave `pi` (its classes; each class's factorisation when asked for: `projectCme`'s keepSolver). */
  readonly stationary: StationaryResult;
  /**
   * The truncated mass, estimated as the stationary probability on the states where the projection
   * cuts a transition (0 when conservation laws bound every species: nothing is cut).
   */
  readonly cutMass: number;
  /** Σ_x π(x) exit(x): the probability flow the projection turns back, per unit time. */
  readonly cutFlow: number;
  /** How many times the caps were doubled. */
  readonly rounds: number;
  readonly notes: readonly string[];
  readonly options: Required<CmeOptions>;
}

/** One species' marginal count distribution and how it compares with the deterministic states. */
export interface CountMarginal {
  readonly species: number;
  readonly name: string;
  /** P(count = k), k = 0..cap. */
  readonly probability: readonly number[];
  readonly mean: number;
  readonly sd: number;
  /** Local maxima of the distribution (counts), most probable first. */
  readonly modes: readonly number[];
}

/** The CME's part of the report. */
export interface CmeSummary {
  readonly volume: number;
  readonly states: number;
  readonly transitions: number;
  readonly bounds: readonly SpeciesBound[];
  readonly cutMass: number;
  readonly cutFlow: number;
  readonly massTolerance: number;
  readonly maxStates: number;
  readonly marginals: readonly CountMarginal[];
  /**
   * The deterministic (mass-action) steady states, in concentrations, with their stability, as
   * the analysis of the source network lists them.
   */
  readonly deterministic: readonly { readonly concentrations: readonly number[]; readonly stable: boolean | null; readonly entropyProduction: number | null }[];
  /** σ of the CME (k_B per time) divided by Ω, comparable with the deterministic σ per unit volume. */
  readonly sigmaPerVolume: number | null;
  readonly notes: readonly string[];
}

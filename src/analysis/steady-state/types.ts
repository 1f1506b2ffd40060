/** What the steady-state analysis returns. */
import type { LeftSolver } from "../../numeric/markov/solver.js";

export interface SteadyState {
  readonly concentrations: readonly number[];
  /** Net flux per reaction: forward minus reverse rate. */
  readonly fluxes: readonly number[];
  readonly forwardRates: readonly number[];
  readonly reverseRates: readonly number[];
  /**
   * Net flux per reaction with each pair of opposite one-way reactions (network/pairs.ts) as one
   * reversible reaction: the pair's v_first − v_second on its first member, 0 on its second; equal
   * to `fluxes` elsewhere. What the currents decompose. Absent: read as `fluxes` with pairs netted.
   */
  readonly netFluxes?: readonly number[];
  /** k_B per time; null when infinite (a one-way reaction carries flux); see notes. */
  readonly entropyProduction: number | null;
  /**
   * A bound on the rounding error of `entropyProduction` as computed from this state's rates
   * (docs/steady-state.md, "The error of σ"); null when σ is infinite. |σ| at or below it is 0 to
   * rounding. Absent (older producers): no bound is known.
   */
  readonly entropyProductionBound?: number | null;
  /** Null when stability could not be decided. */
  readonly stable: boolean | null;
  /** The state the dynamics reach from the initial amounts. */
  readonly reached: boolean;
  /** Largest real part of the Jacobian's eigenvalues on the compatibility class. */
  readonly leadingEigenvalue: number | null;
  /** Every eigenvalue of the Jacobian on the class (real and imaginary parts); null when not computed (see `stabilityWhy`). */
  readonly eigenvalues?: { readonly re: readonly number[]; readonly im: readonly number[] } | null;
  /** Why stability is undecided, or how it was decided without eigenvalues (a theorem). */
  readonly stabilityWhy?: string;
  /** What proves this a true steady state (absent: only the residual test of certify.ts). */
  readonly certificate?: StateCertificate;
  /**
   * Markov networks: the factorised generator of the closed class carrying this stationary law,
   * for the solves the later analyses need (fluctuations, response, spectrum). Absent for mass
   * action, for a law spread over several closed classes, and where it was not kept. Never
   * serialised.
   */
  readonly solver?: LeftSolver;
}

/** The facts a certificate established about one listed state. */
export interface StateCertificate {
  /** True when a rigorous test (interval Krawczyk/α-test, exact sign change, exact zero) proved a unique root here. */
  readonly certified: boolean;
  /** "krawczyk", "alpha", "exact-sign", "exact-zero", "theory" or "residual" (not rigorous). */
  readonly method: string;
  /** Half-width (max norm) of the box or interval known to hold the root alone; null when none. */
  readonly radius: number | null;
  readonly real: boolean;
  readonly nonNegative: boolean;
  /** Species proved exactly 0 (a boundary state), by index. */
  readonly zeroSpecies: readonly number[];
  /** Why it is not certified, or what the proof rests on. */
  readonly detail: string;
}

/** How the start paths of a homotopy ended. */
export interface PathAccount {
  readonly total: number;
  /** Ended at a finite point that became a listed state or a certified non-physical root (complex or negative). */
  readonly finite: number;
  /** Went to infinity (no finite root at their end). */
  readonly divergent: number;
  /** Ended on a singular point or a positive-dimensional component. */
  readonly singular: number;
  readonly failed: number;
  /** Why paths failed, with counts. */
  readonly failures: readonly { readonly reason: string; readonly count: number }[];
}

/** A set of steady states that is not a finite list: its dimension and extreme points. */
export interface SteadyStateContinuum {
  readonly dimension: number;
  /** The extreme points of the set (a segment's two ends, the laws of the closed classes), each a concentration vector. */
  readonly extremePoints: readonly (readonly number[])[];
  /** What the set is, in words. */
  readonly description: string;
}

/** A periodic attractor reached from the initial amounts (attractor.ts). */
export interface LimitCycle {
  readonly period: number;
  /** Per species, the least and largest value along the cycle. */
  readonly min: readonly number[];
  readonly max: readonly number[];
  /** Time averages over one period. */
  readonly mean: readonly number[];
  readonly meanFluxes: readonly number[];
  /** (1/P) ∫ σ dt, k_B per time; null when infinite (a one-way reaction carries flux). */
  readonly meanEntropyProduction: number | null;
  /** The Poincaré section: this species crossing the middle of its range upwards. */
  readonly section: { readonly species: number };
}

export interface SteadyStates {
  /** Every non-negative steady state in the compatibility class; stable ones first. */
  readonly states: readonly SteadyState[];
  /** How they were found, and whether the list is proved complete. */
  readonly method: string;
  readonly complete: boolean;
  /** Why the list is empty, which numbers are infinite, what was assumed. */
  readonly notes?: readonly string[];
  /** How: "homotopy", "theory", "univariate", "trivial", "markov", "multistart" (fallback), "none". */
  readonly solver?: string;
  /** True when every listed state carries a rigorous certificate. */
  readonly certified?: boolean;
  /** The homotopy's start paths and how each ended (absent when no homotopy was run). */
  readonly paths?: PathAccount;
  /** Dimension of the steady-state set in the class: 0 for isolated states; absent when not known. */
  readonly dimension?: number | null;
  /** The positive-dimensional pieces, when there are any. */
  readonly continua?: readonly SteadyStateContinuum[];
  /** The attractor reached when no steady state is (a limit cycle), or null. */
  readonly attractor?: LimitCycle | null;
}

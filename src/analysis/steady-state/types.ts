/** What the steady-state analysis returns. */

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
}

export interface SteadyStates {
  /** Every non-negative steady state in the compatibility class; stable ones first. */
  readonly states: readonly SteadyState[];
  /** How they were found, and whether the list is proved complete. */
  readonly method: string;
  readonly complete: boolean;
  /** Why the list is empty, which numbers are infinite, what was assumed. */
  readonly notes?: readonly string[];
}

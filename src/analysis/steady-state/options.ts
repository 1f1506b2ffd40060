/**
 * The thresholds of the steady-state analysis, each with its default and its meaning (the report
 * states the values used). Residuals are relative: |dx_i/dt| against w_i = Σ_r |S_ir| (v⁺_r + v⁻_r),
 * the size of the rates that cancel in it; concentrations are relative to the class scale (the
 * largest initial amount, or 1).
 */

export interface SteadyStateThresholds {
  /** Newton's convergence test: |dx_i/dt| ≤ tol · w_i. */
  readonly steadyTolerance: number;
  /** A point from a search or the end of an integration counts as steady when |dx_i/dt| ≤ tol · w_i. */
  readonly acceptTolerance: number;
  /** A point with its near-zero species set to 0 is kept when |dx_i/dt| ≤ tol · w_i there. */
  readonly snapTolerance: number;
  /** A listed state is a root to rounding: one Newton step moves no species by more than this × (|x_i| + zeroCut · scale). */
  readonly certifyStep: number;
  /** Concentrations below this fraction of the class scale are zero (faces, law residuals). */
  readonly zeroCut: number;
  /** Points with a concentration below −(this) × scale are rejected, not clipped. */
  readonly negativeCut: number;
  /** Two states are one when every |a_i − b_i| ≤ rel · max(|a_i|, |b_i|) + abs · scale. */
  readonly sameStateRelative: number;
  /** The absolute part of that test, as a fraction of the class scale. */
  readonly sameStateAbsolute: number;
  /** The integrated state is one of the found states when they agree to this relative distance. */
  readonly reachedMatch: number;
  /** An eigenvalue whose real part is within this fraction of the Jacobian's scale of 0 is undecided. */
  readonly stabilityTolerance: number;
  /** Random starts of the multi-start search; null: 48, 24 or 8 by class dimension (≤ 3, ≤ 10, more). */
  readonly starts: number | null;
  /** Seed of the multi-start search (the result is deterministic for a given seed). */
  readonly seed: number;
  /** Relative and absolute (× scale) error tolerances of the stiff integration. */
  readonly odeRelativeTolerance: number;
  readonly odeAbsoluteTolerance: number;
  /** Step limit of the integration; it is cut to max(odeMinSteps, odeWork / species³), each step factoring a dense Jacobian. */
  readonly odeMaxSteps: number;
  readonly odeMinSteps: number;
  readonly odeWork: number;
  /** The integration stops as blowing up past this multiple of the scale. */
  readonly blowUp: number;
  /** An integration that did not settle and ends past this multiple of the scale is growing without bound. */
  readonly unboundedScale: number;
  /** Largest species count for which siphons are enumerated (to rule out boundary states). */
  readonly maxSiphonSpecies: number;
  /** Largest class dimension whose Jacobian eigenvalues are computed (dense QR) where a theorem already gives stability. */
  readonly maxEigenDimension: number;
  /** Most start paths of the homotopy; a larger Bézout number falls back to the seeded search. */
  readonly maxHomotopyPaths: number;
  /** Relative tolerance of the integration that measures a limit cycle (and of its search). */
  readonly cycleRelativeTolerance: number;
  readonly cycleSearchTolerance: number;
  /** Two successive periods agreeing to this relative difference settle a limit cycle. */
  readonly periodTolerance: number;
}

export const STEADY_STATE_DEFAULTS: SteadyStateThresholds = {
  steadyTolerance: 1e-10,
  acceptTolerance: 1e-8,
  snapTolerance: 1e-9,
  certifyStep: 1e-6,
  zeroCut: 1e-12,
  negativeCut: 1e-9,
  sameStateRelative: 1e-6,
  sameStateAbsolute: 1e-9,
  reachedMatch: 1e-5,
  stabilityTolerance: 1e-9,
  starts: null,
  seed: 1,
  odeRelativeTolerance: 1e-6,
  odeAbsoluteTolerance: 1e-10,
  odeMaxSteps: 50000,
  odeMinSteps: 2000,
  odeWork: 2e10,
  blowUp: 1e15,
  unboundedScale: 1e6,
  maxSiphonSpecies: 16,
  maxEigenDimension: 200,
  maxHomotopyPaths: 20000,
  cycleRelativeTolerance: 1e-8,
  cycleSearchTolerance: 1e-6,
  periodTolerance: 1e-6,
};

export const STEADY_STATE_MEANINGS: { readonly [K in keyof SteadyStateThresholds]: string } = {
  steadyTolerance: "Newton's convergence: net rate of each species relative to the rates that cancel in it",
  acceptTolerance: "a searched or integrated point counts as a steady state at this relative net rate",
  snapTolerance: "a point with its near-zero species set to 0 is kept at this relative net rate",
  certifyStep: "a listed steady state is a root to rounding: a Newton step moves no species by more than this relative amount",
  zeroCut: "concentrations below this fraction of the class scale count as zero",
  negativeCut: "points with a concentration below minus this fraction of the class scale are rejected",
  sameStateRelative: "two steady states are the same within this relative difference per species",
  sameStateAbsolute: "and this absolute difference, as a fraction of the class scale",
  reachedMatch: "the integrated state is a found state when they agree to this relative difference",
  stabilityTolerance: "eigenvalue real parts within this fraction of the Jacobian's size of 0 leave stability undecided",
  starts: "random starts of the multi-start search (unset: 48, 24 or 8 by class dimension)",
  seed: "seed of the multi-start search",
  odeRelativeTolerance: "relative error tolerance of the stiff integration from the initial amounts",
  odeAbsoluteTolerance: "absolute error tolerance of the integration, as a fraction of the class scale",
  odeMaxSteps: "most integration steps",
  odeMinSteps: "fewest integration steps allowed when the work bound cuts the limit",
  odeWork: "work bound of the integration: steps ≤ this / species³",
  blowUp: "the integration stops as blowing up past this multiple of the class scale",
  unboundedScale: "an unsettled integration ending past this multiple of the class scale grows without bound",
  maxSiphonSpecies: "largest species count (at most 30) for which siphons are enumerated to exclude boundary states",
  maxEigenDimension: "largest class dimension whose eigenvalues are computed when a theorem already proves stability",
  maxHomotopyPaths: "most start paths of the homotopy (the Bézout number); beyond it the seeded Newton search is the fallback",
  cycleRelativeTolerance: "relative tolerance of the integration that measures a limit cycle",
  cycleSearchTolerance: "relative tolerance of the integration that looks for a limit cycle",
  periodTolerance: "two successive periods agreeing to this relative difference settle a limit cycle",
};

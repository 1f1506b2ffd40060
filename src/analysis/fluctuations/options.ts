/**
 * The thresholds of the fluctuation analysis, each with its default and meaning (the report states
 * the values used); merged into AnalyzeOptions by analysis/options.ts.
 */

export interface FluctuationsThresholds {
  /** λ(s) is computed (dense eigenvalues) for chains of at most this many states. */
  readonly maxScgfStates: number;
  /** Points of the s grid of λ(s). */
  readonly scgfPoints: number;
  /** Without `current` statements, at most this many cycle currents get their statistics (one solve each; one past maxKineticsStates states). */
  readonly maxMeasuredCycles: number;
  /** D σ / J² ≥ 1 − this counts as satisfying the uncertainty relation (rounding of J, D and σ). */
  readonly turTolerance: number;
  /** The system size Ω of the linear noise approximation (molecules per unit concentration); null: the file's `volume`, else none. */
  readonly volume: number | null;
  /** The relaxation spectrum is computed densely for chains of at most this many states. */
  readonly maxSpectrumStates: number;
  /** Past maxSpectrumStates, by shift-invert Arnoldi (one left solve per step) for chains of at most this many states. */
  readonly maxSparseSpectrumStates: number;
  /** Number of relaxation modes listed (the slowest). */
  readonly spectrumModes: number;
  /** The report's first passages and committors (four sparse solves) for chains of at most this many states; the API has no limit. */
  readonly maxKineticsStates: number;
}

export const FLUCTUATIONS_DEFAULTS: FluctuationsThresholds = {
  maxScgfStates: 60, scgfPoints: 21, maxMeasuredCycles: 3, turTolerance: 1e-9, volume: null, maxSpectrumStates: 120, maxSparseSpectrumStates: 20000, spectrumModes: 10, maxKineticsStates: 20000,
};

export const FLUCTUATIONS_MEANINGS: { readonly [K in keyof FluctuationsThresholds]: string } = {
  maxScgfStates: "largest Markov chain whose scaled cumulant generating function λ(s) is computed (dense)",
  scgfPoints: "points of the s grid on which λ(s) is computed",
  maxMeasuredCycles: "most cycle currents given statistics when no current is declared (one past maxKineticsStates states)",
  turTolerance: "rounding allowance of the uncertainty relation D σ / J² ≥ 1",
  volume: "system size Ω of the linear noise approximation (null: the file's volume statement)",
  maxSpectrumStates: "largest Markov chain whose relaxation spectrum is computed (dense)",
  maxSparseSpectrumStates: "largest Markov chain whose slowest relaxation modes are computed (shift-invert Arnoldi)",
  spectrumModes: "number of slowest relaxation modes listed",
  maxKineticsStates: "largest Markov chain whose first-passage times and committors the report lists",
};

/**
 * The thresholds of the current decomposition, each with its default and its meaning (the report
 * states the values used). How many dense entries a listing may hold is the shared
 * `maxListedEntries` (src/analysis/options.ts).
 */

export interface CurrentsThresholds {
  /** At most this many cycles are listed (and at most maxListedEntries / reactions); Σ A_c J_c always covers all. */
  readonly maxCycles: number;
  /**
   * The cycle currents of a mass-action network solve a k × k system (k cycles, cost k³/3); past
   * this many operations the cycles are not listed and Σ A_c J_c is summed as Σ_r a_r J_r.
   */
  readonly maxCurrentSolveWork: number;
}

export const CURRENTS_DEFAULTS: CurrentsThresholds = { maxCycles: 2000, maxCurrentSolveWork: 1e9 };

export const CURRENTS_MEANINGS: { readonly [K in keyof CurrentsThresholds]: string } = {
  maxCycles: "most cycle currents listed (the entropy production sums all cycles)",
  maxCurrentSolveWork: "largest cycle-current solve (operations, k³/3 for k cycles) of a mass-action network",
};

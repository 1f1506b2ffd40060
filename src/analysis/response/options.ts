/**
 * The thresholds of the response analysis, each with its default and meaning (the report states
 * the values used). `analyzeResponse` takes them as its third argument; they are meant to be merged
 * into AnalyzeOptions by analysis/options.ts like the other concepts' thresholds.
 */

export interface ResponseThresholds {
  /** The dense response (every rate constant, enzyme and reservoir; control coefficients; the Onsager matrix) for at most this many species or states. */
  readonly maxDenseResponseSpecies: number;
  /** Past the dense limit, a Markov network's response to its params and reservoirs uses the stationary solve's factors when there are at most this many inputs (one left solve each). */
  readonly maxSparseResponseInputs: number;
  /** At most this many independent affinities (cycles, emergent cycles) in the Onsager matrix. */
  readonly maxOnsagerCycles: number;
  /** Relative step of the central differences of a param's initial amounts (explicit expressions of it), the one place a param is differenced. */
  readonly paramStep: number;
}

export const RESPONSE_DEFAULTS: ResponseThresholds = {
  maxDenseResponseSpecies: 150, maxSparseResponseInputs: 64, maxOnsagerCycles: 20, paramStep: 1e-5,
};

export const RESPONSE_MEANINGS: { readonly [K in keyof ResponseThresholds]: string } = {
  maxDenseResponseSpecies: "largest network (species or states) whose full response, control coefficients and Onsager matrix are computed (dense)",
  maxSparseResponseInputs: "most params and reservoirs of a larger Markov network differentiated with the stationary solve's factors (one left solve each)",
  maxOnsagerCycles: "most independent affinities (cycles or emergent cycles) in the Onsager matrix",
  paramStep: "relative step of the central difference of initial amounts in a param (rate constants and reservoirs are differentiated exactly)",
};

/**
 * The shape of the JSON report (schema ness.report/1, docs/report.schema.json): field names and
 * meanings are those of shared/CLI.md plus additive fields; they never change.
 */
import type { CurrentStatistics, PathAccount, StateCertificate, Structure } from "../../analysis/types.js";
import type { NetworkKind } from "../../network/types.js";

/** A name-keyed map of numbers; `null` where the number is infinite or undefined. */
export type NumberMap = { readonly [name: string]: number | null };
/** A name-keyed map of integer coefficients, zero entries left out. */
export type CoefficientMap = { readonly [name: string]: number };
/** A coefficient map whose entries beyond 2^53 in magnitude are exact decimal strings. */
export type ExactCoefficientMap = { readonly [name: string]: number | string };

export interface JsonReaction {
  readonly id: string;
  readonly equation: string;
  readonly forward: number | null;
  /** Null for a one-way reaction. */
  readonly reverse: number | null;
  readonly labelGiven: boolean;
  /** `file:line` where the reaction is written. */
  readonly at: string;
}

/** The structure's counts and flags, as the analysis gives them. */
type StructureNumbers = Pick<Structure, "species" | "reactions" | "rank" | "complexes" | "linkageClasses" | "strongLinkageClasses"
  | "terminalStrongLinkageClasses" | "deficiency" | "reversible" | "weaklyReversible" | "conservationLawCount" | "cycleCount"
  | "emergentCycles" | "brokenConservationLaws">;

export interface JsonStructure extends StructureNumbers {
  /** Integer basis; an entry beyond 2^53 in magnitude is its exact decimal string. Cut past the listing cap (see notes). */
  readonly conservationLaws: readonly ExactCoefficientMap[];
  /** Σ l_i x_i(0) for each conservation law, same order. */
  readonly conservedTotals: readonly (number | null)[];
  /** Each conservation law as an equation: `A + B = 1`. */
  readonly conservationEquations: readonly string[];
  /** Integer basis of ker S; an entry beyond 2^53 in magnitude is its exact decimal string. Cut past the listing cap (see notes). */
  readonly cycles: readonly ExactCoefficientMap[];
}

export interface JsonViolation {
  readonly cycle: CoefficientMap;
  readonly affinity: number | null;
  readonly words: string;
  /** Reaction ids on the cycle, in the order of `words`. */
  readonly reactions: readonly string[];
  /** `file:line` of each of those reactions. */
  readonly at: readonly string[];
  /** How the cycle was decided, and the double-precision bound B_c (k_B T) when one was used. */
  readonly decision?: { readonly method: string; readonly bound: number | null };
  /** The smallest uniform relative change of the cycle's rate constants that closes it (e^δ − 1); null through a one-way reaction. */
  readonly relativeChange?: number | null;
  /** The largest |A| that rounding the written constants could cause (k_B T). */
  readonly roundingAffinity?: number | null;
  /** |A| ≤ roundingAffinity: the digits the constants are written with explain the violation. */
  readonly explainedByRounding?: boolean;
}

export interface JsonDetailedBalance {
  readonly holds: boolean;
  /** holds, fails, or undecided (some cycle could be decided neither way; never counted as holding). */
  readonly verdict: "holds" | "fails" | "undecided";
  /** "exact" when every cycle was decided exactly or by construction, else "tolerance" (kept for compatibility). */
  readonly method: "exact" | "tolerance";
  /** The largest double-precision rounding bound B_c used, in k_B T (not a relative tolerance); null when none. */
  readonly tolerance: number | null;
  /** Basis cycles decided by each method. */
  readonly decided: { readonly [method: string]: number };
  /** How many cycles are undecided. */
  readonly undecided: number;
  /** Edges walked to decide cycles one by one. */
  readonly walkedEdges: number;
  /** True when the user's accepted violation covered at least one driven cycle. */
  readonly toleranceApplied: boolean;
  /** The accepted violation as the run stated it (`0.05 k_B T`, `1% per rate constant`); null when none. */
  readonly acceptedTolerance: string | null;
  /** Opposite one-way reactions treated as one reversible reaction: [forward id, reverse id]. */
  readonly pairs: readonly (readonly [string, string])[];
  readonly oneWay: readonly string[];
  readonly violations: readonly JsonViolation[];
  /** How many basis cycles are driven; more than `violations.length` when only the most driven are listed. */
  readonly violationCount: number;
  /** Driven cycles the user's tolerance accepted, listed like violations. */
  readonly accepted: readonly JsonViolation[];
  /** How many cycles the user's tolerance accepted. */
  readonly acceptedCount: number;
  /** Cycles left undecided (listed, never as holding), with decision.bound. */
  readonly undecidedCycles: readonly JsonViolation[];
  /** True when every violation is explained by the digits its constants are written with; null when there is none. */
  readonly explainedByRounding: boolean | null;
  /** Reactions whose constant alone, multiplied by factor, closes every cycle violated beyond rounding; null when not worked out. */
  readonly culprits: readonly { readonly reaction: string; readonly factor: number | null }[] | null;
  readonly freeEnergies: NumberMap | null;
  readonly equilibriumConstants: NumberMap | null;
}

export interface JsonSteadyState {
  readonly concentrations: NumberMap;
  readonly fluxes: NumberMap;
  readonly forwardRates: NumberMap;
  readonly reverseRates: NumberMap;
  readonly entropyProduction: number | null;
  /** Bound on the rounding error of entropyProduction as computed; null when σ is infinite or no bound is known. */
  readonly entropyProductionBound: number | null;
  readonly stable: boolean | null;
  readonly reached: boolean;
  readonly leadingEigenvalue: number | null;
  /** Every eigenvalue of the Jacobian on the class; null when not computed (stabilityWhy says why). */
  readonly eigenvalues?: { readonly re: readonly number[]; readonly im: readonly number[] } | null;
  readonly stabilityWhy?: string;
  /** The certificate's facts, zero species by name (docs/steady-state.md). */
  readonly certificate?: Omit<StateCertificate, "zeroSpecies"> & { readonly zeroSpecies: readonly string[] };
}

/** How the steady states were found (steadyStateSearch): the method, completeness, the paths, continua and the attractor. */
export interface JsonSteadyStateSearch {
  readonly method: string;
  readonly complete: boolean;
  readonly solver?: string;
  readonly certified?: boolean;
  readonly paths?: PathAccount;
  readonly dimension?: number | null;
  readonly continua?: readonly { readonly dimension: number; readonly extremePoints: readonly NumberMap[]; readonly description: string }[];
  readonly attractor?: { readonly period: number; readonly min: NumberMap; readonly max: NumberMap; readonly mean: NumberMap; readonly meanFluxes: NumberMap; readonly meanEntropyProduction: number | null } | null;
}

export interface JsonCycleCurrent {
  readonly chord: string;
  readonly cycle: CoefficientMap;
  readonly words: string;
  readonly affinity: number | null;
  readonly current: number | null;
}

export interface JsonCurrents {
  readonly tree: readonly string[];
  readonly cycles: readonly JsonCycleCurrent[];
  /** How many cycle currents there are (dim ker S), listed or not. */
  readonly cycleCount: number;
  readonly cycleEntropyProduction: number | null;
}

/** The chemical master equation's part (a report made with --volume): the projection and each species' count law. */
export interface JsonCme {
  readonly volume: number;
  readonly states: number;
  readonly transitions: number;
  readonly bounds: readonly { readonly species: string; readonly cap: number; readonly by: "conservation" | "mass" }[];
  readonly cutMass: number;
  readonly cutFlow: number;
  readonly massTolerance: number;
  /** P(count = k) for k = 0..cap, mean, standard deviation and modes (counts, most probable first). */
  readonly marginals: readonly { readonly species: string; readonly mean: number; readonly sd: number; readonly modes: readonly number[]; readonly probability: readonly number[] }[];
  /** σ of the CME divided by Ω; null when infinite. */
  readonly sigmaPerVolume: number | null;
  /** σ of each deterministic steady state, in the order of the mass-action analysis. */
  readonly deterministicSigma: readonly (number | null)[];
}

export interface JsonReport {
  readonly schema: "ness.report/1";
  readonly title: string;
  readonly source: string;
  readonly kind: NetworkKind;
  readonly species: readonly string[];
  /** Initial amounts (probabilities for a Markov network). */
  readonly initial: NumberMap;
  /** Species whose initial amount ness inferred rather than read from the file. */
  readonly initialInferred: readonly string[];
  readonly reservoirs: NumberMap;
  readonly reactions: readonly JsonReaction[];
  readonly structure: JsonStructure;
  readonly detailedBalance: JsonDetailedBalance;
  readonly steadyStates: readonly JsonSteadyState[];
  readonly steadyStateSearch: JsonSteadyStateSearch;
  readonly currents: JsonCurrents | null;
  /** Every numerical threshold the analyses used, by name. */
  readonly options: { readonly [name: string]: number | string | boolean | null };
  readonly notes: readonly string[];
  /** Present only for a report made with --volume (the CME). */
  readonly cme?: JsonCme;
  /** Current statistics, λ(s), the uncertainty relation, Markov kinetics and linear noise; null without a steady state. */
  readonly fluctuations?: JsonFluctuations | null;
  /** Control coefficients, the Onsager matrix, the Einstein relation and free-energy transduction; null without a steady state. */
  readonly response?: JsonResponse | null;
  /** Present only in a summary (a network past JsonOptions.summaryAbove, without --full): what was cut. */
  readonly listing?: JsonListing;
}

/** How a summarised report lists: the threshold it passed, the exact counts, the listings it cut. */
export interface JsonListing {
  readonly summary: true;
  /** Species plus reactions past which a report is summarised. */
  readonly summaryAbove: number;
  /** Entries each cut listing keeps. */
  readonly entries: number;
  /** How many species (states) and reactions (transitions) the network has. */
  readonly species: number;
  readonly reactions: number;
  /** JSON paths of the listings cut to `entries` (steadyStates[0].fluxes, ...). */
  readonly cut: readonly string[];
  /** The command that lists everything. */
  readonly full: string;
}

/** One counting current's long-time statistics (docs/fluctuations.md). */
/**
 * A current's statistics as the analysis gives them (analysis/fluctuations/types.ts), less how D
 * was computed; `mean` is null where the JSON cannot carry a non-finite number.
 */
export type JsonCurrentStatistics = Omit<CurrentStatistics, "mean" | "method"> & { readonly mean: number | null };

export interface JsonFluctuations {
  readonly currents: readonly JsonCurrentStatistics[];
  readonly entropyProduction: number | null;
  readonly turHolds: boolean | null;
  readonly kinetics: {
    readonly relaxationRates: readonly number[] | null;
    /** The slowest relaxation modes as eigenvalues λ = re + i·im of the generator (complex pairs where the chain is driven). */
    readonly relaxationModes: readonly { readonly re: number; readonly im: number }[] | null;
    /** How the spectrum was computed (dense, or shift-invert Arnoldi), or why not; null past the limits. */
    readonly spectrumMethod: string | null;
    readonly setA: readonly string[];
    readonly setB: readonly string[];
    readonly mfptAB: number | null;
    readonly mfptBA: number | null;
    readonly reactiveFlux: number | null;
    readonly rateAB: number | null;
  } | null;
  /** Covariance of concentrations by species pair at each stable steady state (index into steadyStates). */
  readonly linearNoise: { readonly volume: number; readonly states: readonly { readonly state: number; readonly covariance: { readonly [species: string]: NumberMap }; readonly residual: number }[] } | null;
}

export interface JsonResponse {
  readonly method: string;
  /** ∂ output / ∂ ln input (∂ / ∂ p for a param), per input; omitted (empty) past the listing cap. */
  readonly sensitivities: readonly { readonly input: string; readonly kind: string; readonly entropyProduction: number | null; readonly currents: NumberMap; readonly fluxes: NumberMap; readonly concentrations: NumberMap }[];
  readonly controlCoefficients: {
    readonly flux: { readonly [reaction: string]: NumberMap };
    readonly concentration: { readonly [species: string]: NumberMap };
    readonly fluxSumDefect: number;
    readonly concentrationSumDefect: number;
  } | null;
  readonly onsager: {
    /** "cycle" (a Markov network's cycle affinities) or "emergent" (a chemostatted network's emergent cycles). */
    readonly affinities: "cycle" | "emergent";
    readonly cycles: readonly string[];
    /** Emergent cycles: what one turn exchanges with the reservoirs, and the cycles' affinities (k_B T) and currents. */
    readonly exchanges?: readonly string[];
    readonly affinity?: readonly (number | null)[];
    readonly current?: readonly (number | null)[];
    readonly matrix: readonly (readonly (number | null)[])[];
    readonly asymmetry: number;
    readonly equilibrium: boolean;
  } | null;
  readonly einstein: readonly { readonly force: string; readonly current: string; readonly mobility: number | null; readonly diffusion: number | null; readonly effectiveTemperature: number | null; readonly kT: number }[];
  readonly transduction: {
    readonly drives: readonly { readonly words: string; readonly exchange: string; readonly affinity: number | null; readonly current: number | null; readonly power: number | null }[];
    readonly efficiency: number | null;
    readonly ratio: { readonly output: string; readonly input: string; readonly value: number | null } | null;
  } | null;
}

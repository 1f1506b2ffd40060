/**
 * The shape of the JSON report (schema ness.report/1, docs/report.schema.json): field names and
 * meanings are those of shared/CLI.md plus additive fields; they never change.
 */
import type { NetworkKind } from "../../network/types.js";

/** A name-keyed map of numbers; `null` where the number is infinite or undefined. */
export type NumberMap = { readonly [name: string]: number | null };
/** A name-keyed map of integer coefficients, zero entries left out. */
export type CoefficientMap = { readonly [name: string]: number };

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

export interface JsonStructure {
  readonly species: number;
  readonly reactions: number;
  readonly rank: number;
  readonly complexes: number;
  readonly linkageClasses: number;
  readonly strongLinkageClasses: number;
  readonly terminalStrongLinkageClasses: number;
  readonly deficiency: number;
  readonly reversible: boolean;
  readonly weaklyReversible: boolean;
  readonly conservationLaws: readonly CoefficientMap[];
  /** Σ l_i x_i(0) for each conservation law, same order. */
  readonly conservedTotals: readonly (number | null)[];
  /** Each conservation law as an equation: `A + B = 1`. */
  readonly conservationEquations: readonly string[];
  readonly cycles: readonly CoefficientMap[];
  readonly emergentCycles: number;
  readonly brokenConservationLaws: number;
}

export interface JsonViolation {
  readonly cycle: CoefficientMap;
  readonly affinity: number | null;
  readonly words: string;
  /** Reaction ids on the cycle, in the order of `words`. */
  readonly reactions: readonly string[];
  /** `file:line` of each of those reactions. */
  readonly at: readonly string[];
}

export interface JsonDetailedBalance {
  readonly holds: boolean;
  readonly method: "exact" | "tolerance";
  readonly tolerance: number | null;
  readonly oneWay: readonly string[];
  readonly violations: readonly JsonViolation[];
  /** How many basis cycles are driven; more than `violations.length` when only the most driven are listed. */
  readonly violationCount: number;
  readonly freeEnergies: NumberMap | null;
  readonly equilibriumConstants: NumberMap | null;
}

export interface JsonSteadyState {
  readonly concentrations: NumberMap;
  readonly fluxes: NumberMap;
  readonly forwardRates: NumberMap;
  readonly reverseRates: NumberMap;
  readonly entropyProduction: number | null;
  readonly stable: boolean | null;
  readonly reached: boolean;
  readonly leadingEigenvalue: number | null;
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
  readonly cycleEntropyProduction: number | null;
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
  readonly steadyStateSearch: { readonly method: string; readonly complete: boolean };
  readonly currents: JsonCurrents | null;
  /** Every numerical threshold the analyses used, by name. */
  readonly options: { readonly [name: string]: number | string | boolean | null };
  readonly notes: readonly string[];
}

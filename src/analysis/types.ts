/**
 * What the analyses return. Plain immutable data; vectors are dense arrays indexed like the
 * network's species (or states) and reactions. Emitters in `src/report/` turn these into text.
 */
import type { Network } from "../network/types.js";

/** A dense integer vector (small entries; exact). */
export type IntVector = readonly number[];

export interface ConservationLaw {
  /** Coefficient per internal species. */
  readonly vector: IntVector;
  /** Σ l_i x_i(0) from the initial amounts. */
  readonly total: number;
  /** As a person reads it: `A + B = 1`. */
  readonly equation: string;
}

export interface Structure {
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
  /** For each linkage class, its complexes' indices. */
  readonly linkageClassMembers: readonly (readonly number[])[];
  readonly conservationLaws: readonly ConservationLaw[];
  /** Integer basis of ker S (internal rows), entries per reaction. */
  readonly cycles: readonly IntVector[];
  /** dim ker S − dim ker [S; S_reservoirs]. */
  readonly emergentCycles: number;
  /** Conservation laws of the closed system (internal and reservoir rows) that holding the reservoirs fixed breaks. */
  readonly brokenConservationLaws: number;
}

export interface Violation {
  /** Coefficient per reaction. */
  readonly cycle: IntVector;
  /** Affinity in k_B T (LANGUAGE.md). */
  readonly affinity: number;
  /** `A -> B -> C -> A` for a Markov cycle, `r1 + r2 - 2 r3` for mass action. */
  readonly words: string;
  /** Reaction indices on the cycle, in order of the words. */
  readonly reactions: readonly number[];
}

export interface DetailedBalance {
  readonly holds: boolean;
  /** How the verdict was reached: exact rational comparison, or floating point with `tolerance`. */
  readonly method: "exact" | "tolerance";
  /** Relative tolerance used when method is "tolerance". */
  readonly tolerance: number | null;
  /** One-way reactions (indices): never balanced. */
  readonly oneWay: readonly number[];
  /** Cycles of the basis whose affinity is not zero; the most driven first. */
  readonly violations: readonly Violation[];
  /** How many basis cycles violate it; above `violations.length` when only the most driven are listed. */
  readonly violationCount?: number;
  /** When it holds: free energy of each species/state in k_B T, up to a constant per class. */
  readonly freeEnergies: readonly number[] | null;
  /** When it holds: each reaction's equilibrium constant kf/kr (reservoirs folded in). */
  readonly equilibriumConstants: readonly number[] | null;
}

export interface SteadyState {
  readonly concentrations: readonly number[];
  /** Net flux per reaction: forward minus reverse rate. */
  readonly fluxes: readonly number[];
  readonly forwardRates: readonly number[];
  readonly reverseRates: readonly number[];
  /** k_B per time; null when infinite (a one-way reaction carries flux); see notes. */
  readonly entropyProduction: number | null;
  /** Null when stability could not be decided. */
  readonly stable: boolean | null;
  /** The state the dynamics reach from the initial amounts. */
  readonly reached: boolean;
  /** Largest real part of the Jacobian's eigenvalues on the compatibility class. */
  readonly leadingEigenvalue: number | null;
}

export interface CycleCurrent {
  /** The chord that closes this fundamental cycle. */
  readonly chord: number;
  readonly cycle: IntVector;
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

export interface Analysis {
  readonly network: Network;
  readonly structure: Structure;
  readonly detailedBalance: DetailedBalance;
  readonly steadyStates: SteadyStates;
  /** Decomposition at the first (reached) steady state, when there is one. */
  readonly currents: Currents | null;
  /** Why a number is null, what was inferred, which verdicts are approximate. */
  readonly notes: readonly string[];
}

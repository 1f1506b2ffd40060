/**
 * The Network IR: what a compiled network file is. Immutable plain data, built once by
 * `src/compile/`, read by every analysis. Names are keys of Maps, never of plain objects, so
 * `__proto__` or `constructor` are ordinary species names.
 */
import type { Span } from "../diagnostics.js";
import type { Rational } from "../numeric/exact/rational.js";

export type NetworkKind = "mass-action" | "markov";

/** An internal species (mass action) or a state (Markov). */
export interface Species {
  readonly name: string;
  readonly index: number;
  /** Initial amount; for a Markov network the normalised initial probability. */
  readonly initial: number;
  /** True when the file gave the amount; false when ness inferred it (0, or uniform). */
  readonly initialGiven: boolean;
  readonly span: Span;
}

/** A species held at a fixed concentration by the surroundings (chemostat). */
export interface Reservoir {
  readonly name: string;
  readonly index: number;
  readonly value: number;
  /** The value exactly, when it is a rational expression of decimal literals. */
  readonly exact: Rational | null;
  /** ∂value/∂p for each param p its expression depends on (as for `RateConstant.sensitivity`). */
  readonly sensitivity?: ReadonlyMap<string, number>;
  readonly span: Span;
}

/** `coefficient` copies of species (or reservoir) `index`. */
export interface Term {
  readonly index: number;
  readonly coefficient: number;
}

/** A rate constant: its double value, exact value when rational, and where it was written. */
export interface RateConstant {
  readonly value: number;
  /** The value exactly, when it is a rational expression of decimal literals; else null. */
  readonly exact: Rational | null;
  /**
   * Whether `exact` is non-null, when known without computing it: a decimal literal's exact value
   * is only worked out when an exact verdict asks for it (see `LiteralRate`).
   */
  readonly rational?: boolean;
  /**
   * ∂value/∂p for each param p the written expression depends on (forward-mode derivative of the
   * expression as compiled, exact up to rounding); absent or empty when it depends on no param.
   */
  readonly sensitivity?: ReadonlyMap<string, number>;
  readonly span: Span;
}

export interface Reaction {
  /** The label, or `R<n>` (1-based position among all reactions) when none was written. */
  readonly id: string;
  readonly labelGiven: boolean;
  readonly index: number;
  /** Internal species consumed and produced (a species on both sides appears in both). */
  readonly reactants: readonly Term[];
  readonly products: readonly Term[];
  /** Reservoir species consumed and produced. */
  readonly reservoirReactants: readonly Term[];
  readonly reservoirProducts: readonly Term[];
  /** Indices into `Network.complexes` of the internal-species complexes. */
  readonly reactantComplex: number;
  readonly productComplex: number;
  readonly forward: RateConstant;
  /** Null for a one-way (`->`) reaction. */
  readonly reverse: RateConstant | null;
  /** As the user would write it: `A + ATP <-> B + ADP`. */
  readonly equation: string;
  readonly span: Span;
}

/** A complex seen by the internal species: a multiset of species, sorted by species index. */
export interface Complex {
  readonly index: number;
  readonly terms: readonly Term[];
  /** `0` for the empty complex, else `2 A + B`. */
  readonly label: string;
}

/**
 * A violation of detailed balance the user accepts: cycles whose affinity is at most `value` k_B T
 * (`affinity`), or that a uniform relative change of at most `value` (a fraction: 0.01 is 1%) of
 * the rate constants on the cycle would close (`relative`).
 */
export interface AcceptedViolation {
  readonly kind: "affinity" | "relative";
  readonly value: number;
}

/**
 * Free energies a file declared (thermodynamics by construction), in k_B T. A reaction built from
 * them has ln(kf/kr) = −Σ_i S_ir G°_i − Σ_Y S_Yr G°_Y as real numbers, so a cycle c of such
 * reactions has affinity −Σ_Y (S_res c)_Y μ_Y with μ_Y = G°_Y + ln[Y]: zero exactly unless the
 * reservoirs drive it.
 */
export interface Thermodynamics {
  /** Standard free energy G°_i per internal species or state; NaN where none was declared. */
  readonly species: readonly number[];
  /** Standard free energy G°_Y per reservoir; NaN where none was declared. */
  readonly reservoirs: readonly number[];
  /** Per reaction: true when its rate constants were derived from these energies. */
  readonly constructed: readonly boolean[];
}

export type AssertTarget =
  | {
      readonly kind: "detailed-balance";
      readonly negated: boolean;
      /** `assert detailed_balance within 0.05` (k_B T) or `within 1%`; null when none. */
      readonly within?: AcceptedViolation | null;
    }
  | {
      readonly kind: "compare";
      readonly quantity: Quantity;
      readonly op: "<" | "<=" | ">" | ">=" | "=" | "!=";
      readonly value: number;
      /** For `=`: the absolute tolerance written after `+-`; 0 when none. */
      readonly tolerance: number;
      /** `assert steady_states = 3 at s = 1.2`: evaluated with these values; empty when none. */
      readonly at?: readonly ParameterValue[];
    }
  /** `assert tur`: every measured current satisfies the uncertainty relation D σ / J² ≥ 1. */
  | { readonly kind: "tur"; readonly negated: boolean }
  /** `assert onsager`: the Onsager matrix at the steady state is symmetric (within rounding). */
  | { readonly kind: "onsager"; readonly negated: boolean }
  /**
   * `assert bistable s from 1 to 2`: at every value of the param or reservoir `param` in
   * [from, to] the network has at least two stable steady states.
   */
  | { readonly kind: "bistable"; readonly negated: boolean; readonly param: string; readonly from: number; readonly to: number };

/** A measured quantity an assert can compare. Reaction and species refs are indices. */
export type Quantity =
  | { readonly kind: "flux"; readonly reaction: number }
  | { readonly kind: "conc"; readonly species: number }
  | { readonly kind: "entropy-production" }
  | { readonly kind: "steady-states" }
  /** `steady_state_dimension`: the dimension of the set of steady states (0 for isolated points). */
  | { readonly kind: "steady-state-dimension" }
  /**
   * A statistic of a measured current (`mean(steps)`, `diffusion(steps)`, `fano(steps)`,
   * `velocity(steps)`, `randomness(steps)`, `uncertainty_ratio(steps)`); `current` indexes
   * `Network.currents`.
   */
  | { readonly kind: "current-statistic"; readonly statistic: CurrentStatistic; readonly current: number };

export type CurrentStatistic = "mean" | "diffusion" | "fano" | "velocity" | "randomness" | "uncertainty-ratio";

/**
 * `current steps = R1 + R2 step 36 nm`: a current to measure, the weighted count of reaction
 * (transition) events: each forward event of reaction `reaction` adds `weight`, each reverse
 * event subtracts it. `step` is the length one unit of the current moves (a motor's step).
 */
export interface MeasuredCurrent {
  readonly name: string;
  readonly weights: readonly { readonly reaction: number; readonly weight: number }[];
  readonly step: { readonly value: number; readonly unit: string | null } | null;
  readonly span: Span;
}

/**
 * `force F on steps kT 4.114`: the param `F` is a mechanical force conjugate to the current
 * `steps` (the work per unit of current is F × step), for the Einstein relation D = μ k_BT;
 * `kT` is the thermal energy in the units of F × step (null when not given: then k_BT = 1).
 */
export interface Force {
  readonly param: string;
  readonly value: number;
  /** Index into `Network.currents`. */
  readonly current: number;
  readonly kT: number | null;
  readonly span: Span;
}

/** `at F = 2, ATP = 1e-3` after an assert: evaluate it with these param or reservoir values. */
export interface ParameterValue {
  readonly name: string;
  readonly value: number;
}

export interface Assert {
  readonly target: AssertTarget;
  /** The assert as written, for messages. */
  readonly text: string;
  readonly span: Span;
}

/** The state graph of a Markov network as parallel typed arrays: transition r goes from[r] → to[r]. */
export interface MarkovEdges {
  readonly states: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** 1 when the transition is two-way. */
  readonly twoWay: Uint8Array;
}

/**
 * The reactions' numbers one typed array per field, computed once when the network is built, so
 * that loops over 10^5–10^6 reactions read no object per reaction and no analysis computes them
 * again. Shared by every reader: read-only, never written (copy before changing).
 */
export interface ReactionColumns {
  /** κ⁺_r = k⁺_r Π_Y [Y]^α_Yr, the forward rate constant with the reservoirs folded in. */
  readonly forward: Float64Array;
  /** κ⁻_r = k⁻_r Π_Y [Y]^β_Yr; 0 for a one-way reaction. */
  readonly reverse: Float64Array;
  /**
   * The transitions from state to state, when every reaction takes one species (state) once to
   * another once (every Markov network); null otherwise.
   */
  readonly edges: MarkovEdges | null;
}

export interface Network {
  readonly title: string | null;
  /** The file it came from, as given on the command line. */
  readonly source: string;
  readonly kind: NetworkKind;
  readonly species: readonly Species[];
  readonly reservoirs: readonly Reservoir[];
  readonly reactions: readonly Reaction[];
  readonly complexes: readonly Complex[];
  readonly asserts: readonly Assert[];
  /** Declared free energies and the reactions built from them; null when the file declares none. */
  readonly thermodynamics: Thermodynamics | null;
  /** `volume Ω`: the system size (molecules per unit concentration); null when not given. */
  readonly volume: number | null;
  /** `current NAME = ...` statements, in file order (empty when none). */
  readonly currents: readonly MeasuredCurrent[];
  /** `force F on CURRENT` statements (empty when none). */
  readonly forces: readonly Force[];
  /** Every param's value by name, in file order (for scans, response and forces). */
  readonly params: ReadonlyMap<string, number>;
  readonly speciesIndex: ReadonlyMap<string, number>;
  readonly reservoirIndex: ReadonlyMap<string, number>;
  readonly reactionIndex: ReadonlyMap<string, number>;
  /** The reactions' effective rate constants and state graph as typed arrays (read-only). */
  readonly columns: ReactionColumns;
}

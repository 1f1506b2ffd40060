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
    };

/** A measured quantity an assert can compare. Reaction and species refs are indices. */
export type Quantity =
  | { readonly kind: "flux"; readonly reaction: number }
  | { readonly kind: "conc"; readonly species: number }
  | { readonly kind: "entropy-production" }
  | { readonly kind: "steady-states" };

export interface Assert {
  readonly target: AssertTarget;
  /** The assert as written, for messages. */
  readonly text: string;
  readonly span: Span;
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
  readonly speciesIndex: ReadonlyMap<string, number>;
  readonly reservoirIndex: ReadonlyMap<string, number>;
  readonly reactionIndex: ReadonlyMap<string, number>;
}

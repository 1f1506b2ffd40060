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

export type AssertTarget =
  | { readonly kind: "detailed-balance"; readonly negated: boolean }
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
  readonly speciesIndex: ReadonlyMap<string, number>;
  readonly reservoirIndex: ReadonlyMap<string, number>;
  readonly reactionIndex: ReadonlyMap<string, number>;
}

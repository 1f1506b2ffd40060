/**
 * The AST of a network file. Every node carries the span of the text it came from, so every
 * later diagnostic can point at what the user wrote.
 */
import type { Span } from "../diagnostics.js";

export type Expr =
  | { readonly kind: "number"; readonly text: string; readonly span: Span }
  | { readonly kind: "name"; readonly name: string; readonly span: Span }
  | { readonly kind: "unary"; readonly op: "-" | "+"; readonly operand: Expr; readonly span: Span }
  | {
      readonly kind: "binary";
      readonly op: "+" | "-" | "*" | "/" | "^";
      readonly left: Expr;
      readonly right: Expr;
      /** The operator's own span, where a division by zero is reported. */
      readonly opSpan: Span;
      readonly span: Span;
    }
  | { readonly kind: "call"; readonly callee: string; readonly calleeSpan: Span; readonly args: readonly Expr[]; readonly span: Span };

export interface Identifier {
  readonly name: string;
  readonly span: Span;
}

/** `NAME` or `NAME = EXPR` in a declaration list. */
export interface Declarator {
  readonly id: Identifier;
  readonly value: Expr | null;
  readonly span: Span;
}

export interface ReactionTerm {
  /** The coefficient as written, or null when none was written (meaning 1). */
  readonly coefficient: { readonly text: string; readonly span: Span } | null;
  readonly species: Identifier;
  readonly span: Span;
}

export interface Side {
  /** Empty for the empty complex `0`. */
  readonly terms: readonly ReactionTerm[];
  /** Set when the side was written `0`. */
  readonly zero: Span | null;
  /** A number standing without a species where a term should be (`2 + A`, `5 -> B`): a mistake. */
  readonly stray: { readonly text: string; readonly span: Span } | null;
  readonly span: Span;
}

/** `barrier EXPR` or `prefactor EXPR` after `@`: a rate constant derived from declared energies. */
export interface ThermoRate {
  readonly word: "barrier" | "prefactor";
  readonly wordSpan: Span;
  readonly value: Expr;
  readonly span: Span;
}

/** `2 R1` or `-R3` in a `current` statement: a reaction label with its weight. */
export interface CurrentTerm {
  readonly sign: 1 | -1;
  readonly coefficient: { readonly text: string; readonly span: Span } | null;
  readonly reaction: Identifier;
  readonly span: Span;
}

export type Statement =
  | { readonly kind: "network"; readonly title: string; readonly span: Span }
  /** `volume 50`: the system size Ω. */
  | { readonly kind: "volume"; readonly keyword: Span; readonly value: Expr; readonly span: Span }
  | {
      /** `current steps = R1 + R2 - 2 R3 step 36 nm`: a weighted count of reaction events. */
      readonly kind: "current";
      readonly keyword: Span;
      readonly name: Identifier;
      readonly terms: readonly CurrentTerm[];
      readonly step: { readonly keyword: Span; readonly value: Expr; readonly unit: Identifier | null } | null;
      readonly span: Span;
    }
  | {
      /** `force F on steps kT 4.114`: the param F is the force conjugate to the current. */
      readonly kind: "force";
      readonly keyword: Span;
      readonly param: Identifier;
      readonly current: Identifier;
      readonly kT: Expr | null;
      readonly span: Span;
    }
  | {
      /** `energy A = 0, B = -1.5`: standard free energies G° in k_B T (species, states, reservoirs). */
      readonly kind: "energy";
      readonly keyword: Span;
      readonly declarators: readonly Declarator[];
      readonly span: Span;
    }
  | {
      readonly kind: "declare";
      /** The keyword as written: `param`, `species`, `state`, `reservoir` or `chemostat`. */
      readonly keyword: "param" | "species" | "state" | "reservoir" | "chemostat";
      readonly declarators: readonly Declarator[];
      readonly span: Span;
    }
  | {
      readonly kind: "reaction";
      readonly label: Identifier | null;
      readonly lhs: Side;
      readonly arrow: { readonly text: string; readonly span: Span };
      readonly rhs: Side;
      readonly at: Span;
      /** The plain rate constants (forward, then reverse). */
      readonly rates: readonly Expr[];
      /** `@ barrier 2 prefactor 10`: the constants follow from energies (empty for plain rates). */
      readonly thermo?: readonly ThermoRate[];
      readonly span: Span;
    }
  | {
      readonly kind: "assert";
      readonly negated: boolean;
      readonly subject: Expr;
      /** `within VALUE [UNIT] [%]`: the violation of detailed balance the assert accepts. */
      readonly within: {
        readonly keyword: Span;
        readonly value: Expr;
        readonly unit: Identifier | null;
        readonly percent: Span | null;
        readonly span: Span;
      } | null;
      readonly comparison: {
        readonly op: string;
        readonly opSpan: Span;
        readonly value: Expr;
        readonly tolerance: Expr | null;
      } | null;
      /** `bistable s from 1 to 2`: the range of a param or reservoir value. */
      readonly range?: { readonly param: Identifier; readonly from: Expr; readonly to: Expr; readonly span: Span } | null;
      /** `at s = 1.2, ATP = 1e-3`: values to evaluate the assert with (empty when none). */
      readonly at?: readonly Declarator[];
      readonly span: Span;
    };

export interface Program {
  readonly file: string;
  readonly statements: readonly Statement[];
}

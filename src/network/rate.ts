/**
 * A rate constant written as a decimal literal. Its exact rational value costs BigInt work, and a
 * file of 10^5 reactions has 10^5 literals, most of whose exact values no analysis ever asks for
 * (an exact verdict walks only some cycles), so it is worked out on first use and kept.
 */
import type { Span } from "../diagnostics.js";
import { parseDecimal, type Rational } from "../numeric/exact/rational.js";
import type { RateConstant } from "./types.js";

/** Literals longer than this are not kept exact, wherever they are written (see compile/evaluate). */
export const MAX_EXACT_LITERAL = 400;

export class LiteralRate implements RateConstant {
  readonly rational: boolean;
  #exact: Rational | null | undefined;

  constructor(
    readonly value: number,
    /** The literal as written: `1.5`, `2e-3`. */
    readonly text: string,
    readonly span: Span,
  ) {
    this.rational = text.length <= MAX_EXACT_LITERAL;
    Object.freeze(this);
  }

  get exact(): Rational | null {
    if (this.#exact === undefined) this.#exact = this.rational ? (parseDecimal(this.text) ?? null) : null;
    return this.#exact;
  }
}

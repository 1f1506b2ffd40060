/**
 * Decimal literals: which are exact rationals, and the rate constant written as one.
 *
 * The literal rule (docs/language.md): a literal with at most MAX_EXACT_SIGNIFICANT_DIGITS (15)
 * significant digits is the exact rational it spells; one with more (16–17 are what printing a
 * double with `repr` gives: `0.36787944117144233`, `2.718281828459045`) is that double, inexact.
 * Significant digits are the mantissa's digits from the first non-zero to the last non-zero:
 * leading and trailing zeros and the exponent do not count (`0.00150e3` has 2).
 *
 * A rate constant's exact value costs BigInt work, and a file of 10^5 reactions has 10^5
 * literals, most of whose exact values no analysis ever asks for (an exact verdict walks only
 * some cycles), so LiteralRate works it out on first use and keeps it.
 */
import type { Span } from "../diagnostics.js";
import { parseDecimal, type Rational } from "../numeric/exact/rational.js";
import type { RateConstant } from "./types.js";

/**
 * Every decimal with at most 15 significant digits round-trips through a double (DBL_DIG = 15),
 * so up to 15 digits the writer chose them; 16 or 17 are what a printed double carries.
 */
export const MAX_EXACT_SIGNIFICANT_DIGITS = 15;

/** The significant digits of a decimal literal's mantissa (before any `e`): first to last non-zero; of text[start, end) when given. */
export function significantDigits(text: string, start = 0, end = text.length): number {
  let first = -1, last = -1, digits = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 101 || c === 69) break; // e E
    if (c < 48 || c > 57) continue; // the point, a sign
    digits++;
    if (c !== 48) {
      if (first < 0) first = digits;
      last = digits;
    }
  }
  return first < 0 ? 0 : last - first + 1;
}

/** The literal rule: whether a decimal literal stands for an exact rational (see module comment). */
export function isExactLiteral(text: string): boolean {
  return significantDigits(text) <= MAX_EXACT_SIGNIFICANT_DIGITS;
}

/** Where a line starts in its file (syntax's `Where`, restated: network/ sits below syntax/). */
export interface LineStart {
  readonly file: string;
  readonly line: number;
  readonly lineStart: number;
}

/**
 * A rate constant written as a decimal literal. Its exact value, and for one made by `at` its
 * span, are worked out on first read and kept (a file of 10^5 reactions holds 2·10^5 of these, and
 * most spans are only read to point at a line in a message); both read as fields.
 */
export class LiteralRate implements RateConstant {
  readonly rational: boolean;
  #exact: Rational | null | undefined;
  #span: Span | undefined;
  /** The line, or a span on it (the reaction's: then no object of its own is kept for the line). */
  readonly #where: LineStart | Span | undefined;
  readonly #column: number;

  constructor(
    readonly value: number,
    /** The literal as written: `1.5`, `2e-3`. */
    readonly text: string,
    span: Span | undefined,
    where?: LineStart | Span,
    column0 = 0,
  ) {
    this.rational = isExactLiteral(text);
    this.#span = span;
    this.#where = where;
    this.#column = column0;
    Object.freeze(this);
  }

  /**
   * The literal `text` at 0-based column `column0` of the line `where`, or of the line a span
   * `where` is on (its span made when read).
   */
  static at(value: number, text: string, where: LineStart | Span, column0: number): LiteralRate {
    return new LiteralRate(value, text, undefined, where, column0);
  }

  get span(): Span {
    if (this.#span === undefined) {
      const w = this.#where!;
      const lineStart = "lineStart" in w ? w.lineStart : w.offset - w.column + 1;
      this.#span = { file: w.file, offset: lineStart + this.#column, line: w.line, column: this.#column + 1, length: this.text.length };
    }
    return this.#span;
  }

  get exact(): Rational | null {
    if (this.#exact === undefined) this.#exact = this.rational ? (parseDecimal(this.text) ?? null) : null;
    return this.#exact;
  }
}

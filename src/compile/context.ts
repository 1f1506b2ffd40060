/**
 * What one compilation remembers while it reads a file: the exact values of the short decimal
 * literals it has met, and the shared one-species sides of its reactions. Created by `compile()`
 * and dropped with it, so nothing survives from one file to the next.
 */
import * as Q from "../numeric/exact/rational.js";
import type { Term } from "../network/types.js";

/** How many distinct short literals one compilation remembers before starting over. */
const MAX_REMEMBERED_LITERALS = 10_000;
/** Literals longer than this (full-precision doubles) rarely repeat, so they are not remembered. */
const MAX_REMEMBERED_LENGTH = 8;

/** The one empty side shared by every reaction without reservoirs (immutable, so shareable). */
export const NO_TERMS: Term[] = Object.freeze([]) as unknown as Term[];

export class CompileContext {
  readonly #decimals = new Map<string, Q.Rational | undefined>();
  readonly #singles: (readonly Term[])[] = [];

  /**
   * The exact value of a decimal literal. Short literals (`1`, `0.5`, `1e-3`) repeat a lot in
   * large files and parsing one exactly costs BigInt work, so they are remembered.
   */
  decimal(text: string): Q.Rational | undefined {
    if (text.length > MAX_REMEMBERED_LENGTH) return Q.parseDecimal(text);
    if (this.#decimals.has(text)) return this.#decimals.get(text);
    const q = Q.parseDecimal(text);
    if (this.#decimals.size >= MAX_REMEMBERED_LITERALS) this.#decimals.clear();
    this.#decimals.set(text, q);
    return q;
  }

  /**
   * Sides are immutable, so the common ones are shared: no terms, or one species once (every
   * jump of a Markov network). A file of 10^5–10^6 reactions then holds far fewer objects.
   */
  side(terms: Term[]): Term[] {
    if (terms.length === 0) return NO_TERMS;
    const [only] = terms;
    if (terms.length > 1 || only === undefined || only.coefficient !== 1) return terms;
    return this.single(only.index);
  }

  /** The shared side of species (or reservoir) `i` once. */
  single(i: number): Term[] {
    return (this.#singles[i] ??= Object.freeze([Object.freeze({ index: i, coefficient: 1 })])) as Term[];
  }
}

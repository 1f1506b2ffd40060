/**
 * Rewriting a network file in place: new values for some rate constants, spliced into the text
 * at the spans the IR keeps (`RateConstant.span`), with a trailing comment on each changed line.
 * Everything else (layout, comments, declarations, other constants) is left byte for byte.
 * `ness repair` writes its output with this; an editor's code action could too.
 */
import type { Span } from "../diagnostics.js";
import { significantDigits, MAX_EXACT_SIGNIFICANT_DIGITS } from "../network/rate.js";

/** One constant to replace: where it was written, the literal to write there, and what to say. */
export interface ConstantEdit {
  /** The span of the constant as written (a literal, a param's name, or an expression). */
  readonly span: Span;
  /** The literal that replaces it. */
  readonly text: string;
  /** What the line's trailing comment says about this change: `kf 2.0 → 1.99 (×0.995)`. */
  readonly note: string;
}

/**
 * `text` with every edit's span replaced by its literal, and `  # WORD: note, note` appended to
 * each line holding an edit (after any comment already there). Edits must not overlap.
 *
 *   spliceConstants("r1: A <-> B @ 2.0, 1\n", [{ span: spanOf("2.0"), text: "1.9", note: "kf 2.0 → 1.9" }])
 *   // "r1: A <-> B @ 1.9, 1  # repaired: kf 2.0 → 1.9\n"
 */
export function spliceConstants(text: string, edits: readonly ConstantEdit[], word = "repaired"): string {
  const sorted = [...edits].sort((a, b) => a.span.offset - b.span.offset);
  const notes = new Map<number, string[]>(); // line end offset → notes of that line
  for (const e of sorted) {
    const end = lineEnd(text, e.span.offset + e.span.length);
    const list = notes.get(end);
    if (list) list.push(e.note);
    else notes.set(end, [e.note]);
  }
  const out: string[] = [];
  let at = 0;
  const flushTo = (offset: number): void => {
    // copy up to `offset`, appending the comments of the line ends passed on the way
    for (const [end, list] of notes) {
      if (end < at || end > offset) continue;
      out.push(text.slice(at, end), `  # ${word}: ${list.join(", ")}`);
      at = end;
      notes.delete(end);
    }
    out.push(text.slice(at, offset));
    at = offset;
  };
  for (const e of sorted) {
    if (e.span.offset < at) throw new Error(`overlapping constant edits at offset ${e.span.offset}`);
    flushTo(e.span.offset);
    out.push(e.text);
    at = e.span.offset + e.span.length;
  }
  flushTo(text.length);
  return out.join("");
}

/** The offset of the end of the line holding `offset` (its `\r` or `\n`, or the end of the text). */
function lineEnd(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/**
 * A double as a literal that reads back as exactly that double under the literal rule
 * (docs/language.md): the shortest decimal that round-trips, unless it has at most 15
 * significant digits and is not the double's exact value (then it would be read as the exact
 * rational it spells, a different number): then 17 significant digits, which round-trip and are read
 * as the double.
 *
 *   formatDouble(0.5)                 // "0.5" (exactly 1/2)
 *   formatDouble(0.1)                 // "0.10000000000000001" (0.1 would be read as exactly 1/10)
 *   formatDouble(2 ** (1 / 6))        // "1.122462048309373"
 */
export function formatDouble(x: number): string {
  const shortest = String(x);
  if (significantDigits(shortest) > MAX_EXACT_SIGNIFICANT_DIGITS || isExactDecimal(x, shortest)) return shortest;
  // 17 digits round-trip; more only in the rare case their significant digits stop by the 15th
  for (let p = 17; p < 100; p++) {
    const s = x.toPrecision(p);
    if (significantDigits(s) > MAX_EXACT_SIGNIFICANT_DIGITS) return s;
  }
  return x.toPrecision(100);
}

/** Whether the decimal `text` (which round-trips to x) is x's exact value. */
function isExactDecimal(x: number, text: string): boolean {
  const m = /^(\d*)\.?(\d*)(?:e([+-]?\d+))?$/.exec(text);
  if (!m || !Number.isFinite(x)) return false;
  const fraction = m[2] ?? "";
  const decimals = fraction.length - Number(m[3] ?? 0);
  if (decimals <= 0) return Number.isInteger(x) && BigInt(x) === BigInt(`${m[1] ?? ""}${fraction}`) * 10n ** BigInt(-decimals);
  // x = n / 2^j exactly (j binary places); it has a finite decimal of k places iff j ≤ k, and that
  // decimal rounds to x, so the shortest one that round-trips is it exactly iff j ≤ its places
  let j = 0;
  for (let y = x; !Number.isInteger(y); y *= 2) j++;
  return j <= decimals;
}

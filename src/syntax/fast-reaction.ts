/**
 * The fast path's reaction line, `[LABEL:] TERMS ARROW TERMS @ RATE [, RATE]` (each RATE a number
 * or a name), scanned into offsets without building anything: a ReactionShape holds where each
 * part is (columns of the line), and is reused from line to line. `reactionStatement` turns a
 * shape into exactly the AST chevrotain builds (spans included); the compiler may instead lower a
 * shape directly (compile/fast-reaction.ts), so a large generated file makes no per-token objects.
 */
import type { Span } from "../diagnostics.js";
import type { Expr, Identifier, ReactionTerm, Side, Statement } from "./ast.js";
import { KEYWORD_WORDS } from "./keywords.js";
import type { Where } from "./visitor.js";

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isNameStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff;

const KEYWORDS: readonly string[] = [...KEYWORD_WORDS];

/** End of a name `[A-Za-z_][A-Za-z0-9_]*` starting at `at`, or -1 (the lexer's Name token). */
export function scanName(t: string, at: number): number {
  if (!isNameStart(t.charCodeAt(at))) return -1;
  let i = at + 1;
  for (let c = t.charCodeAt(i); isNameStart(c) || isDigit(c); c = t.charCodeAt(++i));
  return i;
}

/** End of a number `(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?` starting at `at`, or -1 (the lexer's NumberLiteral). */
export function scanNumber(t: string, at: number): number {
  let i = at;
  while (isDigit(t.charCodeAt(i))) i++;
  if (i > at) {
    if (t.charCodeAt(i) === 46) for (i++; isDigit(t.charCodeAt(i)); i++);
  } else {
    if (t.charCodeAt(i) !== 46 || !isDigit(t.charCodeAt(i + 1))) return -1;
    for (i += 1; isDigit(t.charCodeAt(i)); i++);
  }
  const e = t.charCodeAt(i);
  if (e === 101 || e === 69) {
    let j = i + 1;
    const sign = t.charCodeAt(j);
    if (sign === 43 || sign === 45) j++;
    if (isDigit(t.charCodeAt(j))) {
      for (; isDigit(t.charCodeAt(j)); j++);
      i = j;
    }
  }
  return i;
}

/** Whether `t[start, end)` is one of `words`, without slicing it out. */
export function wordIn(t: string, start: number, end: number, words: readonly string[]): boolean {
  const n = end - start;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (w.length === n && t.startsWith(w, start)) return true;
  }
  return false;
}

/** The first position at or after `i` that is not a space (the lexer's whitespace, line ends aside). */
export function skip(t: string, i: number): number {
  while (isSpace(t.charCodeAt(i))) i++;
  return i;
}

/** End of a name that is not a keyword at `at`, or -1. */
export function plainName(t: string, at: number): number {
  const end = scanName(t, at);
  return end >= 0 && !wordIn(t, at, end, KEYWORDS) ? end : -1;
}

/** Sides with more terms than this, and reactions with more rates, are left to chevrotain. */
export const MAX_SIDE_TERMS = 64;
export const MAX_RATES = 8;

/** Where the parts of one reaction line are: columns (0-based, end exclusive) of the line. */
export class ReactionShape {
  start = 0;
  end = 0;
  /** The label's columns, or -1 when there is none. */
  labelStart = -1;
  labelEnd = -1;
  twoWay = false;
  arrowStart = 0;
  at = 0;
  /** Per side (0 the reactants, 1 the products): start, end, column of a `0` side (else -1), term count. */
  readonly sides = new Int32Array(8);
  /** Per term j of side s, at 4 (s MAX_SIDE_TERMS + j): coefficient start, end (-1 when none), name start, end. */
  readonly terms = new Int32Array(2 * MAX_SIDE_TERMS * 4);
  rateCount = 0;
  /** Per rate i, at 3 i: start, end, and 1 for a number, 2 for a name. */
  readonly rates = new Int32Array(MAX_RATES * 3);
  /**
   * Whether the number rates were read along with the shape (by a thread that scanned the line
   * ahead, compile/prescan.ts): then `values[i]` and `significant[i]` are rate i's double and
   * significant digits. scanReaction reads no numbers and clears it.
   */
  read = false;
  readonly values = new Float64Array(MAX_RATES);
  readonly significant = new Int32Array(MAX_RATES);
}

/** Scans one side into `out.sides`/`out.terms` from `i`; the position after it, or -1. */
function scanSide(t: string, i: number, out: ReactionShape, side: 0 | 1): number {
  i = skip(t, i);
  const start = i;
  let end = start;
  let n = 0;
  for (;;) {
    const cEnd = scanNumber(t, i);
    const cStart = cEnd >= 0 ? i : -1;
    if (cEnd >= 0) i = skip(t, cEnd);
    const nameEnd = plainName(t, i);
    if (nameEnd < 0) {
      // `0` alone is the empty complex; anything else is for chevrotain to judge
      if (cStart >= 0 && n === 0 && cEnd === cStart + 1 && t.charCodeAt(cStart) === 48 && t.charCodeAt(i) !== 43) {
        out.sides.set([cStart, cEnd, cStart, 0], side * 4);
        return i;
      }
      return -1;
    }
    if (cStart >= 0) {
      for (let k = cStart; k < cEnd; k++) if (!isDigit(t.charCodeAt(k))) return -1;
      if (cEnd === i) return -1; // `2A`: keep it simple, as chevrotain's lexer would split it
    }
    if (n === MAX_SIDE_TERMS) return -1;
    const at = (side * MAX_SIDE_TERMS + n) * 4;
    out.terms[at] = cStart;
    out.terms[at + 1] = cStart >= 0 ? cEnd : -1;
    out.terms[at + 2] = i;
    out.terms[at + 3] = nameEnd;
    n++;
    end = i = nameEnd;
    // a '+' between terms (not the '+-' of an assert)
    const j = skip(t, i);
    if (t.charCodeAt(j) !== 43 || t.charCodeAt(j + 1) === 45) break;
    i = skip(t, j + 1);
  }
  const s = side * 4;
  out.sides[s] = start;
  out.sides[s + 1] = end;
  out.sides[s + 2] = -1;
  out.sides[s + 3] = n;
  return end;
}

/**
 * Scans `t` (one line whose first word is no keyword, with no ';' or '"') as a plain reaction into
 * `out`; false when it is not one (then chevrotain reads the line).
 */
export function scanReaction(t: string, out: ReactionShape): boolean {
  let i = skip(t, 0);
  out.start = i;
  out.read = false;
  out.labelStart = out.labelEnd = -1;
  const labelEnd = plainName(t, i);
  if (labelEnd >= 0) {
    const j = skip(t, labelEnd);
    if (t.charCodeAt(j) === 58) {
      out.labelStart = i;
      out.labelEnd = labelEnd;
      i = j + 1;
    }
  }
  i = scanSide(t, i, out, 0);
  if (i < 0) return false;
  i = skip(t, i);
  if (t.startsWith("<->", i)) out.twoWay = true;
  else if (t.startsWith("->", i)) out.twoWay = false;
  else return false;
  out.arrowStart = i;
  i = scanSide(t, i + (out.twoWay ? 3 : 2), out, 1);
  if (i < 0) return false;
  i = skip(t, i);
  if (t.charCodeAt(i) !== 64) return false;
  out.at = i;
  i++;
  let n = 0;
  for (;;) {
    if (n === MAX_RATES) return false;
    i = skip(t, i);
    let end = scanNumber(t, i);
    const kind = end >= 0 ? 1 : 2;
    if (end < 0) end = plainName(t, i);
    if (end < 0) return false;
    out.rates[3 * n] = i;
    out.rates[3 * n + 1] = end;
    out.rates[3 * n + 2] = kind;
    n++;
    i = end;
    const j = skip(t, i);
    if (t.charCodeAt(j) !== 44) break;
    i = j + 1;
  }
  out.rateCount = n;
  out.end = i;
  // the end of the statement: the end of the line, or a comment (a call or an operator fails here)
  return lineEnds(t, skip(t, i));
}

/** Whether column `i` of line `t` is its end or a comment's start (where a fast-path statement may end). */
export function lineEnds(t: string, i: number): boolean {
  return i >= t.length || t.charCodeAt(i) === 35;
}

/** The span of columns [start, end) of the line at `w`. */
export function lineSpan(w: Where, start: number, end: number): Span {
  return { file: w.file, offset: w.lineStart + start, line: w.line, column: start + 1, length: end - start };
}

/** The AST chevrotain builds for the reaction `shape` describes in line `t`. */
export function reactionStatement(t: string, w: Where, shape: ReactionShape): Statement {
  const label: Identifier | null = shape.labelStart >= 0 ? { name: t.slice(shape.labelStart, shape.labelEnd), span: lineSpan(w, shape.labelStart, shape.labelEnd) } : null;
  const rates: Expr[] = [];
  for (let i = 0; i < shape.rateCount; i++) {
    const start = shape.rates[3 * i]!, end = shape.rates[3 * i + 1]!;
    const span = lineSpan(w, start, end);
    rates.push(shape.rates[3 * i + 2] === 1 ? { kind: "number", text: t.slice(start, end), span } : { kind: "name", name: t.slice(start, end), span });
  }
  const arrowText = shape.twoWay ? "<->" : "->";
  return {
    kind: "reaction",
    label,
    lhs: sideOf(t, w, shape, 0),
    arrow: { text: arrowText, span: lineSpan(w, shape.arrowStart, shape.arrowStart + arrowText.length) },
    rhs: sideOf(t, w, shape, 1),
    at: lineSpan(w, shape.at, shape.at + 1),
    rates,
    span: lineSpan(w, shape.start, shape.end),
  };
}

function sideOf(t: string, w: Where, shape: ReactionShape, side: 0 | 1): Side {
  const s = side * 4;
  const start = shape.sides[s]!, end = shape.sides[s + 1]!, zero = shape.sides[s + 2]!, n = shape.sides[s + 3]!;
  const terms: ReactionTerm[] = [];
  if (zero >= 0) return { terms, zero: lineSpan(w, zero, zero + 1), stray: null, span: lineSpan(w, start, end) };
  for (let j = 0; j < n; j++) {
    const at = (side * MAX_SIDE_TERMS + j) * 4;
    const cStart = shape.terms[at]!, cEnd = shape.terms[at + 1]!, nStart = shape.terms[at + 2]!, nEnd = shape.terms[at + 3]!;
    terms.push({
      coefficient: cStart >= 0 ? { text: t.slice(cStart, cEnd), span: lineSpan(w, cStart, cEnd) } : null,
      species: { name: t.slice(nStart, nEnd), span: lineSpan(w, nStart, nEnd) },
      span: lineSpan(w, cStart >= 0 ? cStart : nStart, nEnd),
    });
  }
  return { terms, zero: null, stray: null, span: lineSpan(w, start, end) };
}

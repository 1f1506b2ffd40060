/**
 * A fast path for the two statement shapes that make up almost all of a large generated file:
 *
 *   [LABEL:] TERMS ARROW TERMS @ RATE [, RATE]     (each RATE a number or a name)
 *   species|state|reservoir|chemostat|param NAME [= NUMBER], ...
 *
 * and for the two that a generated file usually has once each, `network "TITLE"` and
 * `assert [not] NAME` (`assert detailed_balance`): with them read here, a file of only these
 * shapes never builds the chevrotain parser at all (~50 ms of its grammar's analysis).
 *
 * It scans characters directly and builds exactly the AST the chevrotain parser builds, spans
 * included (a property test holds the two to that). Anything else on the line, or anything
 * unusual, returns null and the line goes to the chevrotain parser, which also gives the errors.
 * Measured reason: chevrotain's lexer and parser cost ~10 µs a reaction line, too slow for the
 * 100 000-reaction and 500 000-transition targets of DESIGN.md; this path costs ~1 µs.
 */
import type { Span } from "../diagnostics.js";
import type { Declarator, Expr, Identifier, Statement } from "./ast.js";
import { lineEnds, lineSpan, plainName, reactionStatement, ReactionShape, scanName, scanNumber, scanReaction, skip, wordIn } from "./fast-reaction.js";
import { KEYWORD_WORDS } from "./keywords.js";
import type { Where } from "./visitor.js";

const DECLARE: readonly string[] = ["species", "state", "reservoir", "chemostat", "param"];
const KEYWORDS: readonly string[] = [...KEYWORD_WORDS];

/**
 * Where the parts of one declaration line are, `KEYWORD NAME [= NUMBER], ...`: columns (0-based,
 * end exclusive) of the line, reused from line to line like a ReactionShape. Per declarator d,
 * `at[4d]`/`at[4d + 1]` bound its name and `at[4d + 2]`/`at[4d + 3]` its number (−1 when none).
 */
export class DeclarationShape {
  keywordStart = 0;
  keywordEnd = 0;
  count = 0;
  at = new Int32Array(16);

  /** Room for one more declarator; its first column. */
  next(): number {
    const o = 4 * this.count++;
    if (o + 4 > this.at.length) {
      const grown = new Int32Array(2 * this.at.length);
      grown.set(this.at);
      this.at = grown;
    }
    return o;
  }
}

/**
 * Scans `text` (one line) as a plain declaration into `shape`; false when it is anything else
 * (an expression for a value, a keyword for a name, `==`, more after the last declarator), which
 * the chevrotain parser then reads and words.
 */
export function scanDeclaration(text: string, shape: DeclarationShape): boolean {
  let i = skip(text, 0);
  const kwEnd = scanName(text, i);
  if (kwEnd < 0) return false;
  shape.keywordStart = i;
  shape.keywordEnd = kwEnd;
  shape.count = 0;
  i = kwEnd;
  for (;;) {
    i = skip(text, i);
    const nameEnd = plainName(text, i);
    if (nameEnd < 0) return false;
    const o = shape.next(), at = shape.at;
    at[o] = i;
    at[o + 1] = nameEnd;
    at[o + 2] = -1;
    at[o + 3] = -1;
    i = skip(text, nameEnd);
    if (text.charCodeAt(i) === 61) {
      // `=`, then a number (`==` is no declaration)
      if (text.charCodeAt(i + 1) === 61) return false;
      const v = skip(text, i + 1);
      const vEnd = scanNumber(text, v);
      if (vEnd < 0) return false;
      at[o + 2] = v;
      at[o + 3] = vEnd;
      i = skip(text, vEnd);
    }
    if (text.charCodeAt(i) !== 44) break; // `,`
    i++;
  }
  return lineEnds(text, i);
}

/** What a line is, by its first word: a declaration, a reaction, or neither (chevrotain's). */
export type LineKind = "declaration" | "reaction" | null;

/**
 * `network "TITLE"` or `assert [not] NAME` (NAME not a keyword, no call, nothing after it but a
 * comment) as the AST chevrotain builds for it; null for any other line.
 */
export function simpleStatement(text: string, w: Where): Statement | null {
  const start = skip(text, 0);
  const kwEnd = scanName(text, start);
  if (kwEnd < 0) return null;
  if (wordIn(text, start, kwEnd, NETWORK)) {
    const open = skip(text, kwEnd);
    if (text.charCodeAt(open) !== 34) return null; // `"`
    const close = text.indexOf('"', open + 1);
    if (close < 0 || !lineEnds(text, skip(text, close + 1))) return null;
    return { kind: "network", title: text.slice(open + 1, close), span: lineSpan(w, start, close + 1) };
  }
  if (!wordIn(text, start, kwEnd, ASSERT)) return null;
  let at = skip(text, kwEnd);
  const notEnd = scanName(text, at);
  const negated = notEnd >= 0 && wordIn(text, at, notEnd, NOT);
  if (negated) at = skip(text, notEnd);
  const nameEnd = plainName(text, at);
  if (nameEnd < 0 || !lineEnds(text, skip(text, nameEnd))) return null;
  const span = lineSpan(w, at, nameEnd);
  return { kind: "assert", range: null, at: [], negated, subject: { kind: "name", name: text.slice(at, nameEnd), span }, within: null, comparison: null, span: lineSpan(w, start, nameEnd) };
}

const NETWORK: readonly string[] = ["network"];
const ASSERT: readonly string[] = ["assert"];
const NOT: readonly string[] = ["not"];

/** Whether `text` (one line) is empty, blank or only a comment: no statement, and nothing for the lexer to do. */
export function blankLine(text: string): boolean {
  return lineEnds(text, skip(text, 0));
}


/** The fast path's shape of `text` (one line) by its first word, before scanning the rest. */
export function lineKind(text: string): LineKind {
  // a `;` or a string (`network "…"`) outside a comment is in no fast-path shape, so its scanner refuses the line
  const i = skip(text, 0);
  const end = scanName(text, i);
  if (end >= 0 && wordIn(text, i, end, DECLARE)) return "declaration";
  if (end >= 0 && wordIn(text, i, end, KEYWORDS)) return null;
  return "reaction";
}

/**
 * Parses `text` (one line) by the fast path, or returns null to defer to chevrotain. `shape` is
 * scratch space for a reaction's offsets, reused from line to line by a caller that has one.
 */
export function fastStatement(text: string, w: Where, shape: ReactionShape = new ReactionShape(), declared: DeclarationShape = new DeclarationShape()): Statement | null {
  const kind = lineKind(text);
  if (kind === "declaration") return scanDeclaration(text, declared) ? declarationStatement(text, w, declared) : null;
  if (kind === "reaction") return scanReaction(text, shape) ? reactionStatement(text, w, shape) : null;
  return simpleStatement(text, w);
}

/** The span of the declaration statement `shape` was scanned from: its keyword to its last declarator's end. */
export function declarationSpan(w: Where, shape: DeclarationShape): Span {
  const o = 4 * (shape.count - 1), at = shape.at;
  return lineSpan(w, shape.keywordStart, at[o + 3]! >= 0 ? at[o + 3]! : at[o + 1]!);
}

/** The AST chevrotain builds for the declaration line `shape` was scanned from (spans included). */
export function declarationStatement(text: string, w: Where, shape: DeclarationShape): Statement {
  const declarators: Declarator[] = [];
  const at = shape.at;
  for (let d = 0; d < shape.count; d++) {
    const o = 4 * d, nameEnd = at[o + 1]!, vStart = at[o + 2]!, vEnd = at[o + 3]!;
    const id: Identifier = { name: text.slice(at[o]!, nameEnd), span: lineSpan(w, at[o]!, nameEnd) };
    const value: Expr | null = vStart < 0 ? null : { kind: "number", text: text.slice(vStart, vEnd), span: lineSpan(w, vStart, vEnd) };
    declarators.push({ id, value, span: lineSpan(w, at[o]!, vStart < 0 ? nameEnd : vEnd) });
  }
  return {
    kind: "declare",
    keyword: text.slice(shape.keywordStart, shape.keywordEnd) as "param" | "species" | "state" | "reservoir" | "chemostat",
    declarators,
    span: declarationSpan(w, shape),
  };
}

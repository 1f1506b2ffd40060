/**
 * A fast path for the two statement shapes that make up almost all of a large generated file:
 *
 *   [LABEL:] TERMS ARROW TERMS @ RATE [, RATE]     (each RATE a number or a name)
 *   species|state|reservoir|chemostat|param NAME [= NUMBER], ...
 *
 * It scans characters directly and builds exactly the AST the chevrotain parser builds, spans
 * included (a property test holds the two to that). Anything else on the line, or anything
 * unusual, returns null and the line goes to the chevrotain parser, which also gives the errors.
 * Measured reason: chevrotain's lexer and parser cost ~10 µs a reaction line, too slow for the
 * 100 000-reaction and 500 000-transition targets of DESIGN.md; this path costs ~1 µs.
 */
import type { Span } from "../diagnostics.js";
import type { Declarator, Expr, Identifier, Statement } from "./ast.js";
import { reactionStatement, ReactionShape, scanName, scanNumber, scanReaction, wordIn } from "./fast-reaction.js";
import { KEYWORD_WORDS } from "./lexer.js";
import type { Where } from "./visitor.js";

const DECLARE: readonly string[] = ["species", "state", "reservoir", "chemostat", "param"];
const KEYWORDS: readonly string[] = [...KEYWORD_WORDS];

class Scanner {
  pos = 0;
  constructor(readonly text: string, readonly w: Where) {}

  skip(): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff) this.pos++;
      else return;
    }
  }

  /** True at the end of the statement (end of line, or a comment). */
  atEnd(): boolean {
    this.skip();
    return this.pos >= this.text.length || this.text.charCodeAt(this.pos) === 35;
  }

  span(start: number, end: number): Span {
    return { file: this.w.file, offset: this.w.lineStart + start, line: this.w.line, column: start + 1, length: end - start };
  }

  /** The token `scan` finds at the current position (after spaces), consumed; null if none. */
  match(scan: (t: string, at: number) => number): { text: string; start: number; end: number } | null {
    this.skip();
    const start = this.pos;
    const end = scan(this.text, start);
    if (end < 0) return null;
    this.pos = end;
    return { text: this.text.slice(start, end), start, end };
  }

  /** A name that is not a keyword; on a keyword, consumes nothing. */
  name(): { text: string; start: number; end: number } | null {
    const m = this.match(scanName);
    if (m && KEYWORD_WORDS.has(m.text)) {
      this.pos = m.start;
      return null;
    }
    return m;
  }

  punct(p: string): number {
    this.skip();
    if (!this.text.startsWith(p, this.pos)) return -1;
    const at = this.pos;
    this.pos += p.length;
    return at;
  }
}

/** What a line is, by its first word: a declaration, a reaction, or neither (chevrotain's). */
export type LineKind = "declaration" | "reaction" | null;

/** The fast path's shape of `text` (one line) by its first word, before scanning the rest. */
export function lineKind(text: string): LineKind {
  if (text.includes(";") || text.includes('"')) return null;
  let i = 0;
  for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff; c = text.charCodeAt(++i));
  const end = scanName(text, i);
  if (end >= 0 && wordIn(text, i, end, DECLARE)) return "declaration";
  if (end >= 0 && wordIn(text, i, end, KEYWORDS)) return null;
  return "reaction";
}

/**
 * Parses `text` (one line) by the fast path, or returns null to defer to chevrotain. `shape` is
 * scratch space for a reaction's offsets, reused from line to line by a caller that has one.
 */
export function fastStatement(text: string, w: Where, shape: ReactionShape = new ReactionShape()): Statement | null {
  const kind = lineKind(text);
  if (kind === "declaration") return declaration(new Scanner(text, w));
  if (kind === "reaction") return scanReaction(text, shape) ? reactionStatement(text, w, shape) : null;
  return null;
}

function declaration(s: Scanner): Statement | null {
  const kw = s.match(scanName)!;
  const declarators: Declarator[] = [];
  do {
    const n = s.name();
    if (!n) return null;
    const id: Identifier = { name: n.text, span: s.span(n.start, n.end) };
    let value: Expr | null = null;
    if (s.punct("=") >= 0) {
      if (s.text.startsWith("=", s.pos)) return null;
      const v = s.match(scanNumber);
      if (!v) return null;
      value = { kind: "number", text: v.text, span: s.span(v.start, v.end) };
    }
    declarators.push({ id, value, span: s.span(n.start, value ? s.pos : n.end) });
  } while (s.punct(",") >= 0);
  if (!s.atEnd()) return null;
  const last = declarators[declarators.length - 1]!.span;
  return {
    kind: "declare",
    keyword: kw.text as "param" | "species" | "state" | "reservoir" | "chemostat",
    declarators,
    span: s.span(kw.start, last.offset - s.w.lineStart + last.length),
  };
}

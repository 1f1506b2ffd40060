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
import type { Declarator, Expr, Identifier, ReactionTerm, Side, Statement } from "./ast.js";
import { KEYWORD_WORDS } from "./lexer.js";
import type { Where } from "./visitor.js";

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isNameStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** End of a name `[A-Za-z_][A-Za-z0-9_]*` starting at `at`, or -1 (the lexer's Name token). */
function scanName(t: string, at: number): number {
  if (!isNameStart(t.charCodeAt(at))) return -1;
  let i = at + 1;
  for (let c = t.charCodeAt(i); isNameStart(c) || isDigit(c); c = t.charCodeAt(++i));
  return i;
}

/** End of a number `(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?` starting at `at`, or -1 (the lexer's NumberLiteral). */
function scanNumber(t: string, at: number): number {
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
const DECLARE = new Set(["species", "state", "reservoir", "chemostat", "param"]);

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

/** Parses `text` (one line) by the fast path, or returns null to defer to chevrotain. */
export function fastStatement(text: string, w: Where): Statement | null {
  if (text.includes(";") || text.includes('"')) return null;
  const s = new Scanner(text, w);
  s.skip();
  const end = scanName(text, s.pos);
  const first = end < 0 ? null : text.slice(s.pos, end);
  if (first !== null && DECLARE.has(first)) return declaration(s);
  if (first !== null && KEYWORD_WORDS.has(first)) return null;
  return reaction(s);
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

function reaction(s: Scanner): Statement | null {
  s.skip();
  const start = s.pos;
  let label: Identifier | null = null;
  const save = s.pos;
  const l = s.name();
  if (l && s.punct(":") >= 0) label = { name: l.text, span: s.span(l.start, l.end) };
  else s.pos = save;
  const lhs = side(s);
  if (!lhs) return null;
  s.skip();
  let arrowText: string;
  if (s.text.startsWith("<->", s.pos)) arrowText = "<->";
  else if (s.text.startsWith("->", s.pos)) arrowText = "->";
  else return null;
  const arrowStart = s.pos;
  s.pos += arrowText.length;
  const arrow = { text: arrowText, span: s.span(arrowStart, s.pos) };
  const rhs = side(s);
  if (!rhs) return null;
  const at = s.punct("@");
  if (at < 0) return null;
  const rates: Expr[] = [];
  let end: number;
  do {
    const num = s.match(scanNumber);
    const n = num ? null : s.name();
    if (num) rates.push({ kind: "number", text: num.text, span: s.span(num.start, num.end) });
    else if (n) rates.push({ kind: "name", name: n.text, span: s.span(n.start, n.end) });
    else return null;
    end = s.pos;
  } while (s.punct(",") >= 0);
  if (!s.atEnd()) return null;
  // a rate followed by '(' (a call) or an operator never reaches here: atEnd() failed
  return { kind: "reaction", label, lhs, arrow, rhs, at: s.span(at, at + 1), rates, span: s.span(start, end) };
}

function side(s: Scanner): Side | null {
  const terms: ReactionTerm[] = [];
  s.skip();
  const start = s.pos;
  let end = start;
  do {
    const num = s.match(scanNumber);
    const n = s.name();
    if (!n) {
      // `0` alone is the empty complex; anything else is for chevrotain to judge
      if (num && terms.length === 0 && num.text === "0") {
        s.skip();
        if (s.text.startsWith("+", s.pos)) return null;
        return { terms, zero: s.span(num.start, num.end), stray: null, span: s.span(num.start, num.end) };
      }
      return null;
    }
    if (num && !/^\d+$/.test(num.text)) return null;
    if (num && num.end === n.start) return null; // `2A` lexes as one number then a name in chevrotain too, but keep it simple
    const coefficient = num ? { text: num.text, span: s.span(num.start, num.end) } : null;
    const tStart = num ? num.start : n.start;
    terms.push({ coefficient, species: { name: n.text, span: s.span(n.start, n.end) }, span: s.span(tStart, n.end) });
    end = n.end;
  } while (plus(s));
  return { terms, zero: null, stray: null, span: s.span(start, end) };
}

/** Consumes a '+' between terms (not the '+-' of an assert, not '+' before a number exponent). */
function plus(s: Scanner): boolean {
  s.skip();
  if (s.text.charCodeAt(s.pos) !== 43 || s.text.charCodeAt(s.pos + 1) === 45) return false;
  s.pos++;
  return true;
}

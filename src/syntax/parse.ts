/**
 * Syntax stage: text → Program (AST) + diagnostics.
 *
 *   text ─lines─▶ lex each ─split at ';'─▶ statements ─parse each─▶ CST ─toAst─▶ Statement
 *
 * Each statement is parsed alone, so three independent mistakes give three diagnostics.
 * Binary input, runaway nesting and floods of errors are cut short with one clear diagnostic.
 */
import { tokenMatcher, type CstNode, type IToken } from "chevrotain";
import { CODES, DiagnosticSink, type Span } from "../diagnostics.js";
import type { Program, Statement } from "./ast.js";
import * as T from "./lexer.js";
import { type NessParser, parser as sharedParser } from "./parser.js";
import { blankLine, DeclarationShape, declarationStatement, lineKind, scanDeclaration, simpleStatement } from "./fast-path.js";
import { reactionStatement, ReactionShape, scanReaction } from "./fast-reaction.js";
import { indexOrEnd, nextLineStart } from "./lines.js";
import { toAst, type Where } from "./visitor.js";

/** Deeper parentheses than this are refused before parsing (the parser recurses per level). */
export const MAX_NESTING = 200;
/** Longer expressions are refused: nobody writes them, and they would only cost time. */
export const MAX_EXPRESSION_TOKENS = 5000;
/** After this many errors in one file, one more says the rest was not checked, and parsing stops. */
export const MAX_ERRORS = 50;

export interface ParseOptions {
  /** Use the hand-written fast path for simple lines (default); off, every line goes to chevrotain. */
  readonly fastPath?: boolean;
  /**
   * Offered each line the fast path scans as a plain reaction, before any AST is built: returns
   * true when it has taken the line (the compiler lowers the shape directly), false to have the
   * line's statement built and visited as any other. The shape is reused for the next line.
   */
  readonly reaction?: (line: string, w: Where, shape: ReactionShape) => boolean;
  /** The same for each line the fast path scans as a plain declaration (`species A = 1, B, ...`). */
  readonly declaration?: (line: string, w: Where, shape: DeclarationShape) => boolean;
  /**
   * Asked for each line before the fast path scans it, by the line's 0-based index and its start
   * and end in the text: true when it has filled `shape` with that line's scan as a plain reaction
   * (what `lineKind` and `scanReaction` would find), so the line is not scanned again. A thread
   * that scanned ahead answers it (compile/prescan.ts).
   */
  readonly scanned?: (index: number, start: number, end: number, shape: ReactionShape) => boolean;
}

export function parse(text: string, file: string, sink: DiagnosticSink, options: ParseOptions = {}): Program {
  const statements: Statement[] = [];
  forEachStatement(text, file, sink, (st) => statements.push(st), options);
  return { file, statements };
}

/**
 * Parses `text` statement by statement, handing each to `visit` as soon as it is parsed, so a
 * caller that lowers as it goes never holds the whole AST of a large file.
 */
export function forEachStatement(text: string, file: string, sink: DiagnosticSink, visit: (st: Statement) => void, options: ParseOptions = {}): void {
  const useFast = options.fastPath ?? true;
  const take = options.reaction, takeDeclaration = options.declaration, scanned = useFast ? options.scanned : undefined;
  // scratch for the fast path, reused line after line
  const shape = new ReactionShape(), declared = new DeclarationShape();
  const binaryAt = findBinary(text);
  if (binaryAt >= 0) {
    sink.error(CODES.binaryInput, "this is not a text file (it contains binary data); expected a network file", spanAt(text, file, binaryAt, 1));
    return;
  }
  // Statements never span lines, so each line is lexed and parsed on its own: tokens and CSTs
  // die young, which keeps large files out of the garbage collector's old generation.
  let lexErrors = 0;
  let lineStart = 0;
  let line = 1;
  // lines end at LF, CR LF or CR; the next of each is remembered, so finding them stays linear
  let nextLF = -1, nextCR = -1;
  let previous = ""; // the line before, for hints about a statement split over two lines
  for (; lineStart <= text.length; line++) {
    const w: Where = { file, line, lineStart };
    if (sink.items.length > MAX_ERRORS) {
      sink.error(CODES.syntaxError, `more than ${MAX_ERRORS} errors: the rest of the file was not checked`, lineSpan(w, 0, 1), "fix these first");
      return;
    }
    if (nextLF < lineStart) nextLF = indexOrEnd(text, "\n", lineStart);
    if (nextCR < lineStart) nextCR = indexOrEnd(text, "\r", lineStart);
    const end = Math.min(nextLF, nextCR);
    const lineText = text.slice(lineStart, end);
    const ahead = scanned !== undefined && scanned(line - 1, lineStart, end, shape);
    lineStart = nextLineStart(end, nextLF, nextCR);
    // a line the fast path scans is offered to the caller's hook, else its AST is built from the scan
    const kind = ahead ? "reaction" : useFast ? lineKind(lineText) : null;
    if ((kind === "reaction" && (ahead || scanReaction(lineText, shape))) || (kind === "declaration" && scanDeclaration(lineText, declared))) {
      const taken = kind === "reaction" ? take?.(lineText, w, shape) : takeDeclaration?.(lineText, w, declared);
      if (!taken) visit(kind === "reaction" ? reactionStatement(lineText, w, shape) : declarationStatement(lineText, w, declared));
      previous = lineText;
      continue;
    }
    // a blank or comment line, `network "…"` and `assert [not] NAME` need no lexer either (fast-path.ts)
    const simple = useFast && kind === null ? simpleStatement(lineText, w) : null;
    if (simple !== null || (useFast && kind === "reaction" && blankLine(lineText))) {
      if (simple !== null) visit(simple);
      previous = lineText;
      continue;
    }
    const lexed = T.lexer().tokenize(lineText);
    for (const e of lexed.errors) {
      if (lexErrors++ === 20) sink.error(CODES.unexpectedCharacter, "more unexpected characters follow; not shown", lineSpan(w, e.offset, e.length));
      if (lexErrors > 20) continue;
      const ch = lineText.slice(e.offset, e.offset + Math.min(e.length, 10));
      sink.error(CODES.unexpectedCharacter, `unexpected character${e.length > 1 ? "s" : ""} '${ch}'`, lineSpan(w, e.offset, e.length), lookalikeHint(ch));
    }
    const next = lineStart;
    const around: Around = { line: lineText, previous, next: () => text.slice(next, Math.min(indexOrEnd(text, "\n", next), indexOrEnd(text, "\r", next))) };
    previous = lineText;
    let group: IToken[] = [];
    for (const tok of lexed.tokens) {
      tok.endOffset = tok.startOffset + tok.image.length - 1; // "onlyOffset" lexing leaves it out
      if (tok.tokenType === T.Semicolon || tok.tokenType === T.Newline) {
        if (group.length > 0) visitStatement(parseStatement(group, w, sink, around), visit);
        group = [];
      } else group.push(tok);
    }
    if (group.length > 0) visitStatement(parseStatement(group, w, sink, around), visit);
  }
}


function visitStatement(st: Statement | null, visit: (st: Statement) => void): void {
  if (st) visit(st);
}

/**
 * Statements that begin with a word that is a word only there (a species may still be called
 * energy, volume, current or force): `energy NAME`, `volume VALUE`, `current NAME =`,
 * `force NAME on`. No reaction starts that way (a reaction has an arrow and '@').
 */
function contextualStatement(parser: NessParser, tokens: readonly IToken[]): CstNode | null {
  const [first, second, third] = tokens;
  if (first?.tokenType !== T.Name || second === undefined) return null;
  const reaction = tokens.some((t) => t.tokenType === T.At || tokenMatcher(t, T.AnyArrow));
  if (reaction) return null;
  switch (first.image) {
    case "energy": return second.tokenType === T.Name ? parser.energyStatement() : null;
    case "volume": return parser.volumeStatement();
    case "current": return second.tokenType === T.Name && third?.tokenType === T.Equals ? parser.currentStatement() : null;
    case "force": return second.tokenType === T.Name && third?.image === "on" ? parser.forceStatement() : null;
    default: return null;
  }
}

/** The line a statement is on and its neighbours, for hints (read only when a statement fails). */
interface Around {
  readonly line: string;
  readonly previous: string;
  readonly next: () => string;
}

function parseStatement(tokens: IToken[], w: Where, sink: DiagnosticSink, around?: Around): Statement | null {
  const tooDeep = findTooDeep(tokens);
  if (tooDeep) {
    sink.error(CODES.tooDeep, `${tooDeep.why}: refused`, tokenSpan(w, tooDeep.token), "split the expression with params");
    return null;
  }
  const bad = tokens.find((t) => t.tokenType === T.UnterminatedString);
  if (bad) {
    sink.error(CODES.unterminatedString, "string has no closing quote", tokenSpan(w, bad), 'close it on the same line: network "Title"');
    return null;
  }
  const parser = sharedParser();
  parser.input = tokens;
  let cst;
  try {
    cst = contextualStatement(parser, tokens) ?? parser.statement();
  } catch (e) {
    if (e instanceof RangeError) {
      sink.error(CODES.tooDeep, "expression nested too deeply to parse", tokenSpan(w, tokens[0]!), "split the expression with a param");
      return null;
    }
    throw e;
  }
  if (parser.errors.length > 0) {
    const err = parser.errors[0]!;
    const atEnd = Number.isNaN(err.token.startOffset);
    const last = tokens[tokens.length - 1]!;
    const span = atEnd ? lineSpan(w, (last.endOffset ?? last.startOffset) + 1, 1) : tokenSpan(w, err.token);
    const exponent = fractionalExponent(tokens);
    if (exponent !== null) {
      sink.error(CODES.syntaxError, `'${exponent.text}' is not a number: an exponent must be an integer`, lineSpan(w, exponent.start, exponent.text.length),
        `for a fractional power of ten write ${exponent.base} * 10^(${exponent.power})`);
      return null;
    }
    const hint = statementHint(tokens, err.message, atEnd, around) ?? (err.message.startsWith("expected '@'") ? "a reaction ends with '@' and its rate constants: A -> B @ k" : undefined);
    sink.error(CODES.syntaxError, err.message, span, hint);
    return null;
  }
  try {
    return toAst(cst, w);
  } catch (e) {
    if (e instanceof RangeError) {
      sink.error(CODES.tooDeep, "expression nested too deeply", tokenSpan(w, tokens[0]!));
      return null;
    }
    throw e;
  }
}

/** Characters that look like '-' and are not: the minus sign, dashes. */
const DASHES = /[\u2212\u2010\u2011\u2012\u2013\u2014\u2015\ufe63\uff0d]/;

/** A hint for an unexpected character that stands for an ASCII one ('−' for '-'). */
function lookalikeHint(ch: string): string | undefined {
  if (DASHES.test(ch)) return `'${ch}' (U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}) is not '-': write the arrow with a hyphen, \`<->\` or \`->\``;
  if (/[\u201c\u201d\u201e]/.test(ch)) return "write a straight double quote '\"'";
  return undefined;
}

/**
 * `1e-3.5`: the lexer reads 1e-3 and then .5 (a number, no operator between): the whole thing,
 * when one number with an exponent is followed at once by a fraction.
 */
function fractionalExponent(tokens: readonly IToken[]): { text: string; start: number; base: string; power: string } | null {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i], b = tokens[i + 1];
    if (a === undefined || b === undefined || a.tokenType !== T.NumberLiteral || b.tokenType !== T.NumberLiteral) continue;
    const m = /^(.*?)[eE]([+-]?\d+)$/.exec(a.image);
    if (m === null || !b.image.startsWith(".") || b.startOffset !== a.startOffset + a.image.length) continue;
    return { text: a.image + b.image, start: a.startOffset, base: m[1] ?? "", power: `${(m[2] ?? "").replace(/^\+/, "")}${b.image}` };
  }
  return null;
}

/** Words that start statements, for "keywords are lower case". */
const STATEMENT_WORDS = ["network", "param", "species", "state", "reservoir", "chemostat", "assert", "energy", "volume", "current", "force"];

/** Hints for statements that fail in the ways newcomers make them fail. */
function statementHint(tokens: readonly IToken[], message: string, atEnd: boolean, around: Around | undefined): string | undefined {
  const first = tokens[0];
  if (first?.tokenType === T.Name && first.image !== first.image.toLowerCase() && STATEMENT_WORDS.includes(first.image.toLowerCase())) {
    return `keywords are lower case: did you mean '${first.image.toLowerCase()}'?`;
  }
  if (around === undefined) return undefined;
  if (DASHES.test(around.line) && /arrow/.test(message)) return "write the arrow with ASCII hyphens: `<->` or `->` ('−' and '–' are not '-')";
  const continues = (line: string) => /^\s*(@|->|<->|\+|,)/.test(line);
  if (atEnd && continues(around.next())) return "a statement fits on one line: join this line with the next (a line break ends a statement)";
  if (first !== undefined && (first.tokenType === T.At || tokenMatcher(first, T.AnyArrow) || first.tokenType === T.Plus) && around.previous.trim() !== "") {
    return "a statement fits on one line: this looks like the rest of the line above; join the two";
  }
  return undefined;
}

function findTooDeep(tokens: readonly IToken[]): { token: IToken; why: string } | undefined {
  let depth = 0;
  let signs = 0;
  let carets = 0;
  let run = 0;
  let afterOperand = false;
  for (const t of tokens) {
    const type = t.tokenType;
    if (type === T.LParen && ++depth > MAX_NESTING) return { token: t, why: `parentheses nested more than ${MAX_NESTING} deep` };
    if (type === T.RParen) depth--;
    // a run of prefix signs, or a chain of '^' (a^b^c…, right-associative), recurses as deeply as
    // parentheses do; a binary operator or a separator ends the chain
    const sign = type === T.Minus || type === T.Plus;
    signs = sign ? signs + 1 : 0;
    if (signs > MAX_NESTING) return { token: t, why: `more than ${MAX_NESTING} signs in a row` };
    const separator = type === T.Comma || type === T.At || type === T.Equals || type === T.Colon || type === T.PlusMinus || tokenMatcher(t, T.Compare);
    if (separator || type === T.Star || type === T.Slash || (sign && afterOperand)) carets = 0;
    if (type === T.Caret && ++carets > MAX_NESTING) return { token: t, why: `more than ${MAX_NESTING} powers in a chain` };
    afterOperand = type === T.Name || type === T.NumberLiteral || type === T.RParen;
    // an expression runs until a separator between list items or statement parts
    run = separator ? 0 : run + 1;
    if (run > MAX_EXPRESSION_TOKENS) return { token: t, why: `an expression or side longer than ${MAX_EXPRESSION_TOKENS} tokens` };
  }
  return undefined;
}

/** Offset of the first sign that `text` is binary, or -1: a NUL, or mostly control/undecodable chars. */
function findBinary(text: string): number {
  const nul = text.indexOf("\0");
  if (nul >= 0) return nul;
  const sample = text.slice(0, 4096);
  let bad = 0;
  let first = -1;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11) || c === 0xfffd) {
      bad++;
      if (first < 0) first = i;
    }
  }
  return sample.length > 0 && bad / sample.length > 0.1 ? first : -1;
}

export function tokenSpan(w: Where, t: IToken): Span {
  return lineSpan(w, t.startOffset, (t.endOffset ?? t.startOffset) - t.startOffset + 1);
}

function lineSpan(w: Where, column0: number, length: number): Span {
  return { file: w.file, offset: w.lineStart + column0, line: w.line, column: column0 + 1, length };
}

/** The span of `length` characters at `offset`, computing line and column. */
export function spanAt(text: string, file: string, offset: number, length: number): Span {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { file, offset, line, column: offset - lineStart + 1, length };
}

/**
 * Syntax stage: text → Program (AST) + diagnostics.
 *
 *   text ─lex─▶ tokens ─split at newline and ';'─▶ statements ─parse each─▶ CST ─toAst─▶ Statement
 *
 * Each statement is parsed alone, so three independent mistakes give three diagnostics.
 * Binary input, runaway nesting and floods of errors are cut short with one clear diagnostic.
 */
import type { IToken } from "chevrotain";
import { CODES, DiagnosticSink, type Span } from "../diagnostics.js";
import type { Program, Statement } from "./ast.js";
import * as T from "./lexer.js";
import { parser } from "./parser.js";
import { toAst } from "./visitor.js";

/** Deeper parentheses than this are refused before parsing (the parser recurses per level). */
export const MAX_NESTING = 200;
/** After this many errors in one file, the rest are summarised in one line. */
export const MAX_ERRORS = 50;

export function parse(text: string, file: string, sink: DiagnosticSink): Program {
  const binaryAt = findBinary(text);
  if (binaryAt >= 0) {
    sink.error(CODES.binaryInput, "this is not a text file (it contains binary data); expected a network file", spanAt(text, file, binaryAt, 1));
    return { file, statements: [] };
  }
  const lexed = T.lexer.tokenize(text);
  reportLexErrors(text, file, lexed.errors, sink);
  const statements: Statement[] = [];
  let group: IToken[] = [];
  const flush = (): void => {
    if (group.length > 0) {
      const st = parseStatement(group, file, sink);
      if (st) statements.push(st);
      group = [];
    }
  };
  for (const tok of lexed.tokens) {
    if (tok.tokenType === T.Newline || tok.tokenType === T.Semicolon) flush();
    else group.push(tok);
    if (errorCount(sink) > MAX_ERRORS) break;
  }
  flush();
  return { file, statements };
}

function errorCount(sink: DiagnosticSink): number {
  return sink.items.length;
}

function parseStatement(tokens: IToken[], file: string, sink: DiagnosticSink): Statement | null {
  const tooDeep = findTooDeep(tokens);
  if (tooDeep) {
    sink.error(CODES.tooDeep, `parentheses nested more than ${MAX_NESTING} deep`, tokenSpan(file, tooDeep), "split the expression with a param");
    return null;
  }
  const bad = tokens.find((t) => t.tokenType === T.UnterminatedString);
  if (bad) {
    sink.error(CODES.unterminatedString, "string has no closing quote", tokenSpan(file, bad), 'close it on the same line: network "Title"');
    return null;
  }
  parser.input = tokens;
  let cst;
  try {
    cst = parser.statement();
  } catch (e) {
    if (e instanceof RangeError) {
      sink.error(CODES.tooDeep, "expression nested too deeply to parse", tokenSpan(file, tokens[0]!), "split the expression with a param");
      return null;
    }
    throw e;
  }
  if (parser.errors.length > 0) {
    const err = parser.errors[0]!;
    const tok = Number.isNaN(err.token.startOffset) ? tokens[tokens.length - 1]! : err.token;
    const span = Number.isNaN(err.token.startOffset) ? afterToken(file, tok) : tokenSpan(file, tok);
    const hint = /'@'/.test(err.message) ? "a reaction ends with '@' and its rate constants: A -> B @ k" : undefined;
    sink.error(CODES.syntaxError, err.message, span, hint);
    return null;
  }
  try {
    return toAst(cst, file);
  } catch (e) {
    if (e instanceof RangeError) {
      sink.error(CODES.tooDeep, "expression nested too deeply", tokenSpan(file, tokens[0]!));
      return null;
    }
    throw e;
  }
}

function findTooDeep(tokens: readonly IToken[]): IToken | undefined {
  let depth = 0;
  let signs = 0;
  let carets = 0;
  for (const t of tokens) {
    if (t.tokenType === T.LParen && ++depth > MAX_NESTING) return t;
    if (t.tokenType === T.RParen) depth--;
    // a run of prefix signs, or a chain of '^', recurses as deeply as parentheses do
    signs = t.tokenType === T.Minus || t.tokenType === T.Plus ? signs + 1 : 0;
    if (signs > MAX_NESTING) return t;
    if (t.tokenType === T.Caret && ++carets > MAX_NESTING) return t;
  }
  return undefined;
}

function reportLexErrors(text: string, file: string, errors: readonly { offset: number; length: number }[], sink: DiagnosticSink): void {
  let shown = 0;
  for (const e of errors) {
    if (shown++ >= 20) {
      sink.error(CODES.unexpectedCharacter, `${errors.length - 20} more unexpected characters not shown`, spanAt(text, file, e.offset, e.length));
      return;
    }
    const ch = text.slice(e.offset, e.offset + Math.min(e.length, 10));
    sink.error(CODES.unexpectedCharacter, `unexpected character${e.length > 1 ? "s" : ""} '${ch}'`, spanAt(text, file, e.offset, e.length));
  }
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

export function tokenSpan(file: string, t: IToken): Span {
  return { file, offset: t.startOffset, line: t.startLine ?? 1, column: t.startColumn ?? 1, length: (t.endOffset ?? t.startOffset) - t.startOffset + 1 };
}

function afterToken(file: string, t: IToken): Span {
  return { file, offset: (t.endOffset ?? t.startOffset) + 1, line: t.endLine ?? t.startLine ?? 1, column: (t.endColumn ?? t.startColumn ?? 0) + 1, length: 1 };
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

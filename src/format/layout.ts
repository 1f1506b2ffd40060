/**
 * The layout of one line: its tokens (from the language's own lexer, src/syntax/lexer.ts), its
 * trailing comment, and the canonical spacing between tokens.
 *
 * Spacing is decided from token images and a few token categories, not from statement kinds, so a
 * statement the formatter has never heard of (`current J = R1 - R2 [step 8 nm]`) is spaced by the
 * same rules as the ones it has.
 */
import { tokenMatcher, type IToken } from "chevrotain";
import * as T from "../syntax/lexer.js";

/** One source line split into what the formatter rearranges and what it keeps as written. */
export interface LineTokens {
  readonly tokens: readonly IToken[];
  /** The `#…` comment at the end of the line (trailing blanks removed), or null. */
  readonly comment: string | null;
  /** Where the comment starts on the line (-1 without one). */
  readonly commentAt: number;
}

/**
 * Lexes one line (no line break inside). Null when the lexer reports an error: such a line is
 * kept as written, since the formatter only moves spaces between tokens it understands.
 */
export function lexLine(line: string): LineTokens | null {
  const lexed = T.lexer().tokenize(line);
  if (lexed.errors.length > 0) return null;
  const tokens = lexed.tokens.filter((t) => t.tokenType !== T.Newline);
  const last = tokens[tokens.length - 1];
  const after = last === undefined ? 0 : last.startOffset + last.image.length;
  const hash = line.indexOf("#", after);
  return { tokens, comment: hash < 0 ? null : line.slice(hash).trimEnd(), commentAt: hash };
}

/** Tokens after which a sign is a prefix (`-1`, `= -x`) rather than a binary operator. */
function endsOperand(t: IToken | undefined): boolean {
  if (t === undefined) return false;
  return t.tokenType === T.Name || t.tokenType === T.NumberLiteral || t.tokenType === T.RParen || t.tokenType === T.StringLiteral || t.image === "]" || t.tokenType === T.Percent;
}

const TIGHT_OPERATORS: ReadonlySet<string> = new Set(["^"]);
const NO_SPACE_BEFORE: ReadonlySet<string> = new Set([",", ";", ":", ")", "]", "%"]);
const NO_SPACE_AFTER: ReadonlySet<string> = new Set(["(", "["]);

/**
 * The tokens of one statement (or part of one) joined with canonical spacing: one space between
 * tokens, none before `, ; : ) ] %` or after `( [`, none around `^`, none after a prefix sign,
 * none between a function's name and its `(`.
 */
export function joinTokens(tokens: readonly IToken[]): string {
  let out = "";
  let prefixSign = false;
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    if (prev !== undefined && !glued(prev, t, prefixSign)) out += " ";
    out += t.image;
    const sign = t.tokenType === T.Minus || t.tokenType === T.Plus;
    prefixSign = sign && !endsOperand(prev);
  });
  return out;
}

function glued(prev: IToken, t: IToken, prevIsPrefixSign: boolean): boolean {
  if (NO_SPACE_BEFORE.has(t.image) || NO_SPACE_AFTER.has(prev.image)) return true;
  if (prevIsPrefixSign) return true;
  if (TIGHT_OPERATORS.has(t.image) || TIGHT_OPERATORS.has(prev.image)) return true;
  // `exp(x)`, `conc(A)`: a function's name (a plain name, not a keyword) touches its parenthesis
  return t.tokenType === T.LParen && prev.tokenType === T.Name;
}

/**
 * A line holding exactly one reaction, split where the block alignment pads it: the label
 * (`kinase:`), the equation, and `@` with the rates. Null for any other line.
 */
export interface ReactionParts {
  readonly label: string | null;
  readonly equation: string;
  readonly rates: string;
}

export function reactionParts(tokens: readonly IToken[]): ReactionParts | null {
  if (tokens.some((t) => t.tokenType === T.Semicolon)) return null;
  const arrow = tokens.findIndex((t) => tokenMatcher(t, T.AnyArrow));
  const at = tokens.findIndex((t) => t.tokenType === T.At);
  if (arrow < 0 || at < arrow) return null;
  const [first, second] = tokens;
  const labelled = first?.tokenType === T.Name && second?.tokenType === T.Colon && arrow > 1;
  const start = labelled ? 2 : 0;
  return {
    label: labelled ? `${first.image}:` : null,
    equation: joinTokens(tokens.slice(start, at)),
    rates: joinTokens(tokens.slice(at)),
  };
}

/** True when the two lines hold the same tokens in the same order (what formatting must keep). */
export function sameTokens(a: readonly IToken[], b: readonly IToken[]): boolean {
  return a.length === b.length && a.every((t, i) => t.tokenType === b[i]?.tokenType && t.image === b[i]?.image);
}

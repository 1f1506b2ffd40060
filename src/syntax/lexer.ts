/**
 * Tokens of the network language (LANGUAGE.md, "Lexical rules"), as a chevrotain lexer.
 *
 * Newlines are tokens: they end statements. Malformed arrows (`=>`, `<=>`, `-->`, `<-`, `⇌`) and
 * strings without a closing quote are tokens too, so the parser can keep going and the compiler
 * can name the mistake precisely instead of reporting "unexpected character".
 */
import { createToken, Lexer, type TokenType } from "chevrotain";

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\f\v\u00a0\ufeff]+/, group: Lexer.SKIPPED });
export const Comment = createToken({ name: "Comment", pattern: /#[^\r\n]*/, group: Lexer.SKIPPED });
export const Newline = createToken({ name: "Newline", pattern: /\r\n|\r|\n/, line_breaks: true });
export const Semicolon = createToken({ name: "Semicolon", pattern: /;/ });

export const Name = createToken({ name: "Name", pattern: /[A-Za-z_][A-Za-z0-9_]*/ });

function keyword(word: string): TokenType {
  return createToken({ name: word[0]!.toUpperCase() + word.slice(1), pattern: new RegExp(word), longer_alt: Name });
}
export const Network = keyword("network");
export const Param = keyword("param");
export const Species = keyword("species");
export const State = keyword("state");
export const Reservoir = keyword("reservoir");
export const Chemostat = keyword("chemostat");
export const Assert = keyword("assert");
export const Not = keyword("not");
export const KEYWORDS = [Network, Param, Species, State, Reservoir, Chemostat, Assert, Not];
export { KEYWORD_WORDS } from "./keywords.js";

export const NumberLiteral = createToken({ name: "NumberLiteral", pattern: /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/ });
export const StringLiteral = createToken({ name: "StringLiteral", pattern: /"[^"\r\n]*"/ });
export const UnterminatedString = createToken({ name: "UnterminatedString", pattern: /"[^"\r\n]*/ });

/** Every arrow, good or bad, shares this category so the parser accepts it in an arrow's place. */
export const AnyArrow = createToken({ name: "AnyArrow", pattern: Lexer.NA });
export const TwoWay = createToken({ name: "TwoWay", pattern: /<->/, categories: AnyArrow });
export const BadArrow = createToken({
  name: "BadArrow",
  pattern: /<=>|<-->|<==>|-->|==>|=>|<--|<-|→|⟶|⇌|↔|⇄|⟷|←/,
  categories: AnyArrow,
});
export const OneWay = createToken({ name: "OneWay", pattern: /->/, categories: AnyArrow });

export const PlusMinus = createToken({ name: "PlusMinus", pattern: /\+-|±/ });
export const Plus = createToken({ name: "Plus", pattern: /\+/ });
export const Minus = createToken({ name: "Minus", pattern: /-/ });
export const Star = createToken({ name: "Star", pattern: /\*/ });
export const Slash = createToken({ name: "Slash", pattern: /\// });
export const Caret = createToken({ name: "Caret", pattern: /\^/ });
export const LParen = createToken({ name: "LParen", pattern: /\(/ });
export const RParen = createToken({ name: "RParen", pattern: /\)/ });
export const Comma = createToken({ name: "Comma", pattern: /,/ });
export const Colon = createToken({ name: "Colon", pattern: /:/ });
export const At = createToken({ name: "At", pattern: /@/ });
/** `assert detailed_balance within 1%`: a relative tolerance. */
export const Percent = createToken({ name: "Percent", pattern: /%/ });

/** Comparison operators, for `assert` statements. `=` doubles as the declaration sign. */
export const Compare = createToken({ name: "Compare", pattern: Lexer.NA });
export const LessEq = createToken({ name: "LessEq", pattern: /<=/, categories: Compare });
export const GreaterEq = createToken({ name: "GreaterEq", pattern: />=/, categories: Compare });
export const NotEq = createToken({ name: "NotEq", pattern: /!=/, categories: Compare });
export const EqEq = createToken({ name: "EqEq", pattern: /==/, categories: Compare });
export const Less = createToken({ name: "Less", pattern: /</, categories: Compare });
export const Greater = createToken({ name: "Greater", pattern: />/, categories: Compare });
export const Equals = createToken({ name: "Equals", pattern: /=/ });

/** Order matters: longer patterns before their prefixes. */
export const ALL_TOKENS: TokenType[] = [
  WhiteSpace, Comment, Newline, Semicolon,
  StringLiteral, UnterminatedString,
  TwoWay, BadArrow, OneWay, AnyArrow,
  LessEq, GreaterEq, NotEq, EqEq, Less, Greater, Compare, Equals,
  PlusMinus, Plus, Minus, Star, Slash, Caret, LParen, RParen, Comma, Colon, At, Percent,
  NumberLiteral,
  ...KEYWORDS, Name,
];

let shared: Lexer | undefined;

/**
 * Lexes one line at a time (see parse.ts): offsets are relative to the line, which gives columns.
 * Built on first use, as the parser is (~20 ms of chevrotain's analysis of the tokens).
 */
export function lexer(): Lexer {
  return (shared ??= new Lexer(ALL_TOKENS, { positionTracking: "onlyOffset", ensureOptimizations: true }));
}

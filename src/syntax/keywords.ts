/**
 * The language's keywords as words: apart from the chevrotain tokens (lexer.ts) so the fast path's
 * scanners (fast-reaction.ts, fast-path.ts) load without chevrotain, as a prescan thread does
 * (prescan.ts).
 */
export const KEYWORD_WORDS: ReadonlySet<string> = new Set(["network", "param", "species", "state", "reservoir", "chemostat", "assert", "not"]);

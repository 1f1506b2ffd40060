/**
 * `ness fmt`: the one canonical layout of a network file, as a pure function of its text.
 *
 *   text ─lines─▶ lexLine (the language's lexer) ─▶ joinTokens | reactionParts ─▶ align blocks ─▶ text
 *
 * The layout: no indentation, one space between tokens (none before `,` `:` `)`, none around
 * `^`, none after a prefix sign); the labels, equations and `@` of a block of consecutive
 * reaction lines in columns; trailing comments two spaces after the code, in one column within a
 * run of commented lines; at most one blank line in a row; no blank lines at the start or end;
 * the file's own line ending (CRLF stays CRLF) and one at the end.
 *
 * What it keeps: every token, in order, on its line, and every comment's text. Statements never
 * span lines (LANGUAGE.md), so the formatted file compiles to the same network with only its
 * spans moved; a line the lexer rejects, or whose re-spaced tokens would lex differently, is kept
 * as written. `sameNetwork` (equivalent.ts) is the check a caller can add on top.
 *
 *   format("r1:A->B@ 2\n")   // "r1: A -> B @ 2\n"
 *   format(format(t)) === format(t)
 */
import { joinTokens, lexLine, reactionParts, sameTokens, type ReactionParts } from "./layout.js";

export { sameNetwork } from "./equivalent.js";
export { lexLine, type LineTokens } from "./layout.js";

/** Spaces between the longest equation of a block and its `@` column, and before a comment. */
const GAP = 2;

type Line =
  | { readonly kind: "blank" }
  | { readonly kind: "comment"; readonly text: string }
  | { readonly kind: "verbatim"; readonly text: string }
  | { readonly kind: "reaction"; readonly parts: ReactionParts; readonly comment: string | null }
  | { readonly kind: "code"; readonly text: string; readonly comment: string | null };

export function format(text: string): string {
  const eol = /\r\n|\n|\r/.exec(text)?.[0] ?? "\n";
  const lines = collapseBlank(text.split(/\r\n|\n|\r/).map(classify));
  const code = alignReactions(lines);
  const out = alignComments(lines, code);
  return out.length === 0 ? "" : out.join(eol) + eol;
}

function classify(raw: string): Line {
  const line = raw.replace(/^\ufeff/, "");
  if (line.trim() === "") return { kind: "blank" };
  const lexed = lexLine(line);
  if (lexed === null) return { kind: "verbatim", text: line.trimEnd() };
  if (lexed.tokens.length === 0) return { kind: "comment", text: lexed.comment ?? "" };
  const parts = reactionParts(lexed.tokens);
  const joined = parts === null ? joinTokens(lexed.tokens) : [parts.label, parts.equation, parts.rates].filter((p) => p !== null).join(" ");
  // the re-spaced line must lex to the very same tokens (a space removed never merges two)
  const again = lexLine(joined);
  if (again === null || !sameTokens(again.tokens, lexed.tokens)) return { kind: "verbatim", text: line.trimEnd() };
  return parts === null ? { kind: "code", text: joined, comment: lexed.comment } : { kind: "reaction", parts, comment: lexed.comment };
}

function collapseBlank(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    if (l.kind === "blank" && (out.length === 0 || out[out.length - 1]?.kind === "blank")) continue;
    out.push(l);
  }
  while (out[out.length - 1]?.kind === "blank") out.pop();
  return out;
}

/**
 * The code of each line (without its comment), reaction lines laid out in columns within each
 * run of consecutive reaction lines: labels padded to the longest, equations to the longest + GAP (a lone reaction: one space).
 */
function alignReactions(lines: readonly Line[]): string[] {
  const code = lines.map((l) => (l.kind === "code" ? l.text : l.kind === "verbatim" || l.kind === "comment" ? l.text : ""));
  for (let i = 0; i < lines.length; ) {
    if (lines[i]?.kind !== "reaction") {
      i++;
      continue;
    }
    let j = i;
    const block: ReactionParts[] = [];
    for (let l = lines[j]; l?.kind === "reaction"; l = lines[++j]) block.push(l.parts);
    const labelWidth = Math.max(...block.map((p) => (p.label === null ? 0 : p.label.length + 1)));
    // a lone reaction needs no column: one space before its `@`
    const lone = block.length === 1;
    const equationWidth = Math.max(...block.map((p) => p.equation.length));
    block.forEach((p, k) => {
      const label = labelWidth === 0 ? "" : (p.label ?? "").padEnd(labelWidth);
      code[i + k] = `${label}${p.equation.padEnd(equationWidth + (lone ? 1 : GAP))}${p.rates}`;
    });
    i = j;
  }
  return code;
}

/** Appends trailing comments, in one column within each run of consecutive commented code lines. */
function alignComments(lines: readonly Line[], code: readonly string[]): string[] {
  const comment = (l: Line | undefined): string | null => (l !== undefined && (l.kind === "code" || l.kind === "reaction") ? l.comment : null);
  const out = [...code];
  for (let i = 0; i < lines.length; ) {
    if (comment(lines[i]) === null) {
      i++;
      continue;
    }
    let j = i;
    while (comment(lines[j]) !== null) j++;
    const width = Math.max(...code.slice(i, j).map((c) => c.length)) + GAP;
    for (let k = i; k < j; k++) out[k] = `${(code[k] ?? "").padEnd(width)}${comment(lines[k]) ?? ""}`;
    i = j;
  }
  return out;
}

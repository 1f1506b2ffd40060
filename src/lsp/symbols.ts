/**
 * Where every name of a document is declared and used, from the language's own lexer, line by
 * line. Statements never span lines (LANGUAGE.md), so a line's tokens depend on that line alone:
 * `SymbolIndex.update` re-lexes only the lines whose text changed since the last version (a
 * keystroke in a 10 000-line file lexes one line) and resolves names over the cached lines.
 */
import { tokenMatcher, type IToken } from "chevrotain";
import { lexLine } from "../format/index.js";
import * as T from "../syntax/lexer.js";

export type DefinitionKind = "param" | "species" | "state" | "reservoir" | "label" | "current";

/** A name as written on one line (0-based character range). */
export interface Occurrence {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  /** Set when this occurrence declares the name. */
  readonly defines: DefinitionKind | null;
}

export type TokenClass = "keyword" | "number" | "string" | "comment" | "operator" | "name" | "function";

/** One lexed line: names, statement shape, and the class of each token for highlighting. */
export interface LineInfo {
  readonly names: readonly Occurrence[];
  /** `kinase:` / the arrow / `@`: where a reaction line is, for its hover. */
  readonly reaction: boolean;
  readonly network: boolean;
  readonly tokens: readonly { readonly start: number; readonly length: number; readonly cls: TokenClass }[];
}

const DECLARE: ReadonlyMap<string, DefinitionKind> = new Map([
  ["param", "param"], ["species", "species"], ["state", "state"], ["reservoir", "reservoir"], ["chemostat", "reservoir"],
]);

export function lexInfo(line: string): LineInfo {
  const lexed = lexLine(line);
  if (lexed === null) return { names: [], reaction: false, network: false, tokens: [] };
  const toks = lexed.tokens;
  const first = toks[0];
  const declares = first ? DECLARE.get(first.image) : undefined;
  const reaction = toks.some((t) => tokenMatcher(t, T.AnyArrow)) && toks.some((t) => t.tokenType === T.At);
  const names: Occurrence[] = [];
  const tokens: { start: number; length: number; cls: TokenClass }[] = [];
  let depth = 0;
  toks.forEach((t, i) => {
    const prev = toks[i - 1];
    const next = toks[i + 1];
    if (t.tokenType === T.LParen) depth++;
    if (t.tokenType === T.RParen) depth--;
    tokens.push({ start: t.startOffset, length: t.image.length, cls: classOf(t, next) });
    if (t.tokenType !== T.Name || next?.tokenType === T.LParen) return;
    let defines: DefinitionKind | null = null;
    if (declares !== undefined && i > 0 && depth === 0 && (prev === first || prev?.tokenType === T.Comma)) defines = declares;
    else if (reaction && i === 0 && next?.tokenType === T.Colon) defines = "label";
    else if (i === 1 && first?.image === "current") defines = "current";
    names.push({ name: t.image, start: t.startOffset, end: t.startOffset + t.image.length, defines });
  });
  if (lexed.comment !== null) tokens.push({ start: lexed.commentAt, length: lexed.comment.length, cls: "comment" });
  return { names, reaction, network: first?.tokenType === T.Network, tokens };
}

function classOf(t: IToken, next: IToken | undefined): TokenClass {
  if (t.tokenType === T.NumberLiteral) return "number";
  if (t.tokenType === T.StringLiteral || t.tokenType === T.UnterminatedString) return "string";
  if (t.tokenType === T.Name) return next?.tokenType === T.LParen ? "function" : "name";
  return /^[A-Za-z_]/.test(t.image) ? "keyword" : "operator";
}

export interface Definition {
  readonly name: string;
  readonly kind: DefinitionKind;
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

export interface Located extends Occurrence {
  readonly line: number;
}

/**
 * The names of one version of a document. Built by `update` from the previous version's lines,
 * re-lexing only lines whose text is new.
 */
export class SymbolIndex {
  readonly lines: readonly LineInfo[];
  readonly definitions: ReadonlyMap<string, Definition>;
  /** Lines that were lexed anew for this version (the others came from the previous one). */
  readonly relexed: number;

  private constructor(lines: readonly LineInfo[], relexed: number) {
    this.lines = lines;
    this.relexed = relexed;
    const defs = new Map<string, Definition>();
    lines.forEach((l, line) => {
      for (const o of l.names) if (o.defines !== null && !defs.has(o.name)) defs.set(o.name, { name: o.name, kind: o.defines, line, start: o.start, end: o.end });
    });
    this.definitions = defs;
  }

  static build(text: string, previous?: { readonly texts: readonly string[]; readonly index: SymbolIndex }): { index: SymbolIndex; texts: string[] } {
    const texts = text.split(/\r\n|\n|\r/);
    if (previous === undefined) return { index: new SymbolIndex(texts.map(lexInfo), texts.length), texts };
    // an edit changes a run of lines: keep the lines before and after it as they were lexed
    const old = previous.texts, oldLines = previous.index.lines;
    const common = Math.min(old.length, texts.length);
    let head = 0;
    while (head < common && old[head] === texts[head]) head++;
    let tail = 0;
    while (tail < common - head && old[old.length - 1 - tail] === texts[texts.length - 1 - tail]) tail++;
    const changed = texts.slice(head, texts.length - tail).map(lexInfo);
    const lines = [...oldLines.slice(0, head), ...changed, ...oldLines.slice(oldLines.length - tail)];
    return { index: new SymbolIndex(lines, changed.length), texts };
  }

  /** The name at a position, if any. */
  at(line: number, character: number): Located | undefined {
    const o = this.lines[line]?.names.find((n) => n.start <= character && character <= n.end);
    return o === undefined ? undefined : { ...o, line };
  }

  /** Every occurrence of a declared name: its declaration and every use. */
  occurrences(name: string): Located[] {
    if (!this.definitions.has(name)) return [];
    const out: Located[] = [];
    this.lines.forEach((l, line) => {
      for (const o of l.names) if (o.name === name) out.push({ ...o, line });
    });
    return out;
  }
}

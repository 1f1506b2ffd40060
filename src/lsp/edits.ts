/**
 * The features that change or navigate the text: go to definition, find references, rename,
 * quick fixes for "did you mean", and formatting. A rename or a format is checked by compiling
 * its result: it is refused (rename) or not offered (format) when the file would no longer
 * compile as before.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Location, type Position, type Range, type TextEdit } from "vscode-languageserver";
import { compile } from "../compile/index.js";
import { format, sameNetwork } from "../format/index.js";
import { KEYWORD_WORDS } from "../syntax/lexer.js";
import { suggestionOf, type DocumentState } from "./document.js";
import type { Located } from "./symbols.js";

const range = (o: Located): Range => ({ start: { line: o.line, character: o.start }, end: { line: o.line, character: o.end } });

export function definition(state: DocumentState, pos: Position): Location | null {
  const at = state.index.at(pos.line, pos.character);
  const def = at ? state.index.definitions.get(at.name) : undefined;
  if (def === undefined) return null;
  return { uri: state.uri, range: { start: { line: def.line, character: def.start }, end: { line: def.line, character: def.end } } };
}

export function references(state: DocumentState, pos: Position, includeDeclaration: boolean): Location[] {
  const at = state.index.at(pos.line, pos.character);
  if (at === undefined) return [];
  return state.index.occurrences(at.name).filter((o) => includeDeclaration || o.defines === null).map((o) => ({ uri: state.uri, range: range(o) }));
}

/** The range of the declared name under the cursor, or null where nothing can be renamed. */
export function prepareRename(state: DocumentState, pos: Position): Range | null {
  const at = state.index.at(pos.line, pos.character);
  return at !== undefined && state.index.definitions.has(at.name) ? range(at) : null;
}

/** Words a name may not become, beyond the keywords: the functions and the assert quantities. */
const RESERVED: ReadonlySet<string> = new Set([...KEYWORD_WORDS, "exp", "log", "sqrt"]);

export type RenameResult = { readonly ok: true; readonly edits: TextEdit[] } | { readonly ok: false; readonly message: string };

/**
 * Renames a declared name everywhere. Refused, with the reason, when the new name is not a name,
 * is a keyword, is already declared, or when the renamed file would not compile as the old one
 * did (compared by diagnostic codes and network).
 */
export function rename(state: DocumentState, pos: Position, newName: string): RenameResult {
  const at = state.index.at(pos.line, pos.character);
  if (at === undefined || !state.index.definitions.has(at.name)) return { ok: false, message: "only a declared species, state, reservoir, param or reaction label can be renamed" };
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(newName)) return { ok: false, message: `'${newName}' is not a name: a letter or '_', then letters, digits or '_'` };
  if (RESERVED.has(newName)) return { ok: false, message: `'${newName}' is a keyword of the language and cannot name anything` };
  if (newName === at.name) return { ok: true, edits: [] };
  const clash = state.index.definitions.get(newName) ?? (state.index.lines.some((l) => l.names.some((n) => n.name === newName)) ? { line: -1 } : undefined);
  if (clash !== undefined) return { ok: false, message: `'${newName}' is already ${clash.line >= 0 ? `declared on line ${clash.line + 1}` : "used in this file"}` };
  const occurrences = state.index.occurrences(at.name);
  const edits = occurrences.map((o) => ({ range: range(o), newText: newName }));
  const renamed = applyEdits(state.lineTexts, edits, eolOf(state.text));
  const before = compile(state.text, state.file), after = compile(renamed, state.file);
  const errors = (r: typeof before): string[] => r.diagnostics.filter((d) => d.severity === "error").map((d) => d.code);
  if (errors(after).length > errors(before).length || (before.network !== null && after.network === null)) {
    const first = after.diagnostics.find((d) => d.severity === "error");
    return { ok: false, message: `renaming '${at.name}' to '${newName}' would break the file${first ? `: ${first.message}` : ""}` };
  }
  return { ok: true, edits };
}

function eolOf(text: string): string {
  return /\r\n|\n|\r/.exec(text)?.[0] ?? "\n";
}

/** Applies single-line edits to the document's lines (edits never overlap; names never span lines). */
export function applyEdits(lines: readonly string[], edits: readonly TextEdit[], eol: string): string {
  const out = [...lines];
  const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
  for (const e of sorted) {
    const l = out[e.range.start.line] ?? "";
    out[e.range.start.line] = l.slice(0, e.range.start.character) + e.newText + l.slice(e.range.end.character);
  }
  return out.join(eol);
}

/** One quick fix per "did you mean" diagnostic: replace the name with the suggestion. */
export function quickFixes(state: DocumentState, diagnostics: readonly Diagnostic[]): CodeAction[] {
  return diagnostics.flatMap((d) => {
    const data = d.data as { suggestion?: unknown } | undefined;
    const suggestion = typeof data?.suggestion === "string" ? data.suggestion : suggestionOf(d.message);
    if (suggestion === undefined) return [];
    return [{
      title: `Change to '${suggestion}'`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: true,
      edit: { changes: { [state.uri]: [{ range: d.range, newText: suggestion }] } },
    }];
  });
}

/** The whole document in the canonical layout, as one edit; none when it is already formatted or would not mean the same. */
export function formatting(state: DocumentState): TextEdit[] {
  const formatted = format(state.text);
  if (formatted === state.text || !sameNetwork(state.text, formatted, state.file)) return [];
  const last = state.lineTexts.length - 1;
  return [{ range: { start: { line: 0, character: 0 }, end: { line: last, character: state.lineTexts[last]?.length ?? 0 } }, newText: formatted }];
}

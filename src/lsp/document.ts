/**
 * One open document as the server knows it: its text, the symbol index of its lines (rebuilt
 * incrementally on each change), and the compile result the diagnostics come from. Diagnostics
 * are the compiler's own (`compile()` of src/compile/), converted to LSP ranges, with the same
 * codes, spans and hints `ness check` prints.
 */
import { compile, type CompileResult } from "../compile/index.js";
import type { Diagnostic as NessDiagnostic, Span } from "../diagnostics.js";
import type { Network } from "../network/types.js";
import { DiagnosticSeverity, type Diagnostic, type Range } from "vscode-languageserver";
import { SymbolIndex } from "./symbols.js";
import type { AnalysisSummary } from "./verdict.js";

export interface DocumentState {
  readonly uri: string;
  readonly file: string;
  readonly version: number;
  readonly text: string;
  readonly index: SymbolIndex;
  readonly lineTexts: readonly string[];
  /** Null until the (debounced) compile of this version has run. */
  compiled: CompileResult | null;
  /** The most recent network that compiled, for hovers while the current text has errors. */
  lastGood: { readonly network: Network; readonly version: number } | null;
  /** The analysis of `summaryVersion`, when it has run (possibly of an older version). */
  summary: AnalysisSummary | null;
  summaryVersion: number;
  analysisError: string | null;
}

/** The state of a new version, reusing the previous version's lexed lines where unchanged. */
export function nextState(uri: string, file: string, version: number, text: string, previous: DocumentState | undefined): DocumentState {
  const built = SymbolIndex.build(text, previous ? { texts: previous.lineTexts, index: previous.index } : undefined);
  return {
    uri, file, version, text,
    index: built.index,
    lineTexts: built.texts,
    compiled: null,
    lastGood: previous?.lastGood ?? null,
    summary: previous?.summary ?? null,
    summaryVersion: previous?.summaryVersion ?? -1,
    analysisError: null,
  };
}

/** Compiles the state's text (the same compile() `ness check` runs) and remembers the result. */
export function compileState(state: DocumentState): CompileResult {
  const result = compile(state.text, state.file);
  state.compiled = result;
  if (result.network !== null) state.lastGood = { network: result.network, version: state.version };
  return result;
}

export function spanRange(span: Span): Range {
  return { start: { line: span.line - 1, character: span.column - 1 }, end: { line: span.line - 1, character: span.column - 1 + Math.max(1, span.length) } };
}

/** "did you mean 'X'?" in a message: the replacement a quick fix offers. */
export function suggestionOf(message: string): string | undefined {
  return /did you mean '([^']+)'\?/.exec(message)?.[1];
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/** A compiler diagnostic for the editor: same code and span; the hint follows the message as `ness check` prints it. */
export function toLspDiagnostic(d: NessDiagnostic): Diagnostic {
  const suggestion = suggestionOf(d.message);
  return {
    range: d.span ? spanRange(d.span) : { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    severity: SEVERITY[d.severity],
    code: d.code,
    source: "ness",
    message: d.hint ? `${d.message}\nhint: ${d.hint}` : d.message,
    ...(suggestion !== undefined ? { data: { suggestion } } : {}),
  };
}

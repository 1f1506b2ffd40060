/**
 * The one Diagnostic type every stage reports into, and the catalogue of stable codes.
 *
 * Stages never throw for bad input: they `accept` diagnostics into a sink. Codes are the stable
 * contract (tests assert them; wording may improve); messages are written where the problem is found.
 */

/** A place in a source file. Lines and columns are 1-based; `offset` is 0-based. */
export interface Span {
  readonly file: string;
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly length: number;
}

export type Severity = "error" | "warning" | "info";

/** Stable diagnostic codes. Renaming one breaks users' scripts: add, never rename. */
export const CODES = {
  // syntax
  unexpectedCharacter: "unexpected-character",
  unterminatedString: "unterminated-string",
  badArrow: "bad-arrow",
  syntaxError: "syntax-error",
  tooDeep: "nesting-too-deep",
  binaryInput: "binary-input",
  // names
  unknownName: "unknown-name",
  unknownSpecies: "unknown-species",
  unknownReaction: "unknown-reaction",
  unknownFunction: "unknown-function",
  duplicateDeclaration: "duplicate-declaration",
  duplicateLabel: "duplicate-label",
  duplicateNetwork: "duplicate-network",
  // values
  wrongRateCount: "wrong-rate-count",
  badRateConstant: "bad-rate-constant",
  divisionByZero: "division-by-zero",
  notFinite: "not-finite",
  negativeAmount: "negative-amount",
  reservoirWithoutValue: "reservoir-without-value",
  badReservoirValue: "bad-reservoir-value",
  missingValue: "missing-value",
  badInitialDistribution: "bad-initial-distribution",
  badCoefficient: "bad-coefficient",
  wrongArgumentCount: "wrong-argument-count",
  // shape
  stateMixedWithSpecies: "state-mixed-with-species",
  markovNotOneToOne: "markov-not-one-to-one",
  emptyReaction: "empty-reaction",
  reservoirOnlyReaction: "reservoir-only-reaction",
  noReactions: "no-reactions",
  unusedSpecies: "unused-species",
  unusedParam: "unused-param",
  markovSelfLoop: "markov-self-loop",
  // thermodynamics by construction (energy, @ barrier / prefactor)
  /** `energy X = …` for a name that is not a species, state or reservoir. */
  energyUnknownName: "energy-unknown-name",
  /** A reaction built from energies (`@ barrier`, `@ prefactor`) with a species or reservoir that has none. */
  energyMissing: "energy-missing",
  /** A barrier below the free energies of both sides (warning). */
  barrierBelowStates: "barrier-below-states",
  /** `@ barrier …` together with plain rate constants in one reaction. */
  mixedRates: "mixed-rates",
  /** A one-way reaction built from energies: detailed balance by construction needs both directions. */
  constructedOneWay: "constructed-one-way",
  // measurements (volume, current, force)
  /** A second `volume` statement, or a volume that is not a positive finite number. */
  badVolume: "bad-volume",
  /** A `current` statement that is malformed: unknown reaction, repeated name or reaction, bad step. */
  badCurrent: "bad-current",
  /** A `force` statement whose param or current is not declared, or whose kT is not positive. */
  badForce: "bad-force",
  /** `compile(..., { overrides })` with a name that is not a param or reservoir. */
  unknownOverride: "unknown-override",
  // asserts
  assertFailed: "assert-failed",
  detailedBalanceViolated: "detailed-balance-violated",
  assertUnevaluable: "assert-unevaluable",
  badAssert: "bad-assert",
  /** `assert detailed_balance within …` with a value that is not a tolerance. */
  badTolerance: "bad-tolerance",
  /** An assert on the reached state (conc, flux, entropy_production) when no steady state is reached. */
  stateNotReached: "steady-state-not-reached",
  // files and import
  sbmlInvalid: "sbml-invalid",
  sbmlNotMassAction: "sbml-not-mass-action",
  sbmlUnsupported: "sbml-unsupported",
  sbmlNote: "sbml-note",
} as const;

export type DiagnosticCode = (typeof CODES)[keyof typeof CODES];

export interface Diagnostic {
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  /** Where it is; absent only for whole-file problems (an unreadable file). */
  readonly span?: Span;
  readonly hint?: string;
}

/** Collects diagnostics; every stage takes one. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];

  accept(severity: Severity, code: DiagnosticCode, message: string, span?: Span, hint?: string): void {
    this.items.push(hint === undefined ? { severity, code, message, span } : { severity, code, message, span, hint });
  }

  error(code: DiagnosticCode, message: string, span?: Span, hint?: string): void {
    this.accept("error", code, message, span, hint);
  }

  warning(code: DiagnosticCode, message: string, span?: Span, hint?: string): void {
    this.accept("warning", code, message, span, hint);
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === "error");
  }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Orders diagnostics by file, then position, errors before warnings at the same place. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return [...diagnostics].sort((a, b) => {
    const fa = a.span?.file ?? "", fb = b.span?.file ?? "";
    if (fa !== fb) return fa < fb ? -1 : 1;
    const oa = a.span?.offset ?? -1, ob = b.span?.offset ?? -1;
    if (oa !== ob) return oa - ob;
    return rank[a.severity] - rank[b.severity];
  });
}

/**
 * Prints `file:line:col: error CODE: message`, then the source line and a caret under the span.
 * `source` is the file's text, used to show the line; long lines are cut around the column.
 */
export function formatDiagnostic(d: Diagnostic, source?: string): string {
  const where = d.span ? `${d.span.file}:${d.span.line}:${d.span.column}: ` : "";
  let out = `${where}${d.severity} ${d.code}: ${d.message}\n`;
  if (d.span && source !== undefined) {
    const lineText = sourceLine(source, d.span.line);
    if (lineText !== undefined) {
      const maxWidth = 160;
      let start = 0;
      if (lineText.length > maxWidth && d.span.column > maxWidth / 2) start = d.span.column - 1 - maxWidth / 2;
      // control characters would move the terminal's cursor; every other character is shown as written
      const shown = lineText.slice(start, start + maxWidth).replace(/[\x00-\x08\x0b-\x1f\x7f]/g, "?");
      const caretCol = d.span.column - 1 - start;
      const caretLen = Math.max(1, Math.min(d.span.length, shown.length - caretCol));
      const gutter = `${d.span.line} | `;
      out += `${gutter}${start > 0 ? "…" : ""}${shown}\n`;
      out += `${" ".repeat(gutter.length - 2)}| ${start > 0 ? " " : ""}${shown.slice(0, caretCol).replace(/[^\t]/g, " ")}${"^".repeat(caretLen)}\n`;
    }
  }
  if (d.hint) out += `  hint: ${d.hint}\n`;
  return out;
}

function sourceLine(source: string, line: number): string | undefined {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = source.indexOf("\n", start);
    if (nl < 0) return undefined;
    start = nl + 1;
  }
  const end = source.indexOf("\n", start);
  return source.slice(start, end < 0 ? source.length : end).replace(/\r$/, "");
}

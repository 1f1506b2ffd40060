/**
 * What the playground shows for a text: the located diagnostics (compile errors and warnings,
 * then failed asserts), a one-line verdict ("balanced", or "driven: cycle a -> b -> c -> a,
 * 1.39 k_B T"), the network's mermaid diagram and the HTML report's body. The same compiler,
 * analyses and report as `ness check` and `ness report`; nothing here touches Node, so the
 * playground's Web Worker runs it in the browser.
 *
 *   evaluate("species A = 1, B\nA <-> B @ 2, 1").verdict?.summary   // "balanced"
 *   evaluate("species A = 1\nA <-> Q @ 1, 1").diagnostics[0]?.line   // 2
 */
import { analyze } from "../analysis/index.js";
import { checkAsserts, lazyAnalyses } from "../analysis/asserts/index.js";
import type { Analysis } from "../analysis/types.js";
import { compile } from "../compile/index.js";
import { formatDiagnostic, hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import type { AcceptedViolation, Network } from "../network/types.js";
import { renderHtmlBody } from "../report/html/index.js";
import { formatNumber } from "../report/model/format.js";
import { verdictOf, type VerdictKind } from "../report/model/index.js";
import { defaultView, renderDiagram } from "../report/mermaid/index.js";

/** One diagnostic with its place in the text (1-based line and column, 0-based offset). */
export interface PlaygroundDiagnostic {
  readonly severity: Diagnostic["severity"];
  readonly code: string;
  readonly message: string;
  readonly hint: string | null;
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  readonly length: number;
  /** As `ness check` prints it: `file:line:col: error code: message`, the line, a caret, the hint. */
  readonly text: string;
}

export interface PlaygroundVerdict {
  readonly kind: VerdictKind;
  /** "balanced", "driven: cycle …, 1.39 k_B T", "undecided: …" (plain text). */
  readonly summary: string;
}

export interface PlaygroundResult {
  readonly diagnostics: readonly PlaygroundDiagnostic[];
  /** Null when the text does not compile. */
  readonly verdict: PlaygroundVerdict | null;
  /** mermaid source of the default view (species or states); null when the text does not compile. */
  readonly diagram: string | null;
  /** The HTML report's body (header, verdict box, sections), its diagrams as `pre.mermaid`. */
  readonly report: string | null;
}

/** The file name diagnostics carry. */
export const PLAYGROUND_FILE = "playground.crn";

/** Compiles and, when it compiles, analyses `text`; never throws for bad input. */
export function evaluate(text: string, file = PLAYGROUND_FILE): PlaygroundResult {
  const compiled = compile(text, file);
  const network = compiled.network;
  if (network === null || hasErrors(compiled.diagnostics)) {
    return { diagnostics: located(compiled.diagnostics, text), verdict: null, diagram: null, report: null };
  }
  const analysis = analyze(network);
  const failed = failedAssertsOf(network, analysis, null);
  return {
    diagnostics: located([...compiled.diagnostics, ...failed], text),
    verdict: verdictSummary(analysis),
    diagram: renderDiagram(analysis, defaultView(network)),
    report: renderHtmlBody(analysis, { href: "" }),
  };
}

/**
 * The network's asserts that fail, judged on an analysis already made (its structure, steady
 * states and, for the same tolerance, its detailed balance), so they agree with what the report
 * shows and nothing is computed twice. `ness site` marks its index with these too.
 */
export function failedAssertsOf(network: Network, analysis: Analysis, acceptViolation: AcceptedViolation | null): Diagnostic[] {
  if (network.asserts.length === 0) return [];
  const fresh = lazyAnalyses(network, undefined, { acceptViolation });
  return checkAsserts(network, {
    ...fresh,
    structure: () => analysis.structure,
    balance: (accept = acceptViolation) => (accept === acceptViolation ? analysis.detailedBalance : fresh.balance(accept)),
    steadyStates: () => analysis.steadyStates,
  });
}

/** The verdict in a few words, as an editor's status line says it. */
export function verdictSummary(analysis: Analysis): PlaygroundVerdict {
  const v = verdictOf(analysis);
  if (v.kind === "equilibrium") return { kind: v.kind, summary: "balanced" };
  const word = v.kind === "undecided" ? "undecided" : "driven";
  const cycle = v.mostDriven === null ? "" : `: cycle ${v.mostDriven.words}, ${Number.isFinite(v.mostDriven.affinity) ? `${formatNumber(v.mostDriven.affinity)} k_B T` : "infinite affinity"}`;
  return { kind: v.kind, summary: `${word}${cycle}${v.kind === "no-steady-state" ? "; no steady state" : ""}` };
}

function located(diagnostics: readonly Diagnostic[], text: string): PlaygroundDiagnostic[] {
  return sortDiagnostics(diagnostics).map((d) => ({
    severity: d.severity,
    code: d.code,
    message: d.message,
    hint: d.hint ?? null,
    line: d.span?.line ?? 1,
    column: d.span?.column ?? 1,
    offset: d.span?.offset ?? 0,
    length: d.span?.length ?? 0,
    text: formatDiagnostic(d, text),
  }));
}

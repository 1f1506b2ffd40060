/**
 * GitHub Actions output for `ness check --format github`: workflow commands that annotate the
 * pull request (`::error file=…,line=…,col=…,title=CODE::message`), and a Markdown summary of
 * the run for `$GITHUB_STEP_SUMMARY`. Escaping follows GitHub's toolkit: in the message `%`,
 * `\r`, `\n` become `%25`, `%0D`, `%0A`; in property values `:` and `,` are escaped too.
 */
import type { Diagnostic, Severity } from "../../diagnostics.js";
import { mdText } from "../model/format.js";
import { code, table } from "../markdown/parts.js";

/** One checked file, as `ness check` saw it. */
export interface CheckFileResult {
  readonly file: string;
  /** Compiled without errors and every assert held. */
  readonly ok: boolean;
  readonly compiled: boolean;
  /** Compile diagnostics and failed asserts, sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** How many asserts the file has, and how many held. */
  readonly asserts: number;
  readonly assertsHeld: number;
  /** "detailed balance", "driven", or null when not evaluated. */
  readonly verdict: string | null;
}

/** Escapes a workflow command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a workflow command's property value (file, title). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

const COMMAND: Record<Severity, string> = { error: "error", warning: "warning", info: "notice" };

/**
 * One diagnostic as a workflow command line, ending in a newline. The hint, when there is one,
 * follows the message on a second line of the annotation.
 */
export function githubAnnotation(d: Diagnostic): string {
  const props: string[] = [];
  if (d.span !== undefined) {
    props.push(`file=${escapeProperty(d.span.file)}`, `line=${d.span.line}`, `col=${d.span.column}`);
    if (d.span.length > 1) props.push(`endColumn=${d.span.column + d.span.length}`);
  }
  props.push(`title=${escapeProperty(d.code)}`);
  const message = d.hint === undefined ? d.message : `${d.message}\nhint: ${d.hint}`;
  return `::${COMMAND[d.severity]} ${props.join(",")}::${escapeData(message)}\n`;
}

/** Every diagnostic as workflow commands. */
export function githubAnnotations(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map(githubAnnotation).join("");
}

/**
 * A short Markdown summary of a check run for `$GITHUB_STEP_SUMMARY`: a table of files with
 * their verdicts and assert counts, then the failed asserts and errors with their places.
 */
export function renderCheckSummary(results: readonly CheckFileResult[]): string {
  const failed = results.filter((r) => !r.ok);
  const head = failed.length === 0
    ? `### ness check: ✅ ${results.length} file${results.length === 1 ? "" : "s"}, all compile and every assert holds`
    : `### ness check: ❌ ${failed.length} of ${results.length} file${results.length === 1 ? "" : "s"} failed`;
  const rows = results.map((r) => [
    code(r.file),
    r.ok ? "✅" : "❌",
    r.compiled ? "yes" : "**no**",
    r.verdict === null ? "—" : mdText(r.verdict),
    r.asserts === 0 ? "—" : `${r.assertsHeld} / ${r.asserts}`,
    String(r.diagnostics.filter((d) => d.severity === "error").length),
    String(r.diagnostics.filter((d) => d.severity === "warning").length),
  ]);
  const out = [head, table(["file", "ok", "compiles", "verdict", "asserts held", "errors", "warnings"], rows, "llllrrr", 500, "the job log has every one")];
  const problems = failed.flatMap((r) => r.diagnostics.filter((d) => d.severity === "error"));
  if (problems.length > 0) {
    const asserts = problems.filter((d) => d.code === "assert-failed" || d.code === "detailed-balance-violated" || d.code === "assert-unevaluable");
    const others = problems.filter((d) => !asserts.includes(d));
    if (asserts.length > 0) out.push(["#### Failed asserts", "", ...asserts.slice(0, 100).map(item)].join("\n"));
    if (others.length > 0) out.push(["#### Errors", "", ...others.slice(0, 100).map(item)].join("\n"));
    if (asserts.length > 100 || others.length > 100) out.push("*Only the first 100 of each are listed; the annotations have them all.*");
  }
  return `${out.join("\n\n")}\n\n`;
}

function item(d: Diagnostic): string {
  const at = d.span === undefined ? "" : `${code(`${d.span.file}:${d.span.line}:${d.span.column}`)} `;
  const hint = d.hint === undefined ? "" : ` — ${mdText(d.hint)}`;
  return `- ${at}${code(d.code)}: ${mdText(d.message.replace(/\r?\n/g, " "))}${hint}`;
}

/**
 * `ness check PATH...`: compile every file, evaluate its asserts, print located diagnostics.
 */
import { appendFileSync } from "node:fs";
import { checkAsserts, holdsWithin, lazyAnalyses } from "../analysis/asserts/index.js";
import type { AcceptedViolation } from "../network/types.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import { githubAnnotation, renderCheckSummary, type CheckFileResult } from "../report/github/index.js";
import { EXIT, expandPaths, formatDiagnostics, loadNetwork, readText, recompiler, type Io, type Values } from "./io.js";
import { usage } from "./help.js";
import { progressReporter } from "./progress.js";
import { balanceTolerance } from "./tolerance.js";

export function runCheck(paths: readonly string[], values: Values, io: Io): number {
  const format = (values.format as string | undefined) ?? "text";
  if (format !== "text" && format !== "github") return usage(io, "check", `--format must be text or github, not '${format}'`);
  if (paths.length === 0) return usage(io, "check", "name at least one file or folder");
  const tolerance = balanceTolerance(values, "check", io);
  if (!tolerance.ok) return tolerance.status;
  const { files, missing } = expandPaths(paths);
  // a missing path is reported, and every path that is there is still checked: one typo in a
  // list of paths must not hide the results of the rest (the exit status still says 2)
  for (const m of missing) io.stderr(`ness check: ${m}: no such file or folder\n`);
  if (files.length === 0 && missing.length > 0) return EXIT.usage;
  if (files.length === 0) {
    io.stderr(`ness check: no .crn files under ${paths.join(", ")}\n`);
    return EXIT.usage;
  }

  const results: CheckFileResult[] = [];
  let unreadable = false;
  for (const file of files) {
    const read = readText(file);
    if (!read.ok) {
      io.stderr(`ness check: ${read.message}\n`);
      unreadable = true;
      continue;
    }
    const result = checkFile(file, read.text, io, tolerance.value, read.shared);
    results.push(result);
    io.stdout(format === "github" ? result.diagnostics.map(githubAnnotation).join("") : formatDiagnostics(result.diagnostics, result.texts));
    if (!values.quiet && format === "text") io.stdout(`${statusLine(result)}\n`);
  }
  const summary = `${totals(results)}${missing.length === 0 ? "" : `; ${missing.length} path${missing.length === 1 ? "" : "s"} not found (${missing.join(", ")})`}`;
  if (format === "text") io.stdout(`${summary}\n`);
  else io.stdout(`::notice title=ness check::${summary}\n`);
  if (typeof values.summary === "string") {
    try {
      appendFileSync(values.summary, renderCheckSummary(results));
    } catch (e) {
      io.stderr(`ness check: cannot write summary to ${values.summary}: ${(e as Error).message}\n`);
      return EXIT.usage;
    }
  }
  if (unreadable || missing.length > 0) return EXIT.usage;
  return results.some((r) => !r.ok) ? EXIT.failed : EXIT.ok;
}

function checkFile(file: string, text: string, io: Io, acceptViolation: AcceptedViolation | null, shared?: Uint8Array): CheckFileResult & { texts: ReadonlyMap<string, string> } {
  const loaded = loadNetwork(file, text, shared);
  let diagnostics: Diagnostic[] = [...loaded.diagnostics];
  let assertsHeld = 0;
  let verdict: string | null = null;
  const network = loaded.network;
  if (network && !hasErrors(diagnostics)) {
    const progress = progressReporter(io, file);
    // asserts at other parameter values recompile this same text with the values overridden
    const recompile = recompiler(file, text, loaded.converted);
    const lazy = lazyAnalyses(network, progress, { acceptViolation, recompile });
    const failed = checkAsserts(network, {
      acceptViolation,
      recompile,
      structure: () => (progress("structure"), lazy.structure()),
      balance: (accept) => (progress("detailed balance"), lazy.balance(accept)),
      steadyStates: () => (progress("steady states"), lazy.steadyStates()),
    });
    progress.done();
    assertsHeld = network.asserts.length - failed.length;
    diagnostics = [...diagnostics, ...failed];
    if (network.asserts.some((a) => a.target.kind === "detailed-balance")) verdict = holdsWithin(lazy.balance(), acceptViolation) ? "detailed balance" : lazy.balance().verdict === "undecided" ? "detailed balance undecided" : "driven";
  }
  const sorted = sortDiagnostics(diagnostics);
  return {
    file,
    ok: !hasErrors(sorted),
    compiled: network !== null,
    diagnostics: sorted,
    asserts: network?.asserts.length ?? 0,
    assertsHeld,
    verdict,
    texts: loaded.texts,
  };
}

function statusLine(r: CheckFileResult): string {
  if (!r.compiled) return `✗ ${r.file}: does not compile`;
  const failed = r.asserts - r.assertsHeld;
  const asserts = r.asserts === 0 ? "" : failed > 0 ? `, ${failed} of ${r.asserts} asserts failed` : `, ${r.asserts} assert${r.asserts > 1 ? "s" : ""} held`;
  return `${r.ok ? "✓" : "✗"} ${r.file}: compiles${asserts}`;
}

function totals(results: readonly CheckFileResult[]): string {
  const count = (sev: string): number => results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === sev).length, 0);
  const errors = count("error"), warnings = count("warning");
  const failedFiles = results.filter((r) => !r.ok).length;
  const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? "" : "s"}`;
  const head = `checked ${plural(results.length, "file")}`;
  if (failedFiles === 0) return `${head}: all compile and every assert holds${warnings ? ` (${plural(warnings, "warning")})` : ""}`;
  return `${head}: ${failedFiles} failed, ${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}

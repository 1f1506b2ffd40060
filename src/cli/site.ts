/**
 * `ness site PATH... [-o DIR]`: every network's report in every format, an index page and the
 * playground. This is `npm start`'s main job on the bundled networks.
 *
 * mermaid's browser bundle (about 3 MB) is written once, as mermaid.min.js beside the pages, and
 * every page loads it by its relative name: opened from disk or served, offline, the pages share
 * one copy instead of carrying fifteen (`ness report --format html` still inlines it, since that
 * page travels alone).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { analyze } from "../analysis/index.js";
import { formatDiagnostic, hasErrors } from "../diagnostics.js";
import { failedAssertsOf } from "../playground/evaluate.js";
import { bundlePlayground } from "../playground/bundle.js";
import { renderPlayground } from "../playground/page.js";
import { renderHtml } from "../report/html/index.js";
import { renderIndex, type IndexEntry } from "../report/html/index-page.js";
import { renderJson } from "../report/json/index.js";
import { renderMarkdown } from "../report/markdown/index.js";
import { defaultView, renderDiagram } from "../report/mermaid/index.js";
import { readMermaidScript } from "./assets.js";
import { EXIT, expandPaths, formatDiagnostics, loadNetwork, readText, recompiler, type Io, type Values } from "./io.js";
import { usage } from "./help.js";
import { progressReporter } from "./progress.js";
import { balanceTolerance } from "./tolerance.js";

export function runSite(paths: readonly string[], values: Values, io: Io): number {
  if (paths.length === 0) return usage(io, "site", "name at least one file or folder");
  const tolerance = balanceTolerance(values, "site", io);
  if (!tolerance.ok) return tolerance.status;
  const out = typeof values.output === "string" ? values.output : "reports";
  const { files, missing } = expandPaths(paths);
  for (const m of missing) io.stderr(`ness site: ${m}: no such file or folder\n`);
  if (missing.length > 0 || files.length === 0) return EXIT.usage;
  try {
    mkdirSync(out, { recursive: true });
  } catch (e) {
    io.stderr(`ness site: cannot create ${out}: ${(e as Error).message}\n`);
    return EXIT.usage;
  }
  const mermaid = { href: MERMAID_FILE }; // one copy beside the pages, written below
  if (!write(io, out, [[MERMAID_FILE, readMermaidScript()]])) return EXIT.usage;
  const entries: IndexEntry[] = [];
  const used = new Set<string>();
  for (const file of files) {
    const read = readText(file);
    if (!read.ok) {
      entries.push({ source: file, analysis: null, error: read.message });
      continue;
    }
    const loaded = loadNetwork(file, read.text, read.shared);
    if (!loaded.network || hasErrors(loaded.diagnostics)) {
      const first = loaded.diagnostics.find((d) => d.severity === "error");
      io.stderr(formatDiagnostics(loaded.diagnostics, loaded.texts));
      entries.push({ source: file, analysis: null, error: first ? formatDiagnostic(first).trim() : "does not compile" });
      continue;
    }
    const progress = progressReporter(io, file);
    const analysis = analyze(loaded.network, { progress, acceptViolation: tolerance.value, recompile: recompiler(file, read.text, loaded.converted) });
    progress.done();
    const failedAsserts = failedAssertsOf(loaded.network, analysis, tolerance.value);
    for (const d of failedAsserts) io.stderr(formatDiagnostics([d], loaded.texts));
    const stem = uniqueStem(basename(file, extname(file)), used);
    const links = { html: `${stem}.html`, md: `${stem}.md`, json: `${stem}.json`, mermaid: `${stem}.mmd` };
    const written = write(io, out, [
      [links.html, renderHtml(analysis, mermaid)],
      [links.md, renderMarkdown(analysis)],
      [links.json, renderJson(analysis)],
      [links.mermaid, renderDiagram(analysis, defaultView(analysis.network))],
    ]);
    if (!written) return EXIT.usage;
    entries.push({ source: file, analysis, links, asserts: loaded.network.asserts.length, failedAsserts: failedAsserts.map((d) => d.message) });
  }
  if (!write(io, out, [["index.html", renderIndex(entries, mermaid, undefined, PLAYGROUND_FILE)]])) return EXIT.usage;
  const playground = bundlePlayground();
  if (playground.ok) {
    if (!write(io, out, [[PLAYGROUND_FILE, renderPlayground({ bundles: playground.bundles, mermaidHref: MERMAID_FILE, indexHref: "index.html" })]])) return EXIT.usage;
  } else {
    io.stderr(`ness site: no playground: ${playground.reason}\n`);
  }
  const failed = entries.filter((e) => e.analysis === null).length;
  io.stdout(`wrote reports for ${entries.length - failed} of ${entries.length} networks to ${out}/; open ${join(out, "index.html")}\n`);
  return failed > 0 ? EXIT.failed : EXIT.ok;
}

/** The name of the site's one copy of mermaid's browser bundle. */
const MERMAID_FILE = "mermaid.min.js";

/** The live editor's page (src/playground/). */
const PLAYGROUND_FILE = "playground.html";

/** Writes files into `dir`; on failure says which and returns false. */
function write(io: Io, dir: string, files: readonly (readonly [string, string])[]): boolean {
  for (const [name, text] of files) {
    try {
      writeFileSync(join(dir, name), text);
    } catch (e) {
      io.stderr(`ness site: cannot write ${join(dir, name)}: ${(e as Error).message}\n`);
      return false;
    }
  }
  return true;
}

function uniqueStem(stem: string, used: Set<string>): string {
  let s = stem;
  for (let i = 2; used.has(s); i++) s = `${stem}-${i}`;
  used.add(s);
  return s;
}

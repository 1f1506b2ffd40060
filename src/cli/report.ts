/**
 * `ness report`, `ness diagram`, `ness import`, `ness export`: one network in, one text out.
 */
import { analyze } from "../analysis/index.js";
import { hasErrors } from "../diagnostics.js";
import type { Network } from "../network/types.js";
import { renderHtml } from "../report/html/index.js";
import { renderJson } from "../report/json/index.js";
import { renderMarkdown } from "../report/markdown/index.js";
import { DIAGRAM_VIEWS, defaultView, renderDiagram, type DiagramView } from "../report/mermaid/index.js";
import { readMermaidScript } from "./assets.js";
import { exportSbml } from "../sbml/export.js";
import { importSbml } from "../sbml/import.js";
import { EXIT, emitText, formatDiagnostics, loadNetwork, readText, type Io, type Values } from "./io.js";
import { usage } from "./help.js";
import { progressReporter } from "./progress.js";
import { balanceTolerance } from "./tolerance.js";

type Loaded = { network: Network; path: string } | { status: number };

/** Reads and compiles the one FILE a command takes; prints diagnostics to stderr. */
function loadOne(command: string, paths: readonly string[], io: Io): Loaded {
  const [path] = paths;
  if (paths.length !== 1 || path === undefined) return { status: usage(io, command, paths.length === 0 ? "name one network file" : "name only one network file") };
  const read = readText(path);
  if (!read.ok) {
    io.stderr(`ness ${command}: ${read.message}\n`);
    return { status: EXIT.usage };
  }
  const loaded = loadNetwork(path, read.text);
  io.stderr(formatDiagnostics(loaded.diagnostics, loaded.texts));
  if (!loaded.network || hasErrors(loaded.diagnostics)) return { status: EXIT.failed };
  return { network: loaded.network, path };
}

export function runReport(paths: readonly string[], values: Values, io: Io): number {
  const format = (values.format as string | undefined) ?? "md";
  if (!["md", "markdown", "json", "html"].includes(format)) return usage(io, "report", `--format must be md, json or html, not '${format}'`);
  const tolerance = balanceTolerance(values, "report", io);
  if (!tolerance.ok) return tolerance.status;
  const loaded = loadOne("report", paths, io);
  if ("status" in loaded) return loaded.status;
  const progress = progressReporter(io, loaded.path);
  const analysis = analyze(loaded.network, { progress, acceptViolation: tolerance.value });
  progress.done();
  const text = format === "json" ? renderJson(analysis) : format === "html" ? renderHtml(analysis, readMermaidScript()) : renderMarkdown(analysis);
  return emitText(text, values, "report", io);
}

export function runDiagram(paths: readonly string[], values: Values, io: Io): number {
  const view = values.view as DiagramView | undefined;
  if (view !== undefined && !DIAGRAM_VIEWS.includes(view)) return usage(io, "diagram", `--view must be ${DIAGRAM_VIEWS.join(", ")}, not '${view}'`);
  const tolerance = balanceTolerance(values, "diagram", io);
  if (!tolerance.ok) return tolerance.status;
  const loaded = loadOne("diagram", paths, io);
  if ("status" in loaded) return loaded.status;
  const chosen = view ?? defaultView(loaded.network);
  const progress = progressReporter(io, loaded.path);
  const analysis = analyze(loaded.network, { progress, acceptViolation: tolerance.value });
  progress.done();
  return emitText(renderDiagram(analysis, chosen), values, "diagram", io);
}

export function runImport(paths: readonly string[], values: Values, io: Io): number {
  const [path] = paths;
  if (paths.length !== 1 || path === undefined) return usage(io, "import", "name one SBML file");
  const read = readText(path);
  if (!read.ok) {
    io.stderr(`ness import: ${read.message}\n`);
    return EXIT.usage;
  }
  const result = importSbml(read.text, path);
  io.stderr(formatDiagnostics(result.diagnostics, new Map([[path, read.text]])));
  if (result.text === null) return EXIT.failed;
  return emitText(result.text, values, "import", io);
}

export function runExport(paths: readonly string[], values: Values, io: Io): number {
  const format = (values.format as string | undefined) ?? "sbml";
  if (format !== "sbml") return usage(io, "export", `--format must be sbml, not '${format}'`);
  const loaded = loadOne("export", paths, io);
  if ("status" in loaded) return loaded.status;
  return emitText(exportSbml(loaded.network), values, "export", io);
}

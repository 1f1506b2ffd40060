/**
 * `ness report`, `ness diagram`, `ness import`, `ness export`: one network in, one text out.
 * `--volume Ω` turns a mass-action network into its chemical master equation (analysis/cme/);
 * `--stationary SOLUTION` completes a Markov report from a distribution solved elsewhere;
 * `export --format petsc|mtx` writes the generator for a distributed solver (export/).
 */
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from "node:fs";
import { basename } from "node:path";
import { analyze, type AnalyzeOptions } from "../analysis/index.js";
import { analyzeCme, cmeRefusal, jumps, projectCme, stationaryCheck, withStationary } from "../analysis/cme/index.js";
import type { Analysis } from "../analysis/types.js";
import { exportGenerator, markovJumps, readVector } from "../export/index.js";
import { hasErrors } from "../diagnostics.js";
import type { Network, ParameterValue } from "../network/types.js";
import { renderHtml } from "../report/html/index.js";
import { jsonWriter } from "../report/json/index.js";
import { renderMarkdown } from "../report/markdown/index.js";
import { DIAGRAM_VIEWS, defaultView, renderDiagram, type DiagramView } from "../report/mermaid/index.js";
import { readMermaidScript } from "./assets.js";
import { exportSbml } from "../sbml/export.js";
import { importSbml } from "../sbml/import.js";
import { EXIT, emitText, formatDiagnostics, loadNetwork, readText, recompiler, type Io, type Values } from "./io.js";
import { usage } from "./help.js";
import { progressReporter } from "./progress.js";
import { balanceTolerance } from "./tolerance.js";

type Loaded = { network: Network; path: string; recompile: (values: readonly ParameterValue[]) => Network | string } | { status: number };

/** Reads and compiles the one FILE a command takes; prints diagnostics to stderr. */
export function loadOne(command: string, paths: readonly string[], io: Io): Loaded {
  const [path] = paths;
  if (paths.length !== 1 || path === undefined) return { status: usage(io, command, paths.length === 0 ? "name one network file" : "name only one network file") };
  const read = readText(path);
  if (!read.ok) {
    io.stderr(`ness ${command}: ${read.message}\n`);
    return { status: EXIT.usage };
  }
  const loaded = loadNetwork(path, read.text, read.shared);
  io.stderr(formatDiagnostics(loaded.diagnostics, loaded.texts));
  if (!loaded.network || hasErrors(loaded.diagnostics)) return { status: EXIT.failed };
  return { network: loaded.network, path, recompile: recompiler(path, read.text, loaded.converted) };
}

export function runReport(paths: readonly string[], values: Values, io: Io): number {
  const format = (values.format as string | undefined) ?? "md";
  if (!["md", "markdown", "json", "html"].includes(format)) return usage(io, "report", `--format must be md, json or html, not '${format}'`);
  const tolerance = balanceTolerance(values, "report", io);
  if (!tolerance.ok) return tolerance.status;
  const loaded = loadOne("report", paths, io);
  if ("status" in loaded) return loaded.status;
  const volume = volumeOf(values, loaded.network, "report", io);
  if (volume !== null && typeof volume === "object") return volume.status;
  const stationary = typeof values.stationary === "string" ? readSolution(values.stationary, io) : null;
  if (stationary !== null && "status" in stationary) return stationary.status;
  const progress = progressReporter(io, loaded.path);
  // the response to params recompiles the file with each changed (analysis/response)
  const options: AnalyzeOptions = { progress, acceptViolation: tolerance.value, recompile: loaded.recompile };
  let misfit: string | null = null;
  const complete = (a: Analysis): Analysis => {
    if (stationary === null) return a;
    if (a.network.kind !== "markov") { misfit = "--stationary needs a Markov network (states), or --volume to make one"; return a; }
    if (stationary.values.length !== a.network.species.length) { misfit = `the solution has ${stationary.values.length} entries, the network ${a.network.species.length} states`; return a; }
    return withStationary(a, stationaryCheck(a.network, stationary.values), stationary.path);
  };
  const analysis = volume === null ? complete(analyze(loaded.network, options)) : analyzeCme(loaded.network, { volume }, options, analyze, complete);
  progress.done();
  if (misfit !== null) {
    io.stderr(`ness report: --stationary ${stationary?.path ?? ""}: ${misfit}\n`);
    return EXIT.usage;
  }
  if (format === "json") return emitJson(analysis, values, io);
  const text = format === "html" ? renderHtml(analysis, readMermaidScript()) : renderMarkdown(analysis);
  return emitText(text, values, "report", io);
}

/**
 * The JSON report, written in chunks to -o OUT or standard output (a full listing of a big
 * network is tens of megabytes: never one string); a summary past JsonOptions.summaryAbove
 * unless --full. An unwritable OUT is exit status 2.
 */
function emitJson(analysis: Analysis, values: Values, io: Io): number {
  // built before the file is opened: a fault in building the report is not a failed write
  const emit = jsonWriter(analysis, { full: values.full === true });
  const out = values.output;
  if (typeof out !== "string") {
    emit(io.stdout);
    return EXIT.ok;
  }
  let fd: number | null = null;
  try {
    fd = openSync(out, "w");
    const to = fd;
    emit((chunk) => writeSync(to, chunk));
    return EXIT.ok;
  } catch (e) {
    io.stderr(`ness report: cannot write ${out}: ${(e as Error).message}\n`);
    return EXIT.usage;
  } finally {
    if (fd !== null) closeSync(fd);
  }
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
  if (format !== "sbml" && format !== "petsc" && format !== "mtx") return usage(io, "export", `--format must be sbml, petsc or mtx, not '${format}'`);
  if (format !== "sbml" && typeof values.output !== "string") return usage(io, "export", `--format ${format} writes files: name their prefix with -o PREFIX`);
  if (format === "sbml" && values.volume !== undefined) return usage(io, "export", "--volume goes with --format petsc or mtx (the CME's generator)");
  const loaded = loadOne("export", paths, io);
  if ("status" in loaded) return loaded.status;
  if (format === "sbml") return emitText(exportSbml(loaded.network), values, "export", io);
  const volume = volumeOf(values, loaded.network, "export", io);
  if (volume !== null && typeof volume === "object") return volume.status;
  const network = loaded.network;
  let title = network.title ?? loaded.path;
  let list = volume === null ? markovJumps(network) : null;
  if (volume !== null) {
    const p = projectCme(network, { volume });
    for (const note of p.notes) io.stderr(`ness export: ${note}\n`);
    list = { states: p.generator.states, ...jumps(p.generator) };
    title = `CME of ${title} at volume ${volume}: ${p.generator.states} states, cut mass ${p.cutMass.toExponential(2)}`;
  }
  if (list === null) {
    io.stderr(`ness export: ${loaded.path} is a mass-action network: give --volume to export its CME generator (--format ${format} writes a Markov generator)\n`);
    return EXIT.usage;
  }
  const prefix = values.output as string;
  for (const f of exportGenerator(list, format, basename(prefix), title)) {
    try {
      writeFileSync(prefix + f.suffix, f.contents);
    } catch (e) {
      io.stderr(`ness export: cannot write ${prefix + f.suffix}: ${(e as Error).message}\n`);
      return EXIT.usage;
    }
  }
  return EXIT.ok;
}

/** `--volume Ω` (or the file's `volume`): null for no CME; a usage error for a bad value or a network with no CME. */
export function volumeOf(values: Values, network: Network, command: string, io: Io): number | null | { status: number } {
  const text = values.volume;
  const volume = typeof text === "string" ? Number(text) : network.volume;
  if (volume === null || volume === undefined) return null;
  if (typeof text === "string" && (text.trim() === "" || !Number.isFinite(volume) || !(volume > 0))) return { status: usage(io, command, `--volume: '${text}' is not a volume (a number > 0)`) };
  if (network.kind === "markov" && typeof text !== "string") return null;
  const refusal = cmeRefusal(network, volume);
  if (refusal !== null) {
    io.stderr(`ness ${command}: --volume: ${refusal}\n`);
    return { status: EXIT.usage };
  }
  return volume;
}

/** The solution file of --stationary, read as a PETSc vector or text; exit 2 when it cannot be. */
function readSolution(path: string, io: Io): { path: string; values: Float64Array } | { status: number } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    io.stderr(`ness report: --stationary: cannot read ${path}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}\n`);
    return { status: EXIT.usage };
  }
  const read = readVector(bytes);
  if (!read.ok) {
    io.stderr(`ness report: --stationary ${path}: ${read.message}\n`);
    return { status: EXIT.usage };
  }
  return { path, values: read.values };
}

/**
 * `ness scan FILE --param NAME --from A --to B`: the branches of steady states as a param or
 * reservoir value runs over [A, B], with folds, Hopf points and multistable ranges
 * (analysis/scan), as Markdown (with the diagram beside it when -o OUT.md: OUT.svg), HTML with
 * the diagram inline, or JSON.
 */
import { writeFileSync } from "node:fs";
import { basename } from "node:path";
import { scanParameter } from "../analysis/scan/index.js";
import { hasErrors } from "../diagnostics.js";
import type { Network } from "../network/types.js";
import { renderScanHtml, renderScanJson, renderScanMarkdown, bifurcationSvg } from "../report/scan/index.js";
import { titleOf } from "../report/model/format.js";
import type { Command } from "./command.js";
import { EXIT, emitText, formatDiagnostics, loadNetwork, readText, recompiler, type Io, type Values } from "./io.js";
import { progressReporter } from "./progress.js";


const HELP_TEXT = `usage: ness scan FILE --param NAME --from A --to B [--steps N] [--seeds N] [--species X] [--format md|json|html] [-o OUT]

Follows every branch of steady states of a mass-action network as the param or reservoir NAME
runs from A to B (pseudo-arclength continuation from the steady states at A, at B and at values
between), locates folds (saddle-node points) and Hopf points to rounding, marks stability along
each branch, and says where the network has more than one stable state (and where that is a
hysteresis loop). Markdown by default; with -o OUT.md the bifurcation diagram is written beside
it as OUT.svg and linked. HTML draws the diagram inline; JSON has every branch point.

  --param NAME    the param or reservoir to vary
  --from A        start of the range
  --to B          end of the range (B > A)
  --steps N       at least N continuation steps across the range (default 100)
  --seeds N       solve for every steady state at N values inside the range besides A and B,
                  and trace a branch from each new one (default 5); a closed branch (isola)
                  lying wholly between two seed values is missed, so raise N to look closer
  --species X     the species on the diagram's vertical axis (default: the one that varies most)
  --format F      md (default), json or html
  -o, --output    write to a file instead of standard output

exit status: 0 written; 1 the file does not compile or the scan cannot be done (e.g. NAME is
not a param or reservoir); 2 bad usage or an unreadable path.
`;

/** A usage error with this command's help (help.ts lists the commands, so it is not imported here). */
function usage(io: Io, _command: "scan", message: string): number {
  io.stderr(`ness scan: ${message}\n\n${HELP_TEXT}`);
  return EXIT.usage;
}

function numberOption(values: Values, name: string, io: Io): number | { status: number } | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const x = typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  if (!Number.isFinite(x)) return { status: usage(io, "scan", `--${name} must be a finite number, not '${String(v)}'`) };
  return x;
}

function run(positionals: readonly string[], values: Values, io: Io): number {
  const format = (values.format as string | undefined) ?? "md";
  if (!["md", "markdown", "json", "html"].includes(format)) return usage(io, "scan", `--format must be md, json or html, not '${format}'`);
  const [path] = positionals;
  if (positionals.length !== 1 || path === undefined) return usage(io, "scan", positionals.length === 0 ? "name one network file" : "name only one network file");
  const param = values.param;
  if (typeof param !== "string" || param === "") return usage(io, "scan", "--param NAME is required: the param or reservoir to vary");
  const from = numberOption(values, "from", io);
  if (typeof from === "object") return from.status;
  const to = numberOption(values, "to", io);
  if (typeof to === "object") return to.status;
  const steps = numberOption(values, "steps", io);
  if (typeof steps === "object") return steps.status;
  if (from === undefined || to === undefined) return usage(io, "scan", "--from A and --to B are required");
  if (!(to > from)) return usage(io, "scan", `--to must be above --from (got ${from} to ${to})`);
  if (steps !== undefined && !(Number.isInteger(steps) && steps >= 4 && steps <= 1e5)) return usage(io, "scan", `--steps must be a whole number from 4 to 100000, not ${steps}`);
  const seeds = numberOption(values, "seeds", io);
  if (typeof seeds === "object") return seeds.status;
  if (seeds !== undefined && !(Number.isInteger(seeds) && seeds >= 0 && seeds <= 1000)) return usage(io, "scan", `--seeds must be a whole number from 0 to 1000, not ${seeds}`);
  const read = readText(path);
  if (!read.ok) {
    io.stderr(`ness scan: ${read.message}\n`);
    return EXIT.usage;
  }
  const loaded = loadNetwork(path, read.text, read.shared);
  io.stderr(formatDiagnostics(loaded.diagnostics, loaded.texts));
  const network: Network | null = loaded.network;
  if (!network || hasErrors(loaded.diagnostics)) return EXIT.failed;
  let species: number | undefined;
  if (typeof values.species === "string") {
    species = network.speciesIndex.get(values.species);
    if (species === undefined) return usage(io, "scan", `--species: '${values.species}' is not a species of ${path} (it has ${network.species.map((s) => s.name).join(", ")})`);
  }
  const progress = progressReporter(io, path);
  const outcome = scanParameter(network, { param, from, to, ...(steps !== undefined ? { steps } : {}), ...(seeds !== undefined ? { interiorSeeds: seeds } : {}), recompile: recompiler(path, read.text, loaded.converted), progress: (d) => progress(`scan: ${d}`) });
  progress.done();
  if (!outcome.ok) {
    io.stderr(`ness scan: ${path}: ${outcome.why}\n`);
    return EXIT.failed;
  }
  const scan = outcome.scan;
  const meta = { title: titleOf(network), source: path };
  if (format === "json") return emitText(renderScanJson(scan, path), values, "scan", io);
  if (format === "html") return emitText(renderScanHtml(scan, { ...meta, ...(species !== undefined ? { species } : {}) }), values, "scan", io);
  const out = values.output;
  if (typeof out === "string" && /\.(md|markdown)$/i.test(out)) {
    // the diagram beside the Markdown file, linked by its name
    const svgPath = out.replace(/\.(md|markdown)$/i, ".svg");
    try {
      writeFileSync(svgPath, `${bifurcationSvg(scan, species)}\n`);
    } catch (e) {
      io.stderr(`ness scan: cannot write ${svgPath}: ${(e as Error).message}\n`);
      return EXIT.usage;
    }
    return emitText(renderScanMarkdown(scan, { ...meta, image: basename(svgPath) }), values, "scan", io);
  }
  return emitText(renderScanMarkdown(scan, meta), values, "scan", io);
}

export const scanCommand: Command = {
  synopsis: "scan FILE --param P",
  summary: "follow steady states as a value changes: folds, Hopf points, bistability",
  options: {
    param: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    steps: { type: "string" },
    seeds: { type: "string" },
    species: { type: "string" },
    format: { type: "string" },
    output: { type: "string", short: "o" },
    help: { type: "boolean", short: "h" },
  },
  help: HELP_TEXT,
  run,
};

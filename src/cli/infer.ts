/**
 * `ness infer TRAJ`: rates, the detailed-balance test, cycles and σ from an observed jump
 * trajectory (docs/trajectories.md); `--network OUT.crn` writes the inferred network for every
 * other command; `--model FILE` holds the inference against a known network; `--calibrate FILE`
 * simulates that network, infers, and reports how often the intervals cover the exact values.
 */
import { readFileSync } from "node:fs";
import { hasErrors } from "../diagnostics.js";
import type { Network } from "../network/types.js";
import { inferHtml, inferJson, inferMarkdown, type InferReport } from "../report/trajectory/infer.js";
import { calibrate, stationaryOf } from "../stochastic/infer/calibrate.js";
import { coverage, exactValues } from "../stochastic/infer/exact.js";
import { infer, type Inference } from "../stochastic/infer/fit.js";
import { jumpDataFromRun } from "../stochastic/infer/from-run.js";
import { inferredNetworkText } from "../stochastic/infer/network-text.js";
import { readTrajectory, type JumpData } from "../stochastic/infer/trajectory.js";
import { emptyStats, jumpChain, runChain } from "../stochastic/markov.js";
import { Xoshiro128 } from "../stochastic/random.js";
import type { Command } from "./command.js";
import { usage } from "./help.js";
import { EXIT, emitText, formatDiagnostics, loadNetwork, readText, type Io, type Values } from "./io.js";
import { progressReporter } from "./progress.js";

const HELP = `usage: ness infer TRAJ [--format md|json|html] [-o OUT] [--network OUT.crn] [--model FILE]
                  [--lump NAME=S1,S2] [--level L] [--bootstrap B] [--seed S]
       ness infer --calibrate FILE [--runs R] [--jumps N] [--max-jumps M] [...]

Infers a Markov jump process from an observed trajectory: maximum-likelihood rates with
intervals, a likelihood-ratio test of detailed balance (pValue in the JSON), the most driven
cycle, the entropy production σ with a bootstrap interval, and the Kullback–Leibler lower bound
on σ from the state sequence alone. TRAJ is the CSV of 'ness simulate -o x.csv' (columns time,
state, and optionally run), or 'time state' per line, or one state per line (no times).

options:
  --format md|json|html  the report (default md)
  -o OUT                 write the report to OUT instead of standard output
  --network OUT.crn      write the inferred network (rates as maximum-likelihood constants)
  --model FILE           the network the trajectory came from: its states are the only ones
                         allowed, and the report compares with its exact rates and σ
  --lump NAME=S1,S2      the observer sees states S1 and S2 as one state NAME (repeatable)
  --level L              confidence of the intervals and 1 − the test's level (default 0.95)
  --bootstrap B          bootstrap draws for σ and affinities (default 1000)
  --seed S               the bootstrap's (and calibration's) seed (default 1)
  --calibrate FILE       simulate FILE (a Markov network) R times for N jumps, infer each, and
                         report interval coverage and how many jumps detect the drive
  --runs R               calibration runs (default 200)
  --jumps N              jumps per calibration run (default 10000)
  --max-jumps M          longest run tried to detect the drive (default 1000000)

A bad trajectory (unsorted times, an unknown state, a negative dwell, no rows) is reported as
'file:line:col: error: what is wrong', exit status 1.

exit status: 0 ok; 1 a bad trajectory or network; 2 bad usage or an unreadable path.
`;

const OPTIONS = {
  format: { type: "string" },
  output: { type: "string", short: "o" },
  network: { type: "string" },
  model: { type: "string" },
  lump: { type: "string", multiple: true },
  level: { type: "string" },
  bootstrap: { type: "string" },
  seed: { type: "string" },
  calibrate: { type: "string" },
  runs: { type: "string" },
  jumps: { type: "string" },
  "max-jumps": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

type Parsed = { ok: true; value: number } | { ok: false };

function option(values: Values, name: string, fallback: number, io: Io, check: (x: number) => boolean, what: string): Parsed {
  const v = values[name];
  if (v === undefined) return { ok: true, value: fallback };
  const x = Number(v);
  if (typeof v !== "string" || v.trim() === "" || !check(x)) {
    usage(io, "infer", `--${name} must be ${what}, not '${String(v)}'`, HELP);
    return { ok: false };
  }
  return { ok: true, value: x };
}

function loadModel(path: string, io: Io): { network: Network } | { status: number } {
  const read = readText(path);
  if (!read.ok) {
    io.stderr(`ness infer: ${read.message}\n`);
    return { status: EXIT.usage };
  }
  const loaded = loadNetwork(path, read.text, read.shared);
  io.stderr(formatDiagnostics(loaded.diagnostics, loaded.texts));
  if (!loaded.network || hasErrors(loaded.diagnostics)) return { status: EXIT.failed };
  if (loaded.network.kind !== "markov" || jumpChain(loaded.network) === null) {
    io.stderr(`ness infer: ${path}: not a Markov network (state ... and one-state-to-one-state transitions): inference is of jump processes over states\n`);
    return { status: EXIT.failed };
  }
  return { network: loaded.network };
}

function parseLumps(specs: readonly string[], io: Io): Map<string, string[]> | null {
  const lumps = new Map<string, string[]>();
  for (const spec of specs) {
    const m = /^([^=\s]+)=(.+)$/.exec(spec);
    const members = m?.[2]?.split(",").map((s) => s.trim()).filter((s) => s !== "") ?? [];
    if (!m || members.length < 2) {
      usage(io, "infer", `--lump must be NAME=S1,S2[,...], not '${spec}'`, HELP);
      return null;
    }
    lumps.set(m[1] ?? "", members);
  }
  return lumps;
}

export function runInfer(positionals: readonly string[], values: Values, io: Io): number {
  const format = (values.format as string | undefined) ?? "md";
  if (!["md", "markdown", "json", "html"].includes(format)) return usage(io, "infer", `--format must be md, json or html, not '${format}'`, HELP);
  const level = option(values, "level", 0.95, io, (x) => x > 0 && x < 1, "a confidence between 0 and 1 (0.95)");
  const bootstrap = option(values, "bootstrap", 1000, io, (x) => Number.isInteger(x) && x >= 0 && x <= 1e6, "a whole number of draws");
  const seed = option(values, "seed", 1, io, (x) => Number.isInteger(x), "a whole number");
  const runs = option(values, "runs", 200, io, (x) => Number.isInteger(x) && x >= 1 && x <= 1e5, "a whole number of runs");
  const jumps = option(values, "jumps", 10000, io, (x) => Number.isInteger(x) && x >= 10 && x <= 1e9, "a whole number of jumps (≥ 10)");
  const maxJumps = option(values, "max-jumps", 1e6, io, (x) => Number.isInteger(x) && x >= 100 && x <= 1e9, "a whole number of jumps (≥ 100)");
  if (!level.ok || !bootstrap.ok || !seed.ok || !runs.ok || !jumps.ok || !maxJumps.ok) return EXIT.usage;
  const lumps = parseLumps((values.lump as unknown as string[] | undefined) ?? [], io);
  if (lumps === null) return EXIT.usage;
  const lumpOf = new Map<string, string>();
  for (const [name, members] of lumps) for (const s of members) lumpOf.set(s, name);
  const options = { level: level.value, bootstrap: bootstrap.value, seed: seed.value };

  const calibrateFile = values.calibrate as string | undefined;
  let model: Network | null = null;
  let data: JumpData;
  let source: string;
  let formatName: string;
  let calibration = null;
  if (calibrateFile !== undefined) {
    if (positionals.length > 0) return usage(io, "infer", "--calibrate FILE takes no trajectory (it simulates its own)", HELP);
    const m = loadModel(calibrateFile, io);
    if ("status" in m) return m.status;
    model = m.network;
    const progress = progressReporter(io, calibrateFile, 300);
    calibration = calibrate(model, { runs: runs.value, jumps: jumps.value, seed: seed.value, level: level.value, bootstrap: Math.min(bootstrap.value, 200), maxJumps: maxJumps.value, detectionRuns: 40, progress: (x) => progress(`calibrating: ${(100 * x).toFixed(0)}%`) });
    progress.done();
    // the report's own inference: one stationary run of --jumps jumps
    const chain = jumpChain(model);
    if (chain === null) return EXIT.failed;
    const rng = new Xoshiro128(seed.value, 999_999);
    const pi = stationaryOf(chain);
    let start = 0, u = rng.uniform();
    for (; start < pi.length - 1 && u >= (pi[start] ?? 0); start++) u -= pi[start] ?? 0;
    const stats = emptyStats(chain);
    runChain(chain, start, 0, { time: Infinity, events: jumps.value }, rng, stats);
    data = jumpDataFromRun(chain, stats);
    source = `a simulated run of ${calibrateFile}`;
    formatName = "a simulated run";
  } else {
    const [path] = positionals;
    if (positionals.length !== 1 || path === undefined) return usage(io, "infer", positionals.length === 0 ? "name one trajectory file (or --calibrate FILE)" : "name only one trajectory file", HELP);
    if (typeof values.model === "string") {
      const m = loadModel(values.model, io);
      if ("status" in m) return m.status;
      model = m.network;
    }
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      io.stderr(`ness infer: ${path}: cannot read: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder" : (e as Error).message}\n`);
      return EXIT.usage;
    }
    const read = readTrajectory(bytes, { states: model?.species.map((s) => s.name), lump: lumpOf });
    if (!read.ok) {
      const { line, column, message } = read.error;
      io.stderr(`${path}:${line}${column !== null ? `:${column}` : ""}: error: ${message}\n`);
      return EXIT.failed;
    }
    data = read.data;
    source = path;
    formatName = read.format;
  }
  const inference: Inference = infer(data, options);
  const exact = model && lumps.size === 0 ? exactValues(model, inference) : null;
  const report: InferReport = { source, format: formatName, inference, exact, coverage: exact ? coverage(inference, exact) : null, calibration, lumps };
  if (typeof values.network === "string") {
    const start = data.names.indexOf(data.names[0] ?? "");
    const status = emitText(inferredNetworkText(inference, source, Math.max(0, start)), { output: values.network }, "infer", io);
    if (status !== EXIT.ok) return status;
  }
  const text = format === "json" ? inferJson(report) : format === "html" ? inferHtml(report) : inferMarkdown(report);
  return emitText(text, values, "infer", io);
}

export const inferCommand: Command = {
  synopsis: "infer TRAJ",
  summary: "rates, a detailed-balance test and σ with intervals from an observed jump trajectory",
  options: OPTIONS,
  help: HELP,
  run: runInfer,
};

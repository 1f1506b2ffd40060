/**
 * `ness simulate FILE`: exact stochastic simulation of a network (docs/trajectories.md), its rows
 * streamed to CSV or JSONL (-o), a summary against ness's exact analysis on stdout, and an HTML
 * plot (--plot); `--ode` adds (or alone gives) the deterministic time course.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { analyze } from "../analysis/index.js";
import { hasErrors } from "../diagnostics.js";
import type { Network } from "../network/types.js";
import { simulateHtml, simulateJson, simulateMarkdown, type SimulateReport } from "../report/trajectory/simulate.js";
import { timeCourse, type TimeCourse } from "../stochastic/ode.js";
import { simulate, type RowSink, type Simulation } from "../stochastic/simulate.js";
import type { Command } from "./command.js";
import { usage } from "./help.js";
import { EXIT, emitText, formatDiagnostics, loadNetwork, readText, type Io, type Values } from "./io.js";
import { progressReporter } from "./progress.js";

const HELP = `usage: ness simulate FILE [--time T | --events N] [--seed S] [--runs R] [--volume V]
                     [-o OUT.csv|OUT.jsonl] [--plot OUT.html] [--format md|json] [--ode] [--points P]

Exact stochastic simulation (Gillespie's direct method; for mass action with a dependency graph
and propensities summed in groups of √channels). A Markov network is one jump process over its
states, started in its most probable initial state; a mass-action network is simulated in
molecule counts at volume Ω (--volume, or 'volume Ω' in the file), propensity κ Ω^(1−m) Π n!/(n−c)!
with reservoirs as fixed concentrations, from the initial counts round(initial × Ω).

options:
  --time T        simulate each run to time T
  --events N      simulate each run for N events (default 100000 when no --time is given)
  --seed S        the generator's seed (default 1): the same seed gives the same trajectory on
                  every machine (xoshiro128**, run r on stream r)
  --runs R        an ensemble of R runs (default 1)
  --volume V      the system size Ω for a mass-action network
  -o OUT          every event as a row: OUT.csv (time,state|counts,reaction,direction; a 'run'
                  column first when R > 1) or OUT.jsonl (one JSON object a line)
  --plot OUT.html the first run's trajectory, the simulated against the exact distribution, and
                  the ODE course with the ensemble mean
  --format md|json the summary on standard output (default md)
  --ode           the deterministic mass-action time course to --time T (alone: the ODE only;
                  with --runs: beside the mean of the stochastic runs); its grid is written to -o
  --points P      points of the ODE and ensemble-mean grid (default 200)

exit status: 0 ok; 1 the file does not compile; 2 bad usage or an unreadable path.
`;

const OPTIONS = {
  time: { type: "string" },
  events: { type: "string" },
  seed: { type: "string" },
  runs: { type: "string" },
  volume: { type: "string" },
  output: { type: "string", short: "o" },
  plot: { type: "string" },
  format: { type: "string" },
  ode: { type: "boolean" },
  points: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

function numberOption(values: Values, name: string, io: Io, check: (x: number) => boolean, what: string): number | null | "bad" {
  const v = values[name];
  if (v === undefined) return null;
  const x = Number(v);
  if (typeof v !== "string" || v.trim() === "" || !Number.isFinite(x) || !check(x)) {
    usage(io, "simulate", `--${name} must be ${what}, not '${String(v)}'`, HELP);
    return "bad";
  }
  return x;
}

/** Buffered writes to a file descriptor: rows are streamed, never all held. */
export class Streamer {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly fd: number) {}
  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size > 1 << 16) this.flush();
  }
  flush(): void {
    if (this.parts.length > 0) writeSync(this.fd, this.parts.join(""));
    this.parts = [];
    this.size = 0;
  }
}

function t15(t: number): string {
  return String(Number(t.toPrecision(15)));
}

function csvCell(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function rowSink(network: Network, out: Streamer, jsonl: boolean, withRun: boolean): RowSink {
  const markov = network.kind === "markov";
  const names = network.species.map((s) => s.name);
  const ids = network.reactions.map((r) => r.id);
  if (!jsonl) out.write(`${withRun ? "run," : ""}time,${markov ? "state" : names.map(csvCell).join(",")},reaction,direction\n`);
  return {
    row(run, time, state, counts, reaction, direction) {
      const r = reaction === null ? "" : (ids[reaction] ?? "");
      const dir = reaction === null ? "" : direction > 0 ? "f" : "r";
      if (jsonl) {
        const what = markov ? `"state":${JSON.stringify(names[state] ?? "")}` : `"counts":{${names.map((n, i) => `${JSON.stringify(n)}:${counts?.[i] ?? 0}`).join(",")}}`;
        out.write(`{${withRun ? `"run":${run + 1},` : ""}"time":${t15(time)},${what},"reaction":${reaction === null ? "null" : JSON.stringify(r)},"direction":${reaction === null ? "null" : `"${dir}"`}}\n`);
      } else {
        const what = markov ? csvCell(names[state] ?? "") : Array.from(counts ?? [], String).join(",");
        out.write(`${withRun ? `${run + 1},` : ""}${t15(time)},${what},${csvCell(r)},${dir}\n`);
      }
    },
  };
}

function odeCsv(network: Network, ode: TimeCourse, sim: Simulation | null): string {
  const grid = sim?.kind === "mass-action" ? sim.grid : null;
  const names = network.species.map((s) => csvCell(s.name));
  const lines = [`time,${names.join(",")}${grid ? "," + names.map((n) => `mean_${n}`).join(",") : ""}`];
  ode.times.forEach((t, k) => {
    const row = [t15(t), ...(ode.values[k] ?? []).map((x) => String(x))];
    if (grid) row.push(...grid.mean.map((m) => String(m[k] ?? "")));
    lines.push(row.join(","));
  });
  return lines.join("\n") + "\n";
}

export function runSimulate(positionals: readonly string[], values: Values, io: Io): number {
  const [path] = positionals;
  if (positionals.length !== 1 || path === undefined) return usage(io, "simulate", positionals.length === 0 ? "name one network file" : "name only one network file", HELP);
  const format = (values.format as string | undefined) ?? "md";
  if (!["md", "markdown", "json"].includes(format)) return usage(io, "simulate", `--format must be md or json, not '${format}'`, HELP);
  const time = numberOption(values, "time", io, (x) => x > 0, "a positive time");
  const events = numberOption(values, "events", io, (x) => x >= 1 && Number.isInteger(x), "a positive whole number");
  const seed = numberOption(values, "seed", io, (x) => Number.isInteger(x), "a whole number");
  const runs = numberOption(values, "runs", io, (x) => x >= 1 && Number.isInteger(x) && x <= 1e6, "a whole number from 1 to 10^6");
  const volumeFlag = numberOption(values, "volume", io, (x) => x > 0, "a positive volume");
  const points = numberOption(values, "points", io, (x) => x >= 1 && Number.isInteger(x) && x <= 1e6, "a whole number from 1 to 10^6");
  if ([time, events, seed, runs, volumeFlag, points].includes("bad")) return EXIT.usage;
  const out = values.output as string | undefined;
  if (out !== undefined && !/\.(csv|jsonl)$/i.test(out)) return usage(io, "simulate", `-o must name a .csv or .jsonl file, not '${out}'`, HELP);
  const ode = values.ode === true;
  if (ode && time === null) return usage(io, "simulate", "--ode needs --time T (how far to integrate)", HELP);
  const read = readText(path);
  if (!read.ok) {
    io.stderr(`ness simulate: ${read.message}\n`);
    return EXIT.usage;
  }
  const loaded = loadNetwork(path, read.text, read.shared);
  io.stderr(formatDiagnostics(loaded.diagnostics, loaded.texts));
  if (!loaded.network || hasErrors(loaded.diagnostics)) return EXIT.failed;
  const network = loaded.network;
  if (ode && network.kind === "markov") return usage(io, "simulate", "--ode integrates a mass-action network; this is a Markov network (its 'ODE' is the master equation)", HELP);
  const volume = (volumeFlag as number | null) ?? network.volume;
  const notes: string[] = [];
  if (network.kind === "mass-action") {
    if (volume === null && !(ode && values.runs === undefined)) return usage(io, "simulate", "a mass-action network is simulated in molecule counts: give its volume with --volume V (or 'volume V' in the file)", HELP);
    if (volume !== null) {
      const rounded = network.species.filter((s) => Math.round(s.initial * volume) !== s.initial * volume);
      notes.push(`initial counts are round(initial × Ω) at Ω = ${volume}: ${network.species.map((s) => `${s.name} ${Math.round(s.initial * volume)}`).join(", ")}${rounded.length > 0 ? ` (rounded for ${rounded.map((s) => s.name).join(", ")})` : ""}`);
    }
  }
  const seedValue = (seed as number | null) ?? 1;
  const stochastic = !ode || values.runs !== undefined;
  const limits = { time: (time as number | null) ?? Infinity, events: (events as number | null) ?? (time === null ? 100000 : Infinity) };
  let fd: number | null = null;
  let simulation: Simulation | null = null;
  const progress = progressReporter(io, path, 300);
  try {
    if (out !== undefined && !(ode && !stochastic)) {
      try {
        fd = openSync(out, "w");
      } catch (e) {
        io.stderr(`ness simulate: cannot write ${out}: ${(e as Error).message}\n`);
        return EXIT.usage;
      }
    }
    const streamer = fd !== null && !ode ? new Streamer(fd) : null;
    const runCount = (runs as number | null) ?? 1;
    if (stochastic) {
      const rows = streamer ? rowSink(network, streamer, /\.jsonl$/i.test(out ?? ""), runCount > 1) : null;
      simulation = simulate(network, {
        time: limits.time,
        events: limits.events,
        seed: seedValue,
        runs: runCount,
        volume: volume ?? 1,
        rows,
        keep: values.plot !== undefined ? 2000 : 0,
        gridPoints: ode ? ((points as number | null) ?? 200) : 0,
        progress: (x) => progress(`simulating: ${(100 * x).toFixed(0)}%`),
      });
      streamer?.flush();
    }
    progress.done();
    const course = ode ? timeCourse(network, limits.time, (points as number | null) ?? 200) : null;
    if (ode && course && fd !== null) writeSync(fd, odeCsv(network, course, simulation));
    if (ode && course && out !== undefined && fd === null) {
      const status = emitText(odeCsv(network, course, simulation), { output: out }, "simulate", io);
      if (status !== EXIT.ok) return status;
    }
    const analysis = analyze(network);
    const report: SimulateReport = { source: path, network, simulation, analysis, ode: course, seed: seedValue, notes };
    if (typeof values.plot === "string") {
      const status = emitText(simulateHtml(report), { output: values.plot }, "simulate", io);
      if (status !== EXIT.ok) return status;
    }
    io.stdout(format === "json" ? simulateJson(report) : simulateMarkdown(report));
    return EXIT.ok;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

export const simulateCommand: Command = {
  synopsis: "simulate FILE",
  summary: "exact stochastic simulation (Gillespie) of a network, with --ode the deterministic course",
  options: OPTIONS,
  help: HELP,
  run: runSimulate,
};

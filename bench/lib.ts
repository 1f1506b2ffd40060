/** Shared by the benchmarks: a seeded RNG, whole-process timing with peak memory, the table. */
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const BENCH = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(BENCH, "..");
export const OUT = join(BENCH, "out");
export const NESS = join(ROOT, "bin/ness.js");

/** The seeded generator the analyses use, so generated networks are the same on every run. */
export { mulberry32 } from "../src/numeric/random.js";

export interface ProcessRun {
  readonly seconds: number;
  readonly status: number;
  readonly peakMB: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command as a whole process; wall time, and peak RSS through GNU time when present. */
export function timeProcess(cmd: string, args: readonly string[]): ProcessRun {
  const gnuTime = spawnSync("/usr/bin/time", ["-f", "%M", "true"]).status === 0;
  const full = gnuTime ? ["/usr/bin/time", ["-f", "__peak_kb=%M", cmd, ...args]] as const : [cmd, args] as const;
  const t0 = performance.now();
  const r = spawnSync(full[0], [...full[1]], { encoding: "utf8", maxBuffer: 1 << 30, cwd: ROOT });
  const seconds = (performance.now() - t0) / 1000;
  const m = /__peak_kb=(\d+)/.exec(r.stderr ?? "");
  return { seconds, status: r.status ?? -1, peakMB: m ? Number(m[1]) / 1024 : null, stdout: r.stdout ?? "", stderr: (r.stderr ?? "").replace(/__peak_kb=\d+\n?/, "") };
}

/** Best of `n` runs of `f` (seconds), for in-process timings. */
export function best<T>(n: number, f: () => T): { seconds: number; value: T } {
  let seconds = Infinity;
  let value!: T;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    value = f();
    seconds = Math.min(seconds, (performance.now() - t0) / 1000);
  }
  return { seconds, value };
}

export function row(what: string, figure: string, target: string, ok: boolean | null): string {
  return `| ${what} | ${figure} | ${target} | ${ok === null ? "—" : ok ? "met" : "**missed**"} |`;
}

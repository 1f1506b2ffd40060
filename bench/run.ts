/**
 * `npm run bench`: every speed and memory target of DESIGN.md, each benchmark in its own
 * process so one's memory does not weigh on the next. Pass --big for the 10^6-state chain.
 *
 *   compile.bench.ts    compile 100 000 reactions                      (< 1 s)
 *   check.bench.ts      Kolmogorov verdict, 250 000 states, ness check (< 5 s whole process)
 *   structure.bench.ts  exact structure of 500 species × 1000 reactions (< 2 s)
 *   markov.bench.ts     40 000-state chain against SciPy               (≤ ¼ of SciPy, 1e-8)
 *                       and, with --big, 10^6 states                    (< 2 GB)
 *   fluctuations.bench.ts  D of a current on the 40 000-state torus     (about the cost of π)
 *   homotopy.bench.ts   every root of 6 cubics, 729 paths, certified    (a few seconds; paths/s)
 *   cme.bench.ts        a 10⁶-state CME built and solved in memory      (< 30 s, < 2 GB whole process)
 *   stochastic.bench.ts SSA jumps/s (Markov) and events/s (100 reactions), inference of 10^7 jumps
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { BENCH } from "./lib.js";

const big = process.argv.includes("--big");
const runs: [string, string[]][] = [
  ["compile.bench.ts", []],
  ["check.bench.ts", []],
  ["structure.bench.ts", []],
  ["markov.bench.ts", big ? ["--big"] : []],
  ["fluctuations.bench.ts", []],
  ["homotopy.bench.ts", []],
  ["steady-state.bench.ts", []],
  ["stochastic.bench.ts", []],
  ["cme.bench.ts", big ? ["--mpi"] : []],
];

console.log(`ness benchmarks on ${process.platform}/${process.arch}, Node ${process.version}, ${new Date().toISOString()}\n`);
console.log("| benchmark | figure | target | |\n| --- | --- | --- | --- |");
let failed = false;
for (const [file, args] of runs) {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(BENCH, file), ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 26 });
  process.stdout.write(r.stdout);
  if (r.status !== 0) {
    failed = true;
    console.log(`${file} exited ${r.status}`);
  }
}
process.exitCode = failed ? 1 : 0;

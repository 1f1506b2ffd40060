/**
 * Stochastic simulation and inference speed (issue 13), in-process, best of 3, on this machine:
 *
 *   npx tsx bench/stochastic.bench.ts
 *
 * - jumps per second of the kinesin motor (3 states) as one Markov jump process, 10^7 jumps,
 *   counts only (no rows written);
 * - events per second of a generated mass-action network of 100 reversible reactions
 *   `Sa + Sb <-> Sc + Sd` over 50 species at Ω = 100 (the molecule count is conserved, so the
 *   run neither dies nor explodes), 4·10^6 events;
 * - inference from 10^7 jumps: the CSV `ness simulate -o` writes (bench/out/, about 300 MB),
 *   read from bytes and inferred (rates, test, bootstrap of σ), timed together; the file's
 *   writing is not timed.
 */
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { compile } from "../src/compile/index.js";
import { infer } from "../src/stochastic/infer/fit.js";
import { readTrajectory } from "../src/stochastic/infer/trajectory.js";
import { channelSystem, countStats, initialCounts, runCounts } from "../src/stochastic/mass-action.js";
import { emptyStats, jumpChain, runChain } from "../src/stochastic/markov.js";
import { Xoshiro128 } from "../src/stochastic/random.js";
import { mulberry32, OUT, ROOT, row } from "./lib.js";

/**
 * Best of n runs by wall time and by this process's CPU time (user + system): on a shared
 * machine the CPU time is what the code costs, the wall time what a user waited.
 */
function timed<T>(n: number, f: () => T): { seconds: number; cpu: number; value: T } {
  let seconds = Infinity, cpu = Infinity;
  let value!: T;
  for (let i = 0; i < n; i++) {
    const c0 = process.cpuUsage(), t0 = performance.now();
    value = f();
    seconds = Math.min(seconds, (performance.now() - t0) / 1000);
    const c = process.cpuUsage(c0);
    cpu = Math.min(cpu, (c.user + c.system) / 1e6);
  }
  return { seconds, cpu, value };
}

function massActionNetwork(reactions: number, species: number, seed = 1): string {
  const rand = mulberry32(seed);
  const pick = (): number => Math.floor(rand() * species);
  const lines = [`species ${Array.from({ length: species }, (_, i) => `S${i} = 1`).join(", ")}`];
  for (let i = 0; i < reactions; i++) lines.push(`r${i}: S${pick()} + S${pick()} <-> S${pick()} + S${pick()} @ ${(0.5 + rand()).toFixed(3)}, ${(0.5 + rand()).toFixed(3)}`);
  return lines.join("\n") + "\n";
}

export function stochasticBench(): string[] {
  const rows: string[] = [];
  const kinesin = compile(readFileSync(join(ROOT, "networks/kinesin-motor.crn"), "utf8"), "kinesin-motor.crn").network;
  const chain = kinesin ? jumpChain(kinesin) : null;
  if (!chain) throw new Error("kinesin-motor.crn did not compile to a Markov network");
  const jumps = 1e7;
  const markov = timed(3, () => {
    const stats = emptyStats(chain);
    runChain(chain, 0, 0, { time: Infinity, events: jumps }, new Xoshiro128(1), stats);
    return stats.events;
  });
  const jps = jumps / markov.seconds, jpsCpu = jumps / markov.cpu;
  rows.push(row("Markov SSA, kinesin motor (3 states), 10^7 jumps", `${(jps / 1e6).toFixed(1)}·10^6 jumps/s wall, ${(jpsCpu / 1e6).toFixed(1)}·10^6 per CPU second`, "≥ 10^7 jumps/s", jps >= 1e7));

  const net = compile(massActionNetwork(100, 50), "ma100.crn").network;
  if (!net) throw new Error("the generated mass-action network did not compile");
  const sys = channelSystem(net, 100);
  const events = 4e6;
  const ma = timed(3, () => {
    const stats = countStats(sys, initialCounts(net, 100));
    runCounts(sys, 0, { time: Infinity, events }, new Xoshiro128(1), stats);
    return stats.events;
  });
  const eps = ma.value / ma.seconds, epsCpu = ma.value / ma.cpu;
  rows.push(row(`mass-action SSA, 100 reversible reactions (${sys.channels} channels), 50 species, Ω = 100`, `${(eps / 1e6).toFixed(2)}·10^6 events/s wall, ${(epsCpu / 1e6).toFixed(2)}·10^6 per CPU second`, "≥ 2·10^6 events/s", eps >= 2e6));

  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, "kinesin-1e7.csv");
  const fd = openSync(file, "w");
  const names = chain.names, ids = chain.reactionIds;
  let buf: string[] = ["time,state,reaction,direction\n0,E,,\n"];
  const stats = emptyStats(chain);
  runChain(chain, 0, 0, { time: Infinity, events: jumps }, new Xoshiro128(2), stats, (t, s, c) => {
    buf.push(`${Number(t.toPrecision(15))},${names[s]},${ids[chain.reaction[c] ?? 0]},${(chain.direction[c] ?? 1) > 0 ? "f" : "r"}\n`);
    if (buf.length >= 65536) {
      writeSync(fd, buf.join(""));
      buf = [];
    }
  });
  writeSync(fd, buf.join(""));
  closeSync(fd);
  const bytes = readFileSync(file);
  const inference = timed(3, () => {
    const r = readTrajectory(bytes);
    if (!r.ok) throw new Error(r.error.message);
    return infer(r.data);
  });
  rows.push(row(`inference from 10^7 jumps (${(bytes.length / 1e6).toFixed(0)} MB CSV): read + rates + test + 1000 bootstrap draws`, `${inference.seconds.toFixed(2)} s wall, ${inference.cpu.toFixed(2)} s CPU (${inference.value.jumps} jumps)`, "a few seconds", inference.seconds < 5));
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(stochasticBench().join("\n"));

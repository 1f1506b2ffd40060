/**
 * Markov stationary distributions at scale: ness against SciPy on the same chain.
 *
 *   npx tsx bench/markov.bench.ts            40 000-state driven torus (and the CLI when built)
 *   npx tsx bench/markov.bench.ts --big      also the 10^6-state torus (peak RSS)
 *
 * The chain: an L×L torus, site energies E_i uniform in [0, 2] (seeded), jumps in x at
 * exp(f/2 − ΔE/2) forward and exp(−f/2 + ΔE/2) back (drive f = 2), in y at 1.5·exp(−ΔE/2) and
 * 0.5·exp(ΔE/2). Every figure is wall time of a whole process (start-up included) unless it says
 * "in-process". Generated .crn files go to bench/out/ (gitignored).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { stationaryDistribution } from "../src/numeric/markov/stationary.js";
import { outOfRange } from "../src/numeric/checked.js";
import { mulberry32 } from "./lib.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const out = join(here, "out");

interface Chain { n: number; from: Int32Array; to: Int32Array; rate: Float64Array }


function torus(L: number, force = 2, seed = 1): Chain {
  const rnd = mulberry32(seed);
  const n = L * L;
  const E = Float64Array.from({ length: n }, () => 2 * rnd());
  const from = new Int32Array(4 * n), to = new Int32Array(4 * n), rate = new Float64Array(4 * n);
  let e = 0;
  const pair = (i: number, j: number, a: number, b: number): void => {
    from[e] = i, to[e] = j, rate[e++] = a;
    from[e] = j, to[e] = i, rate[e++] = b;
  };
  for (let y = 0; y < L; y++) {
    for (let x = 0; x < L; x++) {
      const i = x + L * y, j = ((x + 1) % L) + L * y, k = x + L * ((y + 1) % L);
      const Ei = E[i] ?? outOfRange(), dx = (E[j] ?? outOfRange()) - Ei, dy = (E[k] ?? outOfRange()) - Ei;
      pair(i, j, Math.exp(force / 2 - dx / 2), Math.exp(-force / 2 + dx / 2));
      pair(i, k, 1.5 * Math.exp(-dy / 2), 0.5 * Math.exp(dy / 2));
    }
  }
  return { n, from, to, rate };
}

function writeCrn(c: Chain, path: string): void {
  const lines: string[] = [`network "driven torus, ${c.n} states"`];
  for (let s = 0; s < c.n; s += 1000) {
    const names: string[] = [];
    for (let i = s; i < Math.min(c.n, s + 1000); i++) names.push(i === 0 ? "s0 = 1" : `s${i}`);
    lines.push(`state ${names.join(", ")}`);
  }
  for (let e = 0; e < c.from.length; e += 2) lines.push(`s${c.from[e]} <-> s${c.to[e]} @ ${c.rate[e]}, ${c.rate[e + 1]}`);
  writeFileSync(path, lines.join("\n") + "\n");
}

/** Child mode: build the chain, solve it, report time and peak RSS (a fresh process per figure). */
function child(L: number, piPath: string | null): void {
  const t0 = performance.now();
  const c = torus(L);
  const t1 = performance.now();
  const init = new Float64Array(c.n);
  init[0] = 1;
  const r = stationaryDistribution(c.n, c.from, c.to, c.rate, init);
  const t2 = performance.now();
  if (piPath) writeFileSync(piPath, new Uint8Array(r.pi.buffer));
  let min = Infinity;
  for (const x of r.pi) min = Math.min(min, x);
  const rssMB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ n: c.n, buildMs: t1 - t0, solveMs: t2 - t1, rssMB, min, method: r.method }));
}

function wall<T>(f: () => T): [T, number] {
  const t = performance.now();
  const v = f();
  return [v, (performance.now() - t) / 1000];
}

/** The median-time run of three (whole-process figures vary from run to run). */
function medianOf3<T>(f: () => T): { seconds: number; value: T } {
  const runs = [0, 1, 2].map(() => {
    const [value, seconds] = wall(f);
    return { seconds, value };
  });
  runs.sort((a, b) => a.seconds - b.seconds);
  return runs[1] ?? outOfRange();
}

function maxRel(a: Float64Array, b: Float64Array): number {
  let w = 0;
  for (let i = 0; i < b.length; i++) {
    const bi = b[i] ?? outOfRange();
    w = Math.max(w, Math.abs((a[i] ?? outOfRange()) - bi) / Math.abs(bi));
  }
  return w;
}

/** max over states of |inflow − outflow| / outflow at π. */
function residual(c: Chain, pi: Float64Array): number {
  const outF = new Float64Array(c.n), inF = new Float64Array(c.n);
  for (let e = 0; e < c.from.length; e++) {
    const i = c.from[e] ?? outOfRange(), j = c.to[e] ?? outOfRange();
    const v = (pi[i] ?? outOfRange()) * (c.rate[e] ?? outOfRange());
    outF[i] = (outF[i] ?? outOfRange()) + v;
    inF[j] = (inF[j] ?? outOfRange()) + v;
  }
  let w = 0;
  for (let i = 0; i < c.n; i++) {
    const o = outF[i] ?? outOfRange();
    w = Math.max(w, Math.abs((inF[i] ?? outOfRange()) - o) / o);
  }
  return w;
}

const readF64 = (path: string): Float64Array => {
  const buf = readFileSync(path);
  return new Float64Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
};

function runChild(L: number, piPath: string | null): [{ n: number; solveMs: number; rssMB: number; min: number; method: string }, number] {
  const args = ["--import", "tsx", join(here, "markov.bench.ts"), "--child", String(L), ...(piPath ? [piPath] : [])];
  const [res, secs] = wall(() => spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 }));
  if (res.status !== 0) throw new Error(`child failed: ${res.stderr}`);
  return [JSON.parse(res.stdout.trim().split("\n").pop() as string), secs];
}

function main(): void {
  mkdirSync(out, { recursive: true });
  const rows: [string, string][] = [];
  const L = 200;
  const chain = torus(L);
  const crn = join(out, `markov-torus-${L}.crn`);
  writeCrn(chain, crn);

  const inProcess: number[] = [];
  let ours: Float64Array = new Float64Array(0);
  for (let rep = 0; rep < 3; rep++) {
    const init = new Float64Array(chain.n);
    init[0] = 1;
    const [r, secs] = wall(() => stationaryDistribution(chain.n, chain.from, chain.to, chain.rate, init));
    inProcess.push(secs);
    ours = r.pi;
    if (rep === 0) rows.push(["method", r.method]);
  }
  inProcess.sort((a, b) => a - b);
  const median = inProcess[1] ?? outOfRange();
  rows.push([`ness solve, ${chain.n} states (in-process, median of 3)`, `${median.toFixed(3)} s`]);

  const [fn, fnSecs] = runChild(L, join(out, "ness-pi.f64"));
  rows.push(["ness solve (whole process: node + tsx + build + solve)", `${fnSecs.toFixed(3)} s, peak RSS ${fn.rssMB.toFixed(0)} MB`]);

  const scipyPi = join(out, "scipy-pi.f64");
  const [scipyOut, scipySecs] = wall(() => execFileSync("python3", [join(here, "scipy_markov.py"), crn, scipyPi], { encoding: "utf8" }));
  const sc = JSON.parse(scipyOut.trim());
  const ref = readF64(scipyPi);
  rows.push(["SciPy spsolve (whole process: python + parse + build + solve)", `${scipySecs.toFixed(3)} s (solve alone ${sc.solve.toFixed(3)} s)`]);
  rows.push(["ness vs SciPy, max relative difference per entry", maxRel(ours, ref).toExponential(2)]);
  rows.push(["balance residual max |in − out| / out: ness | SciPy", `${residual(chain, ours).toExponential(2)} | ${residual(chain, ref).toExponential(2)}`]);
  rows.push(["ratio: ness whole process / SciPy whole process", (fnSecs / scipySecs).toFixed(3)]);

  // issue 14's comparison: the whole report against the plain SciPy script a user would write
  // (reduced generator, SuperLU with COLAMD, edge currents, σ: bench/scipy_user.py), median of 3 each
  const user = medianOf3(() => execFileSync("python3", [join(here, "scipy_user.py"), crn], { encoding: "utf8" }));
  const us = JSON.parse(user.value.trim()) as { sigma: number; solve: number };
  rows.push(["SciPy user script: reduced generator, splu COLAMD, currents, σ (whole process, median of 3)", `${user.seconds.toFixed(3)} s (solve alone ${us.solve.toFixed(3)} s), σ = ${us.sigma.toPrecision(10)}`]);
  const cli = join(root, "bin", "ness.js");
  if (existsSync(join(root, "dist", "cli", "main.js"))) {
    const run = medianOf3(() => spawnSync(process.execPath, [cli, "report", crn, "--format", "json"], { cwd: root, encoding: "utf8", maxBuffer: 1 << 30 }));
    const res = run.value;
    if (res.status === 0) {
      const report = JSON.parse(res.stdout);
      const state = report.steadyStates?.[0] ?? {};
      const conc = state.concentrations ?? {};
      const secs = run.seconds;
      rows.push(["CLI `ness report --format json` (whole process, median of 3)", `${secs.toFixed(3)} s, ${(res.stdout.length / 1e6).toFixed(1)} MB of JSON`]);
      if (Object.keys(conc).length === chain.n) {
        const pi = Float64Array.from({ length: chain.n }, (_, i) => conc[`s${i}`]);
        rows.push(["CLI vs SciPy, max relative difference per entry", maxRel(pi, ref).toExponential(2)]);
      }
      const sigma = report.currents?.entropyProduction ?? state.entropyProduction;
      if (typeof sigma === "number") rows.push(["σ: ness | SciPy user script, relative difference", `${sigma.toPrecision(10)} | ${us.sigma.toPrecision(10)}, ${(Math.abs(sigma - us.sigma) / us.sigma).toExponential(2)}`]);
      const ratio = secs / user.seconds;
      rows.push(["ratio: CLI report / SciPy user script (target ≤ 0.5)", `${ratio.toFixed(3)} ${ratio <= 0.5 ? "met" : "**missed**"}`]);
    } else {
      rows.push(["CLI `ness report --format json`", `failed (exit ${res.status}): ${res.stderr.split("\n")[0]}`]);
    }
  } else {
    rows.push(["CLI", "not built (npm run build)"]);
  }

  if (process.argv.includes("--big")) {
    const [big, secs] = runChild(1000, null);
    rows.push([`ness solve, ${big.n} states (whole process)`, `${secs.toFixed(1)} s, peak RSS ${big.rssMB.toFixed(0)} MB, min π ${big.min.toExponential(2)}`]);
  }

  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
}

const at = process.argv.indexOf("--child");
if (at >= 0) child(Number(process.argv[at + 1]), process.argv[at + 2] ?? null);
else main();

/**
 * Current statistics at scale (DESIGN.md: "current statistics (D, λ(s)) at about the cost of the
 * stationary law"): on the 40 000-state driven torus of markov.bench.ts (site energies uniform in
 * [0, 2], drive f = 2 along x), the time of π alone (stationaryDistribution: classes and sparse GTH,
 * keeping the factorisation as the Markov steady state does) against the time of D of the winding
 * current along x: with the steady state's factorisation (two sweeps: SteadyState.solver) and
 * without it (its own grounded factorisation); and the ten slowest relaxation modes by
 * shift-invert Arnoldi with the same factorisation. In-process, best of three.
 *
 *   npx tsx bench/fluctuations.bench.ts
 */
import { fileURLToPath } from "node:url";
import { stationaryDistribution } from "../src/numeric/markov/stationary.js";
import { meanDiffusion, relaxationSpectrum, type Jumps } from "../src/analysis/fluctuations/index.js";
import { outOfRange } from "../src/numeric/checked.js";
import { best, mulberry32, row } from "./lib.js";

/** The torus as jumps; increment +1 on each forward x jump, −1 on each backward one. */
function drivenTorus(L: number, force = 2, seed = 1): { jumps: Jumps; g: Float64Array } {
  const rnd = mulberry32(seed);
  const n = L * L, m = 4 * n;
  const energy = Float64Array.from({ length: n }, () => 2 * rnd());
  const from = new Int32Array(m), to = new Int32Array(m), rate = new Float64Array(m), g = new Float64Array(m);
  let e = 0;
  const both = (i: number, j: number, up: number, down: number, step: number): void => {
    from[e] = i; to[e] = j; rate[e] = up; g[e++] = step;
    from[e] = j; to[e] = i; rate[e] = down; g[e++] = -step;
  };
  for (let y = 0; y < L; y++) for (let x = 0; x < L; x++) {
    const i = x + L * y, j = ((x + 1) % L) + L * y, k = x + L * ((y + 1) % L);
    const Ei = energy[i] ?? outOfRange(), dx = (energy[j] ?? outOfRange()) - Ei, dy = (energy[k] ?? outOfRange()) - Ei;
    both(i, j, Math.exp(force / 2 - dx / 2), Math.exp(-force / 2 + dx / 2), 1);
    both(i, k, 1.5 * Math.exp(-dy / 2), 0.5 * Math.exp(dy / 2), 0);
  }
  return { jumps: { states: n, from, to, rate, reaction: new Int32Array(m), sign: new Int8Array(m).fill(1) }, g };
}

function main(): void {
  const L = 200;
  const { jumps, g } = drivenTorus(L);
  const uniform = new Float64Array(jumps.states).fill(1 / jumps.states);
  const pi = best(3, () => stationaryDistribution(jumps.states, jumps.from, jumps.to, jumps.rate, uniform, { keepSolver: true }));
  const solver = pi.value.classes.find((c) => c.mass > 0)?.solver;
  const d = best(3, () => meanDiffusion(jumps, g, pi.value.pi, solver === undefined ? {} : { solver }));
  const own = best(3, () => meanDiffusion(jumps, g, pi.value.pi));
  const spectrum = best(1, () => relaxationSpectrum(jumps, pi.value.pi, { modes: 10, ...(solver === undefined ? {} : { solver }) }));
  const ratio = d.seconds / pi.seconds;
  console.log(row(`π of the ${jumps.states}-state driven torus (in-process, factorisation kept)`, `${pi.seconds.toFixed(3)} s`, "(baseline)", null));
  console.log(row(`D of its winding current (one Poisson solve with π's factorisation, in-process)`, `${d.seconds.toFixed(3)} s: J = ${d.value.mean.toPrecision(6)}, D = ${d.value.diffusion?.toPrecision(6)}`, "about the cost of π", ratio <= 1.5));
  console.log(row(`D without π's factorisation (its own, grounded at the most probable state)`, `${own.seconds.toFixed(3)} s: D = ${own.value.diffusion?.toPrecision(6)}`, "(for comparison)", null));
  const slowest = spectrum.value?.modes[0];
  console.log(row(`the 10 slowest relaxation modes (shift-invert Arnoldi)`, `${spectrum.seconds.toFixed(3)} s: slowest λ = ${slowest ? `${slowest.re.toPrecision(6)} ± ${Math.abs(slowest.im).toPrecision(6)} i` : "none"}`, "(for comparison)", null));
  console.log(row("D time / π time", ratio.toFixed(2), "≤ 1.5", ratio <= 1.5));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();

/**
 * Homotopy continuation at the size DESIGN.md names: 6 equations of degree 3, 3^6 = 729 paths,
 * every one tracked, classified and its root certified (Krawczyk). Two systems:
 *
 * 1. six decoupled cubics Π_k (x_i − r_ik) with rational roots, plus a weak coupling
 *    ε·x_{i+1}·x_i² that keeps the roots real and distinct: 729 real roots (the uncoupled count);
 * 2. six dense random cubics (84 terms each, seeded coefficients in [−1, 1]): 729 complex roots
 *    for generic coefficients.
 *
 * Target: "a few seconds" on the 2-core bench machine, reported as paths per second.
 *
 *   npx tsx bench/homotopy.bench.ts
 */
import { solvePolynomialSystem, type Polynomial } from "../src/numeric/continuous/homotopy/index.js";
import { best, mulberry32, row } from "./lib.js";

const n = 6;

function monomials(vars: number, maxDeg: number): number[][] {
  const out: number[][] = [];
  const rec = (v: number, left: number, acc: number[]): void => {
    if (v === vars) { out.push(acc.slice()); return; }
    for (let e = 0; e <= left; e++) { acc.push(e); rec(v + 1, left - e, acc); acc.pop(); }
  };
  rec(0, maxDeg, []);
  return out;
}

function denseRandom(seed: number): Polynomial[] {
  const rand = mulberry32(seed);
  const mons = monomials(n, 3);
  return Array.from({ length: n }, () => ({ exponents: mons, coefficients: mons.map(() => 2 * rand() - 1) }));
}

function coupledSwitches(eps: number): Polynomial[] {
  return Array.from({ length: n }, (_, i) => {
    const e = (j: number, d: number, extra?: [number, number]): number[] => {
      const row = new Array<number>(n).fill(0);
      row[j] = d;
      if (extra) row[extra[0]] = (row[extra[0]] ?? 0) + extra[1];
      return row;
    };
    // (x − 1)(x − 2)(x − 3) = x³ − 6x² + 11x − 6, and ε x_{i+1} x_i² (a weak, degree-3 coupling)
    return {
      exponents: [e(i, 3), e(i, 2), e(i, 1), e(i, 0), e(i, 2, [(i + 1) % n, 1])],
      coefficients: [1, -6, 11, -6, eps],
    };
  });
}

for (const [name, sys] of [["6 coupled cubic switches (729 real roots)", coupledSwitches(1e-3)], ["6 dense random cubics", denseRandom(11)]] as const) {
  // CPU time beside wall time: on a shared machine the wall clock also counts other processes.
  const cpu0 = process.cpuUsage();
  const { seconds, value } = best(2, () => solvePolynomialSystem(sys, { seed: 1 }));
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 2e6;
  const regular = value.solutions.filter((s) => s.certified.unique).length;
  const real = value.solutions.filter((s) => s.certified.real).length;
  const rate = value.bezout / seconds, cpuRate = value.bezout / cpuSeconds;
  console.log(row(`homotopy: ${name}`, `${seconds.toFixed(2)} s (CPU ${cpuSeconds.toFixed(2)} s per run), ${rate.toFixed(0)} paths/s (${cpuRate.toFixed(0)} per CPU second); ${regular} certified (${real} real), ${value.paths.filter((p) => p.outcome === "at-infinity").length} at infinity, ${value.failures.length} failed, complete ${value.complete}`, "729 paths in a few seconds (< 5 s)", seconds < 5 && value.complete));
}

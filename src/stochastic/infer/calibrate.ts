/**
 * Calibration (`ness infer --calibrate FILE`): simulate the network many times, infer from each
 * run, and count how often the stated intervals cover the exact values ness's analysis computes
 * and how often the detailed-balance test rejects; then find how many jumps it takes to detect the
 * drive (the test rejecting in at least `power` of the runs), doubling the length from 100 jumps.
 * Runs start from a state drawn from the exact stationary law, so they are stationary from t = 0.
 */
import type { Network } from "../../network/types.js";
import { outOfRange } from "../../numeric/checked.js";
import { gthStationary } from "../../numeric/markov/gth.js";
import { emptyStats, jumpChain, runChain, type JumpChain } from "../markov.js";
import { Xoshiro128 } from "../random.js";
import { coverage, exactValues, exactVerdict } from "./exact.js";
import { infer } from "./fit.js";
import { jumpDataFromRun } from "./from-run.js";

export interface CalibrateOptions {
  readonly runs: number;
  readonly jumps: number;
  readonly seed: number;
  readonly level: number;
  readonly bootstrap: number;
  /** Largest run length tried when looking for the jumps needed to detect the drive. */
  readonly maxJumps: number;
  /** Runs per length in that search. */
  readonly detectionRuns: number;
  readonly progress?: (fraction: number) => void;
}

export interface Calibration {
  readonly runs: number;
  readonly jumps: number;
  readonly level: number;
  readonly exactEntropyProduction: number | null;
  /** Rate intervals covering the exact rate, of all intervals over all runs. */
  readonly rateCoverage: [number, number];
  readonly sigmaCoverage: [number, number];
  readonly affinityCoverage: [number, number];
  /** Runs where the likelihood-ratio test rejected detailed balance. */
  readonly rejections: number;
  /** Whether the model itself is balanced (σ = 0 to rounding). */
  readonly balanced: boolean;
  /** Jumps per run at which the test rejected in ≥ level of the runs; null if not reached by maxJumps (or balanced). */
  readonly jumpsToDetect: number | null;
  readonly detection: readonly { readonly jumps: number; readonly rejected: number; readonly runs: number }[];
}

export function stationaryOf(chain: JumpChain): Float64Array {
  const n = chain.states;
  const Q = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let c = chain.ptr[i] ?? outOfRange(); c < (chain.ptr[i + 1] ?? outOfRange()); c++) {
      const j = chain.target[c] ?? outOfRange();
      Q[i * n + j] = (Q[i * n + j] ?? 0) + (chain.rate[c] ?? 0);
    }
  return gthStationary(n, Q);
}

function draw(pi: Float64Array, u: number): number {
  let s = 0;
  for (let i = 0; i < pi.length; i++) {
    s += pi[i] ?? 0;
    if (u < s) return i;
  }
  return pi.length - 1;
}

/** Null when the network is not a Markov network. */
export function calibrate(network: Network, o: CalibrateOptions): Calibration | null {
  const chain = jumpChain(network);
  if (chain === null) return null;
  const { sigma, balanced } = exactVerdict(network);
  const pi = stationaryOf(chain);
  const one = (run: number, jumps: number, stream: number, bootstrap: number) => {
    const rng = new Xoshiro128(o.seed, stream * 1_000_003 + run);
    const stats = emptyStats(chain);
    runChain(chain, draw(pi, rng.uniform()), 0, { time: Infinity, events: jumps }, rng, stats);
    return infer(jumpDataFromRun(chain, stats), { level: o.level, bootstrap, seed: o.seed + run });
  };
  const rate: [number, number] = [0, 0], sig: [number, number] = [0, 0], aff: [number, number] = [0, 0];
  let rejections = 0;
  for (let r = 0; r < o.runs; r++) {
    const inf = one(r, o.jumps, 0, o.bootstrap);
    const exact = exactValues(network, inf, sigma, chain);
    if (exact) {
      const c = coverage(inf, exact);
      rate[0] += c.rates[0];
      rate[1] += c.rates[1];
      aff[0] += c.affinities[0];
      aff[1] += c.affinities[1];
      if (c.sigma !== null) {
        sig[1]++;
        if (c.sigma) sig[0]++;
      }
    }
    if (inf.balanceTest?.rejected) rejections++;
    o.progress?.((0.5 * (r + 1)) / o.runs);
  }
  const detection: { jumps: number; rejected: number; runs: number }[] = [];
  let jumpsToDetect: number | null = null;
  if (!balanced) {
    for (let n = 100, k = 1; n <= o.maxJumps; n *= 2, k++) {
      let rejected = 0;
      for (let r = 0; r < o.detectionRuns; r++) if (one(r, n, k, 0).balanceTest?.rejected) rejected++;
      detection.push({ jumps: n, rejected, runs: o.detectionRuns });
      o.progress?.(0.5 + 0.5 * Math.min(1, Math.log2(n / 100) / Math.log2(Math.max(2, o.maxJumps / 100))));
      if (rejected >= o.level * o.detectionRuns) {
        jumpsToDetect = n;
        break;
      }
    }
  }
  return { runs: o.runs, jumps: o.jumps, level: o.level, exactEntropyProduction: sigma, rateCoverage: rate, sigmaCoverage: sig, affinityCoverage: aff, rejections, balanced, jumpsToDetect, detection };
}

/**
 * A simulation as the CLI asks for it: R runs of a network's jump process (Markov states or
 * mass-action counts), each to a time or a number of events, from one seed (run r uses stream r
 * of the generator, so run 3 of `--runs 10` is run 3 of `--runs 4`). Rows go to a sink as they
 * happen (the CLI streams them to CSV or JSONL); what is kept is per-run counts and, for plots,
 * the first run's first jumps and the counts on a time grid.
 */
import type { Network } from "../network/types.js";
import { outOfRange } from "../numeric/checked.js";
import { chainEstimates, emptyStats, jumpChain, runChain, type ChainEstimates, type JumpChain } from "./markov.js";
import { channelSystem, countStats, initialCounts, runCounts, type ChannelSystem } from "./mass-action.js";
import { Xoshiro128 } from "./random.js";

export interface SimulateOptions {
  /** Stop each run at this time (Infinity: no limit). */
  readonly time: number;
  /** Stop each run after this many events (Infinity: no limit). At least one limit is finite. */
  readonly events: number;
  readonly seed: number;
  readonly runs: number;
  /** Ω, for a mass-action network. */
  readonly volume: number;
  /** Called with the fraction done, every slice of about 2^20 events. */
  readonly progress?: (fraction: number) => void;
  /** Every row of every run, in order (null: rows are not wanted, and the loop runs without a callback). */
  readonly rows?: RowSink | null;
  /** How many jumps of the first run to keep for the plot. */
  readonly keep?: number;
  /** Points on the time grid where every run's counts are recorded (mass action, --time only). */
  readonly gridPoints?: number;
}

/** One row: the run, the time, the state (Markov) or the counts (mass action) entered, the reaction and direction (null on a run's first row and on its closing row). */
export interface RowSink {
  row(run: number, time: number, state: number, counts: Float64Array | null, reaction: number | null, direction: number): void;
}

export interface MarkovRun {
  readonly time: number;
  readonly events: number;
  readonly absorbed: boolean;
  readonly estimates: ChainEstimates;
}

export interface CountRun {
  readonly time: number;
  readonly events: number;
  readonly absorbed: boolean;
  /** Time-averaged counts. */
  readonly meanCounts: number[];
  /** Per reaction: forward and reverse firings. */
  readonly forward: number[];
  readonly reverse: number[];
  /** Net firings per time per volume (concentration flux). */
  readonly fluxes: number[];
  /** The medium entropy production per time per volume, k_B (∞ if a one-way reaction fired). */
  readonly entropyProduction: number;
}

export type Simulation =
  | { readonly kind: "markov"; readonly chain: JumpChain; readonly start: number; readonly runs: readonly MarkovRun[]; readonly pooled: MarkovRun; readonly sample: Sample }
  | {
      readonly kind: "mass-action";
      readonly system: ChannelSystem;
      readonly initial: Float64Array;
      readonly runs: readonly CountRun[];
      readonly sample: Sample;
      /** Grid times and, per species, the mean over runs of the counts there (divided by Ω). */
      readonly grid: { readonly times: number[]; readonly mean: number[][] } | null;
    };

/** The first jumps of the first run: times and states (Markov) or concentrations (mass action). */
export interface Sample {
  readonly times: number[];
  readonly states: number[];
  readonly values: number[][];
}

const SLICE = 1 << 20;

/** The index of the state a Markov network starts in: the most probable initial one. */
export function startState(network: Network): number {
  let best = 0;
  network.species.forEach((s, i) => {
    if (s.initial > (network.species[best]?.initial ?? 0)) best = i;
  });
  return best;
}

export function simulate(network: Network, options: SimulateOptions): Simulation {
  const chain = network.kind === "markov" ? jumpChain(network) : null;
  return chain ? simulateMarkov(network, chain, options) : simulateCounts(network, options);
}

function simulateMarkov(network: Network, chain: JumpChain, o: SimulateOptions): Simulation {
  const start = startState(network);
  const runs: MarkovRun[] = [];
  const keep = o.keep ?? 2000;
  const sample: Sample = { times: [0], states: [start], values: [] };
  const pooled = emptyStats(chain);
  let pooledTime = 0;
  for (let run = 0; run < o.runs; run++) {
    const rng = new Xoshiro128(o.seed, run);
    const stats = emptyStats(chain);
    stats.state = start;
    const rows = o.rows ?? null;
    rows?.row(run, 0, start, null, null, 0);
    const sink = rows === null && (run > 0 || keep === 0)
      ? null
      : (t: number, s: number, c: number) => {
          rows?.row(run, t, s, null, chain.reaction[c] ?? outOfRange(), chain.direction[c] ?? outOfRange());
          if (run === 0 && sample.times.length <= keep) {
            sample.times.push(t);
            sample.states.push(s);
          }
        };
    while (stats.events < o.events && stats.time < o.time && !stats.absorbed) {
      runChain(chain, stats.state, stats.time, { time: o.time, events: Math.min(SLICE, o.events - stats.events) }, rng, stats, sink);
      o.progress?.((run + Math.max(finiteRatio(stats.time, o.time), finiteRatio(stats.events, o.events))) / o.runs);
    }
    rows?.row(run, stats.time, stats.state, null, null, 0);
    runs.push({ time: stats.time, events: stats.events, absorbed: stats.absorbed, estimates: chainEstimates(chain, stats, network.reactions.length) });
    pooledTime += stats.time;
    pooled.events += stats.events;
    stats.dwell.forEach((d, i) => (pooled.dwell[i] = (pooled.dwell[i] ?? 0) + d));
    stats.fired.forEach((d, i) => (pooled.fired[i] = (pooled.fired[i] ?? 0) + d));
  }
  pooled.time = pooledTime;
  const pooledRun: MarkovRun = { time: pooledTime, events: pooled.events, absorbed: runs.some((r) => r.absorbed), estimates: chainEstimates(chain, pooled, network.reactions.length) };
  return { kind: "markov", chain, start, runs, pooled: pooledRun, sample };
}

function finiteRatio(a: number, b: number): number {
  return Number.isFinite(b) && b > 0 ? Math.min(1, a / b) : 0;
}

function simulateCounts(network: Network, o: SimulateOptions): Simulation {
  const system = channelSystem(network, o.volume);
  const initial = initialCounts(network, o.volume);
  const runs: CountRun[] = [];
  const keep = o.keep ?? 2000;
  const omega = o.volume;
  const sample: Sample = { times: [0], states: [], values: [Array.from(initial, (x) => x / omega)] };
  const points = Number.isFinite(o.time) ? (o.gridPoints ?? 0) : 0;
  const times = Array.from({ length: points + 1 }, (_, k) => (k * o.time) / Math.max(1, points));
  const sums = Array.from({ length: network.species.length }, () => new Float64Array(points + 1));
  for (let run = 0; run < o.runs; run++) {
    const rng = new Xoshiro128(o.seed, run);
    const stats = countStats(system, initial);
    const rows = o.rows ?? null;
    rows?.row(run, 0, 0, stats.counts, null, 0);
    const before = Float64Array.from(initial);
    let g = 0;
    const record = (t: number, n: Float64Array) => {
      // grid points passed before this event saw the counts before it
      for (; g <= points && (times[g] ?? Infinity) < t; g++) for (let i = 0; i < n.length; i++) (sums[i] ?? outOfRange())[g] = ((sums[i] ?? outOfRange())[g] ?? 0) + (before[i] ?? 0);
      before.set(n);
    };
    const sink = rows === null && points === 0 && (run > 0 || keep === 0)
      ? null
      : (t: number, n: Float64Array, c: number) => {
          if (points > 0) record(t, n);
          rows?.row(run, t, 0, n, system.reaction[c] ?? outOfRange(), system.direction[c] ?? outOfRange());
          if (run === 0 && sample.times.length <= keep) {
            sample.times.push(t);
            sample.values.push(Array.from(n, (x) => x / omega));
          }
        };
    while (stats.events < o.events && stats.time < o.time && !stats.absorbed) {
      runCounts(system, stats.time, { time: o.time, events: Math.min(SLICE, o.events - stats.events) }, rng, stats, sink);
      o.progress?.((run + Math.max(finiteRatio(stats.time, o.time), finiteRatio(stats.events, o.events))) / o.runs);
    }
    if (points > 0) record(Infinity, stats.counts);
    rows?.row(run, stats.time, 0, stats.counts, null, 0);
    const T = stats.time;
    const forward = new Array<number>(network.reactions.length).fill(0), reverse = new Array<number>(network.reactions.length).fill(0);
    stats.fired.forEach((n, c) => {
      const r = system.reaction[c] ?? outOfRange();
      if ((system.direction[c] ?? 1) > 0) forward[r] = (forward[r] ?? 0) + n;
      else reverse[r] = (reverse[r] ?? 0) + n;
    });
    runs.push({
      time: T,
      events: stats.events,
      absorbed: stats.absorbed,
      meanCounts: Array.from(stats.integral, (x) => x / T),
      forward,
      reverse,
      fluxes: forward.map((f, r) => (f - (reverse[r] ?? 0)) / T / omega),
      entropyProduction: stats.entropy / T / omega,
    });
  }
  const grid = points > 0 ? { times, mean: sums.map((s) => Array.from(s, (x) => x / o.runs / omega)) } : null;
  return { kind: "mass-action", system, initial, runs, sample, grid };
}

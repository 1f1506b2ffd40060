/**
 * The exact values an inference is held against, when the network that produced the trajectory is
 * known (`ness infer --model FILE`, calibration): the model's jump rates per ordered pair of states,
 * σ from ness's analysis, and each inferred cycle's exact affinity; and whether each interval covers.
 */
import { analyze } from "../../analysis/index.js";
import type { Network } from "../../network/types.js";
import { outOfRange } from "../../numeric/checked.js";
import type { JumpChain } from "../markov.js";
import { jumpChain } from "../markov.js";
import type { Inference, Interval } from "./fit.js";

export interface Exact {
  /** Exact rate of each edge's two directions, aligned with `Inference.edges`. */
  readonly forward: number[];
  readonly reverse: number[];
  /** Exact affinity of each inferred cycle. */
  readonly affinities: number[];
  readonly entropyProduction: number | null;
  /** Rates of the model between states the trajectory never jumped between (unseen transitions). */
  readonly unseen: number;
}

export interface Coverage {
  /** Rate intervals covering the exact rate, of all rates. */
  readonly rates: [number, number];
  readonly sigma: boolean | null;
  readonly affinities: [number, number];
}

/** The exact σ of a Markov network at its stationary law (null when undefined or infinite). */
export function exactEntropyProduction(network: Network): number | null {
  return exactVerdict(network).sigma;
}

/** σ and ness's detailed-balance verdict, from its analysis. */
export function exactVerdict(network: Network): { readonly sigma: number | null; readonly balanced: boolean } {
  const a = analyze(network);
  const s = a.steadyStates.states[a.currentsAt?.state ?? 0];
  return { sigma: s?.entropyProduction ?? null, balanced: a.detailedBalance.holds };
}

export function exactValues(network: Network, inf: Inference, sigma: number | null = exactEntropyProduction(network), chain: JumpChain | null = jumpChain(network)): Exact | null {
  if (chain === null) return null;
  const index = new Map(chain.names.map((n, i) => [n, i]));
  const rate = new Map<number, number>();
  for (let i = 0; i < chain.states; i++)
    for (let c = chain.ptr[i] ?? outOfRange(); c < (chain.ptr[i + 1] ?? outOfRange()); c++) {
      const key = i * chain.states + (chain.target[c] ?? outOfRange());
      rate.set(key, (rate.get(key) ?? 0) + (chain.rate[c] ?? 0));
    }
  const k = (a: number, b: number) => {
    const i = index.get(inf.names[a] ?? ""), j = index.get(inf.names[b] ?? "");
    return i === undefined || j === undefined ? NaN : (rate.get(i * chain.states + j) ?? 0);
  };
  const forward = inf.edges.map((e) => k(e.a, e.b)), reverse = inf.edges.map((e) => k(e.b, e.a));
  const affinities = inf.cycles.map((c) => c.edges.reduce((s, e, m) => s + (c.signs[m] ?? 1) * (Math.log(forward[e] ?? NaN) - Math.log(reverse[e] ?? NaN)), 0));
  const seen = new Set(inf.edges.flatMap((e) => [`${e.a} ${e.b}`, `${e.b} ${e.a}`]));
  let unseen = 0;
  for (const key of rate.keys()) {
    const i = Math.floor(key / chain.states), j = key % chain.states;
    const a = inf.names.indexOf(chain.names[i] ?? ""), b = inf.names.indexOf(chain.names[j] ?? "");
    if (a < 0 || b < 0 || !seen.has(`${a} ${b}`)) unseen++;
  }
  return { forward, reverse, affinities, entropyProduction: sigma, unseen };
}

function inside(x: number, iv: Interval | null): boolean | null {
  if (iv === null || !Number.isFinite(x)) return null;
  return x >= iv.lo && x <= iv.hi;
}

export function coverage(inf: Inference, exact: Exact): Coverage {
  let covered = 0, total = 0;
  inf.edges.forEach((e, i) => {
    for (const [x, iv] of [[exact.forward[i] ?? NaN, e.forwardInterval], [exact.reverse[i] ?? NaN, e.reverseInterval]] as const) {
      const c = inside(x, iv);
      if (c === null) continue;
      total++;
      if (c) covered++;
    }
  });
  let ac = 0, at = 0;
  inf.cycles.forEach((c, i) => {
    const v = inside(exact.affinities[i] ?? NaN, c.interval);
    if (v === null) return;
    at++;
    if (v) ac++;
  });
  const sigma = exact.entropyProduction === null ? null : inside(exact.entropyProduction, inf.entropyProduction?.interval ?? null);
  return { rates: [covered, total], sigma, affinities: [ac, at] };
}

/**
 * Exact simulation of a Markov network as one jump process over its states (Gillespie's direct
 * method on a single walker): the dwell in state i is exponential with the exit rate λ_i = Σ_j
 * k_ij, the next state is j with probability k_ij / λ_i. The chain is laid out once as typed
 * arrays (row i's transitions at ptr[i]..ptr[i+1], with cumulative jump probabilities), so a jump
 * costs two uniforms, a logarithm and a short scan, and allocates nothing.
 */
import { effectiveRates } from "../network/effective-rates.js";
import { markovEdges } from "../network/markov-graph.js";
import type { Network } from "../network/types.js";
import { outOfRange } from "../numeric/checked.js";
import type { Xoshiro128 } from "./random.js";

/** A directed transition ("channel"): reaction `reaction` fired forward (+1) or in reverse (−1). */
export interface JumpChain {
  readonly states: number;
  readonly names: readonly string[];
  /** Row pointers: state i's channels are ptr[i] ≤ c < ptr[i+1]. */
  readonly ptr: Int32Array;
  readonly target: Int32Array;
  readonly rate: Float64Array;
  /** Cumulative jump probability within the row; the row's last entry is exactly 1. */
  readonly cumulative: Float64Array;
  readonly reaction: Int32Array;
  /** +1 forward, −1 reverse. */
  readonly direction: Int8Array;
  /** Per channel: the channel of the opposite direction, or −1 when the reaction is one-way. */
  readonly opposite: Int32Array;
  readonly exit: Float64Array;
  readonly reactionIds: readonly string[];
}

/** The jump chain of a Markov network (reservoirs folded into the rates); null if not Markov. */
export function jumpChain(network: Network): JumpChain | null {
  const edges = markovEdges(network);
  if (network.kind !== "markov" || edges === null) return null;
  const eff = effectiveRates(network);
  const n = edges.states;
  const list: { from: number; to: number; rate: number; reaction: number; direction: number; pair: number }[] = [];
  for (let r = 0; r < network.reactions.length; r++) {
    const from = edges.from[r] ?? outOfRange(), to = edges.to[r] ?? outOfRange();
    const kf = eff.forward[r] ?? 0, kr = eff.reverse[r] ?? 0;
    const reversible = network.reactions[r]?.reverse != null;
    if (kf > 0) list.push({ from, to, rate: kf, reaction: r, direction: 1, pair: reversible && kr > 0 ? 2 * r + 1 : -1 });
    if (reversible && kr > 0) list.push({ from: to, to: from, rate: kr, reaction: r, direction: -1, pair: kf > 0 ? 2 * r : -1 });
  }
  return layOut(n, network.species.map((s) => s.name), list, network.reactions.map((r) => r.id));
}

/** A chain from explicit transitions (inference and tests build chains this way). */
export function chainFromRates(names: readonly string[], transitions: readonly { from: number; to: number; rate: number }[]): JumpChain {
  const list = transitions.map((t, r) => ({ ...t, reaction: r, direction: 1, pair: -1 }));
  return layOut(names.length, names, list, transitions.map((_, r) => `t${r + 1}`));
}

function layOut(
  n: number,
  names: readonly string[],
  list: { from: number; to: number; rate: number; reaction: number; direction: number; pair: number }[],
  reactionIds: readonly string[],
): JumpChain {
  const order = list.map((_, i) => i).sort((a, b) => (list[a]?.from ?? 0) - (list[b]?.from ?? 0) || a - b);
  const m = list.length;
  const ptr = new Int32Array(n + 1), target = new Int32Array(m), rate = new Float64Array(m), cumulative = new Float64Array(m);
  const reaction = new Int32Array(m), direction = new Int8Array(m), opposite = new Int32Array(m).fill(-1), exit = new Float64Array(n);
  const slotOf = new Map<number, number>();
  order.forEach((k, c) => {
    const t = list[k] ?? outOfRange();
    target[c] = t.to;
    rate[c] = t.rate;
    reaction[c] = t.reaction;
    direction[c] = t.direction;
    ptr[t.from + 1] = (ptr[t.from + 1] ?? 0) + 1;
    exit[t.from] = (exit[t.from] ?? 0) + t.rate;
    slotOf.set(2 * t.reaction + (t.direction > 0 ? 0 : 1), c);
  });
  order.forEach((k, c) => {
    const t = list[k] ?? outOfRange();
    if (t.pair >= 0) opposite[c] = slotOf.get(t.pair) ?? -1;
  });
  for (let i = 0; i < n; i++) ptr[i + 1] = (ptr[i + 1] ?? 0) + (ptr[i] ?? 0);
  for (let i = 0; i < n; i++) {
    let s = 0;
    const a = ptr[i] ?? 0, b = ptr[i + 1] ?? 0, total = exit[i] ?? 0;
    for (let c = a; c < b; c++) {
      s += rate[c] ?? 0;
      cumulative[c] = s / total;
    }
    if (b > a) cumulative[b - 1] = 1;
  }
  return { states: n, names, ptr, target, rate, cumulative, reaction, direction, opposite, exit, reactionIds };
}

/** What a run counts as it goes: enough for occupations, currents, σ and inference. */
export interface ChainStats {
  /** Time simulated. */
  time: number;
  /** Jumps made. */
  events: number;
  /** Time spent in each state. */
  readonly dwell: Float64Array;
  /** Times each channel fired. */
  readonly fired: Float64Array;
  /** The state at the end. */
  state: number;
  /** True when the run stopped in an absorbing state (no way out) before its limit. */
  absorbed: boolean;
}

export function emptyStats(chain: JumpChain): ChainStats {
  return { time: 0, events: 0, dwell: new Float64Array(chain.states), fired: new Float64Array(chain.target.length), state: 0, absorbed: false };
}

/** Called at each jump: the time, the state entered and the channel that fired. */
export type JumpSink = (time: number, state: number, channel: number) => void;

export interface RunLimits {
  /** Stop at this time (the last dwell is cut there). */
  readonly time: number;
  /** Stop after this many jumps. */
  readonly events: number;
}

/**
 * Runs the chain from `start` until a limit, adding to `stats` (so runs can be continued in
 * slices for a progress bar). `sink`, when given, sees every jump; without it the loop does no
 * calls at all.
 */
export function runChain(chain: JumpChain, start: number, t0: number, limits: RunLimits, rng: Xoshiro128, stats: ChainStats, sink: JumpSink | null = null): void {
  const { ptr, cumulative, target, exit } = chain;
  const dwell = stats.dwell, fired = stats.fired;
  let state = start, t = t0, events = 0;
  const tEnd = limits.time, maxEvents = limits.events;
  let absorbed = false;
  // xoshiro128** inline (random.ts), in locals: a method call per number costs half the speed
  const words = rng.save();
  let a = words[0] ?? 0, b = words[1] ?? 0, c = words[2] ?? 0, d = words[3] ?? 0;
  while (events < maxEvents) {
    const lambda = exit[state] ?? outOfRange();
    if (lambda === 0) {
      absorbed = true;
      if (tEnd !== Infinity) dwell[state] = (dwell[state] ?? 0) + (tEnd - t);
      break;
    }
    // three 32-bit words: 53 bits for the dwell's uniform in (0, 1], 32 for the choice
    let r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0, x = b << 9;
    c ^= a; d ^= b; b ^= c; a ^= d; c ^= x; d = rotl(d, 11);
    const hi = r >>> 5;
    r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0; x = b << 9;
    c ^= a; d ^= b; b ^= c; a ^= d; c ^= x; d = rotl(d, 11);
    const tau = -Math.log(1 - (hi * TWO_26 + (r >>> 6)) * TWO_M53) / lambda;
    if (t + tau >= tEnd) {
      dwell[state] = (dwell[state] ?? 0) + (tEnd - t);
      t = tEnd;
      break;
    }
    dwell[state] = (dwell[state] ?? 0) + tau;
    t += tau;
    r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0; x = b << 9;
    c ^= a; d ^= b; b ^= c; a ^= d; c ^= x; d = rotl(d, 11);
    const u = r * TWO_M32;
    let k = ptr[state] ?? outOfRange();
    const last = (ptr[state + 1] ?? outOfRange()) - 1;
    if (last - k > 8) {
      let lo = k, up = last;
      while (lo < up) {
        const mid = (lo + up) >> 1;
        if (u < (cumulative[mid] ?? outOfRange())) up = mid;
        else lo = mid + 1;
      }
      k = lo;
    } else while (k < last && u >= (cumulative[k] ?? outOfRange())) k++;
    fired[k] = (fired[k] ?? 0) + 1;
    state = target[k] ?? outOfRange();
    events++;
    if (sink !== null) sink(t, state, k);
  }
  words[0] = a; words[1] = b; words[2] = c; words[3] = d;
  rng.restore(words);
  if (absorbed && tEnd !== Infinity) t = tEnd;
  stats.time = t;
  stats.events += events;
  stats.state = state;
  stats.absorbed = absorbed;
}

const TWO_26 = 67108864;
const TWO_M53 = 1 / 9007199254740992;
const TWO_M32 = 1 / 4294967296;

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Occupations, net currents per reaction and σ estimated from a run's counts with the known rates. */
export interface ChainEstimates {
  readonly occupation: number[];
  /** Per reaction: (forward − reverse firings) / time. */
  readonly currents: number[];
  /** Per reaction: forward and reverse firings. */
  readonly forward: number[];
  readonly reverse: number[];
  /** (1/T) Σ_jumps ln(k_ij / k_ji): the medium entropy production rate along the run; ∞ if a one-way channel fired. */
  readonly entropyProduction: number;
}

export function chainEstimates(chain: JumpChain, stats: ChainStats, reactions: number): ChainEstimates {
  const T = stats.time;
  const occupation = Array.from(stats.dwell, (d) => (T > 0 ? d / T : NaN));
  const forward = new Array<number>(reactions).fill(0), reverse = new Array<number>(reactions).fill(0);
  let sigma = 0;
  for (let c = 0; c < chain.target.length; c++) {
    const n = stats.fired[c] ?? 0;
    const r = chain.reaction[c] ?? 0;
    if ((chain.direction[c] ?? 1) > 0) forward[r] = (forward[r] ?? 0) + n;
    else reverse[r] = (reverse[r] ?? 0) + n;
    if (n === 0) continue;
    const o = chain.opposite[c] ?? -1;
    sigma += o < 0 ? Infinity : n * Math.log((chain.rate[c] ?? 0) / (chain.rate[o] ?? 0));
  }
  return { occupation, currents: forward.map((f, r) => (f - (reverse[r] ?? 0)) / T), forward, reverse, entropyProduction: sigma / T };
}

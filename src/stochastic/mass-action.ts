/**
 * Exact simulation of a mass-action network at volume Ω in molecule counts (Gillespie's direct
 * method with a dependency graph and grouped sums). Each direction of a reaction is a channel with
 * propensity
 *
 *   a(n) = κ Ω^(1 − m) Π_i n_i (n_i − 1) … (n_i − c_i + 1),   m = Σ_i c_i,
 *
 * where κ is the rate constant with the reservoirs folded in (a reservoir is a fixed
 * concentration, never a count) and c_i the internal reactant coefficients, so `2 A -> …` at k
 * fires at k n (n − 1) / Ω and the deterministic limit is the mass-action ODE of the file.
 * After a firing only the channels whose reactants changed are recomputed (the dependency graph),
 * and the channel is drawn from
 * propensities kept in groups of about √channels with their sums (see RESUM): nothing allocated.
 */
import { effectiveRates } from "../network/effective-rates.js";
import type { Network } from "../network/types.js";
import { outOfRange } from "../numeric/checked.js";
import type { Xoshiro128 } from "./random.js";

export interface ChannelSystem {
  readonly species: number;
  readonly names: readonly string[];
  readonly channels: number;
  /** Per channel: its reaction and direction (+1 / −1), its constant κ Ω^(1−m). */
  readonly reaction: Int32Array;
  readonly direction: Int8Array;
  readonly constant: Float64Array;
  /** Reactants of channel c: species rSpecies[k], coefficient rCoef[k] for rPtr[c] ≤ k < rPtr[c+1]. */
  readonly rPtr: Int32Array;
  readonly rSpecies: Int32Array;
  readonly rCoef: Int32Array;
  /** Net change of channel c: dSpecies[k] by dDelta[k] for dPtr[c] ≤ k < dPtr[c+1]. */
  readonly dPtr: Int32Array;
  readonly dSpecies: Int32Array;
  readonly dDelta: Int32Array;
  /** Channels to recompute after c fires: depIdx[k] for depPtr[c] ≤ k < depPtr[c+1]. */
  readonly depPtr: Int32Array;
  readonly depIdx: Int32Array;
  /** The opposite direction's channel, or −1. */
  readonly opposite: Int32Array;
  readonly volume: number;
}

/** The channels of a mass-action network at volume Ω. */
export function channelSystem(network: Network, volume: number): ChannelSystem {
  const eff = effectiveRates(network);
  type Ch = { reaction: number; direction: number; constant: number; reactants: { index: number; coefficient: number }[]; change: Map<number, number> };
  const list: Ch[] = [];
  const slot = new Map<number, number>();
  for (const r of network.reactions) {
    const sides = [
      { direction: 1, k: eff.forward[r.index] ?? 0, from: r.reactants, to: r.products },
      // κ⁻ is 0 for a one-way reaction (effectiveRates), so its reverse channel is skipped below
      { direction: -1, k: eff.reverse[r.index] ?? 0, from: r.products, to: r.reactants },
    ];
    for (const s of sides) {
      if (!(s.k > 0)) continue;
      const order = s.from.reduce((a, t) => a + t.coefficient, 0);
      const change = new Map<number, number>();
      for (const t of s.from) change.set(t.index, (change.get(t.index) ?? 0) - t.coefficient);
      for (const t of s.to) change.set(t.index, (change.get(t.index) ?? 0) + t.coefficient);
      for (const [i, d] of change) if (d === 0) change.delete(i);
      slot.set(2 * r.index + (s.direction > 0 ? 0 : 1), list.length);
      list.push({ reaction: r.index, direction: s.direction, constant: s.k * Math.pow(volume, 1 - order), reactants: mergeTerms(s.from), change });
    }
  }
  const m = list.length;
  const reaction = new Int32Array(m), direction = new Int8Array(m), constant = new Float64Array(m), opposite = new Int32Array(m).fill(-1);
  const rPtr = new Int32Array(m + 1), dPtr = new Int32Array(m + 1);
  const rS: number[] = [], rC: number[] = [], dS: number[] = [], dD: number[] = [];
  const readers = new Map<number, number[]>();
  list.forEach((c, k) => {
    reaction[k] = c.reaction;
    direction[k] = c.direction;
    constant[k] = c.constant;
    opposite[k] = slot.get(2 * c.reaction + (c.direction > 0 ? 1 : 0)) ?? -1;
    for (const t of c.reactants) {
      rS.push(t.index);
      rC.push(t.coefficient);
      const l = readers.get(t.index) ?? [];
      l.push(k);
      readers.set(t.index, l);
    }
    rPtr[k + 1] = rS.length;
    for (const [i, d] of c.change) {
      dS.push(i);
      dD.push(d);
    }
    dPtr[k + 1] = dS.length;
  });
  const depPtr = new Int32Array(m + 1), dep: number[] = [];
  list.forEach((c, k) => {
    const set = new Set<number>();
    for (const i of c.change.keys()) for (const j of readers.get(i) ?? []) set.add(j);
    dep.push(...[...set].sort((a, b) => a - b));
    depPtr[k + 1] = dep.length;
  });
  return {
    species: network.species.length,
    names: network.species.map((s) => s.name),
    channels: m,
    reaction, direction, constant, opposite,
    rPtr, rSpecies: Int32Array.from(rS), rCoef: Int32Array.from(rC),
    dPtr, dSpecies: Int32Array.from(dS), dDelta: Int32Array.from(dD),
    depPtr, depIdx: Int32Array.from(dep),
    volume,
  };
}

function mergeTerms(terms: readonly { index: number; coefficient: number }[]): { index: number; coefficient: number }[] {
  const m = new Map<number, number>();
  for (const t of terms) m.set(t.index, (m.get(t.index) ?? 0) + t.coefficient);
  return [...m].map(([index, coefficient]) => ({ index, coefficient }));
}

/** Initial counts: round(initial × Ω), as the CLI says. */
export function initialCounts(network: Network, volume: number): Float64Array {
  return Float64Array.from(network.species, (s) => Math.round(s.initial * volume));
}

export interface CountStats {
  time: number;
  events: number;
  readonly counts: Float64Array;
  /** ∫ n_i dt over the run. */
  readonly integral: Float64Array;
  readonly fired: Float64Array;
  /** Σ_events ln(a_fired(n) / a_opposite(n')): the medium entropy production along the run (k_B). */
  entropy: number;
  absorbed: boolean;
}

export function countStats(sys: ChannelSystem, counts: Float64Array): CountStats {
  return { time: 0, events: 0, counts: Float64Array.from(counts), integral: new Float64Array(sys.species), fired: new Float64Array(sys.channels), entropy: 0, absorbed: false };
}

export type CountSink = (time: number, counts: Float64Array, channel: number) => void;

export function propensity(sys: ChannelSystem, c: number, n: Float64Array): number {
  let a = sys.constant[c] ?? outOfRange();
  const end = sys.rPtr[c + 1] ?? outOfRange();
  for (let k = sys.rPtr[c] ?? outOfRange(); k < end; k++) {
    const x = n[sys.rSpecies[k] ?? outOfRange()] ?? outOfRange();
    const coef = sys.rCoef[k] ?? outOfRange();
    if (coef === 1) a *= x;
    else for (let j = 0; j < coef; j++) a *= x - j > 0 ? x - j : 0;
  }
  return a;
}

/**
 * Propensities in groups of about √channels, with each group's sum and the total: a channel is
 * drawn by scanning the group sums and then one group (O(√channels)), and a recomputed propensity
 * updates its group and the total by its change (O(1)); for the 30 or so channels an event
 * touches in a network of a few hundred, that is fewer operations than a binary tree's walk to
 * the root. Sums kept by differences drift by rounding, so they are recomputed exactly every
 * RESUM events and whenever a draw runs past the end.
 */
const RESUM = 4096;

/** Runs the counts until a limit, adding to `stats` (a run may be continued in slices). */
export function runCounts(sys: ChannelSystem, t0: number, limits: { time: number; events: number }, rng: Xoshiro128, stats: CountStats, sink: CountSink | null = null): void {
  const n = stats.counts, integral = stats.integral, fired = stats.fired;
  const m = sys.channels;
  const { dPtr, dSpecies, dDelta, depPtr, depIdx, opposite, constant, rPtr, rSpecies, rCoef } = sys;
  let shift = 2;
  while (1 << (2 * shift) < m) shift++;
  const G = 1 << shift;
  const groups = Math.ceil(m / G);
  const a = new Float64Array(groups * G), groupSum = new Float64Array(groups);
  for (let c = 0; c < m; c++) a[c] = propensity(sys, c, n);
  let total = 0;
  const resum = (): void => {
    total = 0;
    for (let g = 0; g < groups; g++) {
      let s = 0;
      for (let c = g * G, e = c + G; c < e; c++) s += a[c] ?? 0;
      groupSum[g] = s;
      total += s;
    }
  };
  resum();
  const ns = sys.species;
  // ln(a_c(n) / a_o(n')) = ln(κ_c / κ_o) + Σ_i ln(n_i! / n'_i!) for mass action (n − ν = n' − ν'),
  // so along the run Σ ln(a_fired / a_opposite) = Σ_events ln(κ_c / κ_o) + Σ_i ln(n_i(start)! / n_i(end)!):
  // one table read per event instead of a logarithm and a division
  const lnRatio = new Float64Array(m);
  for (let c = 0; c < m; c++) {
    const o = opposite[c] ?? -1;
    lnRatio[c] = o < 0 ? Infinity : Math.log((constant[c] ?? outOfRange()) / (constant[o] ?? outOfRange()));
  }
  // each channel's reactants by shape, so the hot loop multiplies without walking a list
  const shapeOf = new Int8Array(m), first = new Int32Array(m), second = new Int32Array(m);
  for (let c = 0; c < m; c++) {
    const r0 = rPtr[c] ?? outOfRange(), r1 = rPtr[c + 1] ?? outOfRange();
    const c0 = rCoef[r0] ?? 0, c1 = rCoef[r0 + 1] ?? 0;
    first[c] = rSpecies[r0] ?? 0;
    second[c] = rSpecies[r0 + 1] ?? 0;
    shapeOf[c] = r1 === r0 ? NONE : r1 === r0 + 1 && c0 === 1 ? ONE : r1 === r0 + 1 && c0 === 2 ? TWICE : r1 === r0 + 2 && c0 === 1 && c1 === 1 ? PAIR : GENERAL;
  }
  let lnFactStart = 0;
  for (let i = 0; i < ns; i++) lnFactStart += lnFactorial(n[i] ?? outOfRange());
  let t = t0, events = 0, entropy = 0, absorbed = false;
  // ∫ n_i dt is added lazily, when n_i changes (since[i] is when it last did) and at the end
  const since = new Float64Array(ns).fill(t0);
  // xoshiro128** inline, as in markov.ts: a method call per number is a fifth of an event's cost
  const words = rng.save();
  let wa = words[0] ?? 0, wb = words[1] ?? 0, wc = words[2] ?? 0, wd = words[3] ?? 0;
  const next = (): number => {
    const r = Math.imul(rotl(Math.imul(wb, 5), 7), 9) >>> 0, x = wb << 9;
    wc ^= wa; wd ^= wb; wb ^= wc; wa ^= wd; wc ^= x; wd = rotl(wd, 11);
    return r;
  };
  while (events < limits.events) {
    if ((events & (RESUM - 1)) === 0) resum();
    if (!(total > 0)) {
      resum();
      if (!(total > 0)) {
        absorbed = true;
        break;
      }
    }
    const hi = next() >>> 5;
    const tau = -Math.log(1 - (hi * TWO_26 + (next() >>> 6)) * TWO_M53) / total;
    if (t + tau >= limits.time) {
      t = limits.time;
      break;
    }
    t += tau;
    // the channel: scan group sums, then the group; rounding may run past the end: resum, redraw
    let c = -1;
    for (let tries = 0; c < 0; tries++) {
      if (tries === 8) throw new Error("internal error: no channel drawn from a positive total propensity");
      const hi2 = next() >>> 5;
      let u = (hi2 * TWO_26 + (next() >>> 6)) * TWO_M53 * total, g = 0;
      while (g < groups - 1 && u >= (groupSum[g] ?? outOfRange())) u -= groupSum[g++] ?? outOfRange();
      let k = g * G;
      const last = Math.min(m, k + G) - 1;
      while (k < last && u >= (a[k] ?? outOfRange())) u -= a[k++] ?? outOfRange();
      if ((a[k] ?? 0) > 0) c = k;
      else resum();
    }
    for (let k = dPtr[c] ?? outOfRange(), e = dPtr[c + 1] ?? outOfRange(); k < e; k++) {
      const sp = dSpecies[k] ?? outOfRange();
      integral[sp] = (integral[sp] ?? 0) + (n[sp] ?? 0) * (t - (since[sp] ?? 0));
      since[sp] = t;
      n[sp] = (n[sp] ?? outOfRange()) + (dDelta[k] ?? outOfRange());
    }
    for (let k = depPtr[c] ?? outOfRange(), e = depPtr[c + 1] ?? outOfRange(); k < e; k++) {
      const j = depIdx[k] ?? outOfRange();
      // the propensity, inline (see propensity()), by the shape of the channel's reactants
      let p = constant[j] ?? outOfRange();
      const shape = shapeOf[j] ?? outOfRange();
      if (shape === PAIR) p *= (n[first[j] ?? outOfRange()] ?? outOfRange()) * (n[second[j] ?? outOfRange()] ?? outOfRange());
      else if (shape === ONE) p *= n[first[j] ?? outOfRange()] ?? outOfRange();
      else if (shape === TWICE) {
        const x = n[first[j] ?? outOfRange()] ?? outOfRange();
        p *= x > 1 ? x * (x - 1) : 0;
      } else if (shape === GENERAL) {
        for (let r = rPtr[j] ?? outOfRange(), re = rPtr[j + 1] ?? outOfRange(); r < re; r++) {
          const x = n[rSpecies[r] ?? outOfRange()] ?? outOfRange();
          const coef = rCoef[r] ?? outOfRange();
          if (coef === 1) p *= x;
          else for (let q = 0; q < coef; q++) p *= x - q > 0 ? x - q : 0;
        }
      }
      const d = p - (a[j] ?? outOfRange());
      a[j] = p;
      const g = j >> shift;
      groupSum[g] = (groupSum[g] ?? outOfRange()) + d;
      total += d;
    }
    entropy += lnRatio[c] ?? outOfRange();
    fired[c] = (fired[c] ?? 0) + 1;
    events++;
    if (sink !== null) sink(t, n, c);
  }
  words[0] = wa; words[1] = wb; words[2] = wc; words[3] = wd;
  rng.restore(words);
  if (absorbed && limits.time !== Infinity) t = limits.time;
  for (let i = 0; i < ns; i++) integral[i] = (integral[i] ?? 0) + (n[i] ?? 0) * (t - (since[i] ?? 0));
  let lnFactEnd = 0;
  for (let i = 0; i < ns; i++) lnFactEnd += lnFactorial(n[i] ?? outOfRange());
  stats.time = t;
  stats.events += events;
  stats.entropy += entropy + (lnFactStart - lnFactEnd);
  stats.absorbed = absorbed;
}

/** ln(x!) for a count x ≥ 0: summed below 256, Stirling's series (error below 1e-16 relative) above. */
export function lnFactorial(x: number): number {
  if (x < 2) return 0;
  if (x < 256) {
    let s = 0;
    for (let k = 2; k <= x; k++) s += Math.log(k);
    return s;
  }
  const inv = 1 / x, inv2 = inv * inv;
  return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x) + inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260));
}

/** Shapes of a channel's reactants: none (0 → …), one molecule, two of one species, two species, other. */
const NONE = 0, ONE = 1, TWICE = 2, PAIR = 3, GENERAL = 4;

const TWO_26 = 67108864;
const TWO_M53 = 1 / 9007199254740992;

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

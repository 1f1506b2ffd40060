/**
 * The CME generator of a mass-action network on a box of counts: every state reachable from the
 * initial one without leaving the box, and every transition between them, in typed arrays.
 *
 * Propensities are stochastic mass action at volume Ω with reservoirs folded into the rate
 * constant κ (network/effective-rates.ts):
 *   a_r(x) = κ_r Ω Π_i x_i (x_i − 1) ⋯ (x_i − α_ir + 1) / Ω^α_ir,
 * so that a_r(Ω c)/Ω → κ_r Π_i c_i^α_ir, the deterministic rate, as Ω → ∞ (Anderson–Kurtz).
 */
import { effectiveRates } from "../../network/effective-rates.js";
import type { Network } from "../../network/types.js";
import { outOfRange } from "../../numeric/checked.js";
import type { CmeGenerator, SpeciesBound } from "./types.js";

/** One side of a reaction as parallel arrays of (species, coefficient). */
interface Side {
  readonly index: Int32Array;
  readonly coefficient: Int32Array;
}

/** What the enumeration needs of each reaction: both sides, ν = β − α, and κ±. */
interface Kinetics {
  readonly reactants: Side[];
  readonly products: Side[];
  /** Net change, dense: nu[r·n + i]. */
  readonly nu: Int32Array;
  readonly forward: Float64Array;
  readonly reverse: Float64Array;
}

function side(terms: readonly { index: number; coefficient: number }[]): Side {
  return { index: Int32Array.from(terms, (t) => t.index), coefficient: Int32Array.from(terms, (t) => t.coefficient) };
}

function kinetics(network: Network): Kinetics {
  const n = network.species.length, m = network.reactions.length;
  const nu = new Int32Array(m * n);
  for (const r of network.reactions) {
    for (const t of r.reactants) nu[r.index * n + t.index] = (nu[r.index * n + t.index] ?? 0) - t.coefficient;
    for (const t of r.products) nu[r.index * n + t.index] = (nu[r.index * n + t.index] ?? 0) + t.coefficient;
  }
  const { forward, reverse } = effectiveRates(network);
  return { reactants: network.reactions.map((r) => side(r.reactants)), products: network.reactions.map((r) => side(r.products)), nu, forward, reverse };
}

/** a(x) = κ Ω Π_i (x_i)_α_i / Ω^α_i for the side `s`, counts of state `at` in `counts`. */
function propensity(kappa: number, s: Side, counts: Int32Array, at: number, volume: number): number {
  if (!(kappa > 0)) return 0;
  let a = kappa * volume;
  for (let t = 0; t < s.index.length; t++) {
    const x = counts[at + (s.index[t] ?? outOfRange())] ?? outOfRange();
    const c = s.coefficient[t] ?? outOfRange();
    for (let k = 0; k < c; k++) a *= (x - k) / volume;
    if (a <= 0) return 0;
  }
  return a;
}

/** Growable typed storage, doubled when full. */
class Grow<T extends Int32Array | Float64Array> {
  data: T;
  length = 0;
  constructor(private readonly make: (n: number) => T, capacity: number) {
    this.data = make(Math.max(16, capacity));
  }
  reserve(extra: number): void {
    if (this.length + extra <= this.data.length) return;
    const bigger = this.make(Math.max(this.data.length * 2, this.length + extra));
    bigger.set(this.data.subarray(0, this.length) as never);
    this.data = bigger;
  }
  push(x: number): void {
    this.reserve(1);
    this.data[this.length++] = x;
  }
  done(): T {
    return this.data.slice(0, this.length) as T;
  }
}

/** Maps a state's mixed-radix code to its index: a flat table for small boxes, else a Map. */
function stateTable(box: number): { get(code: number): number; set(code: number, s: number): void } {
  if (box <= 16_000_000) {
    const table = new Int32Array(box).fill(-1);
    return { get: (c) => table[c] ?? -1, set: (c, s) => { table[c] = s; } };
  }
  const map = new Map<number, number>();
  return { get: (c) => map.get(c) ?? -1, set: (c, s) => { map.set(c, s); } };
}

/**
 * Enumerates the states reachable from `initial` (counts) inside 0 ≤ x_i ≤ bounds[i].cap, breadth
 * first, and the transitions among them; a transition that would leave the box is cut and its
 * propensity added to `exit` of its state. Past `maxStates` states no state is added: the
 * projection is then the first `maxStates` states breadth first, and `full` is true. Returns null
 * when the box has 2^53 codes or more (the caller keeps a smaller one).
 */
export function enumerate(network: Network, volume: number, initial: Int32Array, bounds: readonly SpeciesBound[], maxStates: number): { generator: CmeGenerator; full: boolean } | null {
  const n = network.species.length, m = network.reactions.length;
  const k = kinetics(network);
  const caps = Int32Array.from(bounds, (b) => b.cap);
  const radix = new Float64Array(n);
  let box = 1;
  for (let i = 0; i < n; i++) {
    radix[i] = box;
    box *= (caps[i] ?? outOfRange()) + 1;
  }
  if (!Number.isSafeInteger(box)) return null;
  const table = stateTable(box);
  const counts = new Grow((s) => new Int32Array(s), 1024 * Math.max(1, n));
  const codes = new Grow((s) => new Float64Array(s), 1024);
  const inBox = (base: number, sign: number, r: number): boolean => {
    for (let i = 0; i < n; i++) {
      const y = (counts.data[base + i] ?? outOfRange()) + sign * (k.nu[r * n + i] ?? outOfRange());
      if (y < 0 || y > (caps[i] ?? outOfRange())) return false;
    }
    return true;
  };
  const codeOf = (base: number, sign: number, r: number): number => {
    let c = 0;
    for (let i = 0; i < n; i++) c += ((counts.data[base + i] ?? outOfRange()) + sign * (k.nu[r * n + i] ?? outOfRange())) * (radix[i] ?? outOfRange());
    return c;
  };
  let full = false;
  const add = (base: number, sign: number, r: number): void => {
    const code = codeOf(base, sign, r);
    if (table.get(code) >= 0) return;
    if (codes.length >= maxStates) { full = true; return; }
    const s = codes.length;
    table.set(code, s);
    codes.push(code);
    counts.reserve(n);
    for (let i = 0; i < n; i++) counts.data[s * n + i] = (counts.data[base + i] ?? outOfRange()) + sign * (k.nu[r * n + i] ?? outOfRange());
    counts.length += n;
  };
  // the initial state, clamped into the box
  let code0 = 0;
  counts.reserve(n);
  for (let i = 0; i < n; i++) {
    const x = Math.min(initial[i] ?? outOfRange(), caps[i] ?? outOfRange());
    counts.data[i] = x;
    code0 += x * (radix[i] ?? outOfRange());
  }
  counts.length = n;
  table.set(code0, 0);
  codes.push(code0);
  for (let s = 0; s < codes.length; s++) {
    const base = s * n;
    for (let r = 0; r < m; r++) {
      if (isStill(k.nu, r, n)) continue;
      const react = k.reactants[r] ?? outOfRange(), prod = k.products[r] ?? outOfRange();
      if (propensity(k.forward[r] ?? outOfRange(), react, counts.data, base, volume) > 0 && inBox(base, 1, r)) add(base, 1, r);
      if (propensity(k.reverse[r] ?? outOfRange(), prod, counts.data, base, volume) > 0 && inBox(base, -1, r)) add(base, -1, r);
    }
  }
  const states = codes.length;
  // number the states in the order of their codes (lexicographic in the counts, last species
  // slowest): neighbours in count space get near indices, a banded matrix for any solver
  const sorted = codes.done().sort();
  const all = new Int32Array(states * n);
  for (let s = 0; s < states; s++) {
    const code = sorted[s] ?? outOfRange();
    table.set(code, s);
    // exact: code < 2^53, so ⌊code / radix⌋ is not rounded across an integer
    for (let i = 0; i < n; i++) all[s * n + i] = Math.floor(code / (radix[i] ?? outOfRange())) % ((caps[i] ?? outOfRange()) + 1);
  }
  counts.data = all;
  const from = new Grow((s) => new Int32Array(s), states * 2), to = new Grow((s) => new Int32Array(s), states * 2);
  const which = new Grow((s) => new Int32Array(s), states * 2);
  const fw = new Grow((s) => new Float64Array(s), states * 2), bw = new Grow((s) => new Float64Array(s), states * 2);
  const exit = new Float64Array(states);
  for (let s = 0; s < states; s++) {
    const base = s * n;
    for (let r = 0; r < m; r++) {
      if (isStill(k.nu, r, n)) continue;
      const react = k.reactants[r] ?? outOfRange(), prod = k.products[r] ?? outOfRange();
      const a = propensity(k.forward[r] ?? outOfRange(), react, all, base, volume);
      const t = inBox(base, 1, r) ? table.get(codeOf(base, 1, r)) : -1;
      if (t >= 0) {
        const b = propensity(k.reverse[r] ?? outOfRange(), prod, all, t * n, volume);
        // a transition always runs forward at a positive rate: one with only a reverse is turned round
        if (a > 0) {
          from.push(s); to.push(t); which.push(r); fw.push(a); bw.push(b);
        } else if (b > 0) {
          from.push(t); to.push(s); which.push(r); fw.push(b); bw.push(0);
        }
      } else if (a > 0) {
        // out of the box, or past the state budget: cut
        exit[s] = (exit[s] ?? outOfRange()) + a;
      }
      const back = propensity(k.reverse[r] ?? outOfRange(), prod, all, base, volume);
      if (back > 0 && (!inBox(base, -1, r) || table.get(codeOf(base, -1, r)) < 0)) exit[s] = (exit[s] ?? outOfRange()) + back;
    }
  }
  const generator: CmeGenerator = {
    source: network, volume, states, counts: all, species: n,
    from: from.done(), to: to.done(), reaction: which.done(), forward: fw.done(), reverse: bw.done(),
    exit, initial: table.get(code0), bounds,
  };
  return { generator, full };
}

/** True when reaction r changes no count (a catalyst on both sides only): no transition. */
function isStill(nu: Int32Array, r: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (nu[r * n + i] !== 0) return false;
  return true;
}

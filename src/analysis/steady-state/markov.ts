/**
 * The steady state of a Markov jump network (`state` declarations): the distribution reached
 * from the initial one, with the per-transition probability currents and the entropy production.
 * The numerics (classes, absorption, GTH elimination) live in src/numeric/markov/stationary.ts.
 */
import { effectiveRates, type EffectiveRates } from "../../network/effective-rates.js";
import { markovEdges } from "../../network/markov-graph.js";
import type { Network } from "../../network/types.js";
import { outOfRange } from "../../numeric/checked.js";
import { numbers } from "../../numeric/arrays.js";
import { stationaryDistribution, type ClosedClass, type StationaryResult } from "../../numeric/markov/stationary.js";
import type { LeftSolver } from "../../numeric/markov/solver.js";
import type { SteadyState } from "./types.js";
import { circulation } from "./circulation.js";
import { oppositePairs } from "../../network/pairs.js";
import { sigmaRoundingBound, UNIT, type SigmaTerm } from "../entropy/index.js";

export interface MarkovSteadyState {
  readonly state: SteadyState;
  /** How π was computed (dense or sparse GTH, sizes). */
  readonly method: string;
  /** Why a number is null, which states are transient, what input was worked around. */
  readonly notes: readonly string[];
  /** How many closed classes the chain has (0 when π could not be computed). */
  readonly closedClasses: number;
}

/**
 * The stationary distribution reached from the initial probabilities, and its currents.
 *
 * Jump rates are mass action with reservoirs folded in: `E + ATP -> EATP @ k` jumps E → EATP
 * at w = k·[ATP] (`effectiveRates`). With π the reached distribution (numeric/markov/stationary.ts):
 *   v+_r = w+_r π_from,  v−_r = w−_r π_to,  J_r = v+_r − v−_r,
 *   σ = Σ_r J_r ln(v+_r / v−_r)   (k_B per time; ln taken as ln w+ + ln π_from − ln w− − ln π_to),
 * J_r kept accurate where v+ and v− nearly cancel (steady-state/circulation.ts: J on the chords of
 * the busiest spanning forest, tree edges by conservation), a pair of opposite one-way transitions
 * (network/pairs.ts) counted once as one reversible transition (`netFluxes`),
 * a pair with v+ = v− = 0 adding 0, and σ = null (with a note) when a one-way reaction carries flux.
 * When one closed class carries π, `state.solver` keeps its factorisation for later left solves
 * yᵀ(−Q) = bᵀ (numeric/markov/left-solve.ts: two sweeps, no refactorisation).
 * Assumes network.kind === "markov" (one state with coefficient 1 on each side of each reaction);
 * anything else gives the initial amounts, zero fluxes and a note, never an exception. `solved`:
 * the chain's stationaryDistribution already computed (with keepSolver) from the same jumps and
 * initial distribution, used instead of solving again.
 *
 *     const { network } = compile("state A = 1, B\nA <-> B @ 1, 3");
 *     markovSteadyState(network!).state.concentrations  // → [0.75, 0.25]
 *     markovSteadyState(network!).state.entropyProduction // → 0 (detailed balance)
 */
export function markovSteadyState(network: Network, solved?: StationaryResult): MarkovSteadyState {
  const n = network.species.length;
  const reactions = network.reactions;
  const notes: string[] = [];
  const initial = Float64Array.from(network.species, (s) => s.initial);
  const edges = network.kind === "markov" ? markovEdges(network) : null;
  if (edges === null) {
    notes.push("not a Markov jump network (each reaction must move one state to one state): no stationary distribution computed");
    const zeros = reactions.map(() => 0);
    const state: SteadyState = {
      concentrations: Array.from(initial), fluxes: zeros, forwardRates: zeros, reverseRates: zeros,
      entropyProduction: null, stable: null, reached: false, leadingEigenvalue: null,
    };
    return { state, method: "none", notes, closedClasses: 0 };
  }
  const { from: tail, to: head } = edges;
  const rates = effectiveRates(network);
  const { forward, reverse } = rates;
  const m = reactions.length;
  const result = solved ?? solveJumps(network, tail, head, rates, initial);
  notes.push(...result.notes);
  const pi = result.pi;
  const name = (i: number): string => network.species[i]?.name ?? `#${i}`;
  if (result.transient.length > 0) {
    const names = Array.from(result.transient.subarray(0, 10), name).join(", ");
    const more = result.transient.length > 10 ? ` and ${result.transient.length - 10} more` : "";
    notes.push(`transient states (probability 0 in the long run): ${names}${more}`);
  }
  if (result.classes.length > 1) {
    const label = (states: Int32Array): string => {
      const names = Array.from(states.subarray(0, 3), name);
      return `{${names.join(", ")}${states.length > 3 ? `, … (${states.length} states)` : ""}}`;
    };
    const shown = result.classes.slice(0, 10).map((c) => `${label(c.states)} ${c.mass.toPrecision(6)}`);
    const more = result.classes.length > 10 ? ` and ${result.classes.length - 10} more` : "";
    notes.push(`${result.classes.length} closed classes; the long-run probability of each: ${shown.join(", ")}${more}`);
  }

  const { partner } = oppositePairs(network);
  // computed in typed arrays and handed out as packed arrays (numbers()): an array made by
  // `new Array(n)` and filled stays holey, and every read of a holey double array that may be a
  // hole (`x[i] ?? …`) boxes its value, ~90 bytes and ten times the time per read in a loop over
  // the 80 000 transitions of the report's torus (the fluctuations read π so, once per current)
  const plus = new Float64Array(m), minus = new Float64Array(m);
  // one edge per reaction, a pair of opposite one-way reactions folded onto its first member
  const up = new Float64Array(m), down = new Float64Array(m);
  for (let r = 0; r < m; r++) {
    const i = tail[r] ?? outOfRange(), j = head[r] ?? outOfRange();
    plus[r] = (forward[r] ?? outOfRange()) * (pi[i] ?? outOfRange());
    minus[r] = (reverse[r] ?? outOfRange()) * (pi[j] ?? outOfRange());
  }
  const vPlus = numbers(plus), vMinus = numbers(minus);
  for (let r = 0; r < m; r++) {
    const p = partner[r] ?? -1;
    if (p >= 0 && p < r) continue;
    up[r] = (plus[r] ?? 0) + (p >= 0 ? minus[p] ?? 0 : 0);
    down[r] = (minus[r] ?? 0) + (p >= 0 ? plus[p] ?? 0 : 0);
  }
  const net = circulation({ states: n, from: tail, to: head, up, down });
  const flux = new Float64Array(m), netFlux = new Float64Array(m);
  for (let r = 0; r < m; r++) {
    const p = partner[r] ?? -1, j = net[r] ?? outOfRange();
    flux[r] = p >= 0 ? (plus[r] ?? 0) - (minus[r] ?? 0) : j;
    netFlux[r] = p >= 0 && p < r ? 0 : j;
  }
  const fluxes = numbers(flux), netFluxes = numbers(netFlux);
  let sigma: number | null = 0;
  const infinite: string[] = [];
  const terms: SigmaTerm[] = [];
  for (let r = 0; r < m; r++) {
    const p = partner[r] ?? -1;
    if (p >= 0 && p < r) continue;
    const a = up[r] ?? 0, b = down[r] ?? 0;
    if (a === 0 && b === 0) continue;
    if (a === 0 || b === 0) {
      infinite.push(reactions[r]?.id ?? `#${r}`);
      continue;
    }
    // ln(v⁺/v⁻) from the factors, so that a tiny π does not underflow the ratio
    const i = tail[r] ?? outOfRange(), j = head[r] ?? outOfRange();
    const lf = Math.log(forward[r] ?? NaN), lb = Math.log(p >= 0 ? forward[p] ?? NaN : reverse[r] ?? NaN);
    const li = Math.log(pi[i] ?? outOfRange()), lj = Math.log(pi[j] ?? outOfRange());
    const logRatio = lf + li - lb - lj;
    const jr = net[r] ?? 0;
    if (sigma !== null) sigma += jr * logRatio;
    // the net flux no worse than a subtraction of rates k·π (each 2u); four logs of given values (u each) summed
    terms.push({ flux: jr, fluxError: 4 * UNIT * (a + b) + UNIT * Math.abs(jr), log: logRatio, logError: 4 * UNIT * (Math.abs(lf) + Math.abs(li) + Math.abs(lb) + Math.abs(lj)) });
  }
  if (infinite.length > 0) {
    sigma = null;
    notes.push(`entropy production is infinite: ${infinite.join(", ")} carry flux with no reverse rate`);
  }
  const concentrations = numbers(pi);
  const state: SteadyState = {
    concentrations, fluxes, forwardRates: vPlus, reverseRates: vMinus, netFluxes,
    entropyProduction: sigma, entropyProductionBound: sigma === null ? null : sigmaRoundingBound(terms), stable: true, reached: true, leadingEigenvalue: null,
    ...carrier(result.classes),
  };
  return { state, method: result.method, notes, closedClasses: result.classes.length };
}

function solveJumps(network: Network, tail: ArrayLike<number>, head: ArrayLike<number>, rates: EffectiveRates, initial: Float64Array): StationaryResult {
  const { from, to, rate } = jumpsOf(network, tail, head, rates);
  return stationaryDistribution(network.species.length, from, to, rate, initial, { keepSolver: true });
}

/** The factorised generator of the one closed class that carries π, when there is one and it was kept. */
function carrier(classes: readonly ClosedClass[]): { solver?: LeftSolver } {
  const carrying = classes.filter((c) => c.mass > 0);
  const solver = carrying.length === 1 ? carrying[0]?.solver : undefined;
  return solver ? { solver } : {};
}

/** The jumps (from, to, rate) of a Markov network, both directions of each reaction with a positive rate. */
function jumpsOf(network: Network, tail: ArrayLike<number>, head: ArrayLike<number>, rates: EffectiveRates = effectiveRates(network)): { from: Int32Array; to: Int32Array; rate: Float64Array } {
  const { forward, reverse } = rates;
  const m = network.reactions.length;
  let jumps = 0;
  for (let r = 0; r < m; r++) jumps += ((forward[r] ?? outOfRange()) > 0 ? 1 : 0) + ((reverse[r] ?? outOfRange()) > 0 ? 1 : 0);
  const from = new Int32Array(jumps), to = new Int32Array(jumps), rate = new Float64Array(jumps);
  let k = 0;
  for (let r = 0; r < m; r++) {
    const i = tail[r] ?? outOfRange(), j = head[r] ?? outOfRange(), f = forward[r] ?? outOfRange(), b = reverse[r] ?? outOfRange();
    if (f > 0) { from[k] = i; to[k] = j; rate[k++] = f; }
    if (b > 0) { from[k] = j; to[k] = i; rate[k++] = b; }
  }
  return { from, to, rate };
}

/**
 * The stationary laws of a Markov network form the simplex spanned by the law of each closed
 * class (the laws concentrated on one class): with c closed classes, a set of dimension c − 1
 * whose extreme points are those laws. Each is the stationary distribution started inside its
 * class. Null for a network that is not a Markov jump network.
 *
 *   // state A = 1, B, C, D;  A <-> B @ 1, 1;  C <-> D @ 1, 3
 *   closedClassLaws(network);   // [[0.5, 0.5, 0, 0], [0, 0, 0.75, 0.25]]
 */
export function closedClassLaws(network: Network): number[][] | null {
  const edges = network.kind === "markov" ? markovEdges(network) : null;
  if (edges === null) return null;
  const n = network.species.length;
  const { from, to, rate } = jumpsOf(network, edges.from, edges.to);
  const all = stationaryDistribution(n, from, to, rate, new Float64Array(n).fill(1 / Math.max(1, n)));
  return all.classes.map((c) => {
    const start = new Float64Array(n);
    start[c.states[0] ?? outOfRange()] = 1;
    return Array.from(stationaryDistribution(n, from, to, rate, start).pi);
  });
}

/**
 * Stationary distributions of continuous-time Markov jump processes, as reached from an initial
 * distribution, with entrywise relative accuracy however stiff the rates.
 *
 * 1. Communicating classes (Tarjan, iterative); a class with no way out is closed, every state
 *    of an open class is transient and ends with probability 0.
 * 2. The mass each closed class receives: p0 on its own states plus the flow out of the
 *    transient states, Σ_t z_t q_tj, where z (expected time spent in each transient state) solves
 *    zᵀ(−Q_TT) = p0_Tᵀ; one solve whatever the number of classes, by GTH elimination of the
 *    chain that restarts from p0 whenever it leaves the transient states (src/numeric/frontal.ts).
 * 3. Each reached closed class: its stationary law by GTH (dense up to a few hundred states,
 *    sparse multifrontal with nested dissection above), times its mass.
 * A set whose elimination would exceed the memory or work budget (a state graph without small
 * separators) falls back to Gauss–Seidel, with a note giving the residual reached.
 * The normalisation is part of the construction (back-substitution from one state, then a
 * positive sum), never an equation of Qπ = 0 that admits π = 0.
 */
import { outOfRange } from "../checked.js";
import { factorGth, occupationFromFactor, stationaryFromFactor, type GthFactor } from "./frontal.js";
import { groundedSolver, gthLeftSolver } from "./left-solve.js";
import type { LeftSolver } from "./solver.js";
import { gaussSeidel } from "./iterative.js";
import { accurateSum } from "./gth.js";
import { stronglyConnectedComponents } from "./scc.js";
import { csrFromEdges, restrict, transpose, type Csr } from "./sparse.js";

/** A closed communicating class and the probability of ending in it. */
export interface ClosedClass {
  /** Its states, ascending. */
  readonly states: Int32Array;
  /** Probability that the process ends in this class, from the initial distribution. */
  readonly mass: number;
  /**
   * Left solves with the class's generator from the factorisation that gave its law (with
   * `keepSolver`, for a class that was solved by elimination: mass > 0, within the budgets).
   */
  readonly solver?: LeftSolver;
}

/** What stationaryDistribution returns. */
export interface StationaryResult {
  /** Probability of each state in the long run; sums to 1; 0 exactly on transient states. */
  readonly pi: Float64Array;
  /** The closed communicating classes (those the process cannot leave). */
  readonly classes: readonly ClosedClass[];
  /** States of open classes (visited, then left for good), ascending. */
  readonly transient: Int32Array;
  /** How it was computed: dense or sparse GTH, sizes. */
  readonly method: string;
  /** Input problems that were worked around (edges skipped, initial distribution replaced). */
  readonly notes: readonly string[];
}

/** Size limits and budgets of the eliminations (defaults: one dense front up to 200 states, leaves of 24, the budgets of frontal.ts). */
export interface StationaryOptions {
  /** Closed classes (and transient sets) up to this size use one dense front. */
  readonly denseLimit?: number;
  /** Nested dissection stops splitting pieces of at most this many states. */
  readonly leafSize?: number;
  /** Elimination budgets (see src/numeric/frontal.ts); above them, Gauss–Seidel. */
  readonly maxEntries?: number;
  readonly maxWork?: number;
  /** Keep each solved closed class's factors as a LeftSolver (`ClosedClass.solver`): twice the factor memory. */
  readonly keepSolver?: boolean;
}

/**
 * The distribution a continuous-time Markov jump process reaches from `initial`:
 * π = Σ_C M_C π_C, where π_C is the stationary law of closed class C (π_C Q_C = 0, Σ π_C = 1)
 * and M_C = Pr(absorbed in C) = Σ_{j∈C} (p0_j + Σ_{t transient} z_t q_tj), zᵀ(−Q_TT) = p0_T.
 * Assumes rate[e] is the jump rate from[e] → to[e] (parallel edges add; self-loops ignored);
 * edges with a rate that is not finite and > 0 or an index out of range are skipped with a note.
 *
 *     const r = stationaryDistribution(2, Int32Array.of(0, 1), Int32Array.of(1, 0),
 *       Float64Array.of(1, 3), Float64Array.of(1, 0));
 *     r.pi // → [0.75, 0.25]
 */
export function stationaryDistribution(
  n: number,
  from: Int32Array,
  to: Int32Array,
  rate: Float64Array,
  initial: Float64Array,
  options: StationaryOptions = {},
): StationaryResult {
  const notes: string[] = [];
  if (!Number.isInteger(n) || n < 0) {
    return { pi: new Float64Array(0), classes: [], transient: new Int32Array(0), method: "none", notes: [`bad state count ${n}`] };
  }
  const m = Math.min(from.length, to.length, rate.length);
  if (m < Math.max(from.length, to.length, rate.length)) notes.push("edge arrays of different lengths: extra entries ignored");
  const ok = (e: number): boolean => {
    const i = from[e] ?? outOfRange(), j = to[e] ?? outOfRange(), r = rate[e] ?? outOfRange();
    return i >= 0 && i < n && j >= 0 && j < n && Number.isFinite(r) && r > 0;
  };
  let bad = 0;
  for (let e = 0; e < m; e++) if (!ok(e)) bad++;
  if (bad > 0) notes.push(`${bad} edge(s) with a state out of range or a rate not finite and > 0 were skipped`);
  const q = csrFromEdges(n, from.subarray(0, m), to.subarray(0, m), rate.subarray(0, m), ok);
  const p0 = initialDistribution(n, initial, notes);

  const { count, component } = stronglyConnectedComponents(n, q.ptr, q.idx);
  const closed = new Uint8Array(count).fill(1);
  for (let i = 0; i < n; i++) {
    const c = component[i] ?? outOfRange();
    for (let p = q.ptr[i] ?? outOfRange(), stop = q.ptr[i + 1] ?? outOfRange(); p < stop; p++) {
      if (component[q.idx[p] ?? outOfRange()] !== c) closed[c] = 0;
    }
  }
  const members = groupBy(count, component);

  const isTransient = (i: number): boolean => closed[component[i] ?? outOfRange()] === 0;
  const transient = Int32Array.from({ length: n }, (_, i) => i).filter(isTransient);
  const methods: string[] = [];
  const arrival = p0.slice(); // mass entering each closed state; transient entries unused
  const local = new Int32Array(n).fill(-1); // scratch: position in the current subset, else -1
  if (transient.length > 0) absorb(q, transient, p0, arrival, local, options, methods, notes);

  const pi = new Float64Array(n);
  const classes: ClosedClass[] = [];
  for (let c = 0; c < count; c++) {
    if (!closed[c]) continue;
    const states = members[c] ?? outOfRange();
    let mass = 0, comp = 0; // compensated: a class may gather mass from many states
    for (const j of states) {
      const a = arrival[j] ?? outOfRange(), t = mass + a;
      comp += mass >= a ? mass - t + a : a - t + mass;
      mass = t;
    }
    mass += comp;
    if (mass === 0) {
      classes.push({ states, mass });
      continue;
    }
    if (states.length === 1) {
      const only = states[0] ?? outOfRange();
      pi[only] = mass;
      classes.push(options.keepSolver ? { states, mass, solver: groundedSolver(only, n) } : { states, mass });
      continue;
    }
    const { x: law, fac } = solveSet(q, states, local, null, options, "class", methods, notes);
    const solver = options.keepSolver && fac ? gthLeftSolver(fac, states, n) : null;
    classes.push(solver ? { states, mass, solver } : { states, mass });
    for (let r = 0; r < states.length; r++) pi[states[r] ?? outOfRange()] = mass * (law[r] ?? outOfRange());
  }
  const total = accurateSum(pi);
  if (total > 0) for (let i = 0; i < n; i++) pi[i] = (pi[i] ?? outOfRange()) / total;
  // every class has a state, so states[0] is there; the classes are disjoint, so the order is strict
  classes.sort((a, b) => (a.states[0] ?? outOfRange()) - (b.states[0] ?? outOfRange()));
  return { pi, classes, transient, method: summarise(methods), notes };
}

/** Adds to `arrival` the mass that flows out of the transient states into closed states. */
function absorb(
  q: Csr, transient: Int32Array, p0: Float64Array, arrival: Float64Array, local: Int32Array,
  options: StationaryOptions, methods: string[], notes: string[],
): void {
  const p0T = new Float64Array(transient.length);
  let start = 0;
  for (let r = 0; r < transient.length; r++) {
    const x = p0[transient[r] ?? outOfRange()] ?? outOfRange();
    p0T[r] = x;
    start += x;
  }
  if (start === 0) return;
  const inTransient = new Uint8Array(q.n);
  for (const t of transient) inTransient[t] = 1;
  const z = solveSet(q, transient, local, p0T, options, "transient states", methods, notes).x;
  for (let r = 0; r < transient.length; r++) {
    const t = transient[r] ?? outOfRange(), zt = z[r] ?? outOfRange();
    for (let p = q.ptr[t] ?? outOfRange(), stop = q.ptr[t + 1] ?? outOfRange(); p < stop; p++) {
      const j = q.idx[p] ?? outOfRange();
      if (!inTransient[j]) arrival[j] = (arrival[j] ?? outOfRange()) + zt * (q.val[p] ?? outOfRange());
    }
  }
}

/**
 * Solves on the chain restricted to `states`: its stationary law (no source), or with a source
 * (an absorption solve) the occupation times, the rates leaving the set being the exits.
 * Sparse GTH when the elimination fits the budget, else Gauss–Seidel with its residual noted.
 * `local` is scratch of length n, all −1 on entry and on return. Returns the factor when there is one.
 */
function solveSet(
  q: Csr, states: Int32Array, local: Int32Array, source: Float64Array | null, options: StationaryOptions,
  what: string, methods: string[], notes: string[],
): { x: Float64Array; fac: GthFactor | null } {
  for (let r = 0; r < states.length; r++) local[states[r] ?? outOfRange()] = r;
  const sub = restrict(q, states, local);
  let out: Float64Array | null = null;
  if (source) {
    out = new Float64Array(states.length);
    for (let r = 0; r < states.length; r++) {
      const i = states[r] ?? outOfRange();
      let leaving = 0;
      for (let p = q.ptr[i] ?? outOfRange(), stop = q.ptr[i + 1] ?? outOfRange(); p < stop; p++) {
        if ((local[q.idx[p] ?? outOfRange()] ?? outOfRange()) < 0) leaving += q.val[p] ?? outOfRange();
      }
      out[r] = leaving;
    }
  }
  for (const i of states) local[i] = -1;
  const fac = factorGth(sub, out, source, {
    denseLimit: options.denseLimit ?? 200, leafSize: options.leafSize ?? 24, maxEntries: options.maxEntries, maxWork: options.maxWork,
    keepUpper: options.keepSolver === true && source === null,
  });
  if (fac) {
    methods.push(describe(what, fac));
    return { x: source ? occupationFromFactor(fac) : stationaryFromFactor(fac), fac };
  }
  const it = gaussSeidel(sub, transpose(sub), out, source);
  methods.push(`Gauss–Seidel on ${what} of ${states.length} states (${it.sweeps} sweeps)`);
  notes.push(
    `elimination on ${what} of ${states.length} states would exceed the memory or work budget (no small separators): ` +
      `Gauss–Seidel used instead; relative balance residual ${it.residual.toExponential(1)}, accuracy not entrywise-guaranteed`,
  );
  return { x: it.x, fac: null };
}

function initialDistribution(n: number, initial: Float64Array, notes: string[]): Float64Array {
  const p0 = new Float64Array(n);
  let valid = initial.length === n;
  for (let i = 0; i < n && valid; i++) {
    const x = initial[i] ?? outOfRange();
    if (!Number.isFinite(x) || x < 0) valid = false;
  }
  const sum = valid ? accurateSum(initial) : 0;
  if (!valid || !(sum > 0)) {
    if (n > 0) notes.push("initial distribution missing, negative or zero: uniform used instead");
    p0.fill(n > 0 ? 1 / n : 0);
    return p0;
  }
  for (let i = 0; i < n; i++) p0[i] = (initial[i] ?? outOfRange()) / sum;
  return p0;
}

/** States of each component, ascending. */
function groupBy(count: number, component: Int32Array): Int32Array[] {
  const size = new Int32Array(count);
  for (let i = 0; i < component.length; i++) {
    const c = component[i] ?? outOfRange();
    size[c] = (size[c] ?? outOfRange()) + 1;
  }
  const out = Array.from(size, (s) => new Int32Array(s));
  const fill = new Int32Array(count);
  for (let i = 0; i < component.length; i++) {
    const c = component[i] ?? outOfRange();
    const at = fill[c] ?? outOfRange();
    (out[c] ?? outOfRange())[at] = i;
    fill[c] = at + 1;
  }
  return out;
}

function describe(what: string, fac: GthFactor): string {
  const kind = fac.order.start.length === 1 ? "dense GTH" : "sparse GTH (nested dissection, multifrontal)";
  return `${kind} on ${what} of ${fac.n} states, ${fac.stored} stored entries, largest front ${fac.largestFront}`;
}

function summarise(methods: string[]): string {
  if (methods.length === 0) return "no elimination needed (closed classes of one state)";
  if (methods.length <= 3) return methods.join("; ");
  return `${methods.slice(0, 2).join("; ")}; and ${methods.length - 2} more solves`;
}

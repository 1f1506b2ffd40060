/**
 * Left solves with the generator on the closed class carrying π, for the Poisson equation of a
 * current (poisson.ts) and the shift-invert relaxation spectrum (spectrum.ts):
 * yᵀ(−Q) = bᵀ on the class, y_g = 0 at a grounded state g, for Σ b = 0.
 *
 * The steady state's own factorisation (SteadyState.solver, numeric/markov/solver.ts) is used when
 * it covers the same class and its grounded state g is a probable one (π_g ≥ groundRatio · max π):
 * then a solve is two sweeps. Grounding matters: the grounded system's inverse holds the expected
 * times spent before the process first reaches g, about 1/π_g in units of the rates, so a solve
 * grounded at a rare state (a separator state of nested dissection in the tail of a birth–death
 * law, π_g = 10⁻¹⁰⁰) returns the wanted solution plus rounding times 10¹⁰⁰ along π, which no
 * projection recovers. Otherwise the class less its most probable state g* is factorised once,
 * the jumps into g* being exits (a nonsingular M-matrix, all pivots positive), with the upper
 * factor kept, and solves are its two sweeps (as in numeric/markov/left-solve.ts, with no pivot
 * skipped). When that does not fit the budget (it stores twice what π needs), each solve is the
 * absorption solve of numeric/markov/frontal.ts on the same grounded set, b as the (signed) source
 * row, a new factorisation each time (the source row is never a pivot, so the elimination is linear
 * in it); Gauss–Seidel when even that would pass its budget.
 */
import { outOfRange } from "../../numeric/checked.js";
import { factorGth, occupationFromFactor } from "../../numeric/markov/frontal.js";
import { absorbingLeftSolve } from "../../numeric/markov/left-solve.js";
import type { LeftSolver } from "../../numeric/markov/solver.js";
import { csrFromEdges, restrict, transpose, type Csr } from "../../numeric/markov/sparse.js";
import type { Jumps } from "./jumps.js";

/** Elimination limits passed on to factorGth (the stationary solve's defaults when absent). */
export interface PoissonOptions {
  readonly denseLimit?: number;
  readonly leafSize?: number;
  readonly maxEntries?: number;
  readonly maxWork?: number;
  /** Reuse the steady state's solver only when its grounded state has π_g ≥ this × max π (see the module comment); default 1e-2. */
  readonly groundRatio?: number;
}

/** A left solver and how its last solve was made. */
export interface ClassSolver {
  readonly solver: LeftSolver;
  /** True when the solves reuse the steady state's factorisation. */
  readonly reused: boolean;
  /** How the last solve was made (for a method string), and a caveat when it is iterative. */
  describe(): { readonly method: string; readonly note: string | null };
}

/**
 * The states of positive probability (the closed class carrying π when there is one), ascending.
 *
 *   supportOf([0.5, 0, 0.5], 3)   // Int32Array [0, 2]
 */
export function supportOf(pi: ArrayLike<number>, n: number): Int32Array {
  const support: number[] = [];
  for (let i = 0; i < n; i++) if ((pi[i] ?? 0) > 0) support.push(i);
  return Int32Array.from(support);
}

/**
 * A left solver on `states` (the support of π, one closed class of at least two states): the given
 * factorised one when it covers exactly these states and is grounded at a probable state, else one
 * grounded at the most probable state (see the module comment). y = leftSolve(b) solves
 * yᵀ(−Q) = bᵀ on the class for Σ b = 0, up to a multiple of π.
 *
 *   const cs = classSolver(jumps, pi, supportOf(pi, jumps.states), state.solver);
 *   const y = cs.solver.leftSolve(e);   // e zero-sum, indexed by network state
 */
export function classSolver(j: Jumps, pi: ArrayLike<number>, states: Int32Array, given: LeftSolver | undefined, options: PoissonOptions = {}): ClassSolver {
  let g0 = 0;
  for (let r = 1; r < states.length; r++) if ((pi[states[r] ?? outOfRange()] ?? 0) > (pi[states[g0] ?? outOfRange()] ?? 0)) g0 = r;
  const ground = states[g0] ?? outOfRange(), top = pi[ground] ?? outOfRange();
  if (covers(given, j.states, states) && (pi[given.ground] ?? 0) >= (options.groundRatio ?? 1e-2) * top) {
    return { solver: given, reused: true, describe: () => ({ method: `the stationary solve's factorisation on ${states.length} states (two sweeps a solve)`, note: null }) };
  }
  const n = j.states;
  const rest = states.filter((s) => s !== ground);
  const local = new Int32Array(n).fill(-1);
  rest.forEach((s, r) => (local[s] = r));
  const q = csrFromEdges(n, j.from, j.to, j.rate);
  const restQ = restrict(q, rest, local);
  const exit = new Float64Array(rest.length);
  for (let r = 0; r < rest.length; r++) {
    const i = rest[r] ?? outOfRange();
    for (let p = q.ptr[i] ?? outOfRange(), stop = q.ptr[i + 1] ?? outOfRange(); p < stop; p++) if (q.idx[p] === ground) exit[r] = (exit[r] ?? 0) + (q.val[p] ?? outOfRange());
  }
  const once = factorGth(restQ, exit, null, { ...options, keepUpper: true });
  const swept = once === null ? null : absorbingLeftSolve(once, rest, n);
  if (swept !== null && once !== null) {
    const method = `${once.order.start.length === 1 ? "dense" : "sparse"} GTH elimination on ${rest.length} states (largest front ${once.largestFront}) grounded at the most probable state, factorised once`;
    return { solver: { n, states, ground, leftSolve: swept }, reused: false, describe: () => ({ method, note: null }) };
  }
  let last = { method: "no solve yet", note: null as string | null };
  const leftSolve = (b: Float64Array): Float64Array => {
    const source = new Float64Array(rest.length);
    for (let r = 0; r < rest.length; r++) source[r] = b[rest[r] ?? outOfRange()] ?? outOfRange();
    const fac = factorGth(restQ, exit, source, options);
    let y: Float64Array;
    if (fac) {
      y = occupationFromFactor(fac);
      last = { method: `${fac.order.start.length === 1 ? "dense" : "sparse"} GTH elimination on ${rest.length} states (largest front ${fac.largestFront})`, note: null };
    } else {
      const it = signedGaussSeidel(restQ, exit, source);
      y = it.y;
      last = { method: `Gauss–Seidel on ${rest.length} states (${it.sweeps} sweeps)`, note: `the elimination would exceed its budget: Gauss–Seidel, relative change at the last sweep ${it.change.toExponential(1)}` };
    }
    const out = new Float64Array(n);
    rest.forEach((s, r) => (out[s] = y[r] ?? outOfRange()));
    return out;
  };
  return { solver: { n, states, ground, leftSolve }, reused: false, describe: () => ({ ...last, method: `${last.method}, one factorisation a solve` }) };
}

/** Whether `given` is a solver on exactly `states` of a network of n states. */
export function covers(given: LeftSolver | undefined, n: number, states: Int32Array): given is LeftSolver {
  return given !== undefined && given.n === n && sameStates(given.states, states);
}

function sameStates(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Gauss–Seidel on yᵀ(−Q) = eᵀ with a signed right-hand side: y_j = (e_j + Σ_i y_i q_ij) / out_j,
 * out_j the total rate out of j exits included (−Q is a nonsingular M-matrix, so it converges).
 * The fallback when the elimination does not fit; its accuracy is the change it reports.
 */
function signedGaussSeidel(rates: Csr, exit: Float64Array, source: Float64Array, tol = 1e-14, maxSweeps = 50_000): { y: Float64Array; sweeps: number; change: number } {
  const n = rates.n, into = transpose(rates);
  const out = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let s = exit[j] ?? outOfRange();
    for (let q = rates.ptr[j] ?? outOfRange(), stop = rates.ptr[j + 1] ?? outOfRange(); q < stop; q++) s += rates.val[q] ?? outOfRange();
    out[j] = s;
  }
  const y = new Float64Array(n);
  let sweeps = 0, change = Infinity;
  while (sweeps < maxSweeps && change > tol) {
    sweeps++;
    let delta = 0, size = 0;
    for (let j = 0; j < n; j++) {
      let acc = source[j] ?? outOfRange();
      for (let q = into.ptr[j] ?? outOfRange(), stop = into.ptr[j + 1] ?? outOfRange(); q < stop; q++) acc += (y[into.idx[q] ?? outOfRange()] ?? outOfRange()) * (into.val[q] ?? outOfRange());
      const next = acc / (out[j] ?? outOfRange());
      delta = Math.max(delta, Math.abs(next - (y[j] ?? outOfRange())));
      size = Math.max(size, Math.abs(next));
      y[j] = next;
    }
    change = size > 0 ? delta / size : 0;
  }
  return { y, sweeps, change };
}

/**
 * Mean and diffusion coefficient of a counting current of a Markov jump process, from the
 * stationary law and one Poisson equation solved by the sparse GTH elimination that gives π.
 *
 * A current N_t adds g_e at each jump e (i → j at rate w_e). With a_i = Σ_{e from i} w_e g_e,
 *   J  = Σ_e π_i w_e g_e,
 *   2D = lim Var N_t / t = Σ_e π_i w_e g_e² + 2 Σ_j e_j h_j,   e_j = Σ_{e into j} π_i w_e g_e − J π_j,
 * where −Q h = a − J (the Poisson equation; Q acts on functions, (Qh)_i = Σ_e w_e (h_j − h_i)).
 * This is λ''(0) of the tilted generator's leading eigenvalue (second-order perturbation;
 * Koza, J. Phys. A 32 (1999) 7637; Barato & Chetrite, J. Stat. Phys. 160 (2015) 1154). Since Σ e = 0,
 * e·h = y·(a − J) with yᵀ(−Q) = eᵀ: a LEFT solve, the kind GTH back-substitution does. Grounding
 * y_g = 0 at the state g of largest π, the rest solve yᵀ(−Q_TT) = e_Tᵀ on T = class \ {g}, the
 * jumps into g being exits: exactly the absorption solve of numeric/markov/frontal.ts, with the
 * source row e (signed: the source row is never a pivot, so the elimination is linear in it and
 * only the pivots' positive out-rates are divided by). One factorisation, the size of π's.
 */
import { outOfRange } from "../../numeric/checked.js";
import { factorGth, occupationFromFactor } from "../../numeric/markov/frontal.js";
import { stronglyConnectedComponents } from "../../numeric/markov/scc.js";
import { csrFromEdges, restrict, transpose, type Csr } from "../../numeric/markov/sparse.js";
import type { Jumps } from "./jumps.js";

/** J and D of one current, or why D is not defined. */
export interface MeanDiffusion {
  readonly mean: number;
  /** Null when the law is spread over several closed classes (the variance then grows like t²). */
  readonly diffusion: number | null;
  readonly method: string;
  readonly note: string | null;
}

/** Elimination limits passed on to factorGth (the stationary solve's defaults when absent). */
export interface PoissonOptions {
  readonly denseLimit?: number;
  readonly leafSize?: number;
  readonly maxEntries?: number;
  readonly maxWork?: number;
}

/**
 * J and D of the current with increment g[e] on jump e, at the stationary law `pi` (see the module
 * comment). Assumes pi is stationary for the jumps and sums to 1; jumps with g = 0 count nothing.
 *
 *   // two states, 0 → 1 at u, 1 → 0 at v, counting the 1 → 0 jumps: J = uv/(u+v)
 *   meanDiffusion(jumps, Float64Array.of(0, 1), pi).mean
 */
export function meanDiffusion(j: Jumps, g: Float64Array, pi: ArrayLike<number>, options: PoissonOptions = {}): MeanDiffusion {
  const n = j.states, m = j.from.length;
  let mean = 0, second = 0;
  const a = new Float64Array(n), inflow = new Float64Array(n);
  for (let e = 0; e < m; e++) {
    const i = j.from[e] ?? outOfRange(), t = j.to[e] ?? outOfRange(), ge = g[e] ?? outOfRange();
    if (ge === 0) continue;
    const w = j.rate[e] ?? outOfRange(), p = pi[i] ?? outOfRange();
    mean += p * w * ge;
    second += p * w * ge * ge;
    a[i] = (a[i] ?? outOfRange()) + w * ge;
    inflow[t] = (inflow[t] ?? outOfRange()) + p * w * ge;
  }
  // the closed class carrying the law: the states of positive probability
  const support: number[] = [];
  for (let i = 0; i < n; i++) if ((pi[i] ?? 0) > 0) support.push(i);
  const states = Int32Array.from(support);
  const local = new Int32Array(n).fill(-1);
  states.forEach((s, r) => (local[s] = r));
  const q = csrFromEdges(n, j.from, j.to, j.rate);
  const sub = restrict(q, states, local);
  if (stronglyConnectedComponents(sub.n, sub.ptr, sub.idx).count > 1) {
    return { mean, diffusion: null, method: "none", note: "the stationary law is spread over several closed classes: the variance grows like t², so there is no diffusion coefficient" };
  }
  if (states.length <= 1) return { mean, diffusion: second / 2, method: "one state", note: null };
  let g0 = 0;
  for (let r = 1; r < states.length; r++) if ((pi[states[r] ?? outOfRange()] ?? 0) > (pi[states[g0] ?? outOfRange()] ?? 0)) g0 = r;
  const ground = states[g0] ?? outOfRange();
  const rest = states.filter((s) => s !== ground);
  local.fill(-1);
  rest.forEach((s, r) => (local[s] = r));
  const restQ = restrict(q, rest, local);
  const exit = new Float64Array(rest.length), source = new Float64Array(rest.length);
  for (let r = 0; r < rest.length; r++) {
    const i = rest[r] ?? outOfRange();
    for (let p = q.ptr[i] ?? outOfRange(), stop = q.ptr[i + 1] ?? outOfRange(); p < stop; p++) if (q.idx[p] === ground) exit[r] = (exit[r] ?? 0) + (q.val[p] ?? outOfRange());
    source[r] = (inflow[i] ?? outOfRange()) - mean * (pi[i] ?? outOfRange());
  }
  const fac = factorGth(restQ, exit, source, options);
  let y: Float64Array, method: string, note: string | null = null;
  if (fac) {
    y = occupationFromFactor(fac);
    method = `Poisson equation by ${fac.order.start.length === 1 ? "dense" : "sparse"} GTH elimination on ${rest.length} states (largest front ${fac.largestFront})`;
  } else {
    const it = signedGaussSeidel(restQ, exit, source);
    y = it.y;
    method = `Poisson equation by Gauss–Seidel on ${rest.length} states (${it.sweeps} sweeps)`;
    note = `the elimination would exceed its budget: D from Gauss–Seidel, relative change at the last sweep ${it.change.toExponential(1)}`;
  }
  let cross = 0;
  for (let r = 0; r < rest.length; r++) cross += (y[r] ?? outOfRange()) * ((a[rest[r] ?? outOfRange()] ?? outOfRange()) - mean);
  return { mean, diffusion: second / 2 + cross, method, note };
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

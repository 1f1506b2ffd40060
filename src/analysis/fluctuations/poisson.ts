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
 * only the pivots' positive out-rates are divided by).
 *
 * The sums above subtract numbers of the size of the gross flow G through the counted jumps to get
 * J and D, which near stall or behind a bottleneck are many orders smaller (a random 7-state ring:
 * G/D ≈ 10⁶, D off by 3·10⁻¹⁰). What is evaluated instead is the martingale form: h̃ = y/π solves
 * the Poisson equation of the time-reversed chain (Q̃_ji = π_i w_e / π_j), whose current has the
 * same law of N_t, and with the corrected increments g̃_e = g_e + h̃_i − h̃_j (N_t plus a bounded
 * term h̃(X_0) − h̃(X_t)), whose compensator is the constant J,
 *   J  = Σ_e π_i w_e g̃_e,   2D = Σ_e π_i w_e g̃_e²,
 * a sum of non-negative terms, and J's terms are of the size of J (the martingale decomposition
 * of the central limit theorem for additive functionals: Komorowski, Landim & Olla, Fluctuations
 * in Markov Processes, Springer 2012, ch. 2). Differences of h̃ across a jump are the only
 * cancellation left; J below 16 ε Σ_e π_i w_e (|g_e| + |h̃_i| + |h̃_j|) (the rounding of the g̃ it
 * sums), and D below (16 ε)² Σ_e π_i w_e (|g_e| + |h̃_i| + |h̃_j|)², are reported as 0. One
 * factorisation, the size of π's; none when the steady state carries its factorised generator
 * (SteadyState.solver): then D costs the two sweeps of one left solve (solve.ts).
 */
import { outOfRange } from "../../numeric/checked.js";
import type { LeftSolver } from "../../numeric/markov/solver.js";
import { stronglyConnectedComponents } from "../../numeric/markov/scc.js";
import { csrFromEdges, restrict } from "../../numeric/markov/sparse.js";
import type { Jumps } from "./jumps.js";
import { classSolver, covers, supportOf, type PoissonOptions } from "./solve.js";

export type { PoissonOptions } from "./solve.js";

/** J and D of one current, or why D is not defined. */
export interface MeanDiffusion {
  readonly mean: number;
  /** Null when the law is spread over several closed classes (the variance then grows like t²). */
  readonly diffusion: number | null;
  readonly method: string;
  readonly note: string | null;
}

/** The elimination limits, and the steady state's factorised generator when it has one. */
export interface MeanDiffusionOptions extends PoissonOptions {
  /** SteadyState.solver: left solves on the closed class carrying π without factorising again. */
  readonly solver?: LeftSolver;
}

/**
 * J and D of the current with increment g[e] on jump e, at the stationary law `pi` (see the module
 * comment). Assumes pi is stationary for the jumps and sums to 1; jumps with g = 0 count nothing.
 * With `options.solver` (the steady state's factorisation of the class carrying pi) no new
 * factorisation is made.
 *
 *   // two states, 0 → 1 at u, 1 → 0 at v, counting the 1 → 0 jumps: J = uv/(u+v)
 *   meanDiffusion(jumps, Float64Array.of(0, 1), pi).mean
 */
export function meanDiffusion(j: Jumps, g: Float64Array, pi: ArrayLike<number>, options: MeanDiffusionOptions = {}): MeanDiffusion {
  const n = j.states, m = j.from.length;
  let mean = 0, second = 0;
  const inflow = new Float64Array(n);
  for (let e = 0; e < m; e++) {
    const i = j.from[e] ?? outOfRange(), t = j.to[e] ?? outOfRange(), ge = g[e] ?? outOfRange();
    if (ge === 0) continue;
    const w = j.rate[e] ?? outOfRange(), p = pi[i] ?? outOfRange();
    mean += p * w * ge;
    second += p * w * ge * ge;
    inflow[t] = (inflow[t] ?? outOfRange()) + p * w * ge;
  }
  // the closed class carrying the law: the states of positive probability
  const states = supportOf(pi, n);
  if (states.length <= 1) return { mean, diffusion: second / 2, method: "one state", note: null };
  if (!covers(options.solver, n, states)) {
    // a steady state's solver is on a closed class; otherwise the support must be one
    const local = new Int32Array(n).fill(-1);
    states.forEach((s, r) => (local[s] = r));
    const sub = restrict(csrFromEdges(n, j.from, j.to, j.rate), states, local);
    if (stronglyConnectedComponents(sub.n, sub.ptr, sub.idx).count > 1) {
      return { mean, diffusion: null, method: "none", note: "the stationary law is spread over several closed classes: the variance grows like t², so there is no diffusion coefficient" };
    }
  }
  const cs = classSolver(j, pi, states, options.solver, options);
  const source = new Float64Array(n);
  for (let q = 0; q < states.length; q++) {
    const i = states[q] ?? outOfRange();
    source[i] = (inflow[i] ?? outOfRange()) - mean * (pi[i] ?? outOfRange());
  }
  const y = cs.solver.leftSolve(source);
  const how = cs.describe();
  // the martingale form (see the module comment): g̃_e = g_e + h_i − h_j with h = y / π
  // and the rounding of each g̃ (a few ulps of |g| + |h̃_i| + |h̃_j|), summed as J and D sum g̃: below
  // it J and D are rounding (the entropy current at equilibrium: g̃ = 0 exactly, computed 10⁻¹⁶)
  let sumSquares = 0, corrected = 0, floorJ = 0, floorD = 0;
  for (let e = 0; e < m; e++) {
    const i = j.from[e] ?? outOfRange(), t = j.to[e] ?? outOfRange(), p = pi[i] ?? outOfRange(), pt = pi[t] ?? outOfRange();
    if (!(p > 0)) continue;
    const ge = g[e] ?? outOfRange(), hi = (y[i] ?? outOfRange()) / p, ht = pt > 0 ? (y[t] ?? outOfRange()) / pt : 0;
    const gt = ge + hi - ht, f = p * (j.rate[e] ?? outOfRange()), size = Math.abs(ge) + Math.abs(hi) + Math.abs(ht);
    sumSquares += f * gt * gt;
    corrected += f * gt;
    floorJ += f * size;
    floorD += f * size * size;
  }
  const ok = Number.isFinite(sumSquares) && Number.isFinite(corrected);
  const rounding = 16 * Number.EPSILON;
  return {
    mean: ok ? (Math.abs(corrected) <= rounding * floorJ ? 0 : corrected) : mean,
    diffusion: ok ? (sumSquares <= rounding * rounding * floorD ? 0 : sumSquares / 2) : null,
    method: `Poisson equation by ${how.method}`,
    note: ok ? (how.note === null ? null : `D: ${how.note}`) : "the Poisson equation's solution is not finite: no diffusion coefficient",
  };
}

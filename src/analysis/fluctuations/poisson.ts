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
 * only the pivots' positive out-rates are divided by). One factorisation, the size of π's; none
 * when the steady state carries its factorised generator (SteadyState.solver): then D costs the
 * two sweeps of one left solve (solve.ts).
 */
import { outOfRange } from "../../numeric/checked.js";
import type { LeftSolver } from "../../numeric/markov/solver.js";
import { stronglyConnectedComponents } from "../../numeric/markov/scc.js";
import { csrFromEdges, restrict } from "../../numeric/markov/sparse.js";
import type { Jumps } from "./jumps.js";
import { classSolver, supportOf, type PoissonOptions } from "./solve.js";

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
  const states = supportOf(pi, n);
  if (states.length <= 1) return { mean, diffusion: second / 2, method: "one state", note: null };
  const cs = classSolver(j, pi, states, options.solver, options);
  if (!cs.reused) {
    const local = new Int32Array(n).fill(-1);
    states.forEach((s, r) => (local[s] = r));
    const sub = restrict(csrFromEdges(n, j.from, j.to, j.rate), states, local);
    if (stronglyConnectedComponents(sub.n, sub.ptr, sub.idx).count > 1) {
      return { mean, diffusion: null, method: "none", note: "the stationary law is spread over several closed classes: the variance grows like t², so there is no diffusion coefficient" };
    }
  }
  const source = new Float64Array(n);
  for (const i of states) source[i] = (inflow[i] ?? outOfRange()) - mean * (pi[i] ?? outOfRange());
  const y = cs.solver.leftSolve(source);
  const how = cs.describe();
  let cross = 0;
  for (const i of states) cross += (y[i] ?? outOfRange()) * ((a[i] ?? outOfRange()) - mean);
  return { mean, diffusion: second / 2 + cross, method: `Poisson equation by ${how.method}`, note: how.note === null ? null : `D: ${how.note}` };
}

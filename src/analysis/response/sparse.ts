/**
 * The response of a large Markov network from the factors of its stationary solve. π solves
 * πᵀ Q = 0 with Σ π = 1; differentiating, (∂π)ᵀ(−Q) = πᵀ ∂Q, and πᵀ ∂Q is the change of the
 * probability currents into each state, S δv with δv_r = v⁺_r δ ln κ⁺_r − v⁻_r δ ln κ⁻_r
 * (v⁺_r = κ⁺_r π_{tail r}, v⁻_r = κ⁻_r π_{head r}). The steady state's `solver` (the factorised
 * generator of the closed class carrying π) returns the y with yᵀ(−Q) = (S δv)ᵀ and y_g = 0
 * (Σ S δv = 0 holds: every jump leaves one state for another); the normalisation Σ ∂π = 0 fixes the
 * multiple of π: ∂π = y − (Σ_i y_i) π. Then
 *     δJ_r = δv_r + κ⁺_r δπ_{tail r} − κ⁻_r δπ_{head r},
 *     δσ = Σ_r [δJ_r L_r + J_r (δ ln κ⁺_r − δ ln κ⁻_r + δπ_tail/π_tail − δπ_head/π_head)],  L_r = ln(v⁺_r/v⁻_r),
 * one left solve (two sweeps over the stored factors) per input, no factorisation.
 */
import type { Network } from "../../network/types.js";
import { effectiveRates } from "../../network/effective-rates.js";
import { outOfRange } from "../../numeric/checked.js";
import type { LeftSolver } from "../../numeric/markov/solver.js";
import type { Delta } from "./linear.js";

/** A Markov steady state ready for sparse response: its jumps, rates and the solver. */
export interface SparseLinearised {
  readonly pi: readonly number[];
  readonly tail: Int32Array;
  readonly head: Int32Array;
  readonly kPlus: Float64Array;
  readonly kMinus: Float64Array;
  readonly solver: LeftSolver;
}

/** The jumps of a Markov network with one state on each side of every reaction; null otherwise. */
export function sparseLinearise(network: Network, pi: readonly number[], solver: LeftSolver): SparseLinearised | null {
  const m = network.reactions.length;
  const tail = new Int32Array(m), head = new Int32Array(m);
  const reactions = network.reactions;
  for (let k = 0; k < m; k++) {
    const r = reactions[k] ?? outOfRange(), a = r.reactants, b = r.products;
    if (a.length !== 1 || b.length !== 1 || a[0]?.coefficient !== 1 || b[0]?.coefficient !== 1) return null;
    tail[r.index] = a[0].index;
    head[r.index] = b[0].index;
  }
  const { forward, reverse } = effectiveRates(network);
  return { pi, tail, head, kPlus: forward, kMinus: reverse, solver };
}

/**
 * The outputs' change for δ ln κ⁺ = dPlus, δ ln κ⁻ = dMinus, by one left solve (module comment).
 *
 *   const s = sparseLinearise(network, state.concentrations, state.solver!)!;
 *   sparseRespond(s, dPlus, dMinus).x   // ∂π per state, Σ = 0
 */
export function sparseRespond(s: SparseLinearised, dPlus: readonly number[], dMinus: readonly number[]): Delta {
  const m = s.tail.length, n = s.pi.length;
  const pi = s.pi;
  const b = new Float64Array(n);
  const direct = new Float64Array(m);
  for (let r = 0; r < m; r++) {
    const t = s.tail[r] ?? outOfRange(), h = s.head[r] ?? outOfRange();
    const vp = (s.kPlus[r] ?? outOfRange()) * (pi[t] ?? outOfRange()), vm = (s.kMinus[r] ?? outOfRange()) * (pi[h] ?? outOfRange());
    const d = vp * (dPlus[r] ?? 0) - vm * (dMinus[r] ?? 0);
    direct[r] = d;
    b[h] = (b[h] ?? 0) + d;
    b[t] = (b[t] ?? 0) - d;
  }
  // an input that reaches no rate (a param used elsewhere) moves nothing: no solve
  const y = direct.some((d) => d !== 0) ? s.solver.leftSolve(b) : new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) total += y[i] ?? 0;
  const dx = Array.from({ length: n }, (_, i) => (y[i] ?? 0) - total * (pi[i] ?? 0));
  const dJ = new Array<number>(m);
  let sigma: number | null = 0;
  for (let r = 0; r < m; r++) {
    const t = s.tail[r] ?? outOfRange(), h = s.head[r] ?? outOfRange();
    const kp = s.kPlus[r] ?? outOfRange(), km = s.kMinus[r] ?? outOfRange();
    const pt = pi[t] ?? outOfRange(), ph = pi[h] ?? outOfRange();
    const dj = (direct[r] ?? 0) + kp * (dx[t] ?? 0) - km * (dx[h] ?? 0);
    dJ[r] = dj;
    const vp = kp * pt, vm = km * ph;
    if (sigma === null || (vp === 0 && vm === 0)) continue;
    if (vp === 0 || vm === 0) { sigma = null; continue; }
    const dL = (dPlus[r] ?? 0) - (dMinus[r] ?? 0) + (dx[t] ?? 0) / pt - (dx[h] ?? 0) / ph;
    sigma += dj * Math.log(vp / vm) + (vp - vm) * dL;
  }
  return { x: dx, J: dJ, sigma };
}

/**
 * A factorised generator kept for later solves: the stationary solve factorises the closed class
 * that carries π once, and the analyses after it (a current's diffusion coefficient, the response
 * of π to a rate, the relaxation spectrum) solve with the same factors instead of factorising
 * again.
 */

/**
 * Left solves with the generator Q of one closed class C (states of the whole network, a subset).
 *
 * `leftSolve(b)` returns y with yᵀ(−Q_CC) = bᵀ on C and y_g = 0 at the class's ground state g,
 * y_i = 0 off C. It is defined when Σ_{i∈C} b_i = 0 (the component of b along the left null
 * vector of −Q, 1ᵀ, must vanish); the solution is then unique up to adding a multiple of π, which
 * y_g = 0 fixes. b is indexed by network state and read on C only.
 *
 *   // Poisson equation of a current: e·h = y·(a − J 1) with yᵀ(−Q) = eᵀ (fluctuations/poisson.ts)
 *   // response of π to a rate: πᵀ Q = 0 ⇒ (∂π)ᵀ(−Q) = πᵀ ∂Q, then renormalise (Σ ∂π = 0)
 */
export interface LeftSolver {
  /** Number of states of the whole network. */
  readonly n: number;
  /** The states of the class, ascending. */
  readonly states: Int32Array;
  /** The grounded state (y_g = 0): the class's last pivot. */
  readonly ground: number;
  leftSolve(b: Float64Array): Float64Array;
}

/**
 * Left solves with the generator of a closed class, from the GTH factorisation that gave its
 * stationary law (frontal.ts, with `keepUpper`). GTH elimination is Gaussian elimination of
 * A = −Q without pivoting: −Q = L U with, in the elimination order,
 *
 *     L_ik = −l_ik = −R_ik / D_k  (i > k),   U_kk = D_k,   U_kj = −R_kj  (j > k),
 *
 * R the censored rates when k is eliminated (`lower`, `upper` and `D` of the factor). Grounding
 * the last pivot g (y_g = 0) removes the last step, whose D_g is 0: the grounded system is
 * L' U' with L', U' the factors without row and column g. yᵀ L' U' = bᵀ is two sweeps:
 *
 *     forward  (zᵀ U' = bᵀ):  z_k = w_k / D_k, then w_j += z_k R_kj for the later j of k's front
 *     backward (yᵀ L' = zᵀ):  y_k = z_k + Σ_{i>k} y_i l_ik, last to first
 *
 * each one pass over the stored factors, O(stored entries). The equation at g holds by itself
 * when Σ b = 0 (Q 1 = 0). No rescaling: the solve is linear in b.
 *
 * Error: the classical bound for triangular solves after LU (Higham, Accuracy and Stability of
 * Numerical Algorithms, 2nd ed., Thms 8.5 and 9.3) gives for the computed y
 *
 *     |yᵀ(−Q) − bᵀ|_j ≤ 3γ_n s_j  (j ≠ g),   s = |y|ᵀ |L'| |U'|,   γ_n = n ε / (1 − n ε),
 *
 * n the class size (no sum in the factorisation or the sweeps has more terms); at g the residual
 * is minus the sum of the others. GTH forms D_k as a sum of the censored rates instead of the
 * updated diagonal; that is a perturbation of the same size, within the bound. `errorScale(y)`
 * returns s (two more sweeps with |y|, |L'|, |U'|).
 */
import { outOfRange } from "../checked.js";
import type { GthFactor } from "./frontal.js";
import type { Dissection } from "./ordering.js";
import type { LeftSolver } from "./solver.js";

/** A LeftSolver that can also state the scale of its own rounding (see the module comment). */
export interface GthLeftSolver extends LeftSolver {
  /**
   * The fill-reducing order of the class (positions of `states`), for a later factorisation of
   * the same pattern with other rates (factorGth's `order` option): no second nested dissection.
   */
  readonly order: Dissection;
  /**
   * s = |y|ᵀ|L'||U'| by network state (0 off the class and at the ground): the residual of the
   * solve that returned y satisfies |yᵀ(−Q) − bᵀ|_j ≤ 3γ_n s_j on C \ {g}.
   */
  errorScale(y: Float64Array): Float64Array;
}

/** Start of pivot k's entries in a node whose front has `h` rows (as in frontal.ts). */
const segment = (k: number, h: number): number => k * (h - 1) - (k * (k - 1)) / 2;

/**
 * The left solver of a closed class from its factor (which must carry `upper`: factorGth with
 * `keepUpper`, no source). `states` are the class's network states, ascending, in the local order
 * the factor was built on; `n` the number of network states. Null when the factor has no upper part.
 *
 *     const fac = factorGth(classRates, null, null, { keepUpper: true })!;
 *     const solver = gthLeftSolver(fac, states, n)!;
 *     const y = solver.leftSolve(b);   // yᵀ(−Q) = bᵀ on the class, y at the ground = 0
 */
export function gthLeftSolver(fac: GthFactor, states: Int32Array, n: number): GthLeftSolver | null {
  if (fac.upper === null || fac.source || states.length !== fac.n || fac.n === 0) return null;
  const ground = states[fac.order.perm[fac.n - 1] ?? outOfRange()] ?? outOfRange();
  return { n, states, ground, order: fac.order, ...factorSweeps(fac, states, n, true) };
}

/**
 * Left solves yᵀ(−Q_TT) = bᵀ on a set T whose every pivot is positive: the factor of a class less
 * its ground state, with the jumps into the ground as exits (factorGth with `exit` and `keepUpper`,
 * no source). The same two sweeps as `gthLeftSolver`, over every pivot. `states` are T's network
 * states in the factor's local order; null without an upper factor.
 *
 *     const fac = factorGth(restRates, exitRates, null, { keepUpper: true })!;
 *     const solve = absorbingLeftSolve(fac, rest, n)!;   // y = solve(b): yᵀ(−Q_TT) = b_Tᵀ
 */
export function absorbingLeftSolve(fac: GthFactor, states: Int32Array, n: number): ((b: Float64Array) => Float64Array) | null {
  if (fac.upper === null || fac.source || states.length !== fac.n) return null;
  if (fac.n === 0) return () => new Float64Array(n);
  return factorSweeps(fac, states, n, false).leftSolve;
}

/** The two sweeps over a factor's stored entries; `grounded`: the last pivot is the ground (D = 0), skipped. */
function factorSweeps(fac: GthFactor, states: Int32Array, n: number, grounded: boolean): Pick<GthLeftSolver, "leftSolve" | "errorScale"> {
  const upper = fac.upper ?? outOfRange();
  const nc = fac.n, last = grounded ? nc - 1 : -1;
  const { perm, start, end } = fac.order;
  const lower = fac.lower, D = fac.D;
  const nodes = start.length;
  // per node, its front's positions (own states, then boundary) and where its pivots' entries start
  const frontAt = new Int32Array(nodes + 1);
  for (let t = 0; t < nodes; t++) {
    frontAt[t + 1] = (frontAt[t] ?? outOfRange()) + (end[t] ?? outOfRange()) - (start[t] ?? outOfRange()) + (fac.boundary[t] ?? outOfRange()).length;
  }
  const front = new Int32Array(frontAt[nodes] ?? outOfRange());
  for (let t = 0; t < nodes; t++) {
    const s = start[t] ?? outOfRange(), p = (end[t] ?? outOfRange()) - s, at = frontAt[t] ?? outOfRange();
    for (let k = 0; k < p; k++) front[at + k] = s + k;
    front.set(fac.boundary[t] ?? outOfRange(), at + p);
  }
  const place = Int32Array.from(perm, (v) => states[v] ?? outOfRange()); // new position → network state

  /**
   * Forward sweep: x becomes z with zᵀ U' = xᵀ (recursive, in place), or with `abs` the product
   * xᵀ|U'| (s_j = x_j D_j + Σ_{k<j} x_k R_kj, not recursive, into a new array).
   */
  const forward = (x: Float64Array, abs: boolean): Float64Array => {
    const out = abs ? new Float64Array(nc) : x;
    for (let t = 0; t < nodes; t++) {
      const s = start[t] ?? outOfRange(), p = (end[t] ?? outOfRange()) - s;
      const at = frontAt[t] ?? outOfRange(), f = (frontAt[t + 1] ?? outOfRange()) - at;
      const base = (fac.offset[t] ?? outOfRange()) - at;
      for (let k = 0; k < p; k++) {
        const g = s + k;
        if (g === last) continue;
        const d = D[g] ?? outOfRange();
        let z: number;
        if (abs) {
          z = x[g] ?? outOfRange();
          out[g] = (out[g] ?? outOfRange()) + z * d;
        } else {
          z = (x[g] ?? outOfRange()) / d;
          x[g] = z;
        }
        if (z === 0) continue;
        // entry of front row i (i > k) at off + i; front[at + i] is its position
        const off = base + segment(k, f) - (k + 1);
        for (let i = at + k + 1, stop = at + f; i < stop; i++) {
          const q = front[i] ?? outOfRange();
          out[q] = (out[q] ?? outOfRange()) + z * (upper[off + i] ?? outOfRange());
        }
      }
    }
    if (last >= 0) out[last] = 0;
    return out;
  };

  /** Backward sweep in place: y_k = x_k + Σ_{i>k} y_i l_ik (recursive), or with `abs` t = |x|ᵀ|L'| (not recursive). */
  const backward = (x: Float64Array, abs: boolean): void => {
    if (last >= 0) x[last] = 0;
    const src = abs ? x.slice() : x; // the |L'| product reads the given vector, not the running one
    for (let t = nodes - 1; t >= 0; t--) {
      const s = start[t] ?? outOfRange(), p = (end[t] ?? outOfRange()) - s;
      const at = frontAt[t] ?? outOfRange(), f = (frontAt[t + 1] ?? outOfRange()) - at;
      const base = (fac.offset[t] ?? outOfRange()) - at;
      for (let k = p - 1; k >= 0; k--) {
        const g = s + k;
        if (g === last) continue;
        const off = base + segment(k, f) - (k + 1);
        let acc = src[g] ?? outOfRange();
        for (let i = at + k + 1, stop = at + f; i < stop; i++) acc += (src[front[i] ?? outOfRange()] ?? outOfRange()) * (lower[off + i] ?? outOfRange());
        x[g] = acc;
      }
    }
  };

  const gather = (b: Float64Array, abs: boolean): Float64Array => {
    const x = new Float64Array(nc);
    for (let g = 0; g < nc; g++) {
      const v = b[place[g] ?? outOfRange()] ?? outOfRange();
      x[g] = abs ? Math.abs(v) : v;
    }
    return x;
  };
  const scatter = (x: Float64Array): Float64Array => {
    const y = new Float64Array(n);
    for (let g = 0; g < nc; g++) y[place[g] ?? outOfRange()] = x[g] ?? outOfRange();
    return y;
  };

  return {
    leftSolve(b: Float64Array): Float64Array {
      const x = gather(b, false);
      forward(x, false);
      backward(x, false);
      return scatter(x);
    },
    errorScale(y: Float64Array): Float64Array {
      const x = gather(y, true);
      backward(x, true);
      return scatter(forward(x, true));
    },
  };
}

/**
 * The left solver of a class of one state g: the grounded system is empty, so y = 0 for every b
 * (with Σ b = b_g = 0 the equation yᵀ(−Q) = bᵀ holds).
 *
 *     groundedSolver(3, 5).leftSolve(new Float64Array(5))  // → five zeros
 */
export function groundedSolver(state: number, n: number): GthLeftSolver {
  return {
    n,
    states: Int32Array.of(state),
    ground: state,
    order: { perm: Int32Array.of(0), iperm: Int32Array.of(0), start: Int32Array.of(0), end: Int32Array.of(1), children: Int32Array.of(0) },
    leftSolve: () => new Float64Array(n),
    errorScale: () => new Float64Array(n),
  };
}

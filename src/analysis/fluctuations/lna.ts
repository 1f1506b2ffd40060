/**
 * The linear noise approximation (van Kampen) of a mass-action network at system size Ω: near a
 * stable steady state x*, concentrations fluctuate as a Gaussian with covariance C solving the
 * Lyapunov equation
 *   A C + C Aᵀ + B / Ω = 0,   A = ∂f/∂x at x* (the Jacobian), B = S diag(v⁺ + v⁻) Sᵀ,
 * (van Kampen, Stochastic Processes in Physics and Chemistry, ch. X; Elf & Ehrenberg, Genome Res.
 * 13 (2003) 2475). With conservation laws A is singular; fluctuations stay in the stoichiometric
 * subspace im S, so the equation is solved there: V an orthonormal basis of im S, A_r = Vᵀ A V,
 * B_r = Vᵀ B V, C = V C_r Vᵀ. The r × r equation is solved by its Kronecker form
 * (I ⊗ A_r + A_r ⊗ I) vec C_r = −vec B_r / Ω (Gaussian elimination with partial pivoting, r² unknowns),
 * for r up to `MAX_LNA_RANK`.
 */
import type { Network } from "../../network/types.js";
import { solveLinear } from "../../numeric/continuous/dense.js";
import { linearise } from "../response/index.js";

/** Past this stoichiometric rank the r² × r² Kronecker system is not solved. */
export const MAX_LNA_RANK = 30;


/**
 * The LNA covariance at concentrations `x` (a stable steady state) and volume Ω; null when the
 * stoichiometric rank is above MAX_LNA_RANK or the reduced Jacobian is singular (not stable).
 *
 *   // 0 -> X @ k, X -> 0 @ g at x = k/g: covariance [[k/(g Ω)]]: the Poisson variance mean/Ω
 *   lnaCovariance(network, [k / g], 100)
 */
export function lnaCovariance(network: Network, x: readonly number[], volume: number): { covariance: number[][]; residual: number } | null {
  const n = network.species.length;
  // the Jacobian's pieces from the response analysis: S (per reaction), ∂J_r/∂x_j, v⁺, v⁻
  const lin = linearise(network, x);
  if (lin === null) return null;
  const S = lin.S;
  // A_ij = Σ_r S_ir ∂J_r/∂x_j and B = Σ_r S_r S_rᵀ (v⁺_r + v⁻_r)
  const A = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => S.reduce((acc, col, r) => acc + (col[i] ?? 0) * (lin.dv[r]?.[j] ?? 0), 0)));
  const B = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => S.reduce((acc, col, r) => acc + (col[i] ?? 0) * (col[j] ?? 0) * ((lin.vPlus[r] ?? 0) + (lin.vMinus[r] ?? 0)), 0)));
  const V = lin.basis;
  const r = V.length;
  if (r === 0) return { covariance: A.map((row) => row.map(() => 0)), residual: 0 };
  if (r > MAX_LNA_RANK) return null;
  const project = (M: number[][]): number[][] =>
    V.map((a) => V.map((b) => {
      let s = 0;
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s += (a[i] ?? 0) * ((M[i] ?? [])[j] ?? 0) * (b[j] ?? 0);
      return s;
    }));
  const Ar = project(A), Br = project(B);
  const cr = lyapunov(Ar, Br.map((row) => row.map((v) => v / volume)));
  if (cr === null) return null;
  const covariance = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => {
    let s = 0;
    for (let a = 0; a < r; a++) for (let b = 0; b < r; b++) s += ((V[a] ?? [])[i] ?? 0) * ((cr[a] ?? [])[b] ?? 0) * ((V[b] ?? [])[j] ?? 0);
    return s;
  }));
  // residual of the full equation A C + C Aᵀ + B/Ω
  let res = 0, size = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    let s = ((B[i] ?? [])[j] ?? 0) / volume;
    size = Math.max(size, Math.abs(s));
    for (let k = 0; k < n; k++) s += ((A[i] ?? [])[k] ?? 0) * ((covariance[k] ?? [])[j] ?? 0) + ((covariance[i] ?? [])[k] ?? 0) * ((A[j] ?? [])[k] ?? 0);
    res = Math.max(res, Math.abs(s));
  }
  return { covariance, residual: size > 0 ? res / size : res };
}

/**
 * The solution X of A X + X Aᵀ + Q = 0 for a small dense A (Kronecker form, r² unknowns, Gaussian
 * elimination); null when I ⊗ A + A ⊗ I is singular (A has eigenvalues λ_i + λ_j = 0).
 *
 *   lyapunov([[-1]], [[2]])   // [[1]]
 */
export function lyapunov(A: readonly (readonly number[])[], Q: readonly (readonly number[])[]): number[][] | null {
  const r = A.length, N = r * r;
  const K = Array.from({ length: N }, () => new Array<number>(N).fill(0));
  const rhs = new Array<number>(N).fill(0);
  // unknown X_ab at index a r + b; equation (a, b): Σ_k A_ak X_kb + Σ_k X_ak A_bk = −Q_ab
  for (let a = 0; a < r; a++) for (let b = 0; b < r; b++) {
    const row = K[a * r + b] ?? [];
    for (let k = 0; k < r; k++) {
      row[k * r + b] = (row[k * r + b] ?? 0) + ((A[a] ?? [])[k] ?? 0);
      row[a * r + k] = (row[a * r + k] ?? 0) + ((A[b] ?? [])[k] ?? 0);
    }
    rhs[a * r + b] = -((Q[a] ?? [])[b] ?? 0);
  }
  const x = solveLinear(K, rhs);
  if (x === null) return null;
  // symmetrise: the exact solution is symmetric for symmetric Q
  return Array.from({ length: r }, (_, a) => Array.from({ length: r }, (_, b) => ((x[a * r + b] ?? 0) + (x[b * r + a] ?? 0)) / 2));
}

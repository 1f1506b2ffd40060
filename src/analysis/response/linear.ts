/**
 * Implicit differentiation of a steady state. Mass action (and a Markov network, which is linear
 * mass action with one state on each side) has f(x) = S v(x) = 0 on the compatibility class. A
 * perturbation δ ln κ⁺_r, δ ln κ⁻_r of the effective rate constants changes the rates directly by
 * δv_r = v⁺_r δ ln κ⁺_r − v⁻_r δ ln κ⁻_r, and the state moves within im S (conservation laws keep
 * their totals): with V an orthonormal basis of im S and A = S ∂v/∂x the Jacobian,
 *   (Vᵀ A V) δξ = −Vᵀ S δv,   δx = V δξ,   δJ = δv + (∂v/∂x) δx,
 *   δσ = Σ_r [δJ_r L_r + J_r δL_r],  L_r = ln(v⁺_r/v⁻_r),  δL_r = δ ln κ⁺_r − δ ln κ⁻_r + Σ_i (α_ir − β_ir) δx_i / x_i.
 * Vᵀ A V is factored once (LU with partial pivoting) and every input is one pair of triangular
 * solves. A change δx₀ of the initial amounts moves the class itself: its part off im S,
 * w = δx₀ − V Vᵀ δx₀, is where the conserved totals go, and the state moves by δx = w + V δξ with
 *   (Vᵀ A V) δξ = −Vᵀ S (δv + (∂v/∂x) w).
 * Dense: for networks of at most `maxSpecies` (RESPONSE_DEFAULTS.maxDenseResponseSpecies) species or states.
 */
import type { Network, Term } from "../../network/types.js";
import { effectiveRates } from "../../network/effective-rates.js";
import { orthonormalBasis } from "../../numeric/continuous/dense.js";
import { RESPONSE_DEFAULTS } from "./options.js";
import { twoProductError } from "../../numeric/eft.js";

/** Past this many species (states) the dense response is not computed by default (`maxDenseResponseSpecies`). */
export const MAX_RESPONSE_SPECIES = RESPONSE_DEFAULTS.maxDenseResponseSpecies;

/** A factored steady state, ready to differentiate. */
export interface Linearised {
  readonly x: readonly number[];
  readonly vPlus: readonly number[];
  readonly vMinus: readonly number[];
  /** ∂J_r/∂x_i (rows: reactions). */
  readonly dv: readonly (readonly number[])[];
  readonly basis: readonly (readonly number[])[];
  readonly lu: Lu;
  /** Vᵀ A V itself, for the refinement step's residual. */
  readonly M: readonly (readonly number[])[];
  readonly S: readonly (readonly number[])[];
  /** Vᵀ S (rows: basis vectors, columns: reactions), so each input costs r·m, not r·m·n. */
  readonly VS: readonly (readonly number[])[];
}

/** The change of the outputs for a change δ ln κ⁺, δ ln κ⁻ of the effective rate constants. */
export interface Delta {
  readonly x: number[];
  readonly J: number[];
  readonly sigma: number | null;
}

/** The steady state `x` linearised; null when over `maxSpecies` or Vᵀ A V is singular (not an isolated state in its class). */
export function linearise(network: Network, x: readonly number[], maxSpecies: number = MAX_RESPONSE_SPECIES): Linearised | null {
  return network.species.length > maxSpecies ? null : build(network, x);
}

function build(network: Network, x: readonly number[]): Linearised | null {
  const n = network.species.length, m = network.reactions.length;
  const { forward, reverse } = effectiveRates(network);
  const S = network.reactions.map((r) => {
    const col = new Array<number>(n).fill(0);
    for (const t of r.reactants) col[t.index] = (col[t.index] ?? 0) - t.coefficient;
    for (const t of r.products) col[t.index] = (col[t.index] ?? 0) + t.coefficient;
    return col;
  });
  const vPlus: number[] = [], vMinus: number[] = [], dv: number[][] = [];
  network.reactions.forEach((r, k) => {
    const kf = forward[k] ?? NaN, kb = r.reverse === null ? 0 : reverse[k] ?? NaN;
    vPlus.push(monomial(kf, r.reactants, x));
    vMinus.push(r.reverse === null ? 0 : monomial(kb, r.products, x));
    dv.push(Array.from({ length: n }, (_, j) => derivative(kf, r.reactants, x, j) - (r.reverse === null ? 0 : derivative(kb, r.products, x, j))));
  });
  const basis = orthonormalBasis(S, n);
  const r = basis.length;
  // Vᵀ A V with A = S dv: (Vᵀ S)_{a,k} then times dv V
  const VS = basis.map((b) => S.map((col) => dotN(b, col)));
  const dvV = dv.map((row) => basis.map((b) => dotN(row, b)));
  const M = Array.from({ length: r }, (_, a) => Array.from({ length: r }, (_, c) => {
    let s = 0;
    for (let k = 0; k < m; k++) s += (VS[a]?.[k] ?? 0) * (dvV[k]?.[c] ?? 0);
    return s;
  }));
  const lu = factor(M);
  if (lu === null) return null;
  return { x, vPlus, vMinus, dv, basis, lu, M, S, VS };
}

/** The outputs' change for δ ln κ⁺ = dPlus, δ ln κ⁻ = dMinus (per reaction) and, when given, a change `shift` of the initial amounts (per species). */
export function respond(network: Network, lin: Linearised, dPlus: readonly number[], dMinus: readonly number[], shift?: readonly number[]): Delta {
  const n = network.species.length, m = network.reactions.length;
  const direct = Array.from({ length: m }, (_, k) => (lin.vPlus[k] ?? 0) * (dPlus[k] ?? 0) - (lin.vMinus[k] ?? 0) * (dMinus[k] ?? 0));
  // the class's own move: w = δx₀ − V Vᵀ δx₀ (zero without a shift); it changes the rates by (∂v/∂x) w
  const w = new Array<number>(n).fill(0);
  if (shift !== undefined && shift.some((v) => v !== 0)) {
    shift.forEach((v, i) => { w[i] = v; });
    for (const b of lin.basis) {
      const c = dotN(b, shift);
      for (let i = 0; i < n; i++) w[i] = (w[i] ?? 0) - c * (b[i] ?? 0);
    }
  }
  const moved = direct.map((d, k) => d + dot2(lin.dv[k] ?? [], w));
  const rhs = lin.VS.map((row) => -dot2(row, moved));
  // one step of refinement with the residual in compensated arithmetic: each solve is then the
  // computed system's solution to working precision, so the responses add up as the inputs do
  const xi = solve(lin.lu, rhs);
  const residual = rhs.map((b, a) => b - dot2(lin.M[a] ?? [], xi));
  const fix = solve(lin.lu, residual);
  for (let a = 0; a < xi.length; a++) xi[a] = (xi[a] ?? 0) + (fix[a] ?? 0);
  const dx = Array.from({ length: n }, (_, i) => (w[i] ?? 0) + lin.basis.reduce((s, b, a) => s + (b[i] ?? 0) * (xi[a] ?? 0), 0));
  // δJ = δv + (∂v/∂x) δx cancels when the one-way rates are much larger than the net: compensated
  const dJ = Array.from({ length: m }, (_, k) => dot2([1, ...(lin.dv[k] ?? [])], [direct[k] ?? 0, ...dx]));
  let sigma: number | null = 0;
  network.reactions.forEach((r, k) => {
    const vp = lin.vPlus[k] ?? 0, vm = lin.vMinus[k] ?? 0;
    if (vp === 0 && vm === 0) return;
    if (vp === 0 || vm === 0 || sigma === null) { sigma = null; return; }
    let dL = (dPlus[k] ?? 0) - (dMinus[k] ?? 0);
    for (const t of r.reactants) dL += (t.coefficient * (dx[t.index] ?? 0)) / (lin.x[t.index] ?? NaN);
    for (const t of r.products) dL -= (t.coefficient * (dx[t.index] ?? 0)) / (lin.x[t.index] ?? NaN);
    sigma += (dJ[k] ?? 0) * Math.log(vp / vm) + (vp - vm) * dL;
  });
  return { x: dx, J: dJ, sigma };
}

/** Σ a_i b_i in compensated arithmetic (Ogita, Rump & Oishi, SIAM J. Sci. Comput. 26 (2005) 1955, Dot2): as if in twice the precision. */
function dot2(a: readonly number[], b: readonly number[]): number {
  let s = 0, c = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0, y = b[i] ?? 0;
    const p = x * y;
    // TwoProduct by Veltkamp splitting, TwoSum
    const e = twoProductError(x, y, p);
    const t = s + p;
    const z = t - s;
    c += (s - (t - z)) + (p - z) + e;
    s = t;
  }
  return s + c;
}

function dotN(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

function monomial(k: number, terms: readonly Term[], x: readonly number[]): number {
  let v = k;
  for (const t of terms) v *= (x[t.index] ?? NaN) ** t.coefficient;
  return v;
}

function derivative(k: number, terms: readonly Term[], x: readonly number[], j: number): number {
  let v = k, found = false;
  for (const t of terms) {
    const xi = x[t.index] ?? NaN;
    if (t.index === j) { found = true; v *= t.coefficient * xi ** (t.coefficient - 1); } else v *= xi ** t.coefficient;
  }
  return found ? v : 0;
}

/** LU with partial pivoting of a small dense matrix. */
interface Lu { readonly a: number[][]; readonly perm: number[] }

function factor(M: number[][]): Lu | null {
  const n = M.length;
  const a = M.map((r) => [...r]);
  const perm = Array.from({ length: n }, (_, i) => i);
  let scale = 0;
  for (const r of a) for (const v of r) scale = Math.max(scale, Math.abs(v));
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(a[i]?.[k] ?? 0) > Math.abs(a[p]?.[k] ?? 0)) p = i;
    const pivot = a[p]?.[k] ?? 0;
    if (!(Math.abs(pivot) > 1e-13 * scale)) return null;
    if (p !== k) { [a[p], a[k]] = [a[k] ?? [], a[p] ?? []]; [perm[p], perm[k]] = [perm[k] ?? 0, perm[p] ?? 0]; }
    const rk = a[k] ?? [];
    for (let i = k + 1; i < n; i++) {
      const ri = a[i] ?? [];
      const f = (ri[k] ?? 0) / pivot;
      ri[k] = f;
      if (f !== 0) for (let j = k + 1; j < n; j++) ri[j] = (ri[j] ?? 0) - f * (rk[j] ?? 0);
    }
  }
  return { a, perm };
}

function solve(lu: Lu, b: readonly number[]): number[] {
  const n = b.length;
  const y = lu.perm.map((p) => b[p] ?? 0);
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) y[i] = (y[i] ?? 0) - (lu.a[i]?.[j] ?? 0) * (y[j] ?? 0);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j < n; j++) y[i] = (y[i] ?? 0) - (lu.a[i]?.[j] ?? 0) * (y[j] ?? 0);
    y[i] = (y[i] ?? 0) / (lu.a[i]?.[i] ?? NaN);
  }
  return y;
}

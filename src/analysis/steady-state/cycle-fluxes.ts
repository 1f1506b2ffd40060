/**
 * Net fluxes of a mass-action steady state that keep their digits where forward and reverse
 * nearly cancel: the mass-action analogue of circulation.ts. A steady flux has S J = 0, so
 * J = Σ_c j_c c on a basis C of ker S (`structure.cycles`), and J is fixed by its values on any k
 * reactions P whose block C[:, P] is invertible. Read off the rates, J_r = v⁺_r − v⁻_r has an
 * absolute error of about η (v⁺_r + v⁻_r) (η the relative error of the rates), a relative error
 * η / q_r with q_r = |v⁺_r − v⁻_r| / (v⁺_r + v⁻_r); so P is the basis of the column matroid of C
 * chosen greedily by q (largest first, exact integer independence test), which maximises every
 * order statistic of q over P. A reaction with v⁺ = v⁻ = 0 carries exactly 0 and goes first.
 * Then Cᵀ_P j = J_P gives the cycle currents and every reaction gets J_r = Σ_c j_c C_cr, so S J = 0
 * holds to rounding of the terms and J is in the span of the cycles the currents decompose on.
 *
 * On a ring (one cycle) the pivot is the least-cancelling reaction and all fluxes equal its J, bit
 * for bit. A pair [f, b] of opposite one-way reactions (network/pairs.ts) is one reversible
 * reaction with v⁺ = v_f, v⁻ = v_b: the basis is folded (c ↦ c − c_b (e_f + e_b)) and its J sits on
 * f, with 0 on b, as `SteadyState.netFluxes` has it.
 */
import { solveLinear } from "../../numeric/continuous/dense.js";
import { EchelonBuilder } from "../../numeric/exact/integer-matrix.js";
import { foldPairs, type ReactionPairs } from "../../network/pairs.js";

/** The net fluxes, or null with the reason when the basis cannot be used (then read v⁺ − v⁻). */
export type CycleFluxes = { readonly netFluxes: Float64Array; readonly pivots: readonly number[] } | { readonly netFluxes: null; readonly why: string };

/**
 * J = Σ_c j_c c with j solved on the least-cancelling pivots (see the module comment); `cycles`
 * must be a basis of ker S (its `dimension` is dim ker S), and the solve costs k³/3 ≤ maxSolveWork.
 * O(m k² + k³) plus the exact independence tests.
 *
 *   // ring A <-> B <-> C <-> A, one cycle r1 + r2 + r3; r2 cancels least
 *   const none = { pairs: [], partner: Int32Array.of(-1, -1, -1) };
 *   cycleFluxes([[1, 1, 1]], 1, [2e12 + 0.5, 1, 3], [2e12, 0.25, 2.25], none, 1e9);
 *   // { netFluxes: [0.75, 0.75, 0.75], pivots: [1] }
 */
export function cycleFluxes(cycles: readonly (readonly number[])[], dimension: number, forward: readonly number[], reverse: readonly number[], pairs: ReactionPairs, maxSolveWork: number): CycleFluxes {
  const m = forward.length;
  const basis = foldPairs(cycles, pairs, m);
  const k = basis.length;
  if (k !== dimension - pairs.pairs.length) return { netFluxes: null, why: `the cycle basis is not listed (${dimension} cycles)` };
  if (k ** 3 / 3 > maxSolveWork) return { netFluxes: null, why: `${k} cycles, too many to solve for` };
  // a pair's v⁺, v⁻ sit on its first member; its second member is not a reaction of the folded network
  const up = Float64Array.from(forward), down = Float64Array.from(reverse);
  const live = new Uint8Array(m).fill(1);
  for (const [f, b] of pairs.pairs) {
    up[f] = (up[f] ?? 0) + (reverse[b] ?? 0);
    down[f] = (down[f] ?? 0) + (forward[b] ?? 0);
    live[b] = 0;
  }
  const quality = (r: number): number => {
    const t = (up[r] ?? 0) + (down[r] ?? 0);
    return t === 0 ? Infinity : Math.abs((up[r] ?? 0) - (down[r] ?? 0)) / t;
  };
  const order = [...live.keys()].filter((r) => live[r] === 1).sort((a, b) => quality(b) - quality(a) || a - b);
  const span = new EchelonBuilder(k);
  const pivots: number[] = [];
  for (const r of order) {
    if (pivots.length === k) break;
    if (span.insert(basis.map((c) => BigInt(c[r] ?? 0)))) pivots.push(r);
  }
  const netFluxes = new Float64Array(m);
  if (k === 0) return { netFluxes, pivots };
  // Cᵀ_P j = J_P: row p of the system is reaction pivots[p], column c is cycle c
  const system = pivots.map((p) => basis.map((c) => c[p] ?? 0));
  const measured = pivots.map((p) => (up[p] ?? 0) - (down[p] ?? 0));
  const currents = pivots.length === k ? solveLinear(system, measured) : null;
  if (currents === null) return { netFluxes: null, why: "the pivot block of the cycle basis is singular" };
  for (const [c, cycle] of basis.entries()) {
    const j = currents[c] ?? NaN;
    for (const [r, v] of cycle.entries()) if (v !== 0) netFluxes[r] = (netFluxes[r] ?? 0) + v * j;
  }
  return { netFluxes, pivots };
}


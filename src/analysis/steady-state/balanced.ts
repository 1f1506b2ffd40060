/**
 * The positive steady state that theory gives, computed rather than searched for (Horn and
 * Jackson 1972). A complex-balanced network (detailed balance, or deficiency zero and weakly
 * reversible) has, in each compatibility class with positive points, exactly one positive steady
 * state, and every positive steady state has the form
 *
 *   x_i = x*_i exp((Lᵀλ)_i)        (L the conservation laws, λ one multiplier per law)
 *
 * for any one positive complex-balanced equilibrium x*. That x is the minimiser over the class of
 * the convex Gibbs-like function Σ_i x_i (ln(x_i / x*_i) − 1); its dual is the convex function
 * Σ_i x*_i e^{(Lᵀλ)_i} − λ·T of the multipliers alone, minimised by Newton (class.ts,
 * `interiorPoint`): one m × m solve per step, m the number of laws, so a 1000-species chain takes
 * milliseconds.
 *
 * x* comes from the free energies of the detailed-balance verdict (x*_i = e^{−G_i}), or, for a
 * deficiency-zero weakly reversible network, from Kirchhoff's tree constants: within a linkage
 * class, x^{y_c} ∝ π_c with π the stationary law of the complexes' graph with rate constants as
 * jump rates, so ln x solves the linear equations y_c · ln x − μ_ℓ = ln π_c (consistent when the
 * deficiency is 0).
 */
import { solveLinear } from "../../numeric/continuous/dense.js";
import { stationaryDistribution } from "../../numeric/markov/stationary.js";
import { interiorPoint, type CompatibilityClass } from "./class.js";
import type { Kinetics } from "./kinetics.js";

/**
 * The class's unique positive state from an equilibrium `star` (module comment), or null when the
 * class has no positive point to working precision.
 *
 *   // A <-> B @ 2, 1 from A = 1: x* = (1, 2), L = (1, 1), T = 1
 *   balancedState(cls, [1, 2]);   // [1/3, 2/3]
 */
export function balancedState(cls: CompatibilityClass, star: readonly number[]): number[] | null {
  if (!star.every((v) => Number.isFinite(v) && v > 0)) return null;
  return interiorPoint(cls, star);
}

/** x*_i = e^{−(G_i − min G)} from free energies (k_B T units), or null when one is not finite. */
export function equilibriumFromFreeEnergies(g: readonly number[]): number[] | null {
  if (!g.every(Number.isFinite)) return null;
  const gmin = Math.min(...g);
  return g.map((gi) => Math.exp(-(gi - gmin)));
}

/**
 * A positive complex-balanced equilibrium of a deficiency-zero weakly reversible network from
 * the tree constants (module comment), or null when the network is not of that kind to working
 * precision (the linear equations are inconsistent, or a constant is 0).
 */
export function complexBalancedEquilibrium(kin: Kinetics): number[] | null {
  const n = kin.species;
  const index = new Map<string, number>();
  const complexes: number[][] = [];
  const complexOf = (terms: readonly { index: number; coefficient: number }[]): number => {
    const y = new Array<number>(n).fill(0);
    for (const t of terms) y[t.index] = (y[t.index] ?? 0) + t.coefficient;
    const key = y.join(",");
    let c = index.get(key);
    if (c === undefined) {
      c = complexes.length;
      index.set(key, c);
      complexes.push(y);
    }
    return c;
  };
  const from: number[] = [], to: number[] = [], rate: number[] = [];
  for (let r = 0; r < kin.reactions; r++) {
    const fwd = kin.forward[r], rev = kin.reverse[r];
    if (!fwd) continue;
    const a = complexOf(fwd.terms);
    // the product complex is the reverse's reactants when there is one; else rebuild it from S
    const b = rev ? complexOf(rev.terms) : complexOf(productTerms(kin, r));
    if (fwd.k > 0) { from.push(a); to.push(b); rate.push(fwd.k); }
    if (rev && rev.k > 0) { from.push(b); to.push(a); rate.push(rev.k); }
  }
  const m = complexes.length;
  if (m === 0) return null;
  const law = stationaryDistribution(m, Int32Array.from(from), Int32Array.from(to), Float64Array.from(rate), new Float64Array(m).fill(1 / m));
  if (law.transient.length > 0) return null; // not weakly reversible
  const classOf = new Int32Array(m).fill(-1);
  law.classes.forEach((c, k) => c.states.forEach((s) => (classOf[s] = k)));
  const L = law.classes.length;
  // least squares for (ln x, μ): rows y_c · u − μ_{ℓ(c)} = ln π_c
  const rows: number[][] = [], rhs: number[] = [];
  for (let c = 0; c < m; c++) {
    const p = law.pi[c] ?? 0;
    if (!(p > 0)) return null;
    const row = new Array<number>(n + L).fill(0);
    (complexes[c] ?? []).forEach((v, i) => (row[i] = v));
    row[n + (classOf[c] ?? 0)] = -1;
    rows.push(row);
    rhs.push(Math.log(p));
  }
  const normal = Array.from({ length: n + L }, (_, a) => Array.from({ length: n + L }, (_, b) => rows.reduce((s, row) => s + (row[a] ?? 0) * (row[b] ?? 0), 0) + (a === b ? 1e-12 : 0)));
  const right = Array.from({ length: n + L }, (_, a) => rows.reduce((s, row, k) => s + (row[a] ?? 0) * (rhs[k] ?? 0), 0));
  const u = solveLinear(normal, right);
  if (u === null) return null;
  // consistent to rounding (deficiency zero), else this is no complex-balanced equilibrium
  for (const [k, row] of rows.entries()) {
    const v = row.reduce((s, a, j) => s + a * (u[j] ?? NaN), 0);
    if (!(Math.abs(v - (rhs[k] ?? NaN)) <= 1e-8 * (1 + Math.abs(rhs[k] ?? 0)))) return null;
  }
  const x = u.slice(0, n).map(Math.exp);
  return x.every((v) => Number.isFinite(v) && v > 0) ? x : null;
}

/** Reaction r's product complex as terms: reactants plus the net stoichiometry. */
function productTerms(kin: Kinetics, r: number): { index: number; coefficient: number }[] {
  const y = new Map<number, number>();
  for (const t of kin.forward[r]?.terms ?? []) y.set(t.index, (y.get(t.index) ?? 0) + t.coefficient);
  for (const [i, s] of kin.columns[r] ?? []) y.set(i, (y.get(i) ?? 0) + s);
  return [...y].filter(([, c]) => c > 0).map(([index, coefficient]) => ({ index, coefficient }));
}

/**
 * Mass-action kinetics of a network as plain functions of the internal concentrations x:
 * forward and reverse rates (reservoir concentrations folded into the rate constants, by
 * `effectiveRates`), the right-hand side dx/dt = S (v⁺ − v⁻), its Jacobian, and the per-species
 * rate scale used to judge residuals relative to the rates that cancel in them. S is the network's
 * one stoichiometric matrix (`network/stoichiometry.ts`).
 */
import { effectiveRates } from "../../network/effective-rates.js";
import { columnEntries, denseMatrix, speciesStoichiometry, type SparseColumns } from "../../network/stoichiometry.js";
import type { Network, Term } from "../../network/types.js";
import { isTwoWay } from "../../network/packed.js";

interface Monomial {
  /** Effective rate constant: k times the reservoir concentrations to their powers. */
  readonly k: number;
  readonly terms: readonly Term[];
}

export interface Kinetics {
  readonly species: number;
  readonly reactions: number;
  /** Net stoichiometry S, species × reactions, dense (for the dense solvers of the class). */
  readonly stoichiometry: readonly (readonly number[])[];
  /** The same S by columns: reaction r's (species, coefficient) entries. */
  readonly columns: readonly (readonly (readonly [number, number])[])[];
  readonly forward: readonly Monomial[];
  /** Null for a one-way reaction. */
  readonly reverse: readonly (Monomial | null)[];
}

export function buildKinetics(network: Network): Kinetics {
  const S: SparseColumns = speciesStoichiometry(network);
  const k = effectiveRates(network);
  return {
    species: network.species.length,
    reactions: network.reactions.length,
    stoichiometry: denseMatrix(S),
    columns: network.reactions.map((_, j) => columnEntries(S, j)),
    forward: network.reactions.map((r, j) => ({ k: k.forward[j] ?? NaN, terms: r.reactants })),
    reverse: network.reactions.map((r, j) => (isTwoWay(r) ? { k: k.reverse[j] ?? NaN, terms: r.products } : null)),
  };
}

function monomial(m: Monomial, x: readonly number[]): number {
  let v = m.k;
  for (const t of m.terms) v *= (x[t.index] ?? NaN) ** t.coefficient;
  return v;
}

export interface Rates {
  readonly forward: number[];
  readonly reverse: number[];
}

export function rates(kin: Kinetics, x: readonly number[]): Rates {
  return {
    forward: kin.forward.map((m) => monomial(m, x)),
    reverse: kin.reverse.map((m) => (m === null ? 0 : monomial(m, x))),
  };
}

/** dx/dt = S (v⁺ − v⁻). */
export function rhs(kin: Kinetics, x: readonly number[]): number[] {
  const { forward, reverse } = rates(kin, x);
  const f = new Array<number>(kin.species).fill(0);
  for (const [r, column] of kin.columns.entries()) {
    const net = (forward[r] ?? 0) - (reverse[r] ?? 0);
    for (const [i, s] of column) f[i] = (f[i] ?? 0) + s * net;
  }
  return f;
}

/** w_i = Σ_r |S_ir| (v⁺_r + v⁻_r): the size of the rates that cancel in dx_i/dt. */
export function rateScale(kin: Kinetics, x: readonly number[]): number[] {
  const { forward, reverse } = rates(kin, x);
  const w = new Array<number>(kin.species).fill(0);
  for (const [r, column] of kin.columns.entries()) {
    const both = (forward[r] ?? 0) + (reverse[r] ?? 0);
    for (const [i, s] of column) w[i] = (w[i] ?? 0) + Math.abs(s) * both;
  }
  return w;
}

function addDerivative(m: Monomial, x: readonly number[], sign: number, column: readonly (readonly [number, number])[], jac: number[][]): void {
  for (const t of m.terms) {
    let d = m.k * t.coefficient * (x[t.index] ?? NaN) ** (t.coefficient - 1);
    for (const u of m.terms) if (u.index !== t.index) d *= (x[u.index] ?? NaN) ** u.coefficient;
    if (d === 0) continue;
    for (const [i, s] of column) {
      const row = jac[i];
      if (row) row[t.index] = (row[t.index] ?? 0) + sign * s * d;
    }
  }
}

/** ∂(dx_i/dt)/∂x_j, dense species × species. */
export function jacobian(kin: Kinetics, x: readonly number[]): number[][] {
  const jac = Array.from({ length: kin.species }, () => new Array<number>(kin.species).fill(0));
  for (const [r, column] of kin.columns.entries()) {
    const fwd = kin.forward[r], rev = kin.reverse[r];
    if (fwd) addDerivative(fwd, x, 1, column, jac);
    if (rev) addDerivative(rev, x, -1, column, jac);
  }
  return jac;
}

/**
 * Mass-action kinetics of a network as plain functions of the internal concentrations x:
 * forward and reverse rates (reservoir concentrations folded into the rate constants), the
 * right-hand side dx/dt = S (v⁺ − v⁻), its Jacobian, and the per-species rate scale used to
 * judge residuals relative to the rates that cancel in them.
 */
import type { Network } from "../../network/types.js";

interface Monomial {
  /** Effective rate constant: k times the reservoir concentrations to their powers. */
  readonly k: number;
  readonly terms: readonly { readonly index: number; readonly coefficient: number }[];
}

export interface Kinetics {
  readonly species: number;
  readonly reactions: number;
  /** Net stoichiometry, species × reactions. */
  readonly stoichiometry: readonly (readonly number[])[];
  readonly forward: readonly Monomial[];
  /** Null for a one-way reaction. */
  readonly reverse: readonly (Monomial | null)[];
}

export function buildKinetics(network: Network): Kinetics {
  const n = network.species.length;
  const res = network.reservoirs.map((r) => r.value);
  const fold = (k: number, terms: readonly { index: number; coefficient: number }[]): number =>
    terms.reduce((acc, t) => acc * (res[t.index] ?? 0) ** t.coefficient, k);
  const stoichiometry = Array.from({ length: n }, () => new Array<number>(network.reactions.length).fill(0));
  network.reactions.forEach((r, j) => {
    for (const t of r.reactants) stoichiometry[t.index]![j] = stoichiometry[t.index]![j]! - t.coefficient;
    for (const t of r.products) stoichiometry[t.index]![j] = stoichiometry[t.index]![j]! + t.coefficient;
  });
  return {
    species: n,
    reactions: network.reactions.length,
    stoichiometry,
    forward: network.reactions.map((r) => ({ k: fold(r.forward.value, r.reservoirReactants), terms: r.reactants })),
    reverse: network.reactions.map((r) =>
      r.reverse === null ? null : { k: fold(r.reverse.value, r.reservoirProducts), terms: r.products },
    ),
  };
}

function monomial(m: Monomial, x: readonly number[]): number {
  let v = m.k;
  for (const t of m.terms) v *= x[t.index]! ** t.coefficient;
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
  return kin.stoichiometry.map((row) => {
    let s = 0;
    for (let j = 0; j < row.length; j++) if (row[j] !== 0) s += row[j]! * (forward[j]! - reverse[j]!);
    return s;
  });
}

/** w_i = Σ_r |S_ir| (v⁺_r + v⁻_r): the size of the rates that cancel in dx_i/dt. */
export function rateScale(kin: Kinetics, x: readonly number[]): number[] {
  const { forward, reverse } = rates(kin, x);
  return kin.stoichiometry.map((row) => {
    let s = 0;
    for (let j = 0; j < row.length; j++) if (row[j] !== 0) s += Math.abs(row[j]!) * (forward[j]! + reverse[j]!);
    return s;
  });
}

function addDerivative(m: Monomial, x: readonly number[], sign: number, column: number[], kin: Kinetics, jac: number[][]): void {
  for (const t of m.terms) {
    let d = m.k * t.coefficient * x[t.index]! ** (t.coefficient - 1);
    for (const u of m.terms) if (u.index !== t.index) d *= x[u.index]! ** u.coefficient;
    if (d === 0) continue;
    for (let i = 0; i < kin.species; i++) {
      const s = column[i]!;
      if (s !== 0) jac[i]![t.index] = jac[i]![t.index]! + sign * s * d;
    }
  }
}

/** ∂(dx_i/dt)/∂x_j, dense species × species. */
export function jacobian(kin: Kinetics, x: readonly number[]): number[][] {
  const jac = Array.from({ length: kin.species }, () => new Array<number>(kin.species).fill(0));
  for (let r = 0; r < kin.reactions; r++) {
    const column = kin.stoichiometry.map((row) => row[r]!);
    addDerivative(kin.forward[r]!, x, 1, column, kin, jac);
    const rev = kin.reverse[r];
    if (rev) addDerivative(rev, x, -1, column, kin, jac);
  }
  return jac;
}

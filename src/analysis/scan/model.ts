/**
 * The steady-state equations of a mass-action network as a function of one parameter p, in the
 * coordinates continuation works in: x = x0(p) + Q z with Q an orthonormal basis of im S (r
 * columns), so the compatibility class of the initial amounts is all of z ∈ R^r and
 *   G(z, p) = Qᵀ f(x0(p) + Q z, p),   f(x, p) = S (v⁺(x, p) − v⁻(x, p)),
 * vanishes exactly at the steady states of the class (f lies in im S, so Qᵀ f = 0 iff f = 0).
 * Its z-Jacobian A = Qᵀ J Q is the Jacobian restricted to the class, whose eigenvalues decide
 * stability. The parameter enters through the effective rate constants and the initial amounts
 * of the network at p (a reservoir value substituted, or a param recompiled), cached per value.
 */
import { orthonormalBasis } from "../../numeric/continuous/dense.js";
import { effectiveRates } from "../../network/effective-rates.js";
import { columnEntries, speciesStoichiometry } from "../../network/stoichiometry.js";
import type { Network, Term } from "../../network/types.js";
import { isTwoWay } from "../../network/packed.js";

/** What depends on p: the effective rate constants (reservoirs folded in) and x0. */
export interface Slice {
  readonly forward: Float64Array;
  readonly reverse: Float64Array;
  readonly x0: readonly number[];
  /** The network at this value, for the steady-state search of a seed. */
  readonly network: Network;
}

export interface Model {
  readonly n: number;
  /** Orthonormal basis of im S: r vectors of length n. */
  readonly basis: readonly (readonly number[])[];
  readonly columns: readonly (readonly (readonly [number, number])[])[];
  readonly reactants: readonly (readonly Term[])[];
  /** Null for a one-way reaction. */
  readonly products: readonly (readonly Term[] | null)[];
  /** The network at p, or null where it cannot be built (a rate constant ≤ 0 at p). */
  slice(p: number): Slice | null;
}

/** The model of `network` with `at(p)` giving the network at p (see family.ts). */
export function buildModel(network: Network, rank: number, at: (p: number) => Network | null): Model {
  const S = speciesStoichiometry(network);
  const columns = network.reactions.map((_, j) => columnEntries(S, j));
  const n = network.species.length;
  const dense = columns.map((col) => {
    const v = new Array<number>(n).fill(0);
    for (const [i, s] of col) v[i] = s;
    return v;
  });
  const basis = orthonormalBasis(dense, rank);
  const cache = new Map<number, Slice | null>();
  const slice = (p: number): Slice | null => {
    let s = cache.get(p);
    if (s === undefined) {
      const net = at(p);
      if (net === null) s = null;
      else {
        const k = effectiveRates(net);
        const ok = [...k.forward, ...k.reverse].every((v) => Number.isFinite(v) && v >= 0);
        s = ok ? { forward: k.forward, reverse: k.reverse, x0: net.species.map((sp) => sp.initial), network: net } : null;
      }
      // a bounded cache: continuation asks for each p a few times (residual, Jacobian, ∂/∂p)
      if (cache.size > 4096) cache.clear();
      cache.set(p, s);
    }
    return s;
  };
  return {
    n,
    basis,
    columns,
    reactants: network.reactions.map((r) => r.reactants),
    products: network.reactions.map((r) => (isTwoWay(r) ? r.products : null)),
    slice,
  };
}

export function rank(model: Model): number {
  return model.basis.length;
}

/** x = x0 + Q z. */
export function toSpecies(model: Model, s: Slice, z: readonly number[]): number[] {
  const x = [...s.x0];
  for (const [k, q] of model.basis.entries()) {
    const zk = z[k] ?? 0;
    for (let i = 0; i < x.length; i++) x[i] = (x[i] ?? 0) + zk * (q[i] ?? 0);
  }
  return x;
}

/** z = Qᵀ (x − x0): the coordinates of a state of the class. */
export function toReduced(model: Model, s: Slice, x: readonly number[]): number[] {
  return model.basis.map((q) => q.reduce((acc, qi, i) => acc + qi * ((x[i] ?? 0) - (s.x0[i] ?? 0)), 0));
}

function monomial(k: number, terms: readonly Term[], x: readonly number[]): number {
  let v = k;
  for (const t of terms) v *= (x[t.index] ?? NaN) ** t.coefficient;
  return v;
}

/** ∂/∂x_j of k Π x_i^α_i. */
function monomialGradient(k: number, terms: readonly Term[], x: readonly number[], j: number): number {
  let v = k;
  let found = false;
  for (const t of terms) {
    const xi = x[t.index] ?? NaN;
    if (t.index === j) {
      found = true;
      v *= t.coefficient * xi ** (t.coefficient - 1);
    } else v *= xi ** t.coefficient;
  }
  return found ? v : 0;
}

/** f(x) = S (v⁺ − v⁻) and w_i = Σ_r |S_ir| (v⁺_r + v⁻_r), the size of the rates that cancel in f_i. */
export function rhs(model: Model, s: Slice, x: readonly number[]): { f: number[]; scale: number[] } {
  const f = new Array<number>(model.n).fill(0);
  const scale = new Array<number>(model.n).fill(0);
  for (const [r, col] of model.columns.entries()) {
    const vf = monomial(s.forward[r] ?? NaN, model.reactants[r] ?? [], x);
    const prod = model.products[r];
    const vr = prod ? monomial(s.reverse[r] ?? NaN, prod, x) : 0;
    for (const [i, c] of col) {
      f[i] = (f[i] ?? 0) + c * (vf - vr);
      scale[i] = (scale[i] ?? 0) + Math.abs(c) * (vf + vr);
    }
  }
  return { f, scale };
}

/** J_ij = ∂f_i/∂x_j. */
export function jacobian(model: Model, s: Slice, x: readonly number[]): number[][] {
  const J = Array.from({ length: model.n }, () => new Array<number>(model.n).fill(0));
  for (const [r, col] of model.columns.entries()) {
    const reactants = model.reactants[r] ?? [];
    const prod = model.products[r];
    const involved = new Set([...reactants.map((t) => t.index), ...(prod ?? []).map((t) => t.index)]);
    for (const j of involved) {
      const d = monomialGradient(s.forward[r] ?? NaN, reactants, x, j) - (prod ? monomialGradient(s.reverse[r] ?? NaN, prod, x, j) : 0);
      if (d === 0) continue;
      for (const [i, c] of col) {
        const row = J[i];
        if (row) row[j] = (row[j] ?? 0) + c * d;
      }
    }
  }
  return J;
}

/** Qᵀ v. */
export function project(model: Model, v: readonly number[]): number[] {
  return model.basis.map((q) => q.reduce((acc, qi, i) => acc + qi * (v[i] ?? 0), 0));
}

/** G(z, p) with the rate scale projected the same way (|Q|ᵀ w), or null where p has no network. */
export function reducedResidual(model: Model, z: readonly number[], p: number): { g: number[]; scale: number[]; x: number[] } | null {
  const s = model.slice(p);
  if (s === null) return null;
  const x = toSpecies(model, s, z);
  const { f, scale } = rhs(model, s, x);
  return { g: project(model, f), scale: model.basis.map((q) => q.reduce((acc, qi, i) => acc + Math.abs(qi) * (scale[i] ?? 0), 0)), x };
}

/** A = Qᵀ J Q, the Jacobian on the compatibility class (r × r). */
export function reducedJacobian(model: Model, z: readonly number[], p: number): number[][] | null {
  const s = model.slice(p);
  if (s === null) return null;
  const J = jacobian(model, s, toSpecies(model, s, z));
  const JQ = model.basis.map((q) => J.map((row) => row.reduce((acc, v, j) => acc + v * (q[j] ?? 0), 0)));
  return model.basis.map((qi) => JQ.map((col) => qi.reduce((acc, v, i) => acc + v * (col[i] ?? 0), 0)));
}

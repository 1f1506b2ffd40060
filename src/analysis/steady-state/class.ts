/**
 * The stoichiometric compatibility class of the initial amounts, {x ≥ 0 : x − x0 ∈ im S}, in
 * the coordinates the solvers use: x = x0 + Σ_k z_k q_k with q an orthonormal basis of im S.
 * Also the scaled steady-state test shared by the solvers.
 */
import type { Structure } from "../structure/types.js";
import { orthonormalBasis, solveLinear, norm2, maxAbs } from "../../numeric/continuous/dense.js";
import type { NonlinearSystem } from "../../numeric/continuous/newton.js";
import { type Kinetics, jacobian, rateScale, rhs } from "./kinetics.js";

export interface CompatibilityClass {
  readonly x0: readonly number[];
  /** Orthonormal basis of im S: r vectors over the species. */
  readonly basis: readonly (readonly number[])[];
  readonly laws: readonly (readonly number[])[];
  readonly totals: readonly number[];
  /** A typical concentration: the largest initial amount, or 1. */
  readonly scale: number;
  /** r species whose rows of S are independent: their equations are kept, the others replaced by laws. */
  readonly kept: readonly number[];
}

/**
 * The class of x0. The orthonormal basis and the kept rows cost O(n³) dense work, so they are
 * computed on first use: the theory shortcut (balanced.ts) needs only the laws, and a
 * 1000-species chain must not pay for a 1000 × 999 Gram–Schmidt it never reads.
 */
export function compatibilityClass(kin: Kinetics, structure: Structure, x0: readonly number[]): CompatibilityClass {
  const laws = structure.conservationLaws.map((l) => [...l.vector]);
  const totals = laws.map((l) => l.reduce((s, c, i) => s + c * x0[i]!, 0));
  const big = maxAbs(x0);
  const scale = big > 0 ? big : 1;
  let basis: number[][] | undefined;
  let kept: number[] | undefined;
  return {
    x0, laws, totals, scale,
    get basis(): number[][] {
      const columns = (): number[][] => Array.from({ length: kin.reactions }, (_, j) => kin.stoichiometry.map((row) => row[j] ?? 0));
      return (basis ??= orthonormalBasis(columns(), structure.rank));
    },
    get kept(): number[] {
      return (kept ??= independentRows(kin.stoichiometry, structure.rank));
    },
  };
}

export function toSpecies(cls: CompatibilityClass, z: readonly number[]): number[] {
  const x = [...cls.x0];
  cls.basis.forEach((q, k) => {
    const zk = z[k]!;
    for (let i = 0; i < x.length; i++) x[i] = x[i]! + zk * q[i]!;
  });
  return x;
}

export function toReduced(cls: CompatibilityClass, x: readonly number[]): number[] {
  return cls.basis.map((q) => q.reduce((s, qi, i) => s + qi * (x[i]! - cls.x0[i]!), 0));
}

/**
 * True when |dx_i/dt| ≤ tol · Σ_r |S_ir|(v⁺_r + v⁻_r) for every species, at x or at x with its
 * species below zeroCut (default 1e-12) of the class scale set to 0: the net rate is small
 * compared with the rates that cancel in it (no absolute floor, so slow states of stiff networks
 * are resolved), and a boundary state, where every rate through the vanishing species is 0, is
 * recognised on approach.
 */
export function isSteady(kin: Kinetics, cls: CompatibilityClass, x: readonly number[], tol: number, zeroCut: number): boolean {
  if (!x.every(Number.isFinite)) return false;
  const relative = (y: readonly number[]): boolean => {
    const f = rhs(kin, y);
    const w = rateScale(kin, y);
    return f.every((fi, i) => Math.abs(fi) <= tol * (w[i] ?? NaN));
  };
  if (relative(x)) return true;
  const cut = zeroCut * cls.scale;
  return x.some((v) => Math.abs(v) < cut && v !== 0) && relative(x.map((v) => (Math.abs(v) < cut ? 0 : v)));
}

/** The reduced system V f(x0 + Vᵀz) = 0 with steps kept inside x ≥ 0. */
export function reducedSystem(kin: Kinetics, cls: CompatibilityClass, tol: number, zeroCut: number): NonlinearSystem {
  const project = (v: readonly number[]): number[] => cls.basis.map((q) => q.reduce((s, qi, i) => s + qi * v[i]!, 0));
  return {
    dimension: cls.basis.length,
    residual: (z) => project(rhs(kin, toSpecies(cls, z))),
    jacobian: (z) => {
      const jac = jacobian(kin, toSpecies(cls, z));
      const jq = cls.basis.map((q) => jac.map((row) => row.reduce((s, v, j) => s + v * q[j]!, 0)));
      return cls.basis.map((p) => jq.map((col) => p.reduce((s, pi, i) => s + pi * col[i]!, 0)));
    },
    maxStep: (z, dz) => {
      const x = toSpecies(cls, z);
      const dx = toSpecies({ ...cls, x0: x.map(() => 0) }, dz);
      let s = 1;
      for (let i = 0; i < x.length; i++) if (x[i]! + dx[i]! < 0 && dx[i]! < 0) s = Math.min(s, (0.995 * Math.max(x[i]!, 0)) / -dx[i]!);
      return s;
    },
    isSolution: (z) => isSteady(kin, cls, toSpecies(cls, z), tol, zeroCut),
  };
}

/** Indices of `rank` linearly independent rows (Gram–Schmidt, largest remaining norm first). */
function independentRows(rows: readonly (readonly number[])[], rank: number): number[] {
  const work = rows.map((r) => [...r]);
  const picked: number[] = [];
  const size = Math.max(1e-300, ...work.map(norm2));
  while (picked.length < rank) {
    let best = -1;
    let bestNorm = 1e-9 * size;
    work.forEach((v, i) => {
      const nv = norm2(v);
      if (!picked.includes(i) && nv > bestNorm) [best, bestNorm] = [i, nv];
    });
    if (best < 0) break;
    picked.push(best);
    const q = work[best]!.map((v) => v / bestNorm);
    for (const v of work) {
      const d = v.reduce((acc, vi, j) => acc + vi * q[j]!, 0);
      for (let j = 0; j < v.length; j++) v[j] = v[j]! - d * q[j]!;
    }
  }
  return picked.sort((a, b) => a - b);
}

/**
 * The steady-state equations in species coordinates, one equation per conservation law put in
 * place of a dependent species equation: row i is dx_i/dt for a kept species, else the next law
 * L_k x − T_k. Solving in x itself keeps a species at 1e-12 as precise as one at 1. A solution has
 * relative net rates ≤ tol and law residuals ≤ zeroCut of the law's terms.
 */
export function fullSystem(kin: Kinetics, cls: CompatibilityClass, tol: number, zeroCut: number): NonlinearSystem {
  const n = kin.species;
  const keptSet = new Set(cls.kept);
  const lawOfRow = new Map<number, number>();
  let k = 0;
  for (let i = 0; i < n; i++) if (!keptSet.has(i)) lawOfRow.set(i, k++);
  const lawSize = (l: readonly number[], x: readonly number[], t: number): number =>
    l.reduce((s, c, j) => s + Math.abs(c * x[j]!), Math.abs(t));
  return {
    dimension: n,
    residual: (x) => {
      const f = rhs(kin, x);
      return f.map((fi, i) => {
        const law = lawOfRow.get(i);
        if (law === undefined) return fi;
        const l = cls.laws[law];
        return l ? l.reduce((s, c, j) => s + c * x[j]!, -cls.totals[law]!) : 0;
      });
    },
    jacobian: (x) => {
      const jac = jacobian(kin, x);
      return jac.map((row, i) => {
        const law = lawOfRow.get(i);
        return law === undefined ? row : [...(cls.laws[law] ?? row.map(() => 0))];
      });
    },
    mass: Array.from({ length: n }, (_, i) => (keptSet.has(i) ? 1 : 0)),
    rowScale: (x) => {
      const w = rateScale(kin, x);
      return w.map((wi, i) => {
        const law = lawOfRow.get(i);
        const size = law === undefined ? wi : lawSize(cls.laws[law] ?? [], x, cls.totals[law] ?? 0);
        return 1 / Math.max(size, 1e-300);
      });
    },
    maxStep: (x, dx) => {
      let s = 1;
      for (let i = 0; i < n; i++) if (x[i]! + dx[i]! < 0 && dx[i]! < 0) s = Math.min(s, (0.995 * Math.max(x[i]!, 0)) / -dx[i]!);
      return s;
    },
    isSolution: (x) =>
      isSteady(kin, cls, x, tol, zeroCut) &&
      cls.laws.every((l, j) => Math.abs(l.reduce((s, c, i) => s + c * x[i]!, -cls.totals[j]!)) <= zeroCut * lawSize(l, x, cls.totals[j]!)),
  };
}

/** The Jacobian restricted to the class: Q J Qᵀ in the orthonormal basis. */
export function reducedJacobian(kin: Kinetics, cls: CompatibilityClass, x: readonly number[]): number[][] {
  return reducedSystem(kin, cls, 0, 0).jacobian(toReduced(cls, x));
}

/**
 * A point of the class with all species positive: x_i = w_i exp((Lᵀλ)_i) with λ solving
 * L x = totals (the minimiser of the convex Σ_i x_i(λ) − λ·totals). Null when the class has no
 * such point to working precision.
 */
export function interiorPoint(cls: CompatibilityClass, weights: readonly number[]): number[] | null {
  const { laws, totals } = cls;
  if (laws.length === 0) return [...weights];
  let lambda = new Array<number>(laws.length).fill(0);
  const at = (lam: readonly number[]): number[] =>
    weights.map((w, i) => w * Math.exp(Math.min(700, laws.reduce((s, l, k) => s + l[i]! * lam[k]!, 0))));
  const objective = (lam: readonly number[]): number => at(lam).reduce((s, v) => s + v, 0) - lam.reduce((s, v, k) => s + v * totals[k]!, 0);
  for (let it = 0; it < 200; it++) {
    const x = at(lambda);
    const grad = laws.map((l, k) => l.reduce((s, c, i) => s + c * x[i]!, 0) - totals[k]!);
    const size = Math.max(1e-300, ...laws.map((l) => l.reduce((s, c, i) => s + Math.abs(c) * x[i]!, 0)), ...totals.map(Math.abs));
    if (maxAbs(grad) <= 1e-12 * size) return x;
    const hess = laws.map((a) => laws.map((b) => a.reduce((s, c, i) => s + c * b[i]! * x[i]!, 0)));
    const step = solveLinear(hess, grad.map((g) => -g));
    if (step === null) return null;
    const f0 = objective(lambda);
    let s = Math.min(1, 5 / Math.max(1e-300, norm2(step)));
    while (s > 1e-12 && !(objective(lambda.map((v, k) => v + s * step[k]!)) <= f0)) s /= 2;
    if (s <= 1e-12) return null;
    lambda = lambda.map((v, k) => v + s * step[k]!);
  }
  return null;
}

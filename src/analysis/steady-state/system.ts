/**
 * The steady-state equations of a mass-action network on a compatibility class, as a square
 * polynomial system in the species concentrations, for the homotopy solver (numeric/continuous/
 * homotopy) and the certificate (numeric/interval):
 *
 *   row i, a kept species (cls.kept: r independent rows of S):  Σ_r S_ir (k⁺_r x^α_r − k⁻_r x^β_r) = 0
 *   row i, any other species (one per conservation law l_k):    l_k · x − l_k · x(0) = 0
 *
 * The dependent rows of S·v(x) are linear combinations of the kept ones, so they hold at every
 * root of this system; the laws pin the class. Like monomials are merged, so two reactions whose
 * rates cancel exactly (A + B → 2A and A + B → 2B at equal constants) leave no term: an
 * identically zero row says the steady states are not isolated.
 */
import type { CompatibilityClass } from "./class.js";
import type { Kinetics } from "./kinetics.js";

/** c · Π_j x_j^e_j with dense exponents (one per species). */
export interface PolyTerm {
  readonly coefficient: number;
  readonly exponents: readonly number[];
}

export type Poly = readonly PolyTerm[];

export interface SteadyStateSystem {
  /** Number of unknowns: the species. */
  readonly variables: number;
  /** One equation per species row, in species order (module comment). */
  readonly equations: readonly Poly[];
  /** Total degree of each equation (0 for an identically zero row). */
  readonly degrees: readonly number[];
  /** The Bézout number Π degrees: the paths of a total-degree homotopy. */
  readonly bezout: number;
  /** Rows that are identically zero after merging like terms. */
  readonly zeroRows: readonly number[];
}

/**
 * The polynomial system of the module comment for the class `cls`.
 *
 *   // species X = 2; reservoir A = 1, B = 1;  A + 2X <-> 3X @ 5.5, 1;  X <-> B @ 6.5, 2
 *   steadyStateSystem(kin, cls).equations[0];   // 5.5x² − x³ − 6.5x + 2 (as terms), degree 3
 */
export function steadyStateSystem(kin: Kinetics, cls: CompatibilityClass): SteadyStateSystem {
  const n = kin.species;
  const kept = new Set(cls.kept);
  const equations: Poly[] = [];
  let law = 0;
  for (let i = 0; i < n; i++) {
    if (kept.has(i)) {
      const terms = new Map<string, { coefficient: number; exponents: number[] }>();
      const add = (c: number, monomial: readonly { index: number; coefficient: number }[]): void => {
        const e = new Array<number>(n).fill(0);
        for (const t of monomial) e[t.index] = (e[t.index] ?? 0) + t.coefficient;
        const key = e.join(",");
        const old = terms.get(key);
        if (old) old.coefficient += c;
        else terms.set(key, { coefficient: c, exponents: e });
      };
      for (const [r, column] of kin.columns.entries()) {
        const s = column.find(([j]) => j === i)?.[1] ?? 0;
        if (s === 0) continue;
        const fwd = kin.forward[r], rev = kin.reverse[r];
        if (fwd && fwd.k !== 0) add(s * fwd.k, fwd.terms);
        if (rev && rev.k !== 0) add(-s * rev.k, rev.terms);
      }
      equations.push([...terms.values()].filter((t) => t.coefficient !== 0));
    } else {
      const l = cls.laws[law] ?? [];
      const total = cls.totals[law] ?? 0;
      law++;
      const terms: PolyTerm[] = [];
      for (const [j, c] of l.entries()) {
        if (c === 0) continue;
        const e = new Array<number>(n).fill(0);
        e[j] = 1;
        terms.push({ coefficient: c, exponents: e });
      }
      if (total !== 0) terms.push({ coefficient: -total, exponents: new Array<number>(n).fill(0) });
      equations.push(terms);
    }
  }
  const degrees = equations.map((p) => p.reduce((d, t) => Math.max(d, t.exponents.reduce((s, e) => s + e, 0)), 0));
  const zeroRows = equations.flatMap((p, i) => (p.length === 0 ? [i] : []));
  return { variables: n, equations, degrees, bezout: degrees.reduce((b, d) => b * Math.max(d, 1), 1), zeroRows };
}

/** The value of each equation at a real point. */
export function evaluateSystem(system: SteadyStateSystem, x: readonly number[]): number[] {
  return system.equations.map((p) => p.reduce((s, t) => s + t.coefficient * t.exponents.reduce((m, e, j) => (e === 0 ? m : m * (x[j] ?? NaN) ** e), 1), 0));
}

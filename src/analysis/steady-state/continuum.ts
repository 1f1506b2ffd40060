/**
 * Steady states that form a set, not a list: its dimension and its extreme points, never a sample.
 *
 * - A one-dimensional class whose net rate vanishes identically: the whole segment
 *   {x(0) + t q ≥ 0} is steady; its extreme points are the two ends (where a species reaches 0).
 * - A singular steady point x of a larger class: the corank d of the system's Jacobian (system.ts)
 *   bounds the local dimension. For d = 1 with null vector v, when every point x + s v of the
 *   segment inside x ≥ 0 is steady (checked at 17 points to the relative tolerance of
 *   `acceptTolerance`, since a polynomial of degree ≤ 16 along the line that vanishes there and is
 *   not zero would need that many roots), the set is that segment, a line of steady states, and its
 *   ends are its extreme points. A curved set is reported with its dimension only.
 */
import { Matrix, SingularValueDecomposition } from "ml-matrix";
import { isSteady, type CompatibilityClass } from "./class.js";
import type { Kinetics } from "./kinetics.js";
import type { SteadyStateThresholds } from "./options.js";
import type { SteadyStateContinuum } from "./types.js";
import type { SteadyStateSystem } from "./system.js";

/** Points checked along a candidate line of steady states. */
const LINE_CHECKS = 17;

/** The segment of a one-dimensional class on which the net rate vanishes identically. */
export function lineContinuum(kin: Kinetics, cls: CompatibilityClass, o: SteadyStateThresholds): SteadyStateContinuum | null {
  const q = cls.basis[0];
  if (q === undefined) return null;
  return segment(kin, cls, cls.x0, q, o, "every point of the one-dimensional class is steady (the net rate vanishes identically)");
}

/**
 * The set through the singular steady point x (module comment), or null when x is isolated to
 * working precision (full rank) or the dimension cannot be told.
 */
export function continuumAt(kin: Kinetics, cls: CompatibilityClass, system: SteadyStateSystem, x: readonly number[], o: SteadyStateThresholds): SteadyStateContinuum | null {
  const n = system.variables;
  const J = numericJacobian(system, x);
  const svd = new SingularValueDecomposition(new Matrix(J), { autoTranspose: true });
  const sv = svd.diagonal;
  const top = Math.max(...sv, 1e-300);
  const nullIdx = sv.flatMap((s, i) => (s <= 1e-9 * top ? [i] : []));
  if (nullIdx.length === 0) return null;
  if (nullIdx.length > 1) {
    return { dimension: nullIdx.length, extremePoints: [], description: `the Jacobian of the steady-state equations has corank ${nullIdx.length} here: the states may form a set of that dimension; extreme points not computed` };
  }
  const V = svd.rightSingularVectors;
  const v = Array.from({ length: n }, (_, i) => V.get(i, nullIdx[0] ?? 0));
  return segment(kin, cls, x, v, o, "a line of steady states: every point of the segment through this state, in the direction of the Jacobian's null vector, is steady");
}

/** The segment {p + s v ≥ 0} when it is steady throughout (LINE_CHECKS points), else null. */
function segment(kin: Kinetics, cls: CompatibilityClass, p: readonly number[], v: readonly number[], o: SteadyStateThresholds, description: string): SteadyStateContinuum | null {
  let lo = -Infinity, hi = Infinity;
  for (const [i, vi] of v.entries()) {
    const pi = Math.max(0, p[i] ?? 0);
    if (Math.abs(vi) <= 1e-14) continue;
    if (vi > 0) lo = Math.max(lo, -pi / vi);
    else hi = Math.min(hi, pi / -vi);
  }
  const end = (s: number): number[] => p.map((pi, i) => Math.max(0, pi + s * (v[i] ?? 0)));
  const span = Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : Number.isFinite(lo) ? [lo, lo + 1e3 * cls.scale] : Number.isFinite(hi) ? [hi - 1e3 * cls.scale, hi] : [-cls.scale, cls.scale];
  const [a = 0, b = 0] = span;
  if (!(b > a)) return null;
  for (let k = 0; k < LINE_CHECKS; k++) {
    const s = a + ((b - a) * (k + 0.5)) / LINE_CHECKS;
    if (!isSteady(kin, cls, end(s), o.acceptTolerance, o.zeroCut)) return null;
  }
  const points = [Number.isFinite(lo) ? end(lo) : null, Number.isFinite(hi) ? end(hi) : null].filter((e): e is number[] => e !== null);
  const ray = points.length < 2 ? "; it runs off to infinity on one side" : "";
  return { dimension: 1, extremePoints: points, description: `${description}${ray}` };
}

/** The system's Jacobian at x by exact differentiation of its monomials. */
function numericJacobian(system: SteadyStateSystem, x: readonly number[]): number[][] {
  const n = system.variables;
  return system.equations.map((p) => {
    const row = new Array<number>(n).fill(0);
    for (const t of p) {
      for (let j = 0; j < n; j++) {
        const e = t.exponents[j] ?? 0;
        if (e === 0) continue;
        let d = t.coefficient * e * (x[j] ?? NaN) ** (e - 1);
        for (let k = 0; k < n; k++) if (k !== j && (t.exponents[k] ?? 0) > 0) d *= (x[k] ?? NaN) ** (t.exponents[k] ?? 0);
        row[j] = (row[j] ?? 0) + d;
      }
    }
    return row;
  });
}

/**
 * The homotopy solver of numeric/continuous/homotopy on the steady-state system: every isolated
 * complex root, of which the real non-negative ones are kept as candidate states (the solver's
 * Krawczyk certificate says real and ≥ 0, or, for a singular root, its point is real and ≥ 0 to
 * `zeroCut` of the class scale), and the account of every start path.
 */
import { solvePolynomialSystem, type HomotopyResult } from "../../numeric/continuous/homotopy/index.js";
import type { SteadyStateThresholds } from "./options.js";
import type { PathAccount } from "./types.js";
import type { SteadyStateSystem } from "./system.js";
import { toPolynomialSystem } from "./certificate.js";

export type HomotopyOutcome =
  | {
    readonly kind: "solved";
    readonly roots: readonly (readonly number[])[];
    /** Per root, the paths that end there: 1 for a regular root, its multiplicity for a singular one. */
    readonly multiplicities: readonly number[];
    readonly paths: PathAccount;
    readonly result: HomotopyResult;
  }
  | { readonly kind: "unavailable"; readonly why: string };

/**
 * Real non-negative roots of `system` and how each path ended; "unavailable" when the solver
 * refuses the system (its message says why).
 *
 *   // two uncoupled Schlögl switches: 3 × 3 = 9 paths, 9 real positive roots
 *   homotopyRoots(system, 4, o).roots.length;   // 9
 */
export function homotopyRoots(system: SteadyStateSystem, scale: number, o: SteadyStateThresholds, progress?: (detail: string) => void): HomotopyOutcome {
  let result: HomotopyResult;
  try {
    result = solvePolynomialSystem(toPolynomialSystem(system.equations), {
      seed: o.seed,
      maxPaths: o.maxHomotopyPaths,
      onPath: (done, total) => progress?.(`homotopy path ${done} of ${total}`),
    });
  } catch (e) {
    return { kind: "unavailable", why: e instanceof Error ? e.message : String(e) };
  }
  const tiny = o.zeroCut * scale;
  const roots: number[][] = [];
  const multiplicities: number[] = [];
  for (const s of result.solutions) {
    const c = s.certified;
    const nearlyReal = s.point.every((z) => Math.abs(z.im) <= tiny + 1e-8 * Math.abs(z.re));
    if (c.unique && !c.real) continue; // a certified complex root: not a state
    // a real root whose box reaches below 0 may still be a boundary state: the species within
    // zeroCut of 0 are set to exactly 0 and the face test of certificate.ts decides
    if (!(c.unique ? c.nonNegative || s.point.every((z) => z.re >= -tiny) : nearlyReal && s.point.every((z) => z.re >= -tiny))) continue;
    const zero = new Set(c.zeroCoordinates);
    roots.push(s.point.map((z, i) => (zero.has(i) || Math.abs(z.re) <= tiny ? 0 : Math.max(0, z.re))));
    multiplicities.push(s.multiplicity);
  }
  const count = (outcome: string): number => result.paths.filter((p) => p.outcome === outcome).length;
  const reasons = new Map<string, number>();
  for (const f of result.failures) reasons.set(f.reason, (reasons.get(f.reason) ?? 0) + 1);
  const paths: PathAccount = {
    total: result.paths.length,
    finite: count("finite-regular"),
    divergent: count("at-infinity"),
    singular: count("finite-singular") + count("positive-dimensional"),
    failed: count("failed"),
    failures: [...reasons].map(([reason, n]) => ({ reason, count: n })),
  };
  return { kind: "solved", roots, multiplicities, paths, result };
}

/**
 * Every isolated steady state of a class of dimension ≥ 2: the roots of the polynomial system of
 * system.ts by homotopy continuation (numeric/continuous/homotopy), the real non-negative ones
 * kept and certified (certificate.ts). The list is complete when every start path is accounted
 * for (a certified finite root, a path to infinity, or a point of a positive-dimensional set) and
 * every listed state is certified.
 *
 * The seeded multi-start Newton search (search.ts) remains only as the fallback where the
 * homotopy cannot run (a Bézout number above `maxHomotopyPaths`, or equations that vanish
 * identically), and says so: its list is never called complete.
 */
import type { DetailedBalance } from "../balance/types.js";
import { interiorPoint, type CompatibilityClass } from "./class.js";
import type { Kinetics } from "./kinetics.js";
import type { SteadyStateThresholds } from "./options.js";
import { multiStartSteadyStates, polish, sameState } from "./search.js";
import type { PathAccount, StateCertificate, SteadyStateContinuum } from "./types.js";
import type { SteadyStateSystem } from "./system.js";
import { certifyStates } from "./certificate.js";
import { continuumAt } from "./continuum.js";
import { homotopyRoots } from "./homotopy.js";
import { equilibriumFromFreeEnergies } from "./balanced.js";

export interface IsolatedStates {
  readonly states: number[][];
  readonly certificates: (StateCertificate | undefined)[];
  readonly method: string;
  readonly solver: string;
  readonly complete: boolean;
  readonly paths?: PathAccount;
  readonly dimension: number | null;
  readonly continua: readonly SteadyStateContinuum[];
  readonly notes: readonly string[];
}

/** See the module comment. `progress` hears one line per path (or per start of the fallback). */
export function isolatedSteadyStates(
  kin: Kinetics, cls: CompatibilityClass, system: SteadyStateSystem, o: SteadyStateThresholds, db: DetailedBalance | null, progress?: (detail: string) => void,
): IsolatedStates {
  const notes: string[] = [];
  const why = system.zeroRows.length > 0
    ? "an equation vanishes identically (the steady states are not isolated)"
    : system.bezout > o.maxHomotopyPaths ? `the Bézout number ${system.bezout} exceeds maxHomotopyPaths (${o.maxHomotopyPaths})` : null;
  const solved = why === null ? homotopyRoots(system, cls.scale, o, progress) : null;
  if (solved !== null && solved.kind === "solved") {
    // Newton in species coordinates polishes each endpoint to full precision (never onto a neighbour)
    const states = solved.roots.map((x) => {
      const p = polish(kin, cls, x, o);
      return p !== null && sameState(p, x, cls.scale, o.sameStateRelative, o.sameStateAbsolute) ? p.map((v, i) => (x[i] === 0 ? 0 : v)) : [...x];
    });
    // a singular root (several paths meet there: a fold, a multiple root) has no Krawczyk box:
    // say so plainly, with its multiplicity
    const certificates = certifyStates(system, states, cls.scale).map((c, i) => {
      const m = solved.multiplicities[i] ?? 1;
      return c.certified || m <= 1 ? c : { ...c, detail: singularDetail(m) };
    });
    const uncertified = certificates.filter((c) => !c.certified).length;
    // a singular endpoint may lie on a line of steady states
    const continua: SteadyStateContinuum[] = [];
    for (const [i, c] of certificates.entries()) {
      if (c.certified) continue;
      const set = continuumAt(kin, cls, system, states[i] ?? [], o);
      if (set !== null && !continua.some((s) => s.description === set.description && samePoints(s.extremePoints, set.extremePoints, cls.scale))) continua.push(set);
    }
    const failed = solved.paths.failed;
    const complete = solved.result.complete && failed === 0 && uncertified === 0 && continua.length === 0;
    if (failed > 0) notes.push(`${failed} of ${solved.paths.total} homotopy paths failed (${solved.paths.failures.map((f) => `${f.count} ${f.reason}`).join("; ")}): the list is not proved complete`);
    if (uncertified > 0 && continua.length === 0) notes.push(`${uncertified} listed state(s) are not certified (${[...new Set(certificates.filter((c) => !c.certified).map((c) => c.detail))].join("; ")}): the list is not proved complete`);
    const dimension = continua.length > 0 ? Math.max(...continua.map((s) => s.dimension)) : complete ? 0 : null;
    return {
      states: continua.length > 0 ? states.filter((_, i) => certificates[i]?.certified) : states,
      certificates: continua.length > 0 ? certificates.filter((c) => c.certified) : certificates,
      method: `homotopy continuation from the ${solved.paths.total} roots of a total-degree start system (random complex γ, adaptive predictor–corrector, Cauchy endgame), each real non-negative endpoint certified by the Krawczyk test in interval arithmetic; paths: ${pathSummary(solved.paths)}`,
      solver: "homotopy",
      complete,
      paths: solved.paths,
      dimension,
      continua,
      notes,
    };
  }
  const reason = why ?? (solved === null ? "no homotopy solver" : solved.why);
  notes.push(`the homotopy was not run (${reason}): the states come from the seeded multi-start Newton search, which cannot prove the list complete`);
  const extra: number[][] = [[...cls.x0]];
  const g = db?.holds ? db.freeEnergies : null;
  const star = g && g.length === kin.species ? equilibriumFromFreeEnergies(g) : null;
  const eq = star === null ? null : interiorPoint(cls, star);
  if (eq !== null) extra.unshift(eq);
  const r = cls.basis.length;
  const starts = o.starts ?? (r <= 3 ? 48 : r <= 10 ? 24 : 8);
  const states = multiStartSteadyStates(kin, cls, { starts, seed: o.seed, extra, onStart: (k, of) => progress?.(`Newton from start ${k + 1} of ${of}`) }, o);
  const certificates = system.zeroRows.length > 0 ? states.map(() => undefined) : certifyStates(system, states, cls.scale);
  const continua: SteadyStateContinuum[] = [];
  for (const x of states) {
    const set = continuumAt(kin, cls, system, x, o);
    if (set !== null && !continua.some((s) => samePoints(s.extremePoints, set.extremePoints, cls.scale))) continua.push(set);
  }
  return {
    states: continua.length > 0 ? [] : states,
    certificates: continua.length > 0 ? [] : certificates,
    method: `damped Newton and pseudo-transient continuation from ${starts + extra.length} seeded starts (fallback: ${reason})`,
    solver: "multistart",
    complete: false,
    dimension: continua.length > 0 ? Math.max(...continua.map((s) => s.dimension)) : null,
    continua,
    notes,
  };
}

/** The certificate's words for a singular root where `m` homotopy paths end. */
export function singularDetail(m: number): string {
  return `singular, multiplicity ${m}: ${m} homotopy paths end here and the Jacobian is singular, so no Krawczyk box exists (it certifies only nonsingular roots)`;
}

/** "1 at a certified finite root, 8 at infinity": how the start paths ended, in words. */
export function pathSummary(p: PathAccount): string {
  const parts = [
    p.finite > 0 ? `${p.finite} at ${p.finite === 1 ? "a certified finite root" : "certified finite roots"}` : "",
    p.divergent > 0 ? `${p.divergent} at infinity` : "",
    p.singular > 0 ? `${p.singular} at singular points (a multiple root or a set of roots)` : "",
    p.failed > 0 ? `${p.failed} failed` : "",
  ].filter((x) => x !== "");
  return parts.length > 0 ? parts.join(", ") : "none";
}

function samePoints(a: readonly (readonly number[])[], b: readonly (readonly number[])[], scale: number): boolean {
  return a.length === b.length && a.every((p) => b.some((q) => p.every((v, i) => Math.abs(v - (q[i] ?? NaN)) <= 1e-8 * scale)));
}

/**
 * The rigorous certificate of each listed state, on the polynomial system of system.ts, by the
 * Krawczyk test of numeric/continuous/homotopy/certify.ts (outward-rounded interval arithmetic,
 * the residual evaluated exactly):
 *
 *   1. A box X about the printed point, symmetric about the real axis, with K(X) inside X: X holds
 *      exactly one root of the system, and it is real (its conjugate is a root in X too).
 *   2. Non-negative: every coordinate of K(X) has lower end ≥ 0; or, where a coordinate's box holds
 *      0 and the printed value is exactly 0 (a boundary state), the face test of
 *      numeric/continuous/homotopy/face.ts: put those coordinates to 0, drop for each one equation
 *      that vanishes identically there, and certify the remaining square system on the face. Its
 *      root, with the zeros, is a root of the whole system inside X, hence the unique one: those
 *      species are exactly 0.
 *   3. Distinct: the certified boxes of the listed states are pairwise disjoint.
 *
 * A root of the system is a steady state in the class: the kept rows are the independent rows of
 * dx/dt = S v(x) and the others are linear combinations of them; the law rows put it in the class.
 */
import { certifyRoot, disjoint, type Certificate } from "../../numeric/continuous/homotopy/certify.js";
import { compileSystem, type PolynomialSystem } from "../../numeric/continuous/homotopy/system.js";
import { certifyOnFace } from "../../numeric/continuous/homotopy/face.js";
import type { ComplexInterval } from "../../numeric/interval/index.js";
import type { StateCertificate } from "./types.js";
import type { Poly, SteadyStateSystem } from "./system.js";

/** The system in the homotopy solver's input form (numeric/continuous/homotopy/system.ts). */
export function toPolynomialSystem(equations: readonly Poly[]): PolynomialSystem {
  return equations.map((p) => ({ exponents: p.map((t) => [...t.exponents]), coefficients: p.map((t) => t.coefficient) }));
}

/** Largest box half-width tried, relative to the class scale. */
const MAX_RADIUS = 1e-4;

interface Boxed {
  readonly certificate: StateCertificate;
  readonly box: Certificate["box"] | null;
}

/**
 * The certificate of each point of `states` (module comment), in the same order. Each is
 * certified alone, then any two whose boxes overlap lose the "certified" mark (not proved distinct).
 *
 *   // Schlögl, X = 0.5, 1, 4: three disjoint real boxes of width ~1e-15, all ≥ 0
 *   certifyStates(system, [[0.5], [1], [4]], 4).map((c) => c.certified);   // [true, true, true]
 */
export function certifyStates(system: SteadyStateSystem, states: readonly (readonly number[])[], scale: number): StateCertificate[] {
  if (system.zeroRows.length > 0) {
    return states.map(() => uncertified("an equation of the system vanishes identically: the steady states are not isolated"));
  }
  const compiled = compileSystem(toPolynomialSystem(system.equations), false);
  const boxed: Boxed[] = states.map((x) => certifyOne(system, compiled, x, scale));
  return boxed.map((b, i) => {
    if (b.box === null || !b.certificate.certified) return b.certificate;
    const clash = boxed.some((o, j) => j !== i && o.box !== null && !disjoint(b.box ?? [], o.box));
    return clash ? { ...b.certificate, certified: false, detail: "its box overlaps another state's: not proved distinct" } : b.certificate;
  });
}

function uncertified(detail: string): StateCertificate {
  return { certified: false, method: "residual", radius: null, real: true, nonNegative: true, zeroSpecies: [], detail };
}

function certifyOne(system: SteadyStateSystem, compiled: ReturnType<typeof compileSystem>, x: readonly number[], scale: number): Boxed {
  const cert = certifyRoot(compiled, [...x], x.map(() => 0), MAX_RADIUS * scale);
  if (cert === null) return { certificate: uncertified("no box passed the Krawczyk test (a singular or ill-conditioned root)"), box: null };
  if (!cert.real) return { certificate: { ...uncertified("the certified root is not proved real"), real: false }, box: cert.box };
  const radius = Math.max(...cert.box.map((b) => (b.re.hi - b.re.lo) / 2));
  const below = cert.box.flatMap((b, i) => (b.re.lo < 0 ? [i] : []));
  if (below.length === 0) {
    return { certificate: { certified: true, method: "krawczyk", radius, real: true, nonNegative: true, zeroSpecies: [], detail: "a real box holds exactly this root, every species ≥ 0" }, box: cert.box };
  }
  if (!below.every((i) => x[i] === 0)) {
    return { certificate: { ...uncertified("the box reaches below 0 at a species that is not exactly 0"), nonNegative: false }, box: cert.box };
  }
  // the face test (numeric/continuous/homotopy/face.ts): species `below` at exactly 0
  const face = certifyOnFace(compiled, [...x], cert.outer, MAX_RADIUS * scale) ?? substitutedFace(system, x, cert.outer, scale);
  if (face === null || !below.every((i) => face.zero.includes(i))) {
    return { certificate: uncertified("the root on the face where those species vanish was not certified inside the box: exact zeros not proved"), box: cert.box };
  }
  const zeroSpecies = face.zero.filter((i) => x[i] === 0);
  if (face.zero.some((i) => x[i] !== 0) || face.box.some((b) => b.re.lo < 0)) {
    return { certificate: { ...uncertified("a species off the face may be negative"), nonNegative: false }, box: cert.box };
  }
  return {
    certificate: { certified: true, method: "krawczyk", radius, real: true, nonNegative: true, zeroSpecies, detail: `a real box holds exactly this root; ${zeroSpecies.length} species exactly 0 (face test), the others ≥ 0` },
    box: face.box,
  };
}

/**
 * The face test by substitution, for when no matching of zero coordinates to identically
 * vanishing equations exists (Wilhelm's origin: every term of both equations has degree ≥ 1, but
 * neither equation vanishes on X = 0 alone): put every coordinate whose box holds 0 to 0, drop the
 * equations that vanish identically, and certify what is left when it is square (nothing left:
 * the face point itself is the root). The root found is a root of the whole system in the outer
 * box, hence its unique one.
 */
function substitutedFace(system: SteadyStateSystem, x: readonly number[], outer: readonly ComplexInterval[], scale: number): { zero: number[]; box: ComplexInterval[] } | null {
  const zero = outer.flatMap((b, j) => (b.re.lo <= 0 && b.re.hi >= 0 && x[j] === 0 ? [j] : []));
  const keep = x.flatMap((_, j) => (zero.includes(j) ? [] : [j]));
  const face = system.equations
    .map((p) => p.filter((t) => zero.every((j) => (t.exponents[j] ?? 0) === 0)).map((t) => ({ coefficient: t.coefficient, exponents: keep.map((j) => t.exponents[j] ?? 0) })))
    .filter((p) => p.some((t) => t.coefficient !== 0));
  const point: ComplexInterval = { re: { lo: 0, hi: 0 }, im: { lo: 0, hi: 0 } };
  if (face.length !== keep.length) return null;
  const box: ComplexInterval[] = x.map(() => point);
  if (keep.length === 0) return { zero, box };
  const c = keep.map((j) => x[j] ?? NaN);
  const cert = certifyRoot(compileSystem(toPolynomialSystem(face), false), c, c.map(() => 0), MAX_RADIUS * scale);
  if (cert === null || !cert.real) return null;
  const inside = cert.box.every((b, k) => {
    const o = outer[keep[k] ?? -1];
    return o !== undefined && o.re.lo <= b.re.lo && b.re.hi <= o.re.hi && o.im.lo <= b.im.lo && b.im.hi <= o.im.hi;
  });
  if (!inside) return null;
  keep.forEach((j, k) => (box[j] = cert.box[k] ?? point));
  return { zero, box };
}

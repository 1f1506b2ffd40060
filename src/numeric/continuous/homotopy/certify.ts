/**
 * Krawczyk certification of a root of a polynomial system in outward-rounded interval
 * arithmetic (src/numeric/interval/).
 *
 * For a box X with centre c and any matrix Y (here a floating inverse of J(c)),
 *
 *     K(X) = c − Y·F(c) + (I − Y·J(X))·(X − c).
 *
 * If K(X) lies in the interior of X, then X holds exactly one root of F, and it lies in K(X)
 * (Krawczyk 1969; Moore 1977; for complex F the mean value form holds with the integral of J,
 * which stays in the convex rectangle enclosure J(X)). F(c) is evaluated exactly in dyadic
 * arithmetic and rounded outward once, so the test works even when the root is ill-conditioned
 * (two roots 1e-7 apart have |J| ≈ 1e-7, and a residual enclosure one ulp of the largest term
 * wide would be magnified 10^7 times).
 *
 * Real roots: for a real system on a box symmetric about the real axis (real centre, imaginary
 * parts [−r, r]), the conjugate of a root in X is also a root in X, so the unique root is real.
 * Roots on the boundary (a coordinate whose box holds 0): the coordinates in Z are set to 0 and,
 * for each, one equation that vanishes identically there (every term contains that unknown, as
 * in dx/dt = x·g(x)) is dropped; if the restricted square system has a certified real root in
 * the face of X, the unique root of X lies on the face, so those coordinates are exactly 0.
 */
import { ball, mul as imul, point } from "../../interval/interval.js";
import { cadd, cinInterior, cmul, cpoint, csub, type ComplexInterval } from "../../interval/complex.js";
import { dadd, dmul, DYADIC_ZERO, dsub, fromNumber, toInterval, type Dyadic } from "../../interval/dyadic.js";
import { invert } from "./complex.js";
import { buildProgram, type CompiledSystem, type Program } from "./system.js";
import { makeEvaluator } from "./evaluate.js";

export interface Certificate {
  /** The box that holds exactly one root (K(X), inside X). */
  readonly box: ComplexInterval[];
  /** The box X of the test. */
  readonly outer: ComplexInterval[];
  readonly real: boolean;
}

/** Coefficient c_k of the compiled system as an exact dyadic. */
const coefficientDyadic = (sys: CompiledSystem, k: number): Dyadic => fromNumber(sys.coefficients[k] as number);

/** F(c) enclosed: evaluated exactly at the double point c, then rounded outward once. */
export function residualEnclosure(sys: CompiledSystem, cre: readonly number[], cim: readonly number[]): ComplexInterval[] {
  const V = sys.variables, D = sys.maxDegree + 1;
  const pw: [Dyadic, Dyadic][][] = [];
  for (let v = 0; v < V; v++) {
    const a = fromNumber(cre[v] as number), b = fromNumber(cim[v] as number);
    const row: [Dyadic, Dyadic][] = [[fromNumber(1), DYADIC_ZERO]];
    for (let e = 1; e < D; e++) {
      const [r, s] = row[e - 1] as [Dyadic, Dyadic];
      row.push([dsub(dmul(r, a), dmul(s, b)), dadd(dmul(r, b), dmul(s, a))]);
    }
    pw.push(row);
  }
  const out: ComplexInterval[] = [];
  for (let i = 0; i < sys.n; i++) {
    let sr = DYADIC_ZERO, si = DYADIC_ZERO;
    for (let k = sys.eqStart[i] as number; k < (sys.eqStart[i + 1] as number); k++) {
      let tr = coefficientDyadic(sys, k), ti = DYADIC_ZERO;
      for (let f = sys.termStart[k] as number; f < (sys.termStart[k + 1] as number); f++) {
        const [r, s] = (pw[sys.factorVar[f] as number] as [Dyadic, Dyadic][])[sys.factorExp[f] as number] as [Dyadic, Dyadic];
        const nr = dsub(dmul(tr, r), dmul(ti, s));
        ti = dadd(dmul(tr, s), dmul(ti, r));
        tr = nr;
      }
      sr = dadd(sr, tr); si = dadd(si, ti);
    }
    out.push({ re: toInterval(sr), im: toInterval(si) });
  }
  return out;
}

/**
 * The Jacobian over a box, entry (i, v) row-major, in complex interval arithmetic: each
 * monomial's enclosure once (parent times variable, evaluate.ts's table), then
 * J_iv = Σ (c_k · α_kv) · M[α_k − e_v] with c_k · α_kv itself enclosed (the product may round).
 */
export function jacobianEnclosure(sys: CompiledSystem, X: readonly ComplexInterval[], program: Program = sys.program ?? buildProgram(sys)): ComplexInterval[] {
  const V = sys.variables;
  const { parent, variable, jSlot, jMono, jTermCoef, jExp } = program;
  const one = cpoint(1, 0);
  const M: ComplexInterval[] = [one];
  for (let m = 1; m < parent.length; m++) M.push(cmul(M[parent[m] as number] as ComplexInterval, X[variable[m] as number] as ComplexInterval));
  const zero = cpoint(0, 0);
  const J: ComplexInterval[] = Array.from({ length: sys.n * V }, () => zero);
  for (let q = 0; q < jSlot.length; q++) {
    const c = imul(point(jTermCoef[q] as number), point(jExp[q] as number));
    const t = M[jMono[q] as number] as ComplexInterval;
    const s = jSlot[q] as number;
    J[s] = cadd(J[s] as ComplexInterval, { re: imul(c, t.re), im: imul(c, t.im) });
  }
  return J;
}

/** One Krawczyk test of the box c ± r (per coordinate; imaginary part [−r, r] when real). */
export function krawczyk(sys: CompiledSystem, cre: readonly number[], cim: readonly number[], radius: readonly number[], Y: { re: Float64Array; im: Float64Array }, real: boolean, residual?: readonly ComplexInterval[], program: Program = sys.program ?? buildProgram(sys)): { ok: boolean; K: ComplexInterval[]; X: ComplexInterval[] } {
  const n = sys.n;
  const X: ComplexInterval[] = cre.map((c, j) => ({ re: ball(c, radius[j] as number), im: real ? ball(0, radius[j] as number) : ball(cim[j] as number, radius[j] as number) }));
  const C = cre.map((c, j) => cpoint(c, real ? 0 : (cim[j] as number)));
  const Fc = residual ?? residualEnclosure(sys, cre, real ? cre.map(() => 0) : cim);
  const JX = jacobianEnclosure(sys, X, program);
  const d = X.map((x, j) => csub(x, C[j] as ComplexInterval));
  const K: ComplexInterval[] = [];
  for (let j = 0; j < n; j++) {
    let yf = cpoint(0, 0);
    for (let k = 0; k < n; k++) yf = cadd(yf, cmul(cpoint(Y.re[j * n + k] as number, Y.im[j * n + k] as number), Fc[k] as ComplexInterval));
    let kj = csub(C[j] as ComplexInterval, yf);
    for (let l = 0; l < n; l++) {
      let m: ComplexInterval = cpoint(j === l ? 1 : 0, 0);
      for (let k = 0; k < n; k++) m = csub(m, cmul(cpoint(Y.re[j * n + k] as number, Y.im[j * n + k] as number), JX[k * n + l] as ComplexInterval));
      kj = cadd(kj, cmul(m, d[l] as ComplexInterval));
    }
    K.push(kj);
  }
  return { ok: K.every((k, j) => cinInterior(k, X[j] as ComplexInterval)), K, X };
}

/** The floating Jacobian at a complex point, for the preconditioner Y. */
function floatJacobian(sys: CompiledSystem, cre: readonly number[], cim: readonly number[]): { re: Float64Array; im: Float64Array } {
  const n = sys.n;
  const jre = new Float64Array(n * n), jim = new Float64Array(n * n);
  makeEvaluator(sys)(Float64Array.from(cre), Float64Array.from(cim), new Float64Array(n), new Float64Array(n), jre, jim);
  return { re: jre, im: jim };
}

/**
 * Tries to certify a root near c: boxes of growing radius (starting from a multiple of the
 * Newton step, up to `maxRadius`), real first when the point is nearly real. Returns the
 * certificate, or null when no box passes.
 */
export function certifyRoot(sys: CompiledSystem, cre: readonly number[], cim: readonly number[], maxRadius: number): Certificate | null {
  const n = sys.n;
  const program = sys.program ?? buildProgram(sys);
  const J = floatJacobian(sys, cre, cim);
  const Y = invert(n, J.re, J.im);
  if (!Y) return null;
  const scale = Math.max(1, ...cre.map((a, j) => Math.hypot(a, cim[j] as number)));
  const imag = Math.max(0, ...cim.map(Math.abs));
  const modes = imag <= maxRadius ? [true, false] : [false];
  for (const real of modes) {
    const c = real ? cre.map(() => 0) : cim;
    // Newton step size at the centre, from the floating residual.
    const Fc = residualEnclosure(sys, cre, c);
    let step = 0;
    for (let j = 0; j < n; j++) {
      let sr = 0, si = 0;
      for (let k = 0; k < n; k++) {
        const fr = (Fc[k] as ComplexInterval).re.lo, fi = (Fc[k] as ComplexInterval).im.lo;
        const yr = Y.re[j * n + k] as number, yi = Y.im[j * n + k] as number;
        sr += yr * fr - yi * fi; si += yr * fi + yi * fr;
      }
      step = Math.max(step, Math.hypot(sr, si));
    }
    let r = Math.max(8 * step, real ? 2 * imag : 0, 4e-16 * scale, 1e-300);
    for (let attempt = 0; attempt < 12 && r <= maxRadius; attempt++) {
      const res = krawczyk(sys, cre, c, cre.map(() => r), Y, real, Fc, program);
      if (res.ok) return { box: res.K, outer: res.X, real };
      r *= 8;
    }
  }
  return null;
}

/** Whether two certified boxes are disjoint (then their roots are distinct). */
export function disjoint(a: readonly ComplexInterval[], b: readonly ComplexInterval[]): boolean {
  return a.some((x, j) => {
    const y = b[j] as ComplexInterval;
    return x.re.hi < y.re.lo || y.re.hi < x.re.lo || x.im.hi < y.im.lo || y.im.hi < x.im.lo;
  });
}

/** Box a inside box b. */
export function boxInside(a: readonly ComplexInterval[], b: readonly ComplexInterval[]): boolean {
  return a.every((x, j) => {
    const y = b[j] as ComplexInterval;
    return y.re.lo <= x.re.lo && x.re.hi <= y.re.hi && y.im.lo <= x.im.lo && x.im.hi <= y.im.hi;
  });
}


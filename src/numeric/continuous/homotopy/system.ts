/**
 * Sparse polynomial systems: the input form, its validation, and a compiled form evaluated in
 * complex arithmetic with no allocation per call (the path tracker evaluates F and its Jacobian
 * hundreds of times per path). A term is a coefficient times a product of variable powers; the
 * compiled form keeps, per term, only the variables that occur (a cubic term in six unknowns has
 * at most three factors), so the value and every partial derivative of a term cost a handful of
 * complex multiplications through prefix and suffix products.
 *
 * The homogenised form adds a variable X₀ (index 0; x_i is X_{i+1}) and multiplies each term of
 * an equation of degree d by X₀^(d − |α|), so the tracker can work in projective space where
 * paths to infinity stay bounded.
 */

/** One equation Σ_k c_k x^{α_k}: exponents as rows α_k (or flattened, row after row). */
export interface Polynomial {
  readonly exponents: Int32Array | readonly (readonly number[])[];
  readonly coefficients: readonly number[];
}

/** A square system: equation i is system[i], in as many unknowns as there are equations. */
export type PolynomialSystem = readonly Polynomial[];

/** Flat arrays of a compiled system; term k of equation i is k ∈ [eqStart[i], eqStart[i+1]). */
export interface CompiledSystem {
  /** Equations. */
  readonly n: number;
  /** Variables (n, or n + 1 when homogenised). */
  readonly variables: number;
  readonly degrees: Int32Array;
  readonly maxDegree: number;
  readonly eqStart: Int32Array;
  readonly coefficients: Float64Array;
  readonly termStart: Int32Array;
  readonly factorVar: Int32Array;
  readonly factorExp: Int32Array;
}

/** The exponent row of term k of a polynomial in n unknowns. */
export function exponentRow(p: Polynomial, k: number, n: number): readonly number[] | Int32Array {
  const e = p.exponents;
  if (e instanceof Int32Array) return e.subarray(k * n, (k + 1) * n);
  return e[k] ?? [];
}

/** Checks the shape and values of a system; a message naming the first problem, or null. */
export function validateSystem(system: PolynomialSystem): string | null {
  const n = system.length;
  if (n === 0) return "a polynomial system needs at least one equation";
  for (let i = 0; i < n; i++) {
    const p = system[i] as Polynomial;
    const terms = p.coefficients.length;
    const rows = p.exponents instanceof Int32Array ? p.exponents.length / n : p.exponents.length;
    if (rows !== terms) return `equation ${i + 1}: ${terms} coefficients but ${rows} exponent vectors of length ${n}`;
    let nonzero = false;
    for (let k = 0; k < terms; k++) {
      const c = p.coefficients[k] as number;
      if (!Number.isFinite(c)) return `equation ${i + 1}, term ${k + 1}: coefficient ${c} is not finite`;
      if (c !== 0) nonzero = true;
      const row = exponentRow(p, k, n);
      if (row.length !== n) return `equation ${i + 1}, term ${k + 1}: exponent vector has length ${row.length}, expected ${n}`;
      for (const a of row) if (!Number.isInteger(a) || a < 0 || a > 64) return `equation ${i + 1}, term ${k + 1}: exponent ${a} is not an integer in 0..64`;
    }
    if (!nonzero) return `equation ${i + 1} is the zero polynomial`;
  }
  return null;
}

/** Total degree of each equation (over terms with nonzero coefficient). */
export function degreesOf(system: PolynomialSystem): number[] {
  const n = system.length;
  return system.map((p) => {
    let d = 0;
    for (let k = 0; k < p.coefficients.length; k++) {
      if (p.coefficients[k] === 0) continue;
      let s = 0;
      for (const a of exponentRow(p, k, n)) s += a;
      d = Math.max(d, s);
    }
    return d;
  });
}

/** Compiles a validated system, homogenised (X₀ = index 0) or affine. Zero terms are dropped. */
export function compileSystem(system: PolynomialSystem, homogenise: boolean): CompiledSystem {
  const n = system.length;
  const degrees = Int32Array.from(degreesOf(system));
  const shift = homogenise ? 1 : 0;
  const eqStart = [0], coefficients: number[] = [], termStart = [0], factorVar: number[] = [], factorExp: number[] = [];
  system.forEach((p, i) => {
    for (let k = 0; k < p.coefficients.length; k++) {
      const c = p.coefficients[k] as number;
      if (c === 0) continue;
      const row = exponentRow(p, k, n);
      let total = 0;
      for (let v = 0; v < n; v++) {
        const a = row[v] as number;
        total += a;
        if (a > 0) { factorVar.push(v + shift); factorExp.push(a); }
      }
      const d0 = (degrees[i] as number) - total;
      if (homogenise && d0 > 0) { factorVar.push(0); factorExp.push(d0); }
      coefficients.push(c);
      termStart.push(factorVar.length);
    }
    eqStart.push(coefficients.length);
  });
  return {
    n, variables: n + shift, degrees, maxDegree: Math.max(0, ...degrees),
    eqStart: Int32Array.from(eqStart), coefficients: Float64Array.from(coefficients),
    termStart: Int32Array.from(termStart), factorVar: Int32Array.from(factorVar), factorExp: Int32Array.from(factorExp),
  };
}

/**
 * F and its Jacobian at a complex point, written into caller-owned arrays: f (length n) and
 * jac (n × variables, row-major), real and imaginary parts apart. Pass jre = null to skip the
 * Jacobian. The returned function owns its scratch space; make one per solve, not per call.
 */
export type Evaluator = (
  xre: Float64Array, xim: Float64Array,
  fre: Float64Array, fim: Float64Array,
  jre: Float64Array | null, jim: Float64Array | null,
) => void;

export function makeEvaluator(sys: CompiledSystem): Evaluator {
  const V = sys.variables, D = sys.maxDegree + 1;
  const pre = new Float64Array(V * D), pim = new Float64Array(V * D);
  let maxFactors = 0;
  for (let k = 0; k + 1 < sys.termStart.length; k++) maxFactors = Math.max(maxFactors, (sys.termStart[k + 1] as number) - (sys.termStart[k] as number));
  const lre = new Float64Array(maxFactors + 1), lim = new Float64Array(maxFactors + 1);
  const { eqStart, coefficients, termStart, factorVar, factorExp, n } = sys;
  return (xre, xim, fre, fim, jre, jim) => {
    for (let v = 0; v < V; v++) {
      const a = xre[v] as number, b = xim[v] as number;
      let r = 1, s = 0;
      pre[v * D] = 1; pim[v * D] = 0;
      for (let e = 1; e < D; e++) {
        const r2 = r * a - s * b;
        s = r * b + s * a;
        r = r2;
        pre[v * D + e] = r; pim[v * D + e] = s;
      }
    }
    if (jre && jim) { jre.fill(0, 0, n * V); jim.fill(0, 0, n * V); }
    for (let i = 0; i < n; i++) {
      let sr = 0, si = 0;
      const t1 = eqStart[i + 1] as number;
      for (let k = eqStart[i] as number; k < t1; k++) {
        const c = coefficients[k] as number;
        const f0 = termStart[k] as number, f1 = termStart[k + 1] as number, m = f1 - f0;
        // Prefix products l[q] = Π_{f<q} factor_f, so the value is c·l[m].
        let ar = 1, ai = 0;
        lre[0] = 1; lim[0] = 0;
        for (let q = 0; q < m; q++) {
          const idx = (factorVar[f0 + q] as number) * D + (factorExp[f0 + q] as number);
          const br = pre[idx] as number, bi = pim[idx] as number;
          const r2 = ar * br - ai * bi;
          ai = ar * bi + ai * br;
          ar = r2;
          lre[q + 1] = ar; lim[q + 1] = ai;
        }
        sr += c * ar; si += c * ai;
        if (!jre || !jim) continue;
        // Partial in factor q: c·e·x^(e−1)·prefix[q]·suffix[q], the suffix accumulated backwards.
        let ur = c, ui = 0;
        for (let q = m - 1; q >= 0; q--) {
          const v = factorVar[f0 + q] as number, e = factorExp[f0 + q] as number;
          const dr = e * (pre[v * D + e - 1] as number), di = e * (pim[v * D + e - 1] as number);
          const pr = lre[q] as number, pi = lim[q] as number;
          const wr = pr * ur - pi * ui, wi = pr * ui + pi * ur;
          jre[i * V + v] = (jre[i * V + v] as number) + (wr * dr - wi * di);
          jim[i * V + v] = (jim[i * V + v] as number) + (wr * di + wi * dr);
          const idx = v * D + e;
          const br = pre[idx] as number, bi = pim[idx] as number;
          const u2 = ur * br - ui * bi;
          ui = ur * bi + ui * br;
          ur = u2;
        }
      }
      fre[i] = sr; fim[i] = si;
    }
  };
}

/** A complex number as plain data (results and inputs of the public API). */
export interface Complex {
  readonly re: number;
  readonly im: number;
}

/**
 * F(x) and its Jacobian at a complex point (real points: pass numbers), as plain arrays, for
 * callers outside the tracker (the steady-state helper checks residuals with it).
 *
 *     evaluatePolynomialSystem([{ exponents: [[2], [0]], coefficients: [1, -2] }], [1.5])
 *     // { residual: [{re: 0.25, im: 0}], jacobian: [[{re: 3, im: 0}]] }
 */
export function evaluatePolynomialSystem(system: PolynomialSystem, x: readonly (number | Complex)[]): { residual: Complex[]; jacobian: Complex[][] } {
  const problem = validateSystem(system);
  if (problem) throw new RangeError(problem);
  const n = system.length;
  if (x.length !== n) throw new RangeError(`point has ${x.length} coordinates, the system ${n} unknowns`);
  const ev = makeEvaluator(compileSystem(system, false));
  const xre = Float64Array.from(x, (z) => (typeof z === "number" ? z : z.re));
  const xim = Float64Array.from(x, (z) => (typeof z === "number" ? 0 : z.im));
  const fre = new Float64Array(n), fim = new Float64Array(n), jre = new Float64Array(n * n), jim = new Float64Array(n * n);
  ev(xre, xim, fre, fim, jre, jim);
  return {
    residual: Array.from(fre, (re, i) => ({ re, im: fim[i] as number })),
    jacobian: Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => ({ re: jre[i * n + j] as number, im: jim[i * n + j] as number }))),
  };
}

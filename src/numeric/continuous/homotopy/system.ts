/**
 * Sparse polynomial systems: the input form, its validation, and a compiled form evaluated in
 * complex arithmetic with no allocation per call (the path tracker evaluates F and its Jacobian
 * hundreds of times per path). A term is a coefficient times a product of variable powers; the
 * compiled form keeps, per term, only the variables that occur (a cubic term in six unknowns has
 * at most three factors); evaluate.ts turns it into a table of shared monomials and evaluates F
 * and its Jacobian from that.
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

/** A complex number as plain data (results and inputs of the public API). */
export interface Complex {
  readonly re: number;
  readonly im: number;
}

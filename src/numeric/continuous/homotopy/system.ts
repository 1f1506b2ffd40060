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
  /** The shared-monomial program (built once by compileSystem; hand-built systems may omit it). */
  readonly program?: Program;
}

/**
 * The table of shared monomials evaluate.ts computes F and J from: every monomial of the terms
 * and each term's quotients x^α / x_v, each one its parent (one factor fewer) times a variable.
 */
export interface Program {
  /** Monomial m > 0 is parent[m] · x_{variable[m]}; monomial 0 is 1. */
  readonly parent: Int32Array;
  readonly variable: Int32Array;
  /** F: equation i sums coef[k]·M[mono[k]] for k in [fStart[i], fStart[i+1]). */
  readonly fStart: Int32Array; readonly fMono: Int32Array; readonly fCoef: Float64Array;
  /** J: entry q adds jCoef[q]·M[jMono[q]] to jac[jSlot[q]] (slot = i·variables + v). */
  readonly jSlot: Int32Array; readonly jMono: Int32Array; readonly jCoef: Float64Array;
  /** The two factors of jCoef[q] (the term's coefficient and the exponent), for exact enclosures. */
  readonly jTermCoef: Float64Array; readonly jExp: Int32Array;
}

/** The shared-monomial program of a compiled system (module comment). */
export function buildProgram(sys: CompiledSystem): Program {
  const V = sys.variables;
  const index = new Map<string, number>();
  const parent: number[] = [0], variable: number[] = [0];
  index.set(new Array<number>(V).fill(0).join(","), 0);
  // the index of exponent vector e, adding it and its chain of parents when new
  const intern = (e: number[]): number => {
    const key = e.join(",");
    const found = index.get(key);
    if (found !== undefined) return found;
    const v = e.findIndex((a) => a > 0);
    const p = e.slice();
    p[v] = (p[v] as number) - 1;
    const pi = intern(p);
    const m = parent.length;
    parent.push(pi); variable.push(v);
    index.set(key, m);
    return m;
  };
  const fStart = [0], fMono: number[] = [], fCoef: number[] = [], jSlot: number[] = [], jMono: number[] = [], jCoef: number[] = [], jTermCoef: number[] = [], jExp: number[] = [];
  for (let i = 0; i < sys.n; i++) {
    for (let k = sys.eqStart[i] as number; k < (sys.eqStart[i + 1] as number); k++) {
      const e = new Array<number>(V).fill(0);
      for (let f = sys.termStart[k] as number; f < (sys.termStart[k + 1] as number); f++) e[sys.factorVar[f] as number] = (e[sys.factorVar[f] as number] as number) + (sys.factorExp[f] as number);
      const c = sys.coefficients[k] as number;
      fMono.push(intern(e)); fCoef.push(c);
      for (let v = 0; v < V; v++) {
        const a = e[v] as number;
        if (a === 0) continue;
        const q = e.slice();
        q[v] = a - 1;
        jSlot.push(i * V + v); jMono.push(intern(q)); jCoef.push(c * a); jTermCoef.push(c); jExp.push(a);
      }
    }
    fStart.push(fMono.length);
  }
  // parents were interned before their children, so the table is already in a valid order
  return {
    parent: Int32Array.from(parent), variable: Int32Array.from(variable),
    fStart: Int32Array.from(fStart), fMono: Int32Array.from(fMono), fCoef: Float64Array.from(fCoef),
    jSlot: Int32Array.from(jSlot), jMono: Int32Array.from(jMono), jCoef: Float64Array.from(jCoef),
    jTermCoef: Float64Array.from(jTermCoef), jExp: Int32Array.from(jExp),
  };
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
  const compiled: CompiledSystem = {
    n, variables: n + shift, degrees, maxDegree: Math.max(0, ...degrees),
    eqStart: Int32Array.from(eqStart), coefficients: Float64Array.from(coefficients),
    termStart: Int32Array.from(termStart), factorVar: Int32Array.from(factorVar), factorExp: Int32Array.from(factorExp),
  };
  return { ...compiled, program: buildProgram(compiled) };
}

/** A complex number as plain data (results and inputs of the public API). */
export interface Complex {
  readonly re: number;
  readonly im: number;
}

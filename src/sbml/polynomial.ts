/**
 * Polynomials in species with exact-when-possible coefficients, and quotients of them
 * (a kinetic law over a common denominator). Terms whose coefficient is zero are kept: a rate
 * constant that evaluates to 0 must be seen, not silently dropped.
 */
import { addN, divN, isZeroN, mulN, negN, ONE_N, type Num } from "./num.js";

/** A monomial: species id → exponent (> 0). */
export type Monomial = ReadonlyMap<string, number>;

export interface Term {
  readonly mono: Monomial;
  readonly coef: Num;
}

/** Key → term; the key of a monomial is its sorted `id^e` list. */
export type Poly = ReadonlyMap<string, Term>;

export function monoKey(m: Monomial): string {
  return [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([s, e]) => `${s}^${e}`).join("*");
}

export const constPoly = (c: Num): Poly => new Map([["", { mono: new Map(), coef: c }]]);
export const varPoly = (id: string): Poly => {
  const mono = new Map([[id, 1]]);
  return new Map([[monoKey(mono), { mono, coef: ONE_N }]]);
};

export function isConstant(p: Poly): boolean {
  for (const k of p.keys()) if (k !== "") return false;
  return true;
}

/** The constant value of a constant polynomial (0 for the empty one). */
export function constantOf(p: Poly): Num | undefined {
  if (!isConstant(p)) return undefined;
  return p.get("")?.coef ?? { value: 0, exact: { num: 0n, den: 1n } };
}

export function addP(a: Poly, b: Poly): Poly {
  const out = new Map(a);
  for (const [k, t] of b) {
    const o = out.get(k);
    out.set(k, o ? { mono: o.mono, coef: addN(o.coef, t.coef) } : t);
  }
  return out;
}

export function scaleP(a: Poly, c: Num): Poly {
  const out = new Map<string, Term>();
  for (const [k, t] of a) out.set(k, { mono: t.mono, coef: mulN(t.coef, c) });
  return out;
}

export const negP = (a: Poly): Poly => scaleP(a, negN(ONE_N));

function mulMono(a: Monomial, b: Monomial): Monomial {
  const m = new Map(a);
  for (const [s, e] of b) m.set(s, (m.get(s) ?? 0) + e);
  return m;
}

export function mulP(a: Poly, b: Poly): Poly {
  let out: Poly = new Map();
  for (const ta of a.values()) {
    for (const tb of b.values()) {
      const mono = mulMono(ta.mono, tb.mono);
      out = addP(out, new Map([[monoKey(mono), { mono, coef: mulN(ta.coef, tb.coef) }]]));
    }
  }
  return out;
}

export function polyEquals(a: Poly, b: Poly): boolean {
  if (a.size !== b.size) return false;
  for (const [k, t] of a) {
    const o = b.get(k);
    if (!o || o.coef.value !== t.coef.value) return false;
  }
  return true;
}

/** A quotient of polynomials; `den` is 1 whenever it is a constant. */
export interface RatFn {
  readonly num: Poly;
  readonly den: Poly;
}

const ONE_P = constPoly(ONE_N);
export const ratConst = (c: Num): RatFn => ({ num: constPoly(c), den: ONE_P });
export const ratVar = (id: string): RatFn => ({ num: varPoly(id), den: ONE_P });

/** Divides out a constant denominator; undefined when it is zero. */
function normal(num: Poly, den: Poly): RatFn | undefined {
  const c = constantOf(den);
  if (c === undefined) return { num, den };
  if (isZeroN(c)) return undefined;
  const inv = divN(ONE_N, c);
  return { num: scaleP(num, inv), den: ONE_P };
}

export function addR(a: RatFn, b: RatFn): RatFn {
  if (polyEquals(a.den, b.den)) return { num: addP(a.num, b.num), den: a.den };
  return normal(addP(mulP(a.num, b.den), mulP(b.num, a.den)), mulP(a.den, b.den))!;
}

export const negR = (a: RatFn): RatFn => ({ num: negP(a.num), den: a.den });

export function mulR(a: RatFn, b: RatFn): RatFn {
  return normal(mulP(a.num, b.num), mulP(a.den, b.den))!;
}

/** a / b; undefined when b is identically zero. */
export function divR(a: RatFn, b: RatFn): RatFn | undefined {
  const zero = [...b.num.values()].every((t) => isZeroN(t.coef));
  if (zero) return undefined;
  return normal(mulP(a.num, b.den), mulP(a.den, b.num));
}

/** The constant value, when the quotient has no species. */
export function ratConstant(a: RatFn): Num | undefined {
  const n = constantOf(a.num);
  if (n === undefined || !isConstant(a.den)) return undefined;
  return n;
}

/**
 * The law as one polynomial: the numerator divided by a monomial denominator. Undefined when a
 * species is left in the denominator (the Michaelis–Menten shape).
 */
export function asPolynomial(a: RatFn): Poly | undefined {
  if (isConstant(a.den)) return a.num;
  if (a.den.size !== 1) return undefined;
  const d = [...a.den.values()][0]!;
  const out = new Map<string, Term>();
  for (const t of a.num.values()) {
    const mono = new Map(t.mono);
    let divisible = true;
    for (const [s, e] of d.mono) {
      const left = (mono.get(s) ?? 0) - e;
      if (left < 0) divisible = false;
      else if (left === 0) mono.delete(s);
      else mono.set(s, left);
    }
    if (!divisible) {
      if (isZeroN(t.coef)) continue;
      return undefined;
    }
    out.set(monoKey(mono), { mono, coef: divN(t.coef, d.coef) });
  }
  return out;
}

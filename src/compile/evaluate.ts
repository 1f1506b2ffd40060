/**
 * Constant expressions: numbers, params, + - * / ^, unary minus, exp, log, sqrt.
 * Each value is a double and, when the expression is rational (decimal literals of at most 15
 * significant digits combined with + - * / and integer powers), also the exact Rational: detailed
 * balance is then decided exactly. A literal with more digits is a printed double (network/rate.ts).
 * A value that depends on params also carries its sensitivity, ∂value/∂p by forward-mode
 * differentiation (sensitivity.ts).
 */
import { CODES, type DiagnosticSink } from "../diagnostics.js";
import { isExactLiteral } from "../network/rate.js";
import * as Q from "../numeric/exact/rational.js";
import type { Expr } from "../syntax/ast.js";
import { linear, power, scaled, type Sensitivity } from "./sensitivity.js";
import { suggest } from "./suggest.js";

export interface Value {
  readonly value: number;
  readonly exact: Q.Rational | null;
  /** ∂value/∂p per param p the expression depends on; absent when it depends on none. */
  readonly sensitivity?: Sensitivity;
}

/** What a name in an expression can refer to. */
export interface Scope {
  param(name: string): Value | undefined;
  /** Describes a non-constant name (a species, a reservoir) for the error message, if it is one. */
  describe(name: string): string | undefined;
  /** Every name a user could have meant, for "did you mean". */
  candidates(): Iterable<string>;
  /** The exact value of a decimal literal (remembered per compilation: see CompileContext). */
  decimal(text: string): Q.Rational | undefined;
}

const FUNCTIONS: ReadonlyMap<string, (x: number) => number> = new Map([
  ["exp", Math.exp],
  ["log", Math.log],
  ["sqrt", Math.sqrt],
]);

/** Keeps exact values only while numerator and denominator stay of a sane size. */
const MAX_EXACT_DIGITS = 4000;

function keep(q: Q.Rational | undefined | null): Q.Rational | null {
  if (!q) return null;
  const size = q.num.toString().length + q.den.toString().length;
  return size > MAX_EXACT_DIGITS ? null : q;
}

/**
 * The value of a number literal, exact under the literal rule (as for a literal rate constant,
 * LiteralRate: more than 15 significant digits is a double); undefined when it is too large for a
 * double (evaluate says so). `decimal` reads a literal's exact value (remembered per compilation).
 */
export function literalValue(text: string, decimal: (text: string) => Q.Rational | undefined): Value | undefined {
  const exact = isExactLiteral(text) ? decimal(text) : null;
  const value = Number(text);
  return Number.isFinite(value) ? { value, exact: keep(exact) } : undefined;
}

/** Evaluates `e`; reports problems into `sink` and returns undefined when there is no value. */
export function evaluate(e: Expr, scope: Scope, sink: DiagnosticSink): Value | undefined {
  switch (e.kind) {
    case "number": {
      const v = literalValue(e.text, (t) => scope.decimal(t));
      if (v === undefined) sink.error(CODES.notFinite, `the number ${e.text} is too large for a double`, e.span);
      return v;
    }
    case "name": {
      const v = scope.param(e.name);
      if (v) return v;
      const what = scope.describe(e.name);
      if (what) sink.error(CODES.unknownName, `'${e.name}' is ${what}, not a constant; only params and numbers may appear here`, e.span);
      else {
        const s = suggest(e.name, scope.candidates());
        sink.error(CODES.unknownName, `unknown name '${e.name}'${s ? `; did you mean '${s}'?` : ""}`, e.span, s ? undefined : "declare it first: param " + e.name + " = ...");
      }
      return undefined;
    }
    case "unary": {
      const v = evaluate(e.operand, scope, sink);
      if (!v) return undefined;
      return e.op === "-" ? { value: -v.value, exact: v.exact ? Q.neg(v.exact) : null, sensitivity: scaled(v.sensitivity, -1) } : v;
    }
    case "binary":
      return binary(e, scope, sink);
    case "call": {
      const f = FUNCTIONS.get(e.callee);
      if (!f) {
        const s = suggest(e.callee, FUNCTIONS.keys());
        sink.error(CODES.unknownFunction, `unknown function '${e.callee}'${s ? `; did you mean '${s}'?` : ""}`, e.calleeSpan, "the functions are exp, log and sqrt");
        for (const a of e.args) evaluate(a, scope, sink);
        return undefined;
      }
      const [arg] = e.args;
      if (e.args.length !== 1 || arg === undefined) {
        sink.error(CODES.wrongArgumentCount, `${e.callee} takes one argument, not ${e.args.length}`, e.span);
        return undefined;
      }
      const x = evaluate(arg, scope, sink);
      if (!x) return undefined;
      const value = f(x.value);
      if (!Number.isFinite(value)) {
        const why = e.callee === "exp" ? "overflows" : `is undefined for ${x.value}`;
        sink.error(CODES.notFinite, `${e.callee}(${fmt(x.value)}) ${why}`, e.span);
        return undefined;
      }
      // d exp x = exp x dx, d log x = dx / x, d √x = dx / (2 √x)
      const slope = e.callee === "exp" ? value : e.callee === "log" ? 1 / x.value : 1 / (2 * value);
      return { value, exact: e.callee === "sqrt" ? exactSqrt(x.exact) : null, sensitivity: scaled(x.sensitivity, slope) };
    }
  }
}

function binary(e: Extract<Expr, { kind: "binary" }>, scope: Scope, sink: DiagnosticSink): Value | undefined {
  const l = evaluate(e.left, scope, sink);
  const r = evaluate(e.right, scope, sink);
  if (!l || !r) return undefined;
  let value: number;
  let exact: Q.Rational | null | undefined = null;
  const constant = l.sensitivity === undefined && r.sensitivity === undefined;
  let sensitivity: Sensitivity;
  switch (e.op) {
    case "+":
      value = l.value + r.value;
      exact = l.exact && r.exact ? Q.add(l.exact, r.exact) : null;
      sensitivity = constant ? undefined : linear(l.sensitivity, 1, r.sensitivity, 1);
      break;
    case "-":
      value = l.value - r.value;
      exact = l.exact && r.exact ? Q.sub(l.exact, r.exact) : null;
      sensitivity = constant ? undefined : linear(l.sensitivity, 1, r.sensitivity, -1);
      break;
    case "*":
      value = l.value * r.value;
      exact = l.exact && r.exact ? Q.mul(l.exact, r.exact) : null;
      sensitivity = constant ? undefined : linear(l.sensitivity, r.value, r.sensitivity, l.value);
      break;
    case "/":
      if (r.value === 0 || (r.exact && Q.isZero(r.exact))) {
        sink.error(CODES.divisionByZero, "division by zero", e.opSpan, e.right.kind === "number" ? undefined : `${describeExpr(e.right)} is 0`);
        return undefined;
      }
      value = l.value / r.value;
      exact = l.exact && r.exact ? Q.div(l.exact, r.exact) : null;
      // d(l/r) = dl / r − (l/r) dr / r
      sensitivity = constant ? undefined : linear(l.sensitivity, 1 / r.value, r.sensitivity, -value / r.value);
      break;
    case "^": {
      if (l.value === 0 && r.value < 0) {
        sink.error(CODES.divisionByZero, "0 raised to a negative power", e.opSpan);
        return undefined;
      }
      value = Math.pow(l.value, r.value);
      const n = r.exact && r.exact.den === 1n && r.exact.num >= -1000n && r.exact.num <= 1000n ? Number(r.exact.num) : null;
      // the power's digits are the base's times |n|: do not build what keep() would discard
      const digits = l.exact ? l.exact.num.toString().length + l.exact.den.toString().length : 0;
      exact = l.exact && n !== null && digits * Math.abs(n) <= MAX_EXACT_DIGITS ? Q.powInt(l.exact, n) : null;
      sensitivity = constant ? undefined : power(l.sensitivity, l.value, r.sensitivity, r.value, value);
      break;
    }
  }
  if (!Number.isFinite(value)) {
    const why = Number.isNaN(value) ? "is undefined" : "overflows a double";
    sink.error(CODES.notFinite, `${fmt(l.value)} ${e.op} ${fmt(r.value)} ${why}`, e.span);
    return undefined;
  }
  return { value, exact: keep(exact), sensitivity };
}

function exactSqrt(q: Q.Rational | null): Q.Rational | null {
  if (!q || q.num < 0n) return null;
  const n = bigSqrt(q.num), d = bigSqrt(q.den);
  return n !== null && d !== null ? Q.rational(n, d) : null;
}

/** √x when x is a perfect square, else null: Newton's method in BigInt (x may exceed a double). */
function bigSqrt(x: bigint): bigint | null {
  if (x < 2n) return x;
  let r = 1n << BigInt((x.toString(2).length >> 1) + 1); // above √x
  for (;;) {
    const next = (r + x / r) >> 1n;
    if (next >= r) break;
    r = next;
  }
  return r * r === x ? r : null;
}

function describeExpr(e: Expr): string {
  return e.kind === "name" ? `'${e.name}'` : "the divisor";
}

function fmt(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x);
}

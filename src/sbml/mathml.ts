/**
 * Content MathML as SBML uses it, read into a small expression tree, and printed back as infix
 * text for messages and comments. Only reading and printing here; meaning is in `polynomial.ts`.
 */
import { exactNum, num, parseNum, type Num } from "./num.js";
import * as Q from "../numeric/exact/rational.js";
import { childrenNamed, elementChildren, isElement, textOf, type XmlElement } from "./xml.js";

export type Expr =
  | { readonly k: "num"; readonly n: Num; readonly text: string }
  | { readonly k: "ci"; readonly name: string }
  /** `time`, `avogadro`, `delay`, `pi`, `exponentiale`, `true`, `false`, `infinity`, `notanumber`. */
  | { readonly k: "sym"; readonly name: string }
  /** An operator (`plus`, `times`, `exp`, `lt`, …) or, with `call`, a function definition's id. */
  | { readonly k: "apply"; readonly op: string; readonly args: readonly Expr[]; readonly call?: boolean; readonly logbase?: Expr; readonly degree?: Expr }
  | { readonly k: "piecewise"; readonly pieces: readonly (readonly [Expr, Expr])[]; readonly otherwise: Expr | null }
  | { readonly k: "lambda"; readonly params: readonly string[]; readonly body: Expr }
  | { readonly k: "bad"; readonly what: string };

const CONSTANTS = new Set(["pi", "exponentiale", "true", "false", "infinity", "notanumber"]);

function readCn(e: XmlElement): Expr {
  const type = e.attrs.get("type") ?? "real";
  const parts = e.children.filter((c) => !isElement(c)).map((c) => ("text" in c ? c.text.trim() : ""));
  const text = parts.join(" ");
  if (type === "e-notation" || type === "rational") {
    const a = parseNum(parts[0] ?? ""), b = parseNum(parts[1] ?? "");
    if (!a || !b) return { k: "bad", what: `number "${text}"` };
    if (type === "rational") {
      const q = a.exact && b.exact ? Q.div(a.exact, b.exact) : undefined;
      return { k: "num", n: q ? exactNum(q) : num(a.value / b.value), text: `${parts[0]}/${parts[1]}` };
    }
    const e10 = b.exact && b.exact.den === 1n ? Number(b.exact.num) : NaN;
    if (a.exact && Number.isInteger(e10) && Math.abs(e10) < 10000) {
      const p = Q.powInt(Q.rational(10n), e10)!;
      return { k: "num", n: exactNum(Q.mul(a.exact, p)), text: `${parts[0]}e${parts[1]}` };
    }
    return { k: "num", n: num(a.value * Math.pow(10, b.value)), text: `${parts[0]}e${parts[1]}` };
  }
  const n = parseNum(text);
  return n ? { k: "num", n, text } : { k: "bad", what: `number "${text}"` };
}

/** Reads one MathML element. Unknown elements become `bad` nodes, never exceptions. */
export function readMath(e: XmlElement): Expr {
  switch (e.name) {
    case "math": {
      const kids = elementChildren(e);
      return kids.length === 1 ? readMath(kids[0]!) : { k: "bad", what: "empty <math>" };
    }
    case "semantics": {
      const first = elementChildren(e)[0];
      return first ? readMath(first) : { k: "bad", what: "empty <semantics>" };
    }
    case "cn":
      return readCn(e);
    case "ci":
      return { k: "ci", name: textOf(e).trim() };
    case "csymbol": {
      const url = e.attrs.get("definitionURL") ?? "";
      const name = url.replace(/.*\//, "");
      return { k: "sym", name: name || textOf(e).trim() };
    }
    case "apply":
      return readApply(e);
    case "piecewise": {
      const pieces: [Expr, Expr][] = [];
      for (const p of childrenNamed(e, "piece")) {
        const [v, c] = elementChildren(p);
        if (!v || !c) return { k: "bad", what: "a <piece> without value and condition" };
        pieces.push([readMath(v), readMath(c)]);
      }
      const o = childrenNamed(e, "otherwise")[0];
      const oe = o ? elementChildren(o)[0] : undefined;
      return { k: "piecewise", pieces, otherwise: oe ? readMath(oe) : null };
    }
    case "lambda": {
      const params = childrenNamed(e, "bvar").map((b) => {
        const ci = childrenNamed(b, "ci")[0];
        return ci ? textOf(ci).trim() : "";
      });
      const body = elementChildren(e).filter((c) => c.name !== "bvar")[0];
      return body ? { k: "lambda", params, body: readMath(body) } : { k: "bad", what: "a <lambda> without body" };
    }
    default:
      if (CONSTANTS.has(e.name)) return { k: "sym", name: e.name };
      return { k: "bad", what: `<${e.name}>` };
  }
}

function readApply(e: XmlElement): Expr {
  const kids = elementChildren(e);
  const head = kids[0];
  if (!head) return { k: "bad", what: "empty <apply>" };
  let logbase: Expr | undefined, degree: Expr | undefined;
  const args: Expr[] = [];
  for (const a of kids.slice(1)) {
    const inner = elementChildren(a)[0];
    if (a.name === "logbase") logbase = inner ? readMath(inner) : { k: "bad", what: "empty <logbase>" };
    else if (a.name === "degree") degree = inner ? readMath(inner) : { k: "bad", what: "empty <degree>" };
    else args.push(readMath(a));
  }
  const extra = { ...(logbase ? { logbase } : {}), ...(degree ? { degree } : {}) };
  if (head.name === "ci") return { k: "apply", op: textOf(head).trim(), args, call: true, ...extra };
  if (head.name === "csymbol") {
    const name = (head.attrs.get("definitionURL") ?? "").replace(/.*\//, "") || textOf(head).trim();
    return { k: "apply", op: name, args, call: true, ...extra };
  }
  return { k: "apply", op: head.name, args, ...extra };
}

const INFIX: Record<string, [string, number]> = {
  plus: [" + ", 1], minus: [" - ", 1], times: [" * ", 2], divide: [" / ", 2], power: ["^", 4],
  lt: [" < ", 0], gt: [" > ", 0], leq: [" <= ", 0], geq: [" >= ", 0], eq: [" == ", 0], neq: [" != ", 0],
  and: [" && ", 0], or: [" || ", 0],
};

/** Infix text of an expression, with only the parentheses precedence needs: `kf * A * B - kr * C`. */
export function infix(x: Expr, outer = 0): string {
  switch (x.k) {
    case "num":
      return x.text;
    case "ci":
      return x.name;
    case "sym":
      return x.name;
    case "bad":
      return `?${x.what}?`;
    case "lambda":
      return `lambda(${[...x.params, infix(x.body)].join(", ")})`;
    case "piecewise": {
      const ps = x.pieces.map(([v, c]) => `${infix(v)} if ${infix(c)}`);
      if (x.otherwise) ps.push(`${infix(x.otherwise)} otherwise`);
      return `piecewise(${ps.join("; ")})`;
    }
    case "apply": {
      const op = INFIX[x.op];
      if (!x.call && op) {
        if (x.op === "minus" && x.args.length === 1) return wrap(`-${infix(x.args[0]!, 3)}`, 3, outer);
        const [sym, prec] = op;
        const parts = x.args.map((a, i) => infix(a, i === 0 || (x.op !== "minus" && x.op !== "divide" && x.op !== "power") ? prec : prec + 1));
        if (x.op === "power") return wrap(`${infix(x.args[0]!, 5)}^${infix(x.args[1] ?? { k: "bad", what: "" }, 4)}`, 4, outer);
        return wrap(parts.join(sym), prec, outer);
      }
      const args = x.args.map((a) => infix(a));
      if (x.logbase) args.unshift(`base ${infix(x.logbase)}`);
      if (x.degree) args.unshift(`degree ${infix(x.degree)}`);
      return `${x.op}(${args.join(", ")})`;
    }
  }
}

function wrap(s: string, prec: number, outer: number): string {
  return prec < outer ? `(${s})` : s;
}

/**
 * CST → AST: turns chevrotain's concrete syntax tree of one statement into the typed AST of
 * `ast.ts`, with a span on every node. Pure shape conversion: no names are resolved here.
 */
import type { CstElement, CstNode, CstNodeLocation, IToken } from "chevrotain";
import type { Span } from "../diagnostics.js";
import type { CurrentTerm, Declarator, Expr, ReactionTerm, Side, Statement, ThermoRate } from "./ast.js";
import { parser } from "./parser.js";

type Children = Record<string, CstElement[] | undefined>;

/** Where the statement's line starts: token offsets are relative to their line. */
export interface Where {
  readonly file: string;
  readonly line: number;
  readonly lineStart: number;
}

function isToken(e: CstElement): e is IToken {
  return (e as IToken).image !== undefined;
}

/** The CST visitor, made on first use: its base class comes from the parser, which is built only when a line needs it. */
function newBuilder() {
  class AstBuilder extends parser().getBaseCstVisitorConstructor<Where, unknown>() {
    /** The node whose method is running: chevrotain passes only its children. */
    current: CstNode | undefined;

    constructor() {
      super();
      this.validateVisitor();
    }

    override visit(node: CstNode | CstNode[], w: Where): unknown {
      const prev = this.current;
      this.current = Array.isArray(node) ? node[0] : node;
      try {
        return super.visit(node, w);
      } finally {
        this.current = prev;
      }
    }

    tokenSpan(w: Where, t: IToken): Span {
      return { file: w.file, offset: w.lineStart + t.startOffset, line: w.line, column: t.startOffset + 1, length: (t.endOffset ?? t.startOffset) - t.startOffset + 1 };
    }

    nodeSpan(w: Where, n: CstNode): Span {
      const l = n.location as CstNodeLocation;
      return { file: w.file, offset: w.lineStart + l.startOffset, line: w.line, column: l.startOffset + 1, length: (l.endOffset ?? l.startOffset) - l.startOffset + 1 };
    }

    tokens(c: Children, key: string): IToken[] {
      return (c[key] ?? []).filter(isToken);
    }

    nodes(c: Children, key: string): CstNode[] {
      return (c[key] ?? []).filter((e): e is CstNode => !isToken(e));
    }

    statement(c: Children, w: Where): Statement {
      const inner = [...this.nodes(c, "networkStatement"), ...this.nodes(c, "declareStatement"), ...this.nodes(c, "assertStatement"), ...this.nodes(c, "reactionStatement")];
      return this.visit(inner[0]!, w) as Statement;
    }

    networkStatement(c: Children, w: Where): Statement {
      const str = this.tokens(c, "StringLiteral")[0]!;
      const title = str.image.slice(1, -1);
      const kw = this.tokens(c, "Network")[0]!;
      return { kind: "network", title, span: this.join(w, kw, str) };
    }

    declareStatement(c: Children, w: Where): Statement {
      const kw = [...this.tokens(c, "Param"), ...this.tokens(c, "Species"), ...this.tokens(c, "State"), ...this.tokens(c, "Reservoir"), ...this.tokens(c, "Chemostat")][0]!;
      const declarators = this.nodes(c, "declarator").map((n) => this.visit(n, w) as Declarator);
      const last = declarators[declarators.length - 1]!.span;
      const start = this.tokenSpan(w, kw);
      return {
        kind: "declare",
        keyword: kw.image as "param" | "species" | "state" | "reservoir" | "chemostat",
        declarators,
        span: { ...start, length: last.offset + last.length - start.offset },
      };
    }

    energyStatement(c: Children, w: Where): Statement {
      const [kw] = this.tokens(c, "energy");
      const declarators = this.nodes(c, "declarator").map((n) => this.visit(n, w) as Declarator);
      const keyword = kw ? this.tokenSpan(w, kw) : { ...this.nodeSpan(w, this.current!), length: "energy".length };
      const last = declarators[declarators.length - 1]?.span ?? keyword;
      return { kind: "energy", keyword, declarators, span: { ...keyword, length: last.offset + last.length - keyword.offset } };
    }

    volumeStatement(c: Children, w: Where): Statement {
      const keyword = this.tokenSpan(w, this.tokens(c, "keyword")[0]!);
      const value = this.visit(this.nodes(c, "value")[0]!, w) as Expr;
      return { kind: "volume", keyword, value, span: this.nodeSpan(w, this.current!) };
    }

    currentStatement(c: Children, w: Where): Statement {
      const keyword = this.tokenSpan(w, this.tokens(c, "keyword")[0]!);
      const name = this.tokens(c, "name")[0]!;
      const first = this.tokens(c, "firstSign").length > 0 ? -1 : 1;
      const signs = this.tokens(c, "signs").map((t) => (t.image === "-" ? -1 : 1));
      const terms = this.nodes(c, "terms").map((n, i) => {
        const t = this.visit(n, w) as Omit<CurrentTerm, "sign">;
        return { ...t, sign: (i === 0 ? first : signs[i - 1] ?? 1) as 1 | -1 };
      });
      const [stepWord] = this.tokens(c, "step");
      const [stepValue] = this.nodes(c, "stepValue");
      const [unit] = this.tokens(c, "unit");
      const step = stepWord && stepValue
        ? { keyword: this.tokenSpan(w, stepWord), value: this.visit(stepValue, w) as Expr, unit: unit ? { name: unit.image, span: this.tokenSpan(w, unit) } : null }
        : null;
      return { kind: "current", keyword, name: { name: name.image, span: this.tokenSpan(w, name) }, terms, step, span: this.nodeSpan(w, this.current!) };
    }

    currentTerm(c: Children, w: Where): Omit<CurrentTerm, "sign"> {
      const num = this.tokens(c, "NumberLiteral")[0];
      const name = this.tokens(c, "Name")[0]!;
      return {
        coefficient: num ? { text: num.image, span: this.tokenSpan(w, num) } : null,
        reaction: { name: name.image, span: this.tokenSpan(w, name) },
        span: this.nodeSpan(w, this.current!),
      };
    }

    forceStatement(c: Children, w: Where): Statement {
      const keyword = this.tokenSpan(w, this.tokens(c, "keyword")[0]!);
      const id = (key: string): { name: string; span: Span } => {
        const t = this.tokens(c, key)[0]!;
        return { name: t.image, span: this.tokenSpan(w, t) };
      };
      const [kT] = this.nodes(c, "kTValue");
      return { kind: "force", keyword, param: id("param"), current: id("current"), kT: kT ? (this.visit(kT, w) as Expr) : null, span: this.nodeSpan(w, this.current!) };
    }

    declarator(c: Children, w: Where): Declarator {
      const name = this.tokens(c, "Name")[0]!;
      const valueNode = this.nodes(c, "expression")[0];
      const value = valueNode ? (this.visit(valueNode, w) as Expr) : null;
      const id = { name: name.image, span: this.tokenSpan(w, name) };
      const span = value ? { ...id.span, length: value.span.offset + value.span.length - id.span.offset } : id.span;
      return { id, value, span };
    }

    reactionStatement(c: Children, w: Where): Statement {
      const label = this.tokens(c, "label")[0];
      const [lhsNode] = this.nodes(c, "lhs");
      const [rhsNode] = this.nodes(c, "rhs");
      const arrow = this.tokens(c, "AnyArrow")[0]!;
      const at = this.tokens(c, "At")[0]!;
      return {
        kind: "reaction",
        label: label ? { name: label.image, span: this.tokenSpan(w, label) } : null,
        lhs: this.visit(lhsNode!, w) as Side,
        arrow: { text: arrow.image, span: this.tokenSpan(w, arrow) },
        rhs: this.visit(rhsNode!, w) as Side,
        at: this.tokenSpan(w, at),
        ...this.rates(this.nodes(c, "rates").map((n) => this.visit(n, w) as Expr | ThermoRate[])),
        span: this.nodeSpan(w, this.current!),
      };
    }

    /** The plain constants and the `barrier`/`prefactor` parts, apart (a mix is the compiler's to report). */
    rates(items: readonly (Expr | ThermoRate[])[]): { rates: Expr[]; thermo?: ThermoRate[] } {
      const rates: Expr[] = [], thermo: ThermoRate[] = [];
      for (const item of items) {
        if (Array.isArray(item)) thermo.push(...item);
        else rates.push(item);
      }
      return thermo.length > 0 ? { rates, thermo } : { rates };
    }

    /** One rate: an expression, or `barrier EXPR prefactor EXPR ...` as its parts. */
    rate(c: Children, w: Where): Expr | ThermoRate[] {
      const [plain] = this.nodes(c, "plain");
      if (plain) return this.visit(plain, w) as Expr;
      const values = this.nodes(c, "value");
      // the rule pairs every word with its value, so the two lists have the same length
      return this.tokens(c, "word").flatMap((t, i) => {
        const node = values[i];
        if (node === undefined) return [];
        const wordSpan = this.tokenSpan(w, t);
        const value = this.visit(node, w) as Expr;
        return [{ word: t.image as "barrier" | "prefactor", wordSpan, value, span: { ...wordSpan, length: value.span.offset + value.span.length - wordSpan.offset } }];
      });
    }

    side(c: Children, w: Where): Side {
      const items = this.nodes(c, "term").map((n) => this.visit(n, w) as ReactionTerm | { text: string; span: Span });
      const span = this.nodeSpan(w, this.current!);
      const terms = items.filter((t): t is ReactionTerm => "species" in t);
      const numbers = items.filter((t): t is { text: string; span: Span } => !("species" in t));
      const lone = items.length === 1 && numbers.length === 1 && Number(numbers[0]!.text) === 0;
      return { terms, zero: lone ? numbers[0]!.span : null, stray: lone ? null : (numbers[0] ?? null), span };
    }

    /** A term is `N NAME`, `NAME`, or a lone number (returned as its Span: `0` or a mistake). */
    term(c: Children, w: Where): ReactionTerm | { text: string; span: Span } {
      const num = this.tokens(c, "NumberLiteral")[0];
      const name = this.tokens(c, "Name")[0];
      if (!name) return { text: num!.image, span: this.tokenSpan(w, num!) };
      return {
        coefficient: num ? { text: num.image, span: this.tokenSpan(w, num) } : null,
        species: { name: name.image, span: this.tokenSpan(w, name) },
        span: this.nodeSpan(w, this.current!),
      };
    }

    assertStatement(c: Children, w: Where): Statement {
      const [subject] = this.nodes(c, "subject");
      const [value] = this.nodes(c, "value");
      const [tolerance] = this.nodes(c, "tolerance");
      const op = [...this.tokens(c, "Compare"), ...this.tokens(c, "Equals")][0];
      const [within] = this.tokens(c, "within");
      const [withinValue] = this.nodes(c, "withinValue");
      const [unit] = this.tokens(c, "withinUnit");
      const [percent] = this.tokens(c, "Percent");
      let withinNode: Extract<Statement, { kind: "assert" }>["within"] = null;
      if (within && withinValue) {
        const keyword = this.tokenSpan(w, within);
        const last = percent ?? unit;
        const value = this.visit(withinValue, w) as Expr;
        const end = last ? this.tokenSpan(w, last) : value.span;
        withinNode = {
          keyword,
          value,
          unit: unit ? { name: unit.image, span: this.tokenSpan(w, unit) } : null,
          percent: percent ? this.tokenSpan(w, percent) : null,
          span: { ...keyword, length: end.offset + end.length - keyword.offset },
        };
      }
      const [rangeParam] = this.tokens(c, "rangeParam");
      const [rangeFrom] = this.nodes(c, "rangeFrom");
      const [rangeTo] = this.nodes(c, "rangeTo");
      let range: Extract<Statement, { kind: "assert" }>["range"] = null;
      if (rangeParam && rangeFrom && rangeTo) {
        const param = { name: rangeParam.image, span: this.tokenSpan(w, rangeParam) };
        const to = this.visit(rangeTo, w) as Expr;
        range = { param, from: this.visit(rangeFrom, w) as Expr, to, span: { ...param.span, length: to.span.offset + to.span.length - param.span.offset } };
      }
      const at = this.nodes(c, "atValues").map((n) => this.visit(n, w) as Declarator);
      return {
        kind: "assert",
        range,
        at,
        negated: this.tokens(c, "Not").length > 0,
        subject: this.visit(subject!, w) as Expr,
        within: withinNode,
        comparison:
          op && value
            ? {
                op: op.image,
                opSpan: this.tokenSpan(w, op),
                value: this.visit(value, w) as Expr,
                tolerance: tolerance ? (this.visit(tolerance, w) as Expr) : null,
              }
            : null,
        span: this.nodeSpan(w, this.current!),
      };
    }

    expression(c: Children, w: Where): Expr {
      return this.leftFold(c, w);
    }

    product(c: Children, w: Where): Expr {
      return this.leftFold(c, w);
    }

    leftFold(c: Children, w: Where): Expr {
      const operands = this.nodes(c, "operands").map((n) => this.visit(n, w) as Expr);
      const ops = this.tokens(c, "ops");
      let acc = operands[0]!;
      for (let i = 0; i < ops.length; i++) {
        const right = operands[i + 1]!;
        acc = {
          kind: "binary",
          op: ops[i]!.image as "+" | "-" | "*" | "/",
          left: acc,
          right,
          opSpan: this.tokenSpan(w, ops[i]!),
          span: { ...acc.span, length: right.span.offset + right.span.length - acc.span.offset },
        };
      }
      return acc;
    }

    unary(c: Children, w: Where): Expr {
      const sign = this.tokens(c, "sign")[0];
      const [inner] = this.nodes(c, "unary").length ? this.nodes(c, "unary") : this.nodes(c, "power");
      const operand = this.visit(inner!, w) as Expr;
      if (!sign) return operand;
      return { kind: "unary", op: sign.image as "-" | "+", operand, span: this.nodeSpan(w, this.current!) };
    }

    power(c: Children, w: Where): Expr {
      const base = this.visit(this.nodes(c, "atom")[0]!, w) as Expr;
      const [exp] = this.nodes(c, "exponent");
      const caret = this.tokens(c, "Caret")[0];
      if (!exp || !caret) return base;
      const right = this.visit(exp, w) as Expr;
      return { kind: "binary", op: "^", left: base, right, opSpan: this.tokenSpan(w, caret), span: this.nodeSpan(w, this.current!) };
    }

    atom(c: Children, w: Where): Expr {
      const num = this.tokens(c, "NumberLiteral")[0];
      if (num) return { kind: "number", text: num.image, span: this.tokenSpan(w, num) };
      const [inner] = this.nodes(c, "inner");
      if (inner) return this.visit(inner, w) as Expr;
      const name = this.tokens(c, "Name")[0]!;
      const nameSpan = this.tokenSpan(w, name);
      if (this.tokens(c, "LParen").length === 0) return { kind: "name", name: name.image, span: nameSpan };
      return {
        kind: "call",
        callee: name.image,
        calleeSpan: nameSpan,
        args: this.nodes(c, "args").map((n) => this.visit(n, w) as Expr),
        span: this.nodeSpan(w, this.current!),
      };
    }

    join(w: Where, a: IToken, b: IToken): Span {
      const s = this.tokenSpan(w, a);
      return { ...s, length: (b.endOffset ?? b.startOffset) - a.startOffset + 1 };
    }
  }
  return new AstBuilder();
}

let builder: ReturnType<typeof newBuilder> | undefined;

/** Converts the CST of one `statement` rule to its AST node. */
export function toAst(cst: CstNode, w: Where): Statement {
  return (builder ??= newBuilder()).visit(cst, w) as Statement;
}

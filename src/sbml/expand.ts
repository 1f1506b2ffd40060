/**
 * Turns SBML math into a quotient of polynomials in the species, resolving every other symbol the
 * way SBML defines it: function definitions expanded, local parameters hiding globals, assignment
 * rules substituted (they hold at all times), initial assignments and `value`s for constants.
 *
 * Two modes. `law`: species are variables; a symbol that really changes in time (a rate rule's
 * variable) makes the law unanalysable; `time` and event-changed parameters are frozen at their
 * initial values and recorded in `frozen`, so the importer can say so. `initial`: everything is
 * evaluated at t = 0 (species at their initial values), which is exact, not an approximation.
 */
import * as N from "./num.js";
import type { Num } from "./num.js";
import { infix, type Expr } from "./mathml.js";
import type { SbmlModel } from "./model.js";
import { addR, divR, mulR, negR, ratConst, ratConstant, ratVar, type RatFn } from "./polynomial.js";

/** Why a law is not a polynomial in the species over a monomial (or constant) denominator. */
export class Unanalysable extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

const MAX_POWER = 64;

/** The symbol table of a model, shared by every law and initial value. */
export class ModelScope {
  readonly compartmentOf = new Map<string, string>();
  readonly speciesIds = new Set<string>();
  readonly refStoich = new Map<string, Num | null>();
  readonly reactionIds = new Set<string>();
  readonly eventTargets = new Set<string>();
  private readonly initialCache = new Map<string, Num | null>();
  private readonly evaluating = new Set<string>();

  constructor(readonly model: SbmlModel) {
    for (const s of model.species) {
      this.speciesIds.add(s.id);
      this.compartmentOf.set(s.id, s.compartment);
    }
    for (const r of model.reactions) {
      this.reactionIds.add(r.id);
      for (const ref of [...r.reactants, ...r.products]) if (ref.id) this.refStoich.set(ref.id, ref.stoichiometry);
    }
    for (const e of model.events) for (const v of e.variables) this.eventTargets.add(v);
  }

  /** A compartment's size at t = 0; null when the file gives none. */
  compartmentSize(id: string): Num | null {
    return this.initial(id);
  }

  /** The value of a symbol at t = 0 (a species in its own units: concentration or amount), or null. */
  initial(id: string): Num | null {
    const cached = this.initialCache.get(id);
    if (cached !== undefined) return cached;
    if (this.evaluating.has(id)) return null;
    this.evaluating.add(id);
    let v: Num | null = null;
    try {
      v = this.computeInitial(id);
    } catch (e) {
      if (!(e instanceof Unanalysable)) throw e;
      v = null;
    } finally {
      this.evaluating.delete(id);
    }
    this.initialCache.set(id, v);
    return v;
  }

  private evalConst(x: Expr): Num {
    const r = new Expander(this, "initial").expand(x);
    const c = ratConstant(r);
    if (!c) throw new Unanalysable(`${infix(x)} is not a constant`);
    return c;
  }

  private computeInitial(id: string): Num | null {
    const m = this.model;
    const rule = m.assignmentRules.get(id) ?? m.initialAssignments.get(id);
    if (rule) return this.evalConst(rule);
    const c = m.compartments.get(id);
    if (c) return c.size;
    const p = m.parameters.get(id);
    if (p) return p.value;
    if (this.refStoich.has(id)) return this.refStoich.get(id) ?? null;
    const s = m.species.find((x) => x.id === id);
    if (!s) return null;
    const size = this.initial(s.compartment) ?? N.ONE_N;
    if (this.isAmountSymbol(id)) return s.initialAmount ?? (s.initialConcentration ? N.mulN(s.initialConcentration, size) : null);
    return s.initialConcentration ?? (s.initialAmount ? N.divN(s.initialAmount, size) : null);
  }

  /** True when a species' symbol in math means its amount (hasOnlySubstanceUnits, or a 0-D compartment). */
  isAmountSymbol(speciesId: string): boolean {
    const s = this.model.species.find((x) => x.id === speciesId);
    if (!s) return true;
    return s.hasOnlySubstanceUnits || this.model.compartments.get(s.compartment)?.spatialDimensions === 0;
  }
}

export class Expander {
  /** Symbols whose time dependence was frozen at t = 0 (`time`, event-changed parameters). */
  readonly frozen = new Set<string>();
  private readonly expanding: string[] = [];

  /**
   * @param variables species ids that stay symbols in `law` mode
   * @param locals a reaction's local parameters (they hide globals and species)
   */
  constructor(
    private readonly scope: ModelScope,
    private readonly mode: "law" | "initial",
    private readonly variables: ReadonlySet<string> = new Set(),
    private readonly locals: ReadonlyMap<string, Num | null> = new Map(),
  ) {}

  expand(x: Expr, bound: ReadonlyMap<string, RatFn> = new Map()): RatFn {
    switch (x.k) {
      case "num":
        return ratConst(x.n);
      case "ci":
        return this.symbol(x.name, bound);
      case "sym":
        return this.constantSymbol(x.name);
      case "bad":
        throw new Unanalysable(`unreadable math (${x.what})`);
      case "lambda":
        throw new Unanalysable("a lambda outside a function definition");
      case "piecewise":
        return this.piecewise(x, bound);
      case "apply":
        return this.apply(x, bound);
    }
  }

  private symbol(name: string, bound: ReadonlyMap<string, RatFn>): RatFn {
    const b = bound.get(name);
    if (b) return b;
    if (this.locals.has(name)) {
      const v = this.locals.get(name);
      if (!v) throw new Unanalysable(`local parameter ${name} has no value`);
      return ratConst(v);
    }
    const m = this.scope.model;
    if (this.mode === "law") {
      if (this.variables.has(name)) return ratVar(name);
      const rule = m.assignmentRules.get(name);
      if (rule) return this.substitute(name, rule, bound);
      if (m.rateRules.has(name)) throw new Unanalysable(`${name} changes in time (a rate rule sets it)`);
      if (this.scope.eventTargets.has(name)) this.frozen.add(name);
      if (this.scope.reactionIds.has(name)) throw new Unanalysable(`it uses the rate of reaction ${name}`);
    }
    const v = this.scope.initial(name);
    if (v) return ratConst(v);
    if (m.compartments.has(name)) return ratConst(N.ONE_N);
    throw new Unanalysable(`${name} has no value`);
  }

  private substitute(name: string, rule: Expr, bound: ReadonlyMap<string, RatFn>): RatFn {
    if (this.expanding.includes(name)) throw new Unanalysable(`assignment rules for ${name} refer to each other in a cycle`);
    this.expanding.push(name);
    try {
      return this.expand(rule, bound);
    } finally {
      this.expanding.pop();
    }
  }

  private constantSymbol(name: string): RatFn {
    switch (name) {
      case "time":
        if (this.mode === "law") this.frozen.add("time");
        return ratConst(N.ZERO_N);
      case "pi":
        return ratConst(N.num(Math.PI));
      case "exponentiale":
        return ratConst(N.num(Math.E));
      case "true":
        return ratConst(N.ONE_N);
      case "false":
        return ratConst(N.ZERO_N);
      case "infinity":
        return ratConst(N.num(Infinity));
      case "notanumber":
        return ratConst(N.num(NaN));
      case "avogadro":
        return ratConst(N.parseNum("6.02214076e23")!);
      default:
        throw new Unanalysable(`the symbol ${name} is not supported`);
    }
  }

  private constant(x: Expr, bound: ReadonlyMap<string, RatFn>, what: string): Num {
    const c = ratConstant(this.expand(x, bound));
    if (!c) throw new Unanalysable(what);
    return c;
  }

  private piecewise(x: Extract<Expr, { k: "piecewise" }>, bound: ReadonlyMap<string, RatFn>): RatFn {
    for (const [value, cond] of x.pieces) {
      const c = this.constant(cond, bound, "a piecewise law whose condition depends on species");
      if (!N.isZeroN(c)) return this.expand(value, bound);
    }
    if (x.otherwise) return this.expand(x.otherwise, bound);
    throw new Unanalysable("a piecewise law with no piece that applies");
  }

  private apply(x: Extract<Expr, { k: "apply" }>, bound: ReadonlyMap<string, RatFn>): RatFn {
    if (x.call) return this.call(x, bound);
    const args = x.args;
    const arg = (i: number): RatFn => {
      const a = args[i];
      if (!a) throw new Unanalysable(`${x.op} with too few arguments`);
      return this.expand(a, bound);
    };
    switch (x.op) {
      case "plus":
        return args.map((_, i) => arg(i)).reduce(addR, ratConst(N.ZERO_N));
      case "times":
        return args.map((_, i) => arg(i)).reduce(mulR, ratConst(N.ONE_N));
      case "minus":
        return args.length === 1 ? negR(arg(0)) : addR(arg(0), negR(arg(1)));
      case "divide": {
        const q = divR(arg(0), arg(1));
        if (!q) throw new Unanalysable("a division by zero");
        return q;
      }
      case "power":
        return this.power(arg(0), args[1], bound);
      case "root": {
        const degree = x.degree ? this.constant(x.degree, bound, "a root of symbolic degree") : N.exactNum({ num: 2n, den: 1n });
        return this.power(arg(0), { k: "num", n: N.divN(N.ONE_N, degree), text: "" }, bound);
      }
    }
    const vals = args.map((a) => this.constant(a, bound, `species inside ${x.op}(…)`));
    return ratConst(applyFunction(x.op, vals, x.logbase ? this.constant(x.logbase, bound, "a symbolic log base") : undefined));
  }

  private power(base: RatFn, expo: Expr | undefined, bound: ReadonlyMap<string, RatFn>): RatFn {
    if (!expo) throw new Unanalysable("power with one argument");
    const e = this.constant(expo, bound, "a species in an exponent");
    const b = ratConstant(base);
    if (b) return ratConst(N.powN(b, e));
    const n = N.integerOf(e);
    if (n === undefined || Math.abs(n) > MAX_POWER) throw new Unanalysable("a species raised to a non-integer or symbolic power (Hill-type)");
    let out = ratConst(N.ONE_N);
    for (let i = 0; i < Math.abs(n); i++) out = mulR(out, base);
    if (n >= 0) return out;
    const inv = divR(ratConst(N.ONE_N), out);
    if (!inv) throw new Unanalysable("a division by zero");
    return inv;
  }

  private call(x: Extract<Expr, { k: "apply" }>, bound: ReadonlyMap<string, RatFn>): RatFn {
    if (x.op === "delay") throw new Unanalysable("a delay");
    if (x.op === "rateOf") throw new Unanalysable("rateOf");
    const f = this.scope.model.functions.get(x.op);
    if (!f) throw new Unanalysable(`a call of ${x.op}, which is not a function definition`);
    if (f.params.length !== x.args.length) throw new Unanalysable(`${x.op} called with ${x.args.length} arguments, defined with ${f.params.length}`);
    if (this.expanding.includes(`${x.op}()`)) throw new Unanalysable(`function ${x.op} calls itself`);
    const inner = new Map<string, RatFn>();
    f.params.forEach((p, i) => inner.set(p, this.expand(x.args[i]!, bound)));
    this.expanding.push(`${x.op}()`);
    try {
      return this.expand(f.body, inner);
    } finally {
      this.expanding.pop();
    }
  }
}

/** Functions and relations of constants, as doubles (exact only where trivially so). */
function applyFunction(op: string, v: readonly Num[], logbase?: Num): Num {
  const x = v.map((a) => a.value);
  const a = x[0] ?? NaN, b = x[1] ?? NaN;
  const bool = (t: boolean): Num => (t ? N.ONE_N : N.ZERO_N);
  const pairwise = (f: (p: number, q: number) => boolean): Num => bool(x.slice(1).every((q, i) => f(x[i]!, q)));
  switch (op) {
    case "exp": return N.num(Math.exp(a));
    case "ln": return N.num(Math.log(a));
    case "log": return N.num(Math.log(a) / Math.log(logbase?.value ?? 10));
    case "abs": return v[0] && N.signN(v[0]) < 0 ? N.negN(v[0]) : v[0] ?? N.num(NaN);
    case "floor": return N.num(Math.floor(a));
    case "ceiling": return N.num(Math.ceil(a));
    case "factorial": return N.num(factorial(a));
    case "min": return N.num(Math.min(...x));
    case "max": return N.num(Math.max(...x));
    case "quotient": return N.num(Math.trunc(a / b));
    case "rem": return N.num(a % b);
    case "sin": return N.num(Math.sin(a));
    case "cos": return N.num(Math.cos(a));
    case "tan": return N.num(Math.tan(a));
    case "arcsin": return N.num(Math.asin(a));
    case "arccos": return N.num(Math.acos(a));
    case "arctan": return N.num(Math.atan(a));
    case "sinh": return N.num(Math.sinh(a));
    case "cosh": return N.num(Math.cosh(a));
    case "tanh": return N.num(Math.tanh(a));
    case "lt": return pairwise((p, q) => p < q);
    case "gt": return pairwise((p, q) => p > q);
    case "leq": return pairwise((p, q) => p <= q);
    case "geq": return pairwise((p, q) => p >= q);
    case "eq": return pairwise((p, q) => p === q);
    case "neq": return bool(a !== b);
    case "and": return bool(x.every((p) => p !== 0));
    case "or": return bool(x.some((p) => p !== 0));
    case "xor": return bool(x.filter((p) => p !== 0).length % 2 === 1);
    case "not": return bool(a === 0);
    case "implies": return bool(a === 0 || b !== 0);
    default: throw new Unanalysable(`the function ${op} is not supported`);
  }
}

function factorial(n: number): number {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return f;
}

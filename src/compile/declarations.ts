/**
 * The declarations (`network`, `param`, `species`, `state`, `reservoir`). Names share one
 * namespace; a value may use the params declared before it.
 */
import { CODES, type DiagnosticSink, type Span } from "../diagnostics.js";
import { isExactLiteral } from "../network/rate.js";
import * as Q from "../numeric/exact/rational.js";
import type { Rational } from "../numeric/exact/rational.js";
import type { Declarator, Expr, Statement } from "../syntax/ast.js";
import type { CompileContext } from "./context.js";
import { evaluate, type Scope, type Value } from "./evaluate.js";
import { ofParam, type Sensitivity } from "./sensitivity.js";
import { NameIndex } from "./name-index.js";
import { suggest } from "./suggest.js";

export type NameKind = "param" | "species" | "state" | "reservoir";

export interface Declared {
  readonly kind: NameKind;
  readonly name: string;
  readonly span: Span;
  /** Initial amount, param value or reservoir concentration; null when none was given or it failed. */
  readonly value: number | null;
  readonly exact: Rational | null;
  /** ∂value/∂p per param p (a param's own value has 1 for itself); absent when it depends on none. */
  readonly sensitivity?: Sensitivity;
}

export interface Declarations {
  readonly title: string | null;
  /** Every declared name, in declaration order. */
  readonly names: ReadonlyMap<string, Declared>;
  readonly params: ReadonlyMap<string, Value>;
  readonly kind: "mass-action" | "markov";
  /** The scope expressions are evaluated in; `before` hides params declared at or after it. */
  scope(before?: number): Scope;
}

const WHAT: Record<NameKind, string> = { param: "a param", species: "a species", state: "a state", reservoir: "a reservoir" };

export function describeName(d: Declared): string {
  return `${WHAT[d.kind]} (declared at line ${d.span.line})`;
}

/**
 * The declarations of one file, built statement by statement as the file is read.
 *
 * A name is registered (and gets its index) where it is declared. A value is evaluated at once
 * when every name it uses is already a param with a value; otherwise it waits for `finish()`,
 * which evaluates it seeing only the params declared before it, so "declared later" can be said.
 */
export class DeclarationTable implements Declarations {
  readonly names = new Map<string, Declared>();
  readonly params = new Map<string, Value>();
  /** Species or states, and reservoirs, by name: one table the fast path also finds names in. */
  readonly nameIndex = new NameIndex();
  /** Species or states, and reservoirs, by name → index in declaration order (views of nameIndex). */
  readonly speciesIndex = this.nameIndex.species;
  readonly reservoirIndex = this.nameIndex.reservoirs;
  /** Params used by some expression, for the unused-param warning. */
  readonly used = new Set<string>();
  title: string | null = null;
  private titleSpan: Span | null = null;
  private firstState: Span | null = null;
  private firstSpecies: Span | null = null;
  private mixedReported = false;
  private readonly deferred: { declarator: Declarator; kind: NameKind }[] = [];
  /** The scope of a value that is a literal (it reads no name, only the remembered decimals). */
  private literalScope: Scope | undefined;

  /** Overrides that were applied, so the unknown ones can be reported. */
  private readonly applied = new Set<string>();

  constructor(
    private readonly sink: DiagnosticSink,
    private readonly context: CompileContext,
    private readonly overrides: ReadonlyMap<string, number> = new Map(),
  ) {}

  /** Reports overrides that named no param or reservoir (at `span`: the file has no place for them). */
  checkOverrides(span: Span): void {
    for (const name of this.overrides.keys()) {
      if (this.applied.has(name)) continue;
      const d = this.names.get(name);
      const candidates = [...this.names.values()].filter((x) => x.kind === "param" || x.kind === "reservoir").map((x) => x.name);
      const guess = suggest(name, candidates);
      const what = d ? `'${name}' is ${describeName(d)}, not a param or reservoir` : `no param or reservoir is named '${name}'`;
      this.sink.error(CODES.unknownOverride, `cannot set '${name}': ${what}${guess ? `; did you mean '${guess}'?` : ""}`, span, candidates.length ? `params and reservoirs: ${candidates.slice(0, 12).join(", ")}` : "the file declares no param or reservoir");
    }
  }

  /** Mass action or Markov: decided by the first species or state declared. */
  get kind(): "mass-action" | "markov" {
    const s = this.firstState, p = this.firstSpecies;
    return s !== null && (p === null || s.offset < p.offset) ? "markov" : "mass-action";
  }

  /** True once a species or state is declared, so the kind is known. */
  get kindKnown(): boolean {
    return this.firstState !== null || this.firstSpecies !== null;
  }

  /** A scope over the params with values; `before` hides params declared at or after an offset. */
  scope(before = Infinity): Scope {
    return {
      param: (n) => {
        const v = this.params.get(n);
        if (v === undefined || this.names.get(n)!.span.offset >= before) return undefined;
        this.used.add(n);
        return v;
      },
      describe: (n) => {
        const d = this.names.get(n);
        if (!d) return undefined;
        if (d.kind === "param" && d.span.offset >= before) return `a param declared later (line ${d.span.line}); declare it before use, so it`;
        if (d.kind === "param") return `a param whose value could not be computed (line ${d.span.line}), so it is`;
        return describeName(d);
      },
      candidates: () => [...this.params.keys()].filter((n) => this.names.get(n)!.span.offset < before),
      decimal: (text) => this.context.decimal(text),
    };
  }

  add(st: Extract<Statement, { kind: "network" | "declare" }>): void {
    if (st.kind === "network") {
      if (this.titleSpan) this.sink.error(CODES.duplicateNetwork, `a second network title; the first is at line ${this.titleSpan.line}`, st.span);
      else {
        this.title = st.title;
        this.titleSpan = st.span;
      }
      return;
    }
    const kind: NameKind = st.keyword === "chemostat" ? "reservoir" : st.keyword;
    this.checkMixed(kind, st.span);
    for (const d of st.declarators) {
      const prior = this.names.get(d.id.name);
      if (prior) {
        this.sink.error(CODES.duplicateDeclaration, `'${d.id.name}' is already declared as ${describeName(prior)}`, d.id.span);
        continue;
      }
      this.names.set(d.id.name, { kind, name: d.id.name, span: d.id.span, value: null, exact: null });
      if (kind === "species" || kind === "state") this.nameIndex.add("species", d.id.name);
      else if (kind === "reservoir") this.nameIndex.add("reservoir", d.id.name);
      if (d.value && d.value.kind !== "number" && !namesIn(d.value).every((n) => this.params.has(n))) this.deferred.push({ declarator: d, kind });
      else this.assign(d, kind, d.id.span.offset);
    }
  }

  /** Evaluates the values that waited for the whole file. */
  finish(): void {
    for (const { declarator, kind } of this.deferred) this.assign(declarator, kind, declarator.id.span.offset);
    this.deferred.length = 0;
  }

  private checkMixed(kind: NameKind, span: Span): void {
    if (kind === "state" && !this.firstState) this.firstState = span;
    if (kind === "species" && !this.firstSpecies) this.firstSpecies = span;
    if (this.mixedReported || !this.firstState || !this.firstSpecies || (kind !== "state" && kind !== "species")) return;
    const other = kind === "state" ? this.firstSpecies : this.firstState;
    this.sink.error(
      CODES.stateMixedWithSpecies,
      `a file declares either states (a Markov network) or species (mass action), not both; ${kind === "state" ? "species" : "states"} are declared at line ${other.line}`,
      span,
      "write reservoirs for concentrations held fixed; they may appear in a Markov network",
    );
    this.mixedReported = true;
  }

  private assign(d: Declarator, kind: NameKind, before: number): void {
    const name = d.id.name;
    const sink = this.sink;
    let value: Value | undefined;
    const override = kind === "param" || kind === "reservoir" ? this.overrides.get(name) : undefined;
    if (override !== undefined) {
      this.applied.add(name);
      value = { value: override, exact: exactDouble(override) };
    } else if (d.value) value = evaluate(d.value, d.value.kind === "number" ? (this.literalScope ??= this.scope(-Infinity)) : this.scope(before), sink);
    else if (kind === "param") sink.error(CODES.missingValue, `param '${name}' needs a value: param ${name} = ...`, d.id.span);
    else if (kind === "reservoir") sink.error(CODES.reservoirWithoutValue, `reservoir '${name}' needs its fixed concentration`, d.id.span, `reservoir ${name} = 1e-3`);
    if (value && (kind === "species" || kind === "state") && !(value.value >= 0)) {
      sink.error(CODES.negativeAmount, `the initial amount of '${name}' is ${value.value}; amounts are >= 0`, d.value!.span);
      value = undefined;
    }
    if (value && kind === "reservoir" && !(value.value > 0)) {
      sink.error(CODES.badReservoirValue, `reservoir '${name}' is held at ${value.value}; a reservoir's concentration must be > 0`, d.value?.span ?? d.id.span);
      value = undefined;
    }
    if (!value) return;
    if (kind === "param") value = { value: value.value, exact: value.exact, sensitivity: ofParam(name, value.sensitivity) };
    if (kind === "param") this.params.set(name, value);
    this.names.set(name, { kind, name, span: d.id.span, value: value.value, exact: value.exact, sensitivity: value.sensitivity });
  }
}

/** Every name an expression mentions (not function names). */
export function namesIn(e: Expr): string[] {
  const out: string[] = [];
  const stack: Expr[] = [e];
  while (stack.length) {
    const x = stack.pop()!;
    if (x.kind === "name") out.push(x.name);
    else if (x.kind === "unary") stack.push(x.operand);
    else if (x.kind === "binary") stack.push(x.left, x.right);
    else if (x.kind === "call") stack.push(...x.args);
  }
  return out;
}

/**
 * An override's exact value: the decimal its shortest printing shows (1.2 is 6/5, as if the file
 * said 1.2), under the literal rule of network/rate.ts (at most 15 significant digits).
 */
function exactDouble(x: number): Rational | null {
  const text = String(x);
  return Number.isFinite(x) && isExactLiteral(text) ? (Q.parseDecimal(text) ?? null) : null;
}

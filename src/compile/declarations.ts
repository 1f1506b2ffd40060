/**
 * The declarations (`network`, `param`, `species`, `state`, `reservoir`). Names share one
 * namespace; a value may use the params declared before it.
 */
import { CODES, type DiagnosticSink, type Span } from "../diagnostics.js";
import { isExactLiteral } from "../network/rate.js";
import * as Q from "../numeric/exact/rational.js";
import type { Rational } from "../numeric/exact/rational.js";
import type { Declarator, Expr, Statement } from "../syntax/ast.js";
import { declarationSpan, type DeclarationShape } from "../syntax/fast-path.js";
import type { Where } from "../syntax/visitor.js";
import type { CompileContext } from "./context.js";
import { evaluate, literalValue, type Scope, type Value } from "./evaluate.js";
import { decimal } from "./decimal.js";
import { grown } from "../numeric/grown.js";
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

/** Past this many exact values the columns keep them in a list, one slot per name. */
const MAX_FEW_EXACT = 1024;

/**
 * The species (states) or the reservoirs of a file as declared, one column per field, by their
 * index in the name table: a file of 10^5–10^6 states keeps no record, span or Map entry per name
 * (the records of `names` are made when read). `seq` is the declaration's place among all names.
 */
class DeclaredColumns {
  size = 0;
  #seq = new Int32Array(64);
  /** The span of the name: line, offset, column, length. */
  #span = new Int32Array(4 * 64);
  /** The value, NaN when none was given or it failed (a kept value is ≥ 0, never NaN). */
  #value = new Float64Array(64);
  /** 1 for a state, 0 for a species (a file that mixes them is an error, but both are kept). */
  #state = new Uint8Array(64);
  /** Exact values, null for none: a few kept by index, all in a list once there are many (a Markov file gives one, `s0 = 1`, among 10^5 states). */
  #exactFew: Map<number, Rational> | null = new Map();
  #exactAll: (Rational | null)[] | null = null;
  readonly #sensitivity = new Map<number, Sensitivity>();

  add(seq: number, line: number, offset: number, column: number, length: number, state: boolean): void {
    const i = this.size++;
    if (i >= this.#seq.length) this.#grow();
    this.#seq[i] = seq;
    const s = this.#span;
    s[4 * i] = line;
    s[4 * i + 1] = offset;
    s[4 * i + 2] = column;
    s[4 * i + 3] = length;
    this.#value[i] = NaN;
    this.#state[i] = state ? 1 : 0;
    this.#exactAll?.push(null);
  }

  set(i: number, value: Value): void {
    this.#value[i] = value.value;
    this.#setExact(i, value.exact);
    if (value.sensitivity !== undefined) this.#sensitivity.set(i, value.sensitivity);
  }

  seq(i: number): number {
    return this.#seq[i]!;
  }

  isState(i: number): boolean {
    return this.#state[i] === 1;
  }

  /** The value, or null when none was given or it failed. */
  value(i: number): number | null {
    const v = this.#value[i]!;
    return Number.isNaN(v) ? null : v;
  }

  exact(i: number): Rational | null {
    return this.#exactAll !== null ? this.#exactAll[i] ?? null : this.#exactFew!.get(i) ?? null;
  }

  #setExact(i: number, exact: Rational | null): void {
    if (this.#exactAll !== null) {
      this.#exactAll[i] = exact;
      return;
    }
    const few = this.#exactFew!;
    if (exact === null) few.delete(i);
    else few.set(i, exact);
    if (few.size <= MAX_FEW_EXACT) return;
    const all = new Array<Rational | null>(this.size).fill(null);
    for (const [k, q] of few) all[k] = q;
    this.#exactAll = all;
    this.#exactFew = null;
  }

  sensitivity(i: number): Sensitivity | undefined {
    return this.#sensitivity.get(i);
  }

  span(i: number, file: string): Span {
    const s = this.#span;
    return { file, offset: s[4 * i + 1]!, line: s[4 * i]!, column: s[4 * i + 2]!, length: s[4 * i + 3]! };
  }

  #grow(): void {
    const n = 2 * this.#seq.length;
    this.#seq = grown(this.#seq, n);
    this.#span = grown(this.#span, 4 * n);
    this.#value = grown(this.#value, n);
    this.#state = grown(this.#state, n);
  }
}

/** A param as declared, and its place among all names. */
interface ParamEntry {
  declared: Declared;
  readonly seq: number;
}

/**
 * Every declared name → its record, in declaration order: params from their Map, species (states)
 * and reservoirs from their columns, each record made when read.
 */
class DeclaredNames implements ReadonlyMap<string, Declared> {
  readonly #table: DeclarationTable;

  constructor(table: DeclarationTable) {
    this.#table = table;
  }

  get size(): number {
    return this.#table.paramEntries.size + this.#table.speciesColumns.size + this.#table.reservoirColumns.size;
  }

  get(name: string): Declared | undefined {
    const t = this.#table;
    const param = t.paramEntries.get(name);
    if (param !== undefined) return param.declared;
    const code = t.nameIndex.find(name, 0, name.length);
    if (code > 0) return t.speciesRecord(code - 1);
    if (code < 0) return t.reservoirRecord(-code - 1);
    return undefined;
  }

  has(name: string): boolean {
    return this.#table.paramEntries.has(name) || this.#table.nameIndex.find(name, 0, name.length) !== 0;
  }

  /** The three lists merged by declaration order. */
  *values(): MapIterator<Declared> {
    const t = this.#table, species = t.speciesColumns, reservoirs = t.reservoirColumns;
    const params = [...t.paramEntries.values()];
    let p = 0, s = 0, r = 0;
    for (;;) {
      const ps = p < params.length ? params[p]!.seq : Infinity;
      const ss = s < species.size ? species.seq(s) : Infinity;
      const rs = r < reservoirs.size ? reservoirs.seq(r) : Infinity;
      if (ps === Infinity && ss === Infinity && rs === Infinity) return;
      if (ps < ss && ps < rs) yield params[p++]!.declared;
      else if (ss < rs) yield t.speciesRecord(s++);
      else yield t.reservoirRecord(r++);
    }
  }

  *entries(): MapIterator<[string, Declared]> {
    for (const d of this.values()) yield [d.name, d];
  }

  *keys(): MapIterator<string> {
    for (const d of this.values()) yield d.name;
  }

  [Symbol.iterator](): MapIterator<[string, Declared]> {
    return this.entries();
  }

  forEach(f: (value: Declared, key: string, map: ReadonlyMap<string, Declared>) => void, thisArg?: unknown): void {
    for (const d of this.values()) f.call(thisArg, d, d.name, this);
  }
}

/**
 * The declarations of one file, built statement by statement as the file is read.
 *
 * A name is registered (and gets its index) where it is declared. A value is evaluated at once
 * when every name it uses is already a param with a value; otherwise it waits for `finish()`,
 * which evaluates it seeing only the params declared before it, so "declared later" can be said.
 * A plain `species`/`state` line the parser scanned into offsets is taken from them (`addLine`),
 * with the same findings as its statement would give.
 */
export class DeclarationTable implements Declarations {
  /** Every declared name, in declaration order (records made when read). */
  readonly names: ReadonlyMap<string, Declared> = new DeclaredNames(this);
  readonly params = new Map<string, Value>();
  /** Species or states, and reservoirs, by name: one table the fast path also finds names in. */
  readonly nameIndex = new NameIndex();
  /** Species or states, and reservoirs, by name → index in declaration order (views of nameIndex). */
  readonly speciesIndex = this.nameIndex.species;
  readonly reservoirIndex = this.nameIndex.reservoirs;
  /** What was declared, by kind (read through `names`, or the accessors below). */
  readonly paramEntries = new Map<string, ParamEntry>();
  readonly speciesColumns = new DeclaredColumns();
  readonly reservoirColumns = new DeclaredColumns();
  /** Params used by some expression, for the unused-param warning. */
  readonly used = new Set<string>();
  title: string | null = null;
  private seq = 0;
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
    /** The file read: the spans made from the columns are in it. */
    private readonly file: string,
    private readonly sink: DiagnosticSink,
    private readonly context: CompileContext,
    private readonly overrides: ReadonlyMap<string, number> = new Map(),
  ) {}

  /** The record of species (state) `i`. */
  speciesRecord(i: number): Declared {
    return this.record(this.speciesColumns, i, this.speciesColumns.isState(i) ? "state" : "species", this.nameIndex.speciesNames[i]!);
  }

  /** The record of reservoir `i`. */
  reservoirRecord(i: number): Declared {
    return this.record(this.reservoirColumns, i, "reservoir", this.nameIndex.reservoirNames[i]!);
  }

  /** The reservoirs' records, in declaration order. */
  reservoirs(): Declared[] {
    return Array.from({ length: this.reservoirColumns.size }, (_, i) => this.reservoirRecord(i));
  }

  /** The params' records, in declaration order. */
  paramDeclarations(): Declared[] {
    return [...this.paramEntries.values()].map((p) => p.declared);
  }

  /** Species (state) `i`'s value (null: none given, or it failed) and span, read from the columns. */
  speciesValue(i: number): number | null {
    return this.speciesColumns.value(i);
  }

  speciesSpan(i: number): Span {
    return this.speciesColumns.span(i, this.file);
  }

  private record(columns: DeclaredColumns, i: number, kind: NameKind, name: string): Declared {
    const value = columns.value(i);
    const span = columns.span(i, this.file);
    if (value === null) return { kind, name, span, value: null, exact: null };
    return { kind, name, span, value, exact: columns.exact(i), sensitivity: columns.sensitivity(i) };
  }

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
        if (v === undefined || this.paramEntries.get(n)!.declared.span.offset >= before) return undefined;
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
      candidates: () => [...this.params.keys()].filter((n) => this.paramEntries.get(n)!.declared.span.offset < before),
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
      const s = d.id.span;
      if (!this.declare(kind, d.id.name, s.line, s.offset, s.column, s.length)) continue;
      if (d.value && d.value.kind !== "number" && !namesIn(d.value).every((n) => this.params.has(n))) this.deferred.push({ declarator: d, kind });
      else this.assign(d, kind, d.id.span.offset);
    }
  }

  /**
   * A `species` or `state` line the parser scanned into `shape`, taken from its offsets: every
   * name registered and every literal value set as `add` does with the line's statement, the same
   * errors for a name declared twice. False (nothing done) for any other keyword, or a value that
   * is no finite double: the statement then goes to `add`, which words it.
   */
  addLine(line: string, w: Where, shape: DeclarationShape): boolean {
    const keyword = line.slice(shape.keywordStart, shape.keywordEnd);
    if (keyword !== "species" && keyword !== "state") return false;
    const at = shape.at;
    for (let d = 0; d < shape.count; d++) {
      const vStart = at[4 * d + 2]!;
      if (vStart >= 0 && !Number.isFinite(decimal(line, vStart, at[4 * d + 3]!))) return false;
    }
    this.checkMixed(keyword, declarationSpan(w, shape));
    const columns = this.speciesColumns;
    // the value of the literal before (a generated line writes `= 1` 10^5 times), which is immutable
    let lastText = "", lastValue: Value | undefined;
    for (let d = 0; d < shape.count; d++) {
      const o = 4 * d, start = at[o]!, end = at[o + 1]!, vStart = at[o + 2]!;
      if (!this.declare(keyword, line.slice(start, end), w.line, w.lineStart + start, start + 1, end - start)) continue;
      if (vStart < 0) continue;
      // a literal ≥ 0 (the scanner takes no sign), finite (checked above): evaluate's value of it
      const text = line.slice(vStart, at[o + 3]!);
      if (text !== lastText || lastValue === undefined) {
        lastText = text;
        lastValue = literalValue(text, (t) => this.context.decimal(t))!;
      }
      columns.set(columns.size - 1, lastValue);
    }
    return true;
  }

  /** Registers a name at its span, or reports it declared before (false). */
  private declare(kind: NameKind, name: string, line: number, offset: number, column: number, length: number): boolean {
    if (kind !== "param" && (this.paramEntries.size === 0 || !this.paramEntries.has(name))) {
      // a species, state or reservoir: registered unless the name is taken, with one hash
      const reservoir = kind === "reservoir";
      if (this.nameIndex.addIfNew(reservoir ? "reservoir" : "species", name) >= 0) {
        (reservoir ? this.reservoirColumns : this.speciesColumns).add(this.seq++, line, offset, column, length, kind === "state");
        return true;
      }
    }
    const prior = this.names.get(name), file = this.file;
    if (prior) {
      this.sink.error(CODES.duplicateDeclaration, `'${name}' is already declared as ${describeName(prior)}`, { file, offset, line, column, length });
      return false;
    }
    const seq = this.seq++;
    if (kind === "param") this.paramEntries.set(name, { declared: { kind, name, span: { file, offset, line, column, length }, value: null, exact: null }, seq });
    else if (kind === "reservoir") {
      this.nameIndex.add("reservoir", name);
      this.reservoirColumns.add(seq, line, offset, column, length, false);
    } else {
      this.nameIndex.add("species", name);
      this.speciesColumns.add(seq, line, offset, column, length, kind === "state");
    }
    return true;
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
    if (kind === "param") {
      value = { value: value.value, exact: value.exact, sensitivity: ofParam(name, value.sensitivity) };
      this.params.set(name, value);
      const entry = this.paramEntries.get(name)!;
      entry.declared = { kind, name, span: entry.declared.span, value: value.value, exact: value.exact, sensitivity: value.sensitivity };
    } else if (kind === "reservoir") this.reservoirColumns.set(this.nameIndex.reservoirs.get(name)!, value);
    else this.speciesColumns.set(this.nameIndex.species.get(name)!, value);
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

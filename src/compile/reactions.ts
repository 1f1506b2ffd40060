/**
 * Second compile phase: reactions. Resolves every name on both sides, checks arrows, rate counts
 * and rate values, and the one-state-to-one-state shape of Markov jumps.
 */
import { CODES, type DiagnosticSink, type Span } from "../diagnostics.js";
import { addTerm, ReactionRecord, sameTerms, type ReactionInput } from "../network/build.js";
import { LiteralRate } from "../network/rate.js";
import type { RateConstant, Term } from "../network/types.js";
import type { Side, Statement } from "../syntax/ast.js";
import { NO_TERMS, type CompileContext } from "./context.js";
import { describeName, type Declarations } from "./declarations.js";
import { constructedRates, type EnergyTable, type TermNames } from "./energies.js";
import { evaluate, type Scope } from "./evaluate.js";
import { LabelColumn } from "../network/label-column.js";
import { ReactionIdIndex } from "./reaction-index.js";
import { StringTable } from "./string-table.js";
import { field } from "./sensitivity.js";
import { suggest } from "./suggest.js";
import { lineSpan } from "../syntax/fast-reaction.js";
import type { Where } from "../syntax/visitor.js";

type ReactionStatement = Extract<Statement, { kind: "reaction" }>;

/** A checked reaction, as buildNetwork takes it. */
export type LoweredReaction = ReactionInput;

export interface Indices {
  readonly species: ReadonlyMap<string, number>;
  readonly reservoirs: ReadonlyMap<string, number>;
  /** The compilation's shared sides. */
  readonly context: CompileContext;
  /** Declared free energies, for reactions written `@ barrier …` (lowered once every name is known). */
  readonly energies: { readonly table: EnergyTable; names(): TermNames };
}

/** Bad arrows and what to write instead. */
function arrowFix(text: string): "->" | "<->" {
  return /<=>|<-->|<==>|⇌|↔|⇄|⟷/.test(text) ? "<->" : "->";
}

/** Gives each reaction its id (`R<n>` when unlabelled, n its 1-based position) and reports duplicates. */
export class ReactionIds {
  /** Per reaction: its label, or null for the default name `R<n>` (made when read: no string kept per reaction). */
  private readonly labelAt = new LabelColumn();
  /** Line of each reaction (a column: no object, nor even a tagged slot, per reaction). */
  private lines = new Int32Array(1024);
  /** Labels only (default names cannot collide with each other), each the first time it is met, and its position. */
  private readonly labels = new LabelPositions();

  /** Whether some id was given twice (reported as it was met). */
  private duplicates = false;

  constructor(private readonly sink: DiagnosticSink) {}

  get count(): number {
    return this.labelAt.length;
  }

  /** The id of the reaction at `position`. */
  id(position: number): string {
    return this.labelAt.at(position) ?? `R${position + 1}`;
  }

  /**
   * Reaction position by id, each id at its position. Without duplicates it reads the labels
   * held here (no Map of every id); with them, a Map in which the last wins.
   *
   *   ids.addAt("a", w1, 0, 1); ids.addAt(null, w2, 0, 10);   // `a: A -> B @ 1`, then `B -> A @ 1`
   *   ids.index().get("R2");  // 1
   */
  index(): ReadonlyMap<string, number> {
    if (!this.duplicates) return new ReactionIdIndex(this.labelAt, this.labels);
    const out = new Map<string, number>();
    for (let i = 0; i < this.count; i++) out.set(this.id(i), i);
    return out;
  }

  register(st: ReactionStatement): string {
    const position = this.labelAt.length;
    const prior = this.#register(st.label?.name ?? null, st.span.line);
    if (prior >= 0) this.#duplicate(prior, position, st.label?.span ?? st.span);
    return this.id(position);
  }

  /**
   * Registers the reaction of line `w` with `label` (null: none), read by the fast path; its
   * position. An id given before is an error at columns [start, end) of the line, whose span is
   * made only then. A default name is made only if some label could be it.
   */
  addAt(label: string | null, w: Where, start: number, end: number): number {
    const position = this.labelAt.length;
    const prior = this.#register(label, w.line);
    if (prior >= 0) this.#duplicate(prior, position, lineSpan(w, start, end));
    return position;
  }

  /** Keeps the next reaction's label and line; the position of an earlier reaction with its id, or −1 (then `#duplicate` says so). */
  #register(label: string | null, line: number): number {
    const position = this.labelAt.length;
    this.labelAt.push(label);
    if (position === this.lines.length) {
      const grown = new Int32Array(2 * position);
      grown.set(this.lines);
      this.lines = grown;
    }
    this.lines[position] = line;
    // a default name is only ever the n-th's, so only an earlier label can have it
    if (label === null) return this.labels.size === 0 ? -1 : (this.labels.get(`R${position + 1}`) ?? -1);
    const labelled = this.labels.size === 0 ? undefined : this.labels.get(label);
    // the first reaction with a label keeps it (one lookup, and a store only when it is new)
    if (labelled === undefined) this.labels.add(label, position);
    return labelled ?? this.defaultNamed(label, position);
  }

  #duplicate(prior: number, position: number, where: Span): void {
    this.duplicates = true;
    const at = this.lines[prior];
    const what = this.labelAt.at(prior) !== null ? `the label of line ${at}` : `the default name of the reaction at line ${at}`;
    this.sink.error(CODES.duplicateLabel, `reaction label '${this.id(position)}' is already ${what}`, where, "labels must be unique");
  }

  /** The earlier unlabelled reaction whose default name is `label`, or -1 (a default name `R<n>` is only ever the n-th's). */
  private defaultNamed(label: string, position: number): number {
    const m = label.charCodeAt(0) === 82 ? /^R([1-9][0-9]*)$/.exec(label) : null; // only `R<n>` can be a default name
    const k = m ? Number(m[1]) - 1 : -1;
    return k >= 0 && k < position && this.labelAt.at(k) === null ? k : -1;
  }
}

/** Written labels → the position of the first reaction with each (a StringTable, not a Map of 10^5 labels). */
class LabelPositions {
  readonly #table = new StringTable();
  readonly #position: number[] = [];

  get size(): number {
    return this.#table.size;
  }

  get(label: string): number | undefined {
    const i = this.#table.find(label, 0, label.length);
    return i < 0 ? undefined : this.#position[i];
  }

  /** Keeps a label not kept before, at `position`. */
  add(label: string, position: number): void {
    this.#position[this.#table.add(label)] = position;
  }
}

/** `suggest` off skips "did you mean" (a first try that may be retried once all names are known). */
export function lowerReaction(st: ReactionStatement, id: string, decls: Declarations, idx: Indices, sink: DiagnosticSink, suggest = true): LoweredReaction | null {
  const before = sink.items.length;
  let twoWay = st.arrow.text === "<->";
  if (st.arrow.text !== "->" && st.arrow.text !== "<->") {
    const fix = arrowFix(st.arrow.text);
    const hint = st.arrow.text.startsWith("<") && fix === "->" ? "write the reaction the other way round with '->'" : `write '${fix}'`;
    sink.error(CODES.badArrow, `'${st.arrow.text}' is not an arrow; use '->' (one-way) or '<->' (two-way)`, st.arrow.span, hint);
    twoWay = fix === "<->";
  }
  const lhs = lowerSide(st.lhs, decls, idx, sink, suggest);
  const rhs = lowerSide(st.rhs, decls, idx, sink, suggest);
  const rates = st.thermo !== undefined && st.thermo.length > 0
    ? (lhs && rhs ? constructedRates(st, twoWay, { lhs, rhs }, idx.energies.table, idx.energies.names(), decls, sink) : null)
    : lowerRates(st, twoWay, decls, sink);
  if (sink.items.length > before && sink.items.slice(before).some((d) => d.severity === "error")) return null;
  if (!lhs || !rhs || !rates) return null;

  if (sameTerms(lhs.internal, rhs.internal) && sameTerms(lhs.reservoir, rhs.reservoir)) {
    const what = lhs.internal.length + lhs.reservoir.length === 0 ? "turns nothing into nothing" : "has the same species on both sides, so it changes nothing";
    sink.error(CODES.emptyReaction, `this reaction ${what}`, st.span);
    return null;
  }
  if (decls.kind === "markov" && !checkMarkov(st, lhs.internal, rhs.internal, sink)) return null;
  if (decls.kind === "mass-action" && sameTerms(lhs.internal, rhs.internal)) {
    sink.warning(
      CODES.reservoirOnlyReaction,
      "this reaction changes no internal species; it only converts reservoirs (it still carries flux and produces entropy)",
      st.span,
    );
  }
  const equation = `${sideText(st.lhs)} ${twoWay ? "<->" : "->"} ${sideText(st.rhs)}`;
  return new ReactionRecord(id, st.label !== null, lhs.internal, rhs.internal, lhs.reservoir, rhs.reservoir, rates[0], rates[1], equation, st.span);

}

function checkMarkov(st: ReactionStatement, lhs: readonly Term[], rhs: readonly Term[], sink: DiagnosticSink): boolean {
  for (const [side, terms] of [[st.lhs, lhs], [st.rhs, rhs]] as const) {
    if (terms.length !== 1 || terms[0]?.coefficient !== 1) {
      sink.error(
        CODES.markovNotOneToOne,
        "in a Markov network every reaction is a jump from one state to one state: exactly one state, with coefficient 1, on each side",
        side.span,
        "reservoirs may appear too: E + ATP -> EATP @ k",
      );
      return false;
    }
  }
  if (lhs[0]?.index === rhs[0]?.index) {
    sink.error(CODES.markovSelfLoop, "this jump does not change the state", st.span);
    return false;
  }
  return true;
}

function lowerSide(side: Side, decls: Declarations, idx: Indices, sink: DiagnosticSink, suggestNames: boolean): { internal: Term[]; reservoir: Term[] } | null {
  if (side.stray) {
    sink.error(CODES.badCoefficient, `'${side.stray.text}' has no species; 0 (the empty complex) stands alone, and a coefficient goes before its species`, side.stray.span, "write 2 A, or 0 alone");
    return null;
  }
  if (side.zero) return { internal: NO_TERMS, reservoir: NO_TERMS };
  const internal: Term[] = [];
  const reservoir: Term[] = [];
  let ok = true;
  for (const t of side.terms) {
    let coefficient = 1;
    if (t.coefficient) {
      if (!/^\d+$/.test(t.coefficient.text) || Number(t.coefficient.text) < 1 || !Number.isSafeInteger(Number(t.coefficient.text))) {
        sink.error(CODES.badCoefficient, `a coefficient is a positive whole number, not ${t.coefficient.text}`, t.coefficient.span);
        ok = false;
        continue;
      }
      coefficient = Number(t.coefficient.text);
    }
    const name = t.species.name;
    const s = idx.species.get(name);
    const r = idx.reservoirs.get(name);
    if (s !== undefined) addTerm(internal, s, coefficient);
    else if (r !== undefined) addTerm(reservoir, r, coefficient);
    else {
      ok = false;
      const d = decls.names.get(name);
      if (d) sink.error(CODES.unknownSpecies, `'${name}' is ${describeName(d)}; only species, states and reservoirs take part in reactions`, t.species.span);
      else {
        const guess = suggestNames ? suggest(name, [...decls.names.values()].filter((n) => n.kind !== "param").map((n) => n.name)) : undefined;
        const what = decls.kind === "markov" ? "state" : "species";
        sink.error(
          CODES.unknownSpecies,
          `unknown ${what} '${name}'${guess ? `; did you mean '${guess}'?` : ""}`,
          t.species.span,
          guess ? undefined : `declare it: ${what} ${name}`,
        );
      }
    }
  }
  if (!ok) return null;
  return { internal: idx.context.side(internal), reservoir: idx.context.side(reservoir) };
}

function lowerRates(st: ReactionStatement, twoWay: boolean, decls: Declarations, sink: DiagnosticSink): [RateConstant, RateConstant | null] | null {
  const want = twoWay ? 2 : 1;
  if (st.rates.length !== want) {
    const arrow = twoWay ? "'<->' takes two rate constants, forward then reverse" : "'->' takes one rate constant";
    const where = st.rates[want]?.span ?? st.at;
    sink.error(CODES.wrongRateCount, `${arrow}; found ${st.rates.length}`, where, twoWay ? "A <-> B @ kf, kr" : "A -> B @ k");
    return null;
  }
  let scope: Scope | undefined; // made only for a rate that is not a plain literal
  const out: RateConstant[] = [];
  for (const e of st.rates) {
    // a plain literal (most rates of a large file) keeps its exact value for later
    if (e.kind === "number") {
      const literal = Number(e.text);
      if (literal > 0 && Number.isFinite(literal)) {
        out.push(new LiteralRate(literal, e.text, e.span));
        continue;
      }
    }
    const v = evaluate(e, (scope ??= decls.scope()), sink);
    if (!v) return null;
    if (!(v.value > 0) || !Number.isFinite(v.value)) {
      sink.error(CODES.badRateConstant, `a rate constant must be a finite number > 0; this one is ${v.value}`, e.span, "leave a direction out with '->' instead of a zero rate");
      return null;
    }
    out.push({ value: v.value, exact: v.exact, ...field(v.sensitivity), span: e.span });
  }
  const [forward, reverse] = out;
  return forward ? [forward, reverse ?? null] : null;
}

function sideText(side: Side): string {
  if (side.terms.length === 0) return "0";
  return side.terms.map((t) => (t.coefficient && t.coefficient.text !== "1" ? `${t.coefficient.text} ${t.species.name}` : t.species.name)).join(" + ");
}

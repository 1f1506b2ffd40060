/**
 * A plain reaction line lowered straight from its scanned shape (syntax/fast-reaction.ts), with
 * no AST in between: almost every line of a large generated file. Only a reaction that lowers
 * without a word to say is taken; anything lowerReaction would report (an unknown or undeclared
 * name, a bad coefficient, a rate count or value it rejects, a reaction that changes nothing, a
 * Markov jump that is not one state to one, a reservoir-only reaction) makes lowerShape return
 * null, and the line goes the ordinary way, which words it. So the diagnostics are the ordinary
 * path's by construction, and the lowered reaction is the one lowerReaction builds.
 */
import type { Span } from "../diagnostics.js";
import { addTerm, ReactionRecord, sameTerms } from "../network/build.js";
import { LiteralRate } from "../network/rate.js";
import type { RateConstant, Term } from "../network/types.js";
import { lineSpan, MAX_SIDE_TERMS, type ReactionShape } from "../syntax/fast-reaction.js";
import type { Where } from "../syntax/visitor.js";
import { NO_TERMS } from "./context.js";
import type { DeclarationTable } from "./declarations.js";
import type { Indices, LoweredReaction, ReactionIds } from "./reactions.js";
import { field } from "./sensitivity.js";

/**
 * Species and reservoirs by name, looked up on the characters of a line without slicing a string
 * out of it (a Map lookup would need one per term): open addressing on a hash of the characters,
 * checked against the name. It follows the declarations as they grow.
 */
export class NameTable {
  /** Per slot: i + 1 for species i, −(i + 1) for reservoir i, 0 when empty; at most half full. */
  #slots = new Int32Array(1024);
  #filled = 0;
  #species = 0;
  #reservoirs = 0;

  constructor(private readonly decls: DeclarationTable) {}

  /** i + 1 for species i, −(i + 1) for reservoir i, 0 when `t[start, end)` names neither. */
  find(t: string, start: number, end: number): number {
    this.#sync();
    const mask = this.#slots.length - 1;
    for (let h = hash(t, start, end) & mask; ; h = (h + 1) & mask) {
      const code = this.#slots[h]!;
      if (code === 0) return 0;
      const name = this.#name(code);
      if (name.length === end - start && t.startsWith(name, start)) return code;
    }
  }

  #name(code: number): string {
    return (code > 0 ? this.decls.speciesNames[code - 1] : this.decls.reservoirNames[-code - 1]) ?? "";
  }

  #sync(): void {
    const { speciesNames, reservoirNames } = this.decls;
    while (this.#species < speciesNames.length) this.#insert(++this.#species);
    while (this.#reservoirs < reservoirNames.length) this.#insert(-++this.#reservoirs);
  }

  #insert(code: number): void {
    if (2 * (this.#filled + 1) > this.#slots.length) this.#grow();
    const mask = this.#slots.length - 1;
    const name = this.#name(code);
    let h = hash(name, 0, name.length) & mask;
    while (this.#slots[h] !== 0) h = (h + 1) & mask;
    this.#slots[h] = code;
    this.#filled++;
  }

  #grow(): void {
    const old = this.#slots;
    this.#slots = new Int32Array(old.length * 2);
    const mask = this.#slots.length - 1;
    for (const code of old) {
      if (code === 0) continue;
      const name = this.#name(code);
      let h = hash(name, 0, name.length) & mask;
      while (this.#slots[h] !== 0) h = (h + 1) & mask;
      this.#slots[h] = code;
    }
  }
}

/** A 32-bit FNV-1a hash of the characters t[start, end). */
function hash(t: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

/** One side's internal and reservoir terms, sorted by index, as lowerSide gives them. */
interface Sides {
  internal: readonly Term[];
  reservoir: readonly Term[];
}

/**
 * The reaction `shape` describes in `line`, registered with `ids`, or null (registering nothing)
 * when the ordinary path must lower it because something would be reported.
 */
export function lowerShape(line: string, w: Where, shape: ReactionShape, decls: DeclarationTable, idx: Indices, ids: ReactionIds, names: NameTable): LoweredReaction | null {
  const lhs = lowerSide(line, shape, 0, idx, names);
  if (lhs === null) return null;
  const rhs = lowerSide(line, shape, 1, idx, names);
  if (rhs === null) return null;
  // the reaction's span first: the literal rates place themselves by it (no Where kept per line)
  const span = lineSpan(w, shape.start, shape.end);
  const rates = lowerRates(line, w, span, shape, decls);
  if (rates === null) return null;
  const sameInternal = sameTerms(lhs.internal, rhs.internal);
  if (sameInternal && sameTerms(lhs.reservoir, rhs.reservoir)) return null; // changes nothing: an error
  if (decls.kind === "markov") {
    const [a] = lhs.internal, [b] = rhs.internal;
    if (lhs.internal.length !== 1 || rhs.internal.length !== 1 || a?.coefficient !== 1 || b?.coefficient !== 1 || a.index === b.index) return null;
  } else if (sameInternal) return null; // a reservoir-only reaction: a warning
  const labelled = shape.labelStart >= 0;
  const id = ids.add(labelled ? line.slice(shape.labelStart, shape.labelEnd) : null, w.line, () => (labelled ? lineSpan(w, shape.labelStart, shape.labelEnd) : lineSpan(w, shape.start, shape.end)));
  return new ReactionRecord(id, labelled, lhs.internal, rhs.internal, lhs.reservoir, rhs.reservoir, rates[0], rates[1], equation(line, shape), span);
}

function lowerSide(line: string, shape: ReactionShape, side: 0 | 1, idx: Indices, names: NameTable): Sides | null {
  const n = shape.sides[side * 4 + 3]!;
  if (n === 0) return { internal: NO_TERMS, reservoir: NO_TERMS }; // `0`
  let internal: Term[] | null = null, reservoir: Term[] | null = null;
  for (let j = 0; j < n; j++) {
    const at = (side * MAX_SIDE_TERMS + j) * 4;
    const cStart = shape.terms[at]!, cEnd = shape.terms[at + 1]!;
    // the scanner took digits only; lowerSide also wants ≥ 1 and a safe integer
    const coefficient = cStart < 0 ? 1 : Number(line.slice(cStart, cEnd));
    if (!(coefficient >= 1) || !Number.isSafeInteger(coefficient)) return null;
    const code = names.find(line, shape.terms[at + 2]!, shape.terms[at + 3]!);
    if (code > 0) {
      if (n === 1 && coefficient === 1) return { internal: idx.context.single(code - 1), reservoir: NO_TERMS };
      addTerm((internal ??= []), code - 1, coefficient);
      continue;
    }
    if (code === 0) return null; // unknown, or declared later, or not a species: the ordinary path says which
    addTerm((reservoir ??= []), -code - 1, coefficient);
  }
  return { internal: internal ? idx.context.side(internal) : NO_TERMS, reservoir: reservoir ? idx.context.side(reservoir) : NO_TERMS };
}

/** Literal rates > 0 and params with values > 0, as many as the arrow takes; else null. */
function lowerRates(line: string, w: Where, at: Span, shape: ReactionShape, decls: DeclarationTable): [RateConstant, RateConstant | null] | null {
  const want = shape.twoWay ? 2 : 1;
  if (shape.rateCount !== want) return null;
  const forward = rate(line, w, at, shape, 0, decls);
  if (forward === null) return null;
  if (want === 1) return [forward, null];
  const reverse = rate(line, w, at, shape, 1, decls);
  return reverse === null ? null : [forward, reverse];
}

/** Rate `i` of the line; a literal is placed by `at`, the reaction's span on the same line. */
function rate(line: string, w: Where, at: Span, shape: ReactionShape, i: number, decls: DeclarationTable): RateConstant | null {
  const start = shape.rates[3 * i]!, end = shape.rates[3 * i + 1]!;
  const text = line.slice(start, end);
  if (shape.rates[3 * i + 2] === 1) {
    const literal = Number(text);
    return literal > 0 && Number.isFinite(literal) ? LiteralRate.at(literal, text, at, start) : null;
  }
  const v = decls.params.get(text);
  if (v === undefined) return null;
  decls.used.add(text);
  if (!(v.value > 0) || !Number.isFinite(v.value)) return null;
  return { value: v.value, exact: v.exact, ...field(v.sensitivity), span: lineSpan(w, start, end) };
}

/**
 * `A + 2 B <-> C`: the terms as written, one space around each '+' and the arrow, no coefficient
 * 1. When the line already reads so, the equation is that stretch of it (no string is built).
 */
function equation(line: string, shape: ReactionShape): string {
  const arrow = shape.twoWay ? "<->" : "->";
  const lhsEnd = shape.sides[1]!, rhsStart = shape.sides[4]!;
  if (canonical(line, shape, 0) && canonical(line, shape, 1) && line.startsWith(` ${arrow} `, lhsEnd) && lhsEnd + arrow.length + 2 === rhsStart) {
    return line.slice(shape.sides[0]!, shape.sides[5]!);
  }
  return `${sideText(line, shape, 0)} ${arrow} ${sideText(line, shape, 1)}`;
}

/** Whether side `side` is written as sideText writes it. */
function canonical(line: string, shape: ReactionShape, side: 0 | 1): boolean {
  const n = shape.sides[side * 4 + 3]!;
  for (let j = 0; j < n; j++) {
    const at = (side * MAX_SIDE_TERMS + j) * 4;
    const cStart = shape.terms[at]!, cEnd = shape.terms[at + 1]!, nStart = shape.terms[at + 2]!;
    if (cStart >= 0 && (cEnd + 1 !== nStart || line.charCodeAt(cEnd) !== 32 || (cEnd === cStart + 1 && line.charCodeAt(cStart) === 49))) return false;
    if (j + 1 < n) {
      const next = shape.terms[at + 4]! >= 0 ? shape.terms[at + 4]! : shape.terms[at + 6]!;
      if (next !== shape.terms[at + 3]! + 3 || !line.startsWith(" + ", shape.terms[at + 3]!)) return false;
    }
  }
  return true;
}

function sideText(line: string, shape: ReactionShape, side: 0 | 1): string {
  const n = shape.sides[side * 4 + 3]!;
  if (n === 0) return "0";
  let out = "";
  for (let j = 0; j < n; j++) {
    const at = (side * MAX_SIDE_TERMS + j) * 4;
    const cStart = shape.terms[at]!, cEnd = shape.terms[at + 1]!;
    const name = line.slice(shape.terms[at + 2]!, shape.terms[at + 3]!);
    const coefficient = cStart >= 0 ? line.slice(cStart, cEnd) : "1";
    if (j > 0) out += " + ";
    out += coefficient !== "1" ? `${coefficient} ${name}` : name;
  }
  return out;
}

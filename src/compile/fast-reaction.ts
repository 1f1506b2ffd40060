/**
 * A plain reaction line lowered straight from its scanned shape (syntax/fast-reaction.ts), with
 * no AST in between: almost every line of a large generated file. Only a reaction that lowers
 * without a word to say is taken; anything lowerReaction would report (an unknown or undeclared
 * name, a bad coefficient, a rate count or value it rejects, a reaction that changes nothing, a
 * Markov jump that is not one state to one, a reservoir-only reaction) makes lowerShape return
 * −1, and the line goes the ordinary way, which words it. So the diagnostics are the ordinary
 * path's by construction, and the lowered reaction reads as the one lowerReaction builds.
 */
import { isSingle, NO_SIDE, PackedStore, singleSide, type LineParts, type SideCode } from "../network/packed.js";
import type { RateConstant } from "../network/types.js";
import { MAX_EXACT_SIGNIFICANT_DIGITS } from "../network/rate.js";
import { lineSpan, MAX_SIDE_TERMS, ReactionShape, scanReaction } from "../syntax/fast-reaction.js";
import type { Where } from "../syntax/visitor.js";
import type { DeclarationTable } from "./declarations.js";
import type { NameIndex } from "./name-index.js";
import { readDecimal, type DecimalRead } from "./decimal.js";
import type { ReactionIds } from "./reactions.js";
import { field } from "./sensitivity.js";

const INTERNAL = 0, RESERVOIR = 1;

/**
 * What lowering one line writes and reads back at once, kept by the compilation and reused line
 * after line (as the parser's ReactionShape is), so nothing is made per line but the reaction.
 */
export class LineScratch {
  /** Per side s the internal and the reservoir terms as SideCodes of the store, at 2s and 2s + 1. */
  readonly sides = new Int32Array(4);
  /** The internal and the reservoir terms of the side being lowered. */
  readonly internal = new SideTerms();
  readonly reservoir = new SideTerms();
  readonly forward = new LoweredRate();
  readonly reverse = new LoweredRate();
}

/**
 * The reaction `shape` describes in `line`, registered with `ids` and kept in `store`: its slot
 * there (no object is made for it: network/reaction-reader.ts), or −1 (registering nothing) when
 * the ordinary path must lower it because something would be reported.
 */
export function lowerShape(line: string, w: Where, shape: ReactionShape, decls: DeclarationTable, ids: ReactionIds, names: NameIndex, store: PackedStore, scratch: LineScratch): number {
  const sides = scratch.sides;
  if (!lowerSide(line, shape, 0, names, store, scratch) || !lowerSide(line, shape, 1, names, store, scratch)) return -1;
  const lhsInternal = sides[INTERNAL]!, lhsReservoir = sides[RESERVOIR]!, rhsInternal = sides[2 + INTERNAL]!, rhsReservoir = sides[2 + RESERVOIR]!;
  const twoWay = shape.twoWay;
  if (shape.rateCount !== (twoWay ? 2 : 1)) return -1;
  const { forward, reverse } = scratch;
  if (!rate(line, w, shape, 0, decls, forward)) return -1;
  if (twoWay && !rate(line, w, shape, 1, decls, reverse)) return -1;
  const sameInternal = sameSide(store, lhsInternal, rhsInternal);
  if (sameInternal && sameSide(store, lhsReservoir, rhsReservoir)) return -1; // changes nothing: an error
  if (decls.kind === "markov") {
    // a jump is one state once to another
    if (!isSingle(lhsInternal) || !isSingle(rhsInternal) || lhsInternal === rhsInternal) return -1;
  } else if (sameInternal) return -1; // a reservoir-only reaction: a warning
  const labelled = shape.labelStart >= 0;
  const label = labelled ? line.slice(shape.labelStart, shape.labelEnd) : null;
  ids.addAt(label, w, labelled ? shape.labelStart : shape.start, labelled ? shape.labelEnd : shape.end);
  const slot = store.add(w.line, w.lineStart, label, lhsInternal, rhsInternal, lhsReservoir, rhsReservoir);
  store.rates(slot, forward.value, forward.rational, twoWay ? reverse.value : NaN, twoWay && reverse.rational);
  const equation = isCanonical(line, shape) ? null : `${sideText(line, shape, 0)} ${twoWay ? "<->" : "->"} ${sideText(line, shape, 1)}`;
  const reverseObject = twoWay ? reverse.object : null;
  if (forward.object !== null || reverseObject !== null || equation !== null) store.keep(slot, { forward: forward.object, reverse: reverseObject, equation });
  return slot;
}

/** Whether two side codes are the same multiset (a pooled list is compared term by term). */
function sameSide(store: PackedStore, a: SideCode, b: SideCode): boolean {
  return a === b || (a >= 0 && b >= 0 && store.samePooled(a, b));
}

/** Lowers side `side` into `sides` (its internal and reservoir codes); false when the ordinary path must. */
function lowerSide(line: string, shape: ReactionShape, side: 0 | 1, names: NameIndex, store: PackedStore, scratch: LineScratch): boolean {
  const sides = scratch.sides;
  const n = shape.sides[side * 4 + 3]!;
  sides[2 * side + INTERNAL] = NO_SIDE;
  sides[2 * side + RESERVOIR] = NO_SIDE;
  if (n === 0) return true; // `0`
  const internal = scratch.internal, reservoir = scratch.reservoir;
  internal.n = reservoir.n = 0;
  for (let j = 0; j < n; j++) {
    const at = (side * MAX_SIDE_TERMS + j) * 4;
    const cStart = shape.terms[at]!, cEnd = shape.terms[at + 1]!;
    // the scanner took digits only; lowerSide also wants ≥ 1 and a safe integer
    const coefficient = cStart < 0 ? 1 : digits(line, cStart, cEnd);
    if (!(coefficient >= 1) || !Number.isSafeInteger(coefficient)) return false;
    const code = names.find(line, shape.terms[at + 2]!, shape.terms[at + 3]!);
    if (code > 0) {
      if (n === 1 && coefficient === 1) {
        sides[2 * side + INTERNAL] = singleSide(code - 1);
        return true;
      }
      internal.add(code - 1, coefficient);
      continue;
    }
    if (code === 0) return false; // unknown, or declared later, or not a species: the ordinary path says which
    reservoir.add(-code - 1, coefficient);
  }
  sides[2 * side + INTERNAL] = internal.code(store);
  sides[2 * side + RESERVOIR] = reservoir.code(store);
  return true;
}

/** The decimal digits t[start, end) as a number (the scanner took digits only); past 15 digits by Number(), which isSafeInteger then judges. */
function digits(t: string, start: number, end: number): number {
  if (end - start > 15) return Number(t.slice(start, end));
  let v = 0;
  for (let i = start; i < end; i++) v = 10 * v + (t.charCodeAt(i) - 48);
  return v;
}

/**
 * One side's internal (or reservoir) terms as lowerSide gathers them: species indices kept sorted
 * with their coefficients, a species met again adding to its coefficient (addTerm's rule, in
 * typed arrays reused line after line), handed to the store as a side code.
 */
class SideTerms {
  readonly index = new Int32Array(MAX_SIDE_TERMS);
  readonly coefficient = new Float64Array(MAX_SIDE_TERMS);
  n = 0;

  add(index: number, coefficient: number): void {
    const ix = this.index, cs = this.coefficient;
    let i = 0;
    while (i < this.n && ix[i]! < index) i++;
    if (i < this.n && ix[i] === index) {
      cs[i] = cs[i]! + coefficient;
      return;
    }
    ix.copyWithin(i + 1, i, this.n);
    cs.copyWithin(i + 1, i, this.n);
    ix[i] = index;
    cs[i] = coefficient;
    this.n++;
  }

  /** The side code of these terms: none, one species once, or a list the store keeps. */
  code(store: PackedStore): SideCode {
    if (this.n === 0) return NO_SIDE;
    if (this.n === 1 && this.coefficient[0] === 1) return singleSide(this.index[0]!);
    return store.pool(this.index, this.coefficient, this.n);
  }
}

/** A rate's value and, for a literal, whether it is an exact rational; its object when it is a param. */
class LoweredRate {
  /** Scratch for reading its literal. */
  readonly read: DecimalRead = { value: 0, significant: 0 };
  value = NaN;
  rational = false;
  object: RateConstant | null = null;
}

/** Rate `i` of the line into `into`: a literal > 0, or a param with a value > 0; else false. */
function rate(line: string, w: Where, shape: ReactionShape, i: number, decls: DeclarationTable, into: LoweredRate): boolean {
  const start = shape.rates[3 * i]!, end = shape.rates[3 * i + 1]!;
  if (shape.rates[3 * i + 2] === 1) {
    // read with the shape when a prescan thread scanned the line (compile/prescan.ts)
    const read = shape.read ? null : readDecimal(line, start, end, into.read);
    const literal = read === null ? shape.values[i]! : read.value;
    if (!(literal > 0) || !Number.isFinite(literal)) return false;
    into.value = literal;
    into.rational = (read === null ? shape.significant[i]! : read.significant) <= MAX_EXACT_SIGNIFICANT_DIGITS;
    into.object = null;
    return true;
  }
  const text = line.slice(start, end);
  const v = decls.params.get(text);
  if (v === undefined) return false;
  decls.used.add(text);
  if (!(v.value > 0) || !Number.isFinite(v.value)) return false;
  into.value = v.value;
  into.rational = v.exact !== null;
  into.object = { value: v.value, exact: v.exact, ...field(v.sensitivity), span: lineSpan(w, start, end) };
  return true;
}

/** Whether the line already reads as `equation` would write it: then the equation is that stretch. */
function isCanonical(line: string, shape: ReactionShape): boolean {
  const arrow = shape.twoWay ? " <-> " : " -> ";
  const lhsEnd = shape.sides[1]!, rhsStart = shape.sides[4]!;
  return canonical(line, shape, 0) && canonical(line, shape, 1) && line.startsWith(arrow, lhsEnd) && lhsEnd + arrow.length === rhsStart;
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

/**
 * What a PackedStore asks of a line it keeps only the start of: the columns of the reaction's
 * parts, found by scanning the line again as the parser first did (one scratch shape per store).
 */
export function lineLocator(): (line: string) => LineParts {
  const shape = new ReactionShape();
  return (line) => {
    if (!scanReaction(line, shape)) throw new Error(`internal error: a packed reaction's line no longer scans as one: ${line}`);
    const two = shape.rateCount > 1;
    return {
      start: shape.start, end: shape.end, equationStart: shape.sides[0]!, equationEnd: shape.sides[5]!,
      forwardStart: shape.rates[0]!, forwardEnd: shape.rates[1]!, reverseStart: two ? shape.rates[3]! : -1, reverseEnd: two ? shape.rates[4]! : -1,
    };
  };
}

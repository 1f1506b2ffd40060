/**
 * A plain reaction line lowered straight from its scanned shape (syntax/fast-reaction.ts), with
 * no AST in between: almost every line of a large generated file. Only a reaction that lowers
 * without a word to say is taken; anything lowerReaction would report (an unknown or undeclared
 * name, a bad coefficient, a rate count or value it rejects, a reaction that changes nothing, a
 * Markov jump that is not one state to one, a reservoir-only reaction) makes lowerShape return
 * null, and the line goes the ordinary way, which words it. So the diagnostics are the ordinary
 * path's by construction, and the lowered reaction is the one lowerReaction builds.
 */
import { addTerm, sameTerms } from "../network/build.js";
import { isSingle, NO_SIDE, PackedReaction, PackedStore, singleSide, type LineParts, type SideCode } from "../network/packed.js";
import type { RateConstant, Term } from "../network/types.js";
import { MAX_EXACT_SIGNIFICANT_DIGITS, significantDigits } from "../network/rate.js";
import { lineSpan, MAX_SIDE_TERMS, ReactionShape, scanReaction } from "../syntax/fast-reaction.js";
import type { Where } from "../syntax/visitor.js";
import type { DeclarationTable } from "./declarations.js";
import type { NameIndex } from "./name-index.js";
import type { ReactionIds } from "./reactions.js";
import { field } from "./sensitivity.js";

/** One side's internal and reservoir terms, each as a SideCode of the store (network/packed.ts). */
interface Sides {
  internal: SideCode;
  reservoir: SideCode;
}

const NONE: Sides = { internal: NO_SIDE, reservoir: NO_SIDE };

/**
 * The reaction `shape` describes in `line`, registered with `ids` and kept in `store`, or null
 * (registering nothing) when the ordinary path must lower it because something would be reported.
 */
export function lowerShape(line: string, w: Where, shape: ReactionShape, decls: DeclarationTable, ids: ReactionIds, names: NameIndex, store: PackedStore): PackedReaction | null {
  const lhs = lowerSide(line, shape, 0, names, store);
  if (lhs === null) return null;
  const rhs = lowerSide(line, shape, 1, names, store);
  if (rhs === null) return null;
  const twoWay = shape.twoWay;
  if (shape.rateCount !== (twoWay ? 2 : 1)) return null;
  const forward = rate(line, w, shape, 0, decls);
  if (forward === null) return null;
  const reverse = twoWay ? rate(line, w, shape, 1, decls) : null;
  if (twoWay && reverse === null) return null;
  const sameInternal = sameSide(store, lhs.internal, rhs.internal);
  if (sameInternal && sameSide(store, lhs.reservoir, rhs.reservoir)) return null; // changes nothing: an error
  if (decls.kind === "markov") {
    // a jump is one state once to another
    if (!isSingle(lhs.internal) || !isSingle(rhs.internal) || lhs.internal === rhs.internal) return null;
  } else if (sameInternal) return null; // a reservoir-only reaction: a warning
  const labelled = shape.labelStart >= 0;
  const id = ids.add(labelled ? line.slice(shape.labelStart, shape.labelEnd) : null, w.line, () => (labelled ? lineSpan(w, shape.labelStart, shape.labelEnd) : lineSpan(w, shape.start, shape.end)));
  const canonicalEquation = isCanonical(line, shape);
  const slot = store.add({
    line: w.line, lineStart: w.lineStart,
    equation: canonicalEquation ? null : `${sideText(line, shape, 0)} ${twoWay ? "<->" : "->"} ${sideText(line, shape, 1)}`,
    forward: forward.value, forwardRational: forward.rational, forwardObject: forward.object,
    reverse: reverse === null ? NaN : reverse.value, reverseRational: reverse !== null && reverse.rational, reverseObject: reverse?.object ?? null,
    reactants: lhs.internal, products: rhs.internal, reservoirReactants: lhs.reservoir, reservoirProducts: rhs.reservoir,
  });
  return new PackedReaction(store, slot, labelled ? id : null);
}

/** Whether two side codes are the same multiset (a pooled list is compared term by term). */
function sameSide(store: PackedStore, a: SideCode, b: SideCode): boolean {
  return a === b || (a >= 0 && b >= 0 && sameTerms(store.side(a), store.side(b)));
}

function lowerSide(line: string, shape: ReactionShape, side: 0 | 1, names: NameIndex, store: PackedStore): Sides | null {
  const n = shape.sides[side * 4 + 3]!;
  if (n === 0) return NONE; // `0`
  let internal: Term[] | null = null, reservoir: Term[] | null = null;
  for (let j = 0; j < n; j++) {
    const at = (side * MAX_SIDE_TERMS + j) * 4;
    const cStart = shape.terms[at]!, cEnd = shape.terms[at + 1]!;
    // the scanner took digits only; lowerSide also wants ≥ 1 and a safe integer
    const coefficient = cStart < 0 ? 1 : digits(line, cStart, cEnd);
    if (!(coefficient >= 1) || !Number.isSafeInteger(coefficient)) return null;
    const code = names.find(line, shape.terms[at + 2]!, shape.terms[at + 3]!);
    if (code > 0) {
      if (n === 1 && coefficient === 1) return { internal: singleSide(code - 1), reservoir: NO_SIDE };
      addTerm((internal ??= []), code - 1, coefficient);
      continue;
    }
    if (code === 0) return null; // unknown, or declared later, or not a species: the ordinary path says which
    addTerm((reservoir ??= []), -code - 1, coefficient);
  }
  return { internal: sideCode(internal, store), reservoir: sideCode(reservoir, store) };
}

/** The decimal digits t[start, end) as a number (the scanner took digits only); past 15 digits by Number(), which isSafeInteger then judges. */
function digits(t: string, start: number, end: number): number {
  if (end - start > 15) return Number(t.slice(start, end));
  let v = 0;
  for (let i = start; i < end; i++) v = 10 * v + (t.charCodeAt(i) - 48);
  return v;
}

/** Powers of ten a double holds exactly: 10^0 … 10^22. */
const EXACT_TENS = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The value of the number literal t[start, end) (the scanner's `(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?`),
 * as Number() reads it. With at most 15 significant digits and a power of ten up to 10^22 the
 * digits D and 10^|e| are exact doubles, so D·10^e or D/10^−e is one correctly rounded operation,
 * which is what Number() gives (Clinger's fast path); anything longer goes to Number().
 */
export function decimal(t: string, start: number, end: number): number {
  let digits = 0, significant = 0, fraction = 0, i = start, point = false;
  for (; i < end; i++) {
    const c = t.charCodeAt(i);
    if (c === 46) {
      point = true;
      continue;
    }
    if (c < 48 || c > 57) break;
    if (c !== 48 || significant > 0) significant++;
    digits = 10 * digits + (c - 48);
    if (point) fraction++;
  }
  let exponent = 0;
  if (i < end) {
    // [eE][+-]?\d+
    let j = i + 1, sign = 1;
    const c = t.charCodeAt(j);
    if (c === 45 || c === 43) {
      sign = c === 45 ? -1 : 1;
      j++;
    }
    if (end - j > 3) return Number(t.slice(start, end));
    for (; j < end; j++) exponent = 10 * exponent + (t.charCodeAt(j) - 48);
    exponent *= sign;
  }
  const e = exponent - fraction;
  if (significant > 15 || e < -22 || e > 22) return Number(t.slice(start, end));
  return e >= 0 ? digits * EXACT_TENS[e]! : digits / EXACT_TENS[-e]!;
}

function sideCode(terms: Term[] | null, store: PackedStore): SideCode {
  if (terms === null) return NO_SIDE;
  const [only] = terms;
  if (terms.length === 1 && only!.coefficient === 1) return singleSide(only!.index);
  return store.pool(terms);
}

/** A rate's value and, for a literal, whether it is an exact rational; its object when it is a param. */
interface LoweredRate {
  value: number;
  rational: boolean;
  object: RateConstant | null;
}

/** Rate `i` of the line: a literal > 0, or a param with a value > 0; else null. */
function rate(line: string, w: Where, shape: ReactionShape, i: number, decls: DeclarationTable): LoweredRate | null {
  const start = shape.rates[3 * i]!, end = shape.rates[3 * i + 1]!;
  if (shape.rates[3 * i + 2] === 1) {
    const literal = decimal(line, start, end);
    return literal > 0 && Number.isFinite(literal) ? { value: literal, rational: significantDigits(line, start, end) <= MAX_EXACT_SIGNIFICANT_DIGITS, object: null } : null;
  }
  const text = line.slice(start, end);
  const v = decls.params.get(text);
  if (v === undefined) return null;
  decls.used.add(text);
  if (!(v.value > 0) || !Number.isFinite(v.value)) return null;
  return { value: v.value, rational: v.exact !== null, object: { value: v.value, exact: v.exact, ...field(v.sensitivity), span: lineSpan(w, start, end) } };
}

/** Whether the line already reads as `equation` would write it: then the equation is that stretch. */
function isCanonical(line: string, shape: ReactionShape): boolean {
  const arrow = shape.twoWay ? "<->" : "->";
  const lhsEnd = shape.sides[1]!, rhsStart = shape.sides[4]!;
  return canonical(line, shape, 0) && canonical(line, shape, 1) && line.startsWith(` ${arrow} `, lhsEnd) && lhsEnd + arrow.length + 2 === rhsStart;
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

/**
 * One SBML reaction → one ness reaction, or a diagnostic saying why not. Stoichiometry is read
 * (and scaled to integers when the file's is fractional), the kinetic law is expanded into a
 * polynomial in the species and compared with the reaction's complexes, and the volumes are
 * folded into the rate constants (see species.ts for the units).
 */
import { CODES, type DiagnosticSink, type Span } from "../diagnostics.js";
import * as N from "./num.js";
import type { Num } from "./num.js";
import { recogniseMassAction } from "./classify.js";
import { Expander, Unanalysable, type ModelScope } from "./expand.js";
import { infix } from "./mathml.js";
import type { SbmlReaction, SpeciesRef } from "./model.js";
import { asPolynomial, ratConstant } from "./polynomial.js";
import type { SpeciesPlan } from "./species.js";

export interface DraftTerm {
  readonly id: string;
  readonly coefficient: number;
}

export interface DraftReaction {
  readonly id: string;
  readonly lhs: readonly DraftTerm[];
  readonly rhs: readonly DraftTerm[];
  readonly forward: Num;
  readonly reverse: Num | null;
  /** Law as infix text and what the importer did to it. */
  readonly comment: string;
  readonly frozen: readonly string[];
  /** Directions ("forward", "reverse") left out because their rate constant evaluates to 0. */
  readonly zeroDirections: readonly string[];
  readonly flag: "agrees" | "flag-reversible-law-one-way" | "flag-irreversible-law-two-way";
}

export type ReactionOutcome =
  | { readonly kind: "kept"; readonly reaction: DraftReaction }
  | { readonly kind: "not-mass-action"; readonly id: string; readonly reason: string; readonly law: string }
  /** `harmless`: leaving it out does not change the dynamics (its rate is 0, or it moves only fixed species). */
  | { readonly kind: "dropped"; readonly id: string; readonly why: string; readonly harmless?: boolean };

const LAW_TEXT_MAX = 240;
export const lawText = (r: SbmlReaction): string => {
  const t = r.law ? infix(r.law) : "(none)";
  return t.length > LAW_TEXT_MAX ? `${t.slice(0, LAW_TEXT_MAX)}…` : t;
};

/** Stoichiometry of one reference, evaluated at t = 0. */
function stoichiometry(ref: SpeciesRef, scope: ModelScope, level: number): { value: Num; note?: string } | string {
  let v: Num | null = null;
  let note: string | undefined;
  if (ref.stoichiometryMath) {
    try {
      v = ratConstant(new Expander(scope, "initial").expand(ref.stoichiometryMath)) ?? null;
    } catch (e) {
      if (!(e instanceof Unanalysable)) throw e;
    }
    if (!v) return `its stoichiometryMath for ${ref.species} is not a constant`;
    note = `stoichiometry of ${ref.species} from stoichiometryMath ${infix(ref.stoichiometryMath)} = ${N.numText(v)}`;
  } else if (ref.id && (scope.model.initialAssignments.has(ref.id) || scope.model.assignmentRules.has(ref.id))) {
    v = scope.initial(ref.id);
    if (!v) return `the stoichiometry ${ref.id} of ${ref.species} does not evaluate to a constant`;
    if (scope.model.assignmentRules.has(ref.id)) note = `stoichiometry ${ref.id} is set by a rule; its value at t = 0 is used`;
  } else if (ref.id && scope.model.rateRules.has(ref.id)) {
    return `the stoichiometry ${ref.id} of ${ref.species} changes in time (a rate rule)`;
  } else {
    v = ref.stoichiometry ?? N.ONE_N;
    if (ref.stoichiometry === null && level >= 3) note = `no stoichiometry for ${ref.species}; taken as 1`;
  }
  if (!Number.isFinite(v.value) || v.value < 0) return `the stoichiometry of ${ref.species} is ${v.value}`;
  return note === undefined ? { value: v } : { value: v, note };
}

/** The smallest positive integer s making every s·ν an integer (ν up to 1e-9 when inexact). */
function integerScale(values: readonly Num[]): number | undefined {
  for (let s = 1; s <= 1000; s++) {
    const ok = values.every((v) => {
      if (v.exact) return (BigInt(s) * v.exact.num) % v.exact.den === 0n;
      const x = v.value * s;
      return Math.abs(x - Math.round(x)) < 1e-9;
    });
    if (ok) return s;
  }
  return undefined;
}

function sideOf(refs: readonly SpeciesRef[], scope: ModelScope, level: number, notes: string[]): Map<string, Num> | string {
  const side = new Map<string, Num>();
  for (const ref of refs) {
    const s = stoichiometry(ref, scope, level);
    if (typeof s === "string") return s;
    if (s.note) notes.push(s.note);
    side.set(ref.species, N.addN(side.get(ref.species) ?? N.ZERO_N, s.value));
  }
  for (const [k, v] of side) if (N.isZeroN(v)) side.delete(k);
  return side;
}

/** Converts one reaction. Only fatal problems of the file itself go to `sink` (as sbml-invalid). */
export function convertReaction(r: SbmlReaction, scope: ModelScope, plan: SpeciesPlan, sink: DiagnosticSink, span: Span): ReactionOutcome {
  const m = scope.model;
  for (const ref of [...r.reactants, ...r.products, ...r.modifiers.map((s) => ({ species: s }))]) {
    if (!scope.speciesIds.has(ref.species)) {
      sink.error(CODES.sbmlInvalid, `reaction ${r.id} refers to species "${ref.species}", which the model does not declare`, span);
      return { kind: "dropped", id: r.id, why: `it refers to an undeclared species ${ref.species}` };
    }
  }
  const notes: string[] = [];
  const lhs0 = sideOf(r.reactants, scope, m.level, notes), rhs0 = sideOf(r.products, scope, m.level, notes);
  if (typeof lhs0 === "string") return { kind: "dropped", id: r.id, why: lhs0 };
  if (typeof rhs0 === "string") return { kind: "dropped", id: r.id, why: rhs0 };
  const s = integerScale([...lhs0.values(), ...rhs0.values()]);
  if (s === undefined) return { kind: "dropped", id: r.id, why: "its stoichiometry is not a ratio of small integers" };
  const scaled = (side: Map<string, Num>) => new Map([...side].map(([k, v]) => [k, Math.round(v.value * s)] as const));
  const lhs = scaled(lhs0), rhs = scaled(rhs0);
  if (s > 1) notes.push(`fractional stoichiometry multiplied by ${s} (and the law divided by ${s})`);
  const internal = (side: Map<string, number>) => [...side.keys()].some((id) => plan.role.get(id) === "internal");
  if (!internal(lhs) && !internal(rhs)) {
    return { kind: "dropped", id: r.id, why: "it changes only species held fixed (boundary or constant), so it has no effect on the dynamics", harmless: true };
  }
  const law = lawText(r);
  if (!r.law) return { kind: "not-mass-action", id: r.id, reason: "it has no kinetic law", law };
  const variables = new Set([...plan.role].filter(([, role]) => role !== "observable").map(([id]) => id));
  const expander = new Expander(scope, "law", variables, r.localParameters);
  let verdict;
  try {
    const poly = asPolynomial(expander.expand(r.law));
    if (!poly) return { kind: "not-mass-action", id: r.id, reason: "a species in a denominator (Michaelis–Menten-type)", law };
    verdict = recogniseMassAction(poly, lhs, rhs);
  } catch (e) {
    if (e instanceof Unanalysable) return { kind: "not-mass-action", id: r.id, reason: e.reason, law };
    throw e;
  }
  if (!verdict.ok) return { kind: "not-mass-action", id: r.id, reason: verdict.reason, law };

  // Fold 1/(s·W) and f_j^ν of the internal species into each direction's constant.
  const fold = (c: Num, side: Map<string, number>): Num => {
    let k = N.divN(c, N.mulN(N.exactNum({ num: BigInt(s), den: 1n }), plan.scale));
    for (const [id, nu] of side) {
      const f = plan.factor.get(id);
      if (f) k = N.mulN(k, N.powN(f, N.exactNum({ num: BigInt(nu), den: 1n })));
    }
    return k;
  };
  for (const d of verdict.zero) notes.push(`its ${d} rate constant evaluates to 0 with the file's values, so that direction is left out`);
  let kf = verdict.forward ? fold(verdict.forward, lhs) : null;
  let kr = verdict.reverse ? fold(verdict.reverse, rhs) : null;
  if (!kf && !kr) return { kind: "dropped", id: r.id, why: "its law is 0 with the file's values (every rate constant evaluates to 0)", harmless: true };
  // A direction that consumes a reservoir held at 0 never fires; one that produces it, into a sink.
  const heldAtZero = (side: Map<string, number>) => [...side.keys()].filter((id) => plan.zeroReservoirs.has(id));
  let zeroDropped = verdict.zero.length > 0;
  if (kf && heldAtZero(lhs).length) {
    notes.push(`its forward rate is 0 because ${heldAtZero(lhs).join(", ")} is held at 0, so that direction is left out`);
    kf = null;
    zeroDropped = true;
  }
  if (kr && heldAtZero(rhs).length) {
    notes.push(`its reverse rate is 0 because ${heldAtZero(rhs).join(", ")} is held at 0, so that direction is left out`);
    kr = null;
    zeroDropped = true;
  }
  if (!kf && !kr) return { kind: "dropped", id: r.id, why: `its rate is 0 because ${[...heldAtZero(lhs), ...heldAtZero(rhs)].join(", ")} is held at 0`, harmless: true };
  for (const side of [lhs, rhs]) {
    for (const id of heldAtZero(side)) {
      side.delete(id);
      notes.push(`${id} (held at 0) is a sink here and is left out of the equation`);
    }
  }
  for (const k of [kf, kr]) {
    if (k && !(Number.isFinite(k.value) && k.value > 0)) return { kind: "dropped", id: r.id, why: `a rate constant evaluates to ${k.value}` };
  }
  const terms = (side: Map<string, number>): DraftTerm[] => [...side].map(([id, coefficient]) => ({ id, coefficient }));
  const backwards = !kf;
  if (backwards) notes.push("the law is −k·products only, so the reaction is written products → reactants");
  const twoWay = kf !== null && kr !== null;
  const flagOneWay = !twoWay && !zeroDropped && r.reversible;
  const flag = flagOneWay ? "flag-reversible-law-one-way" : !r.reversible && twoWay ? "flag-irreversible-law-two-way" : "agrees";
  const comment = [`law: ${law}`, ...notes].join("; ");
  const reaction: DraftReaction = backwards
    ? { id: r.id, lhs: terms(rhs), rhs: terms(lhs), forward: kr!, reverse: null, comment, frozen: [...expander.frozen], zeroDirections: verdict.zero, flag }
    : { id: r.id, lhs: terms(lhs), rhs: terms(rhs), forward: kf!, reverse: kr, comment, frozen: [...expander.frozen], zeroDirections: verdict.zero, flag };
  return { kind: "kept", reaction };
}

/**
 * Which SBML species become ness species, reservoirs, or nothing, under what names, and in which
 * units the network is written.
 *
 * Units. A law is in amount per time; a species' symbol in it is its concentration (amount / V
 * of its compartment) unless hasOnlySubstanceUnits is set or the compartment is 0-dimensional,
 * when it is the amount. ness has no volumes, so the importer writes every internal species as
 * y = n / W, n its amount: W = V when all internal species are concentrations in one compartment
 * of size V (the values are then the file's concentrations), else W = 1 (amounts). With
 * f_j = W / U_j (U_j = V_j for a concentration, 1 for an amount) the law c·∏ s_j^ν becomes the
 * mass-action rate (c / W)·∏ f_j^ν · ∏ y_j^ν: volumes are folded into the rate constants.
 * Reservoirs keep the file's values (their symbol's units) and take no factor.
 */
import { CODES, type DiagnosticSink } from "../diagnostics.js";
import { divN, ONE_N, type Num } from "./num.js";
import type { ModelScope } from "./expand.js";
import type { SourceMap } from "./xml.js";
import { KEYWORD_WORDS } from "../syntax/lexer.js";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export type Role = "internal" | "reservoir" | "observable";

export interface SpeciesPlan {
  readonly role: ReadonlyMap<string, Role>;
  /** SBML id → ness name (ids that are keywords or not names are renamed). */
  readonly names: ReadonlyMap<string, string>;
  readonly renamed: readonly string[];
  /** W: the volume every internal species' value is measured in (1 for amounts). */
  readonly scale: Num;
  /** The compartment whose concentrations the values are, or null for amounts. */
  readonly scaleCompartment: string | null;
  /** f_j = W / U_j per internal species. */
  readonly factor: ReadonlyMap<string, Num>;
  /** Compartments without a size, taken as 1. */
  readonly unsized: readonly string[];
  /** Reservoirs held at 0 (or given no value): they only zero rates or act as sinks. */
  readonly zeroReservoirs: ReadonlySet<string>;
}

/** A safe ness name for every SBML id, avoiding keywords and clashes with every other id. */
export function nameIds(ids: readonly string[], taken: ReadonlySet<string>): { names: Map<string, string>; renamed: string[] } {
  const used = new Set(taken);
  const names = new Map<string, string>(), renamed: string[] = [];
  for (const id of ids) {
    if (NAME.test(id) && !KEYWORD_WORDS.has(id)) {
      names.set(id, id);
      continue;
    }
    let base = id.replace(/[^A-Za-z0-9_]/g, "_");
    if (!/^[A-Za-z_]/.test(base)) base = `_${base}`;
    let name = `${base}_`;
    for (let i = 2; used.has(name) || KEYWORD_WORDS.has(name); i++) name = `${base}_${i}`;
    used.add(name);
    names.set(id, name);
    renamed.push(`${id} → ${name}`);
  }
  return { names, renamed };
}

export function planSpecies(scope: ModelScope, src: SourceMap, sink: DiagnosticSink): SpeciesPlan {
  const m = scope.model;
  const inReaction = new Set<string>();
  for (const r of m.reactions) for (const ref of [...r.reactants, ...r.products]) inReaction.add(ref.species);
  const role = new Map<string, Role>();
  for (const s of m.species) {
    const ruled = m.assignmentRules.has(s.id) || m.rateRules.has(s.id);
    if (s.boundaryCondition || s.constant || (ruled && inReaction.has(s.id))) role.set(s.id, "reservoir");
    else if (ruled) role.set(s.id, "observable");
    else role.set(s.id, "internal");
    if (ruled && inReaction.has(s.id)) {
      sink.warning(CODES.sbmlUnsupported, `species ${s.id} is set by a rule and takes part in reactions; ness holds it fixed at its value at t = 0`, src.element("species", s.id));
    }
  }
  const allIds = [...m.species.map((s) => s.id), ...m.reactions.map((r) => r.id), ...m.parameters.keys(), ...m.compartments.keys()];
  const { names, renamed } = nameIds(
    [...m.species.map((s) => s.id), ...m.reactions.map((r) => r.id).filter((id) => id !== "")],
    new Set(allIds),
  );

  const internal = m.species.filter((s) => role.get(s.id) === "internal");
  const unsized = new Set<string>();
  const volume = (c: string): Num => {
    const v = scope.compartmentSize(c);
    if (v && Number.isFinite(v.value) && v.value > 0) return v;
    unsized.add(c);
    return ONE_N;
  };
  const concentration = internal.filter((s) => !scope.isAmountSymbol(s.id));
  const compartments = new Set(internal.map((s) => s.compartment));
  const oneCompartment = internal.length > 0 && concentration.length === internal.length && compartments.size === 1;
  const scaleCompartment = oneCompartment ? internal[0]!.compartment : null;
  const scale = scaleCompartment !== null ? volume(scaleCompartment) : ONE_N;
  const factor = new Map<string, Num>();
  for (const s of internal) factor.set(s.id, scope.isAmountSymbol(s.id) ? scale : divN(scale, volume(s.compartment)));
  for (const c of unsized) {
    sink.accept("info", CODES.sbmlNote, `compartment ${c} has no usable size; ness takes it as 1`, src.element("compartment", c));
  }
  const zeroReservoirs = new Set<string>();
  for (const [id, r] of role) {
    const v = r === "reservoir" ? scope.initial(id) : undefined;
    if (v === null || (v !== undefined && !(v.value > 0))) zeroReservoirs.add(id);
  }
  return { role, names, renamed, scale, scaleCompartment, factor, unsized: [...unsized], zeroReservoirs };
}

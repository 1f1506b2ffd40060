/**
 * The parts of an SBML Level 2 or 3 model the importer reads, as typed plain data with the
 * Level's defaults applied. No meaning yet: values are as written, math is an expression tree.
 */
import { parseNum, type Num } from "./num.js";
import { readMath, type Expr } from "./mathml.js";
import { child, childrenNamed, elementChildren, listOf, type XmlElement } from "./xml.js";

export interface SbmlCompartment {
  readonly id: string;
  readonly size: Num | null;
  readonly spatialDimensions: number;
}

export interface SbmlSpecies {
  readonly id: string;
  readonly name: string;
  readonly compartment: string;
  readonly initialAmount: Num | null;
  readonly initialConcentration: Num | null;
  readonly hasOnlySubstanceUnits: boolean;
  readonly boundaryCondition: boolean;
  readonly constant: boolean;
  readonly conversionFactor: string | null;
}

export interface SbmlParameter {
  readonly id: string;
  readonly value: Num | null;
  readonly constant: boolean;
}

export interface SpeciesRef {
  readonly species: string;
  /** The speciesReference's own id (Level 3, or Level 2 Version 2+), which math may name. */
  readonly id: string | null;
  readonly stoichiometry: Num | null;
  readonly stoichiometryMath: Expr | null;
}

export interface SbmlReaction {
  readonly id: string;
  readonly name: string;
  /** The `reversible` attribute, with the Level 2 default (true) when absent. */
  readonly reversible: boolean;
  readonly reactants: readonly SpeciesRef[];
  readonly products: readonly SpeciesRef[];
  readonly modifiers: readonly string[];
  readonly law: Expr | null;
  readonly localParameters: ReadonlyMap<string, Num | null>;
  readonly fast: boolean;
}

export interface SbmlFunction {
  readonly id: string;
  readonly params: readonly string[];
  readonly body: Expr;
}

export interface SbmlEvent {
  readonly id: string;
  readonly variables: readonly string[];
}

export interface SbmlModel {
  readonly level: number;
  readonly version: number;
  readonly id: string;
  readonly name: string;
  readonly compartments: ReadonlyMap<string, SbmlCompartment>;
  readonly species: readonly SbmlSpecies[];
  readonly parameters: ReadonlyMap<string, SbmlParameter>;
  readonly functions: ReadonlyMap<string, SbmlFunction>;
  readonly initialAssignments: ReadonlyMap<string, Expr>;
  readonly assignmentRules: ReadonlyMap<string, Expr>;
  readonly rateRules: ReadonlyMap<string, Expr>;
  readonly algebraicRules: number;
  readonly events: readonly SbmlEvent[];
  readonly reactions: readonly SbmlReaction[];
  readonly conversionFactor: string | null;
}

const bool = (e: XmlElement, attr: string, dflt: boolean): boolean => {
  const v = e.attrs.get(attr);
  return v === undefined ? dflt : v === "true" || v === "1";
};
const numAttr = (e: XmlElement, attr: string): Num | null => {
  const v = e.attrs.get(attr);
  return v === undefined ? null : parseNum(v) ?? null;
};
const mathOf = (e: XmlElement | undefined): Expr | null => {
  const m = child(e, "math");
  return m ? readMath(m) : null;
};

function readRef(r: XmlElement): SpeciesRef {
  const sm = child(r, "stoichiometryMath");
  return {
    species: r.attrs.get("species") ?? "",
    id: r.attrs.get("id") ?? null,
    stoichiometry: numAttr(r, "stoichiometry"),
    stoichiometryMath: sm ? mathOf(sm) : null,
  };
}

function readReaction(r: XmlElement): SbmlReaction {
  const kl = child(r, "kineticLaw");
  const localParameters = new Map<string, Num | null>();
  for (const p of [...listOf(kl, "listOfParameters", "parameter"), ...listOf(kl, "listOfLocalParameters", "localParameter")]) {
    localParameters.set(p.attrs.get("id") ?? "", numAttr(p, "value"));
  }
  return {
    id: r.attrs.get("id") ?? "",
    name: r.attrs.get("name") ?? "",
    reversible: bool(r, "reversible", true),
    reactants: listOf(r, "listOfReactants", "speciesReference").map(readRef),
    products: listOf(r, "listOfProducts", "speciesReference").map(readRef),
    modifiers: listOf(r, "listOfModifiers", "modifierSpeciesReference").map((m) => m.attrs.get("species") ?? ""),
    law: mathOf(kl),
    localParameters,
    fast: bool(r, "fast", false),
  };
}

/** Reads `<model>`; `sbml` is the root element. */
export function readModel(sbml: XmlElement, model: XmlElement): SbmlModel {
  const level = Number(sbml.attrs.get("level") ?? "3");
  const version = Number(sbml.attrs.get("version") ?? "1");
  const compartments = new Map<string, SbmlCompartment>();
  for (const c of listOf(model, "listOfCompartments", "compartment")) {
    const id = c.attrs.get("id") ?? "";
    const dims = Number(c.attrs.get("spatialDimensions") ?? "3");
    compartments.set(id, { id, size: numAttr(c, "size") ?? numAttr(c, "volume"), spatialDimensions: Number.isFinite(dims) ? dims : 3 });
  }
  const species = listOf(model, "listOfSpecies", "species").map((s): SbmlSpecies => ({
    id: s.attrs.get("id") ?? "",
    name: s.attrs.get("name") ?? "",
    compartment: s.attrs.get("compartment") ?? "",
    initialAmount: numAttr(s, "initialAmount"),
    initialConcentration: numAttr(s, "initialConcentration"),
    hasOnlySubstanceUnits: bool(s, "hasOnlySubstanceUnits", false),
    boundaryCondition: bool(s, "boundaryCondition", false),
    constant: bool(s, "constant", false),
    conversionFactor: s.attrs.get("conversionFactor") ?? null,
  }));
  const parameters = new Map<string, SbmlParameter>();
  for (const p of listOf(model, "listOfParameters", "parameter")) {
    const id = p.attrs.get("id") ?? "";
    parameters.set(id, { id, value: numAttr(p, "value"), constant: bool(p, "constant", true) });
  }
  const functions = new Map<string, SbmlFunction>();
  for (const f of listOf(model, "listOfFunctionDefinitions", "functionDefinition")) {
    const m = mathOf(f);
    const id = f.attrs.get("id") ?? "";
    if (m && m.k === "lambda") functions.set(id, { id, params: m.params, body: m.body });
    else functions.set(id, { id, params: [], body: m ?? { k: "bad", what: `function ${id} without a lambda` } });
  }
  const initialAssignments = new Map<string, Expr>();
  for (const ia of listOf(model, "listOfInitialAssignments", "initialAssignment")) {
    const m = mathOf(ia);
    if (m) initialAssignments.set(ia.attrs.get("symbol") ?? "", m);
  }
  const assignmentRules = new Map<string, Expr>(), rateRules = new Map<string, Expr>();
  let algebraicRules = 0;
  const rules = child(model, "listOfRules");
  for (const r of rules ? elementChildren(rules) : []) {
    const m = mathOf(r) ?? { k: "bad" as const, what: "a rule without math" };
    // Level 1 names (parameterRule, speciesConcentrationRule) are read by their `type`.
    const variable = r.attrs.get("variable") ?? r.attrs.get("name") ?? r.attrs.get("species") ?? r.attrs.get("compartment") ?? "";
    if (r.name === "algebraicRule") algebraicRules++;
    else if (r.name === "rateRule" || r.attrs.get("type") === "rate") rateRules.set(variable, m);
    else assignmentRules.set(variable, m);
  }
  const events = listOf(model, "listOfEvents", "event").map((e, i) => ({
    id: e.attrs.get("id") ?? e.attrs.get("name") ?? `event ${i + 1}`,
    variables: listOf(e, "listOfEventAssignments", "eventAssignment").map((a) => a.attrs.get("variable") ?? ""),
  }));
  return {
    level,
    version: Number.isFinite(version) ? version : 1,
    id: model.attrs.get("id") ?? "",
    name: model.attrs.get("name") ?? "",
    compartments,
    species,
    parameters,
    functions,
    initialAssignments,
    assignmentRules,
    rateRules,
    algebraicRules,
    events,
    reactions: listOf(model, "listOfReactions", "reaction").map(readReaction),
    conversionFactor: model.attrs.get("conversionFactor") ?? null,
  };
}

/** `<sbml><model>`, or why not. */
export function findModel(root: XmlElement): { sbml: XmlElement; model: XmlElement } | string {
  if (root.name !== "sbml") return `the root element is <${root.name}>, not <sbml>`;
  const model = childrenNamed(root, "model")[0];
  return model ? { sbml: root, model } : "the <sbml> element has no <model>";
}

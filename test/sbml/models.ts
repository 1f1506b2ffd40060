/**
 * Test helpers for the SBML corpus in shared/sbml: the file list, the expected diagnostics per
 * model (from shared/sbml/README.md), and an independent reading of each file's species and
 * stoichiometry (fast-xml-parser in its plain mode, not the importer's code).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { SBML_DIR } from "../helpers/paths.js";

export { SBML_DIR };

export function corpus(): string[] {
  const xml = (dir: string) => readdirSync(join(SBML_DIR, dir)).filter((f) => f.endsWith(".xml")).sort().map((f) => (dir ? `${dir}/${f}` : f));
  return [...xml(""), ...xml("more-biomodels"), ...xml("test-suite")];
}

export const readModel = (file: string): string => readFileSync(join(SBML_DIR, file), "utf8");

/**
 * Reactions each model's import leaves out as not mass action. From the README's kinetic-law
 * column, with two documented differences: a reverse-only law (−k·products, DellOrco2009) is
 * imported as the reaction run backwards, and Singh2006's `x10 -> 0.5 x13` with law
 * 2·kf8·x10² − 2·kr8·x13 is imported as `2 x10 <-> x13 @ kf8, kr8` (stoichiometry scaled by 2).
 */
export const NOT_MASS_ACTION: Readonly<Record<string, number>> = {
  "BIOMD0000000010.xml": 10,
  "BIOMD0000000012.xml": 6,
  "BIOMD0000000019.xml": 9,
  "BIOMD0000000021.xml": 16,
  "BIOMD0000000032.xml": 8,
  "BIOMD0000000114.xml": 1,
  "BIOMD0000000237.xml": 9,
  "BIOMD0000000256.xml": 1,
  "BIOMD0000000326.xml": 5,
  "BIOMD0000000452.xml": 1,
  "BIOMD0000000611.xml": 1,
  "more-biomodels/BIOMD0000000093.xml": 2,
  "more-biomodels/BIOMD0000000151.xml": 5,
  "more-biomodels/BIOMD0000000569.xml": 1,
};

/** Models with nothing to import, and the error code that says why. */
export const NOTHING_TO_IMPORT: Readonly<Record<string, string>> = {
  "BIOMD0000000010.xml": "sbml-not-mass-action",
  "test-suite/00013-sbml-l3v2.xml": "sbml-unsupported",
};

export interface PlainReaction {
  readonly id: string;
  /** Net stoichiometry (products − reactants) of every species, boundary ones included. */
  readonly net: ReadonlyMap<string, number>;
}

export interface PlainModel {
  readonly species: readonly { id: string; compartment: string; boundary: boolean; constant: boolean; hosu: boolean; ruled: boolean }[];
  readonly compartments: ReadonlyMap<string, number>;
  readonly reactions: readonly PlainReaction[];
}

type Obj = Record<string, unknown>;
const arr = (x: unknown): Obj[] => (x === undefined ? [] : Array.isArray(x) ? (x as Obj[]) : [x as Obj]);
const list = (o: Obj | undefined, l: string, item: string): Obj[] => arr((o?.[l] as Obj | undefined)?.[item]);

/** Species, compartment sizes and stoichiometry read straight from the XML. */
export function plainModel(xml: string): PlainModel {
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", removeNSPrefix: true, parseAttributeValue: false }).parse(xml) as Obj;
  const model = (doc.sbml as Obj).model as Obj;
  const params = new Map(list(model, "listOfParameters", "parameter").map((p) => [String(p["@id"]), Number(p["@value"])]));
  const ruled = new Set(arr((model.listOfRules as Obj | undefined)?.assignmentRule).map((r) => String(r["@variable"])));
  const species = list(model, "listOfSpecies", "species").map((s) => ({
    id: String(s["@id"]),
    compartment: String(s["@compartment"]),
    boundary: s["@boundaryCondition"] === "true",
    constant: s["@constant"] === "true",
    hosu: s["@hasOnlySubstanceUnits"] === "true",
    ruled: ruled.has(String(s["@id"])),
  }));
  const compartments = new Map(list(model, "listOfCompartments", "compartment").map((c) => [String(c["@id"]), Number(c["@size"] ?? c["@volume"] ?? 1)]));
  const stoich = (ref: Obj): number => {
    const sm = ref.stoichiometryMath as Obj | undefined;
    if (sm) {
      const math = sm.math as Obj;
      if (math.ci !== undefined) return params.get(String(math.ci).trim()) ?? NaN;
      return Number(String(math.cn).trim());
    }
    return ref["@stoichiometry"] === undefined ? 1 : Number(ref["@stoichiometry"]);
  };
  const reactions = list(model, "listOfReactions", "reaction").map((r) => {
    const net = new Map<string, number>();
    for (const ref of list(r, "listOfReactants", "speciesReference")) net.set(String(ref["@species"]), (net.get(String(ref["@species"])) ?? 0) - stoich(ref));
    for (const ref of list(r, "listOfProducts", "speciesReference")) net.set(String(ref["@species"]), (net.get(String(ref["@species"])) ?? 0) + stoich(ref));
    return { id: String(r["@id"]), net };
  });
  return { species, compartments, reactions };
}

import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { renderJson, toJsonReport } from "../../../src/report/json/index.js";
import { awkwardNames, drivenRing, oneWayPair, REFERENCE_DIR, REFERENCE_NAMES, referenceAnalysis, unbounded } from "../fixtures.js";
import { SCHEMA_PATH } from "../../helpers/paths.js";

const schema = JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as object;
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

function valid(doc: unknown): boolean {
  const ok = validate(doc);
  if (!ok) console.error(JSON.stringify(validate.errors, null, 2));
  return ok;
}

const fixtures = () => [
  ...REFERENCE_NAMES.map((n) => [n, referenceAnalysis(n)] as const),
  ["awkward names", awkwardNames()] as const,
  ["one-way pair", oneWayPair()] as const,
  ["unbounded", unbounded()] as const,
  ["ring of 300", drivenRing(300)] as const,
];

describe("JSON report", () => {
  it.each(fixtures())("%s validates against docs/report.schema.json", (_name, analysis) => {
    const text = renderJson(analysis);
    expect(text.endsWith("}\n")).toBe(true);
    expect(valid(JSON.parse(text))).toBe(true);
  });

  it("the schema rejects reports that break the contract", () => {
    const good = JSON.parse(renderJson(referenceAnalysis("futile-cycle"))) as Record<string, unknown>;
    expect(valid(good)).toBe(true);
    expect(validate({ ...good, schema: "ness.report/2" })).toBe(false);
    expect(validate({ ...good, kind: "stochastic" })).toBe(false);
    const { notes: _n, ...noNotes } = good;
    expect(validate(noNotes)).toBe(false);
    const structure = good["structure"] as Record<string, unknown>;
    expect(validate({ ...good, structure: { ...structure, cycles: [{ r1: 0 }] } })).toBe(false);
    expect(validate({ ...good, structure: { ...structure, rank: 1.5 } })).toBe(false);
  });

  it.each(REFERENCE_NAMES)("%s carries the reference numbers through unchanged", (name) => {
    const ref = JSON.parse(readFileSync(`${REFERENCE_DIR}/${name}.json`, "utf8")) as Record<string, unknown>;
    const ours = JSON.parse(renderJson(referenceAnalysis(name))) as Record<string, unknown>;
    for (const key of ["schema", "kind", "species", "reservoirs", "reactions", "steadyStates"] as const) {
      if (key === "reactions" || key === "steadyStates") {
        const theirs = ref[key] as Record<string, unknown>[];
        const mine = ours[key] as Record<string, unknown>[];
        expect(mine).toHaveLength(theirs.length);
        theirs.forEach((t, i) => expect(mine[i]).toMatchObject(t));
      } else expect(ours[key]).toEqual(ref[key]);
    }
    expect(ours["structure"]).toMatchObject(ref["structure"] as object);
    type Db = { holds: boolean; violations: { affinity: number }[] };
    const byAffinity = (d: Db) => [...d.violations].sort((a, b) => a.affinity - b.affinity);
    const [theirDb, ourDb] = [ref["detailedBalance"] as Db, ours["detailedBalance"] as Db];
    expect(ourDb.holds).toBe(theirDb.holds);
    expect(byAffinity(ourDb)).toHaveLength(theirDb.violations.length);
    byAffinity(theirDb).forEach((v, i) => expect(byAffinity(ourDb)[i]).toMatchObject(v));
    expect(ours["source"]).toBe(`reference/${name}.crn`);
  });

  it("names like __proto__, constructor and toString are ordinary keys", () => {
    const report = toJsonReport(awkwardNames());
    expect(Object.keys(report.initial)).toEqual(["__proto__", "constructor", "toString"]);
    expect(Object.getPrototypeOf(report.initial)).toBeNull();
    const parsed = JSON.parse(renderJson(awkwardNames())) as {
      initial: Record<string, number>; reservoirs: Record<string, number>;
      steadyStates: { concentrations: Record<string, number>; fluxes: Record<string, number> }[];
      structure: { cycles: Record<string, number>[] };
    };
    expect(Object.keys(parsed.initial)).toEqual(["__proto__", "constructor", "toString"]);
    expect(Object.getOwnPropertyDescriptor(parsed.initial, "__proto__")?.value).toBe(1);
    const [state] = parsed.steadyStates;
    expect(state).toBeDefined();
    expect(Object.getOwnPropertyDescriptor(state?.concentrations, "__proto__")?.value).toBe(0.3);
    expect(state?.concentrations["constructor"]).toBe(0.4);
    expect(parsed.reservoirs["hasOwnProperty"]).toBe(2);
    expect(Object.keys(state?.fluxes ?? {})).toEqual(["valueOf", "__defineGetter__", "prototype"]);
    expect(parsed.structure.cycles[0]).toEqual(JSON.parse('{"valueOf":1,"__defineGetter__":1,"prototype":1}'));
  });

  it("infinite numbers become null with a note saying why", () => {
    const report = JSON.parse(renderJson(oneWayPair())) as {
      detailedBalance: { violations: { affinity: number | null }[] }; reactions: { reverse: number | null }[];
      steadyStates: { entropyProduction: number | null }[]; notes: string[];
    };
    expect(report.reactions.map((r) => r.reverse)).toEqual([null, null]);
    expect(report.detailedBalance.violations.map((v) => v.affinity)).toEqual([null]);
    expect(report.steadyStates.map((s) => s.entropyProduction)).toEqual([null]);
    expect(report.notes.some((n) => n.startsWith("detailedBalance.violations[0].affinity is null: infinite"))).toBe(true);
    expect(report.notes.some((n) => /steadyStates\[0\]\.entropyProduction is null: infinite: one-way reactions R1, R2/.test(n))).toBe(true);
    expect(renderJson(oneWayPair())).not.toMatch(/NaN|Infinity/);
  });

  it("an empty steadyStates list comes with a note", () => {
    const report = toJsonReport(unbounded());
    expect(report.steadyStates).toEqual([]);
    expect(report.currents).toBeNull();
    expect(report.notes.join("\n")).toMatch(/grows without bound/);
    expect(report.notes.join("\n")).toMatch(/steadyStates is empty/);
  });

  it("stable steady states come first", () => {
    const report = toJsonReport(referenceAnalysis("schlogl"));
    expect(report.steadyStates.map((s) => s.stable)).toEqual([true, true, false]);
  });

  it("does not mutate the analysis", () => {
    const a = referenceAnalysis("proton-pump");
    const before = JSON.stringify(a, (_k, v: unknown) => (v instanceof Map ? [...v] : v));
    renderJson(a);
    expect(JSON.stringify(a, (_k, v: unknown) => (v instanceof Map ? [...v] : v))).toBe(before);
  });
});

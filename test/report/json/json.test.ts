import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { JSON_SUMMARY_ABOVE, JSON_SUMMARY_ENTRIES, renderJson, toJsonReport, writeJson } from "../../../src/report/json/index.js";
import { streamJson } from "../../../src/report/json/stream.js";
import { coefficients, ListingBudget, supportCoefficients } from "../../../src/report/json/values.js";
import { HELP } from "../../../src/cli/help.js";
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

describe("JSON report of a big network", () => {
  // a driven ring of n states, kf = 2, kr = 1: π_i = 1/n, every net flux (kf − kr)/n, one cycle
  const n = 3000; // 2n = 6000 species plus reactions, past the default summaryAbove
  const ring = drivenRing(n);
  type Big = { species: string[]; reactions: unknown[]; initial: Record<string, number>; structure: { species: number; reactions: number; cycleCount: number };
    steadyStates: { concentrations: Record<string, number>; fluxes: Record<string, number> }[]; currents: { tree: string[]; cycleCount: number };
    notes: string[]; listing?: { summary: true; summaryAbove: number; entries: number; species: number; reactions: number; cut: string[]; full: string } };

  it("is a summary by default: each listing keeps its first or largest entries, counts stay exact, and it says so", () => {
    expect(2 * n).toBeGreaterThan(JSON_SUMMARY_ABOVE);
    const text = renderJson(ring);
    expect(text.length).toBeLessThan(100_000);
    const report = JSON.parse(text) as Big;
    expect(valid(report)).toBe(true);
    expect(report.species).toEqual(Array.from({ length: JSON_SUMMARY_ENTRIES }, (_, i) => `s${i}`));
    expect(report.reactions).toHaveLength(JSON_SUMMARY_ENTRIES);
    expect(report.initial).toEqual({ s0: 1, ...Object.fromEntries(Array.from({ length: JSON_SUMMARY_ENTRIES - 1 }, (_, i) => [`s${i + 1}`, 0])) });
    expect(report.structure).toMatchObject({ species: n, reactions: n, cycleCount: 1 });
    expect(report.currents.cycleCount).toBe(1);
    expect(report.currents.tree).toHaveLength(JSON_SUMMARY_ENTRIES);
    const [state] = report.steadyStates;
    expect(Object.keys(state!.concentrations)).toHaveLength(JSON_SUMMARY_ENTRIES);
    for (const p of Object.values(state!.concentrations)) expect(p).toBeCloseTo(1 / n, 12);
    for (const j of Object.values(state!.fluxes)) expect(j).toBeCloseTo(1 / n, 12);
    expect(report.listing).toMatchObject({ summary: true, summaryAbove: JSON_SUMMARY_ABOVE, entries: JSON_SUMMARY_ENTRIES, species: n, reactions: n });
    expect(report.listing!.cut).toEqual(expect.arrayContaining(["species", "reactions", "initial", "steadyStates[0].concentrations", "steadyStates[0].fluxes", "currents.tree"]));
    expect(report.listing!.full).toMatch(/--full/);
    expect(report.notes.join("\n")).toMatch(/This report is a summary: the network has 3000 states and 3000 transitions.*--full' lists everything/);
  });

  it("--full lists everything, and the same text streams in chunks", () => {
    const text = renderJson(ring, { full: true });
    const report = JSON.parse(text) as Big;
    expect(valid(report)).toBe(true);
    expect(report.listing).toBeUndefined();
    expect(report.species).toHaveLength(n);
    expect(report.reactions).toHaveLength(n);
    expect(Object.keys(report.steadyStates[0]!.fluxes)).toHaveLength(n);
    for (const p of Object.values(report.steadyStates[0]!.concentrations)) expect(p).toBeCloseTo(1 / n, 12);
    const chunks: string[] = [];
    writeJson(ring, (c) => chunks.push(c), { full: true, chunkChars: 4096 });
    expect(chunks.length).toBeGreaterThan(10);
    // a chunk is handed on once it reaches 4096 characters (one long string, a cycle's words, may overshoot)
    expect(chunks.slice(0, -2).every((c) => c.length >= 4096)).toBe(true); // the last two: the rest, and writeJson's newline
    expect(chunks.length).toBeGreaterThan(text.length / (2 * 4096));
    expect(chunks.join("")).toBe(text);
  });

  it("the threshold is an option: a small network summarised on request, a big one listed whole", () => {
    const small = toJsonReport(referenceAnalysis("futile-cycle"), { summaryAbove: 1, summaryEntries: 1 });
    expect(small.species).toHaveLength(1);
    expect(small.listing?.summaryAbove).toBe(1);
    expect(toJsonReport(ring, { summaryAbove: 2 * n }).species).toHaveLength(n);
  });

  it("ness report --help names the summary's defaults", () => {
    expect(HELP.report).toContain(`past\n                         ${JSON_SUMMARY_ABOVE} species plus reactions`);
    expect(HELP.report).toContain(`each\n                         listing keeps ${JSON_SUMMARY_ENTRIES} entries`);
  });
});

describe("streamJson", () => {
  it.each(fixtures())("writes exactly JSON.stringify(report, null, 2) for %s, in any chunk size", (_name, analysis) => {
    const report = toJsonReport(analysis);
    for (const size of [1, 7, 1 << 20]) {
      const chunks: string[] = [];
      streamJson(report, (c) => chunks.push(c), { chunkChars: size });
      expect(chunks.join("")).toBe(JSON.stringify(report, null, 2));
    }
  });

  it("follows JSON.stringify on empty containers, undefined, non-finite numbers and odd keys", () => {
    const odd = Object.assign(Object.create(null) as object, { __proto__: 1, "a\"b": [undefined, NaN, -0, 1e21, [], {}], u: undefined, s: "é\n\u2028", t: true, z: null });
    const chunks: string[] = [];
    streamJson(odd, (c) => chunks.push(c));
    expect(chunks.join("")).toBe(JSON.stringify(odd, null, 2));
  });
});

describe("ListingBudget in a summary", () => {
  it("keeps the largest magnitudes first (non-finite first, ties by index) and records the cut", () => {
    const b = new ListingBudget(100, 2);
    expect(b.largest([0.1, -3, 2, 3], 4, "x")).toEqual([1, 3]);
    expect(b.largest([0.1, NaN, 2], 3, "y")).toEqual([1, 2]);
    expect(b.largest([5, 1], 2, "z")).toBeNull();
    expect(b.first(5, "w")).toBe(2);
    expect(b.cut).toEqual(["x", "y", "w"]);
    expect(new ListingBudget(100).largest([1, 2, 3], 3, "v")).toBeNull();
  });
});

describe("supportCoefficients", () => {
  it("is coefficients of the dense vector, keys in the same order", () => {
    const names = ["r1", "r2", "r3", "r4"];
    const sparse = supportCoefficients(names, { reactions: [0, 2, 3], coefficients: [1, -2, 0] });
    expect(JSON.stringify(sparse)).toBe(JSON.stringify(coefficients(names, [1, 0, -2, 0])));
    expect(JSON.stringify(sparse)).toBe('{"r1":1,"r3":-2}');
  });
});

/**
 * Every example and reference network, compiled and analysed for real, through every emitter:
 * the outputs must be well formed (schema, tables, diagrams), free of NaN/Infinity, and the JSON
 * must carry the reference numbers.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/index.js";
import type { Analysis } from "../../src/analysis/types.js";
import { compile } from "../../src/compile/index.js";
import { renderHtml } from "../../src/report/html/index.js";
import { renderJson } from "../../src/report/json/index.js";
import { renderMarkdown, verdictLine } from "../../src/report/markdown/index.js";
import { DIAGRAM_VIEWS, renderDiagram } from "../../src/report/mermaid/index.js";
import { REFERENCE_DIR } from "./fixtures.js";
import { parse } from "./mermaid/parse.js";
import { NETWORKS, SCHEMA_PATH } from "../helpers/paths.js";

const files = [
  ...readdirSync(NETWORKS).filter((f) => f.endsWith(".crn")).map((f) => join(NETWORKS, f)),
  ...readdirSync(REFERENCE_DIR).filter((f) => f.endsWith(".crn")).map((f) => join(REFERENCE_DIR, f)),
];
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as object);

function load(path: string): Analysis {
  const { network, diagnostics } = compile(readFileSync(path, "utf8"), path);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return analyze(network!);
}

const snapshot = (a: Analysis) => JSON.stringify(a, (_k, v: unknown) => (v instanceof Map ? [...v] : typeof v === "bigint" ? `${v}n` : v));

describe.each(files)("%s through every emitter", (path) => {
  const analysis = load(path);
  const before = snapshot(analysis);

  it("JSON validates against the schema and has no NaN or Infinity", () => {
    const text = renderJson(analysis);
    expect(text).not.toMatch(/NaN|Infinity/);
    const ok = validate(JSON.parse(text));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("Markdown: verdict first, well-formed tables, numbers in words where infinite", () => {
    const md = renderMarkdown(analysis);
    expect(md.split("\n")[2]).toBe(verdictLine(analysis));
    expect(md).not.toMatch(/NaN|Infinity/);
    let width = -1;
    for (const line of md.split("\n")) {
      if (!line.startsWith("|")) { width = -1; continue; }
      const n = line.trim().slice(1, -1).split(/(?<!\\)\|/).length;
      if (width < 0) width = n;
      else expect(n, line).toBe(width);
    }
  });

  it.each(DIAGRAM_VIEWS)("the %s diagram is well formed", (view) => {
    const d = parse(renderDiagram(analysis, view));
    for (const e of d.edges) expect(d.nodes.has(e.from) && d.nodes.has(e.to)).toBe(true);
    expect(d.styles.size).toBeLessThanOrEqual(d.edges.length);
  });

  it("HTML without the mermaid script says so and keeps the diagram source", () => {
    const html = renderHtml(analysis, "");
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("the mermaid script was not available");
    expect(html).not.toContain("<script");
    expect(html).not.toMatch(/NaN|Infinity/);
  });

  it("no emitter mutates the analysis", () => {
    renderJson(analysis); renderMarkdown(analysis); renderHtml(analysis, "");
    for (const v of DIAGRAM_VIEWS) renderDiagram(analysis, v);
    expect(snapshot(analysis)).toBe(before);
  });
});

interface Reference {
  species: string[]; structure: Record<string, unknown>; detailedBalance: { holds: boolean };
  steadyStates: { concentrations: Record<string, number>; fluxes: Record<string, number>; entropyProduction: number; stable: boolean }[];
}

const close = (a: number | null | undefined, b: number) => a !== null && a !== undefined && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

describe.each(readdirSync(REFERENCE_DIR).filter((f) => f.endsWith(".json")))("JSON of compiled %s matches the reference", (name) => {
  it("structure numbers exactly, the verdict, and steady states to 1e-6", () => {
    const ref = JSON.parse(readFileSync(join(REFERENCE_DIR, name), "utf8")) as Reference;
    const ours = JSON.parse(renderJson(load(join(REFERENCE_DIR, name.replace(/\.json$/, ".crn"))))) as Reference;
    expect(ours.species).toEqual(ref.species);
    for (const key of ["rank", "complexes", "linkageClasses", "deficiency", "reversible", "weaklyReversible", "emergentCycles", "brokenConservationLaws"]) {
      expect(ours.structure[key], key).toEqual(ref.structure[key]);
    }
    expect(ours.detailedBalance.holds).toBe(ref.detailedBalance.holds);
    expect(ours.steadyStates).toHaveLength(ref.steadyStates.length);
    // Stable states come first; among them the order is not fixed, so match states by concentration.
    expect(ours.steadyStates.map((s) => s.stable)).toEqual(ref.steadyStates.map((s) => s.stable));
    ref.steadyStates.forEach((r) => {
      const s = ours.steadyStates.find((o) => Object.entries(r.concentrations).every(([k, v]) => close(o.concentrations[k], v)));
      expect(s, JSON.stringify(r.concentrations)).toBeDefined();
      if (s === undefined) return;
      for (const [k, v] of Object.entries(r.fluxes)) expect(close(s.fluxes[k], v), `J ${k}`).toBe(true);
      expect(close(s.entropyProduction, r.entropyProduction)).toBe(true);
      expect(s.stable).toBe(r.stable);
    });
  });
});

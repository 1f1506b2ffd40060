/**
 * The report as a list of sections: one builder per section, rendered generically by Markdown
 * and HTML, assembled by JSON in list order; and the Options section, which states every
 * threshold the analyses used and marks the ones the user set.
 */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/index.js";
import type { Analysis } from "../../src/analysis/types.js";
import { compile } from "../../src/compile/index.js";
import { htmlSection } from "../../src/report/html/render.js";
import { renderHtml } from "../../src/report/html/index.js";
import { JSON_MAX_LISTED_ENTRIES, renderJson, toJsonReport } from "../../src/report/json/index.js";
import { ListingBudget, NullNotes } from "../../src/report/json/values.js";
import { renderMarkdown } from "../../src/report/markdown/index.js";
import { mdSection } from "../../src/report/markdown/render.js";
import { code, said, strong, sub, table, text, type Section } from "../../src/report/model/section.js";
import { reportSections } from "../../src/report/sections/index.js";
import { optionValue } from "../../src/report/sections/options.js";
import { drivenRing, oneWayPair, referenceAnalysis, unbounded } from "./fixtures.js";
import { NETWORKS, SCHEMA_PATH } from "../helpers/paths.js";

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as object);

/** futile-cycle with two thresholds: one at its default, one the user set, one a string. */
function withOptions(): Analysis {
  return {
    ...referenceAnalysis("futile-cycle"),
    options: [
      { name: "walkBudget", value: 2e6, meaning: "total length of cycles walked", isDefault: true },
      { name: "acceptViolation", value: "1% per rate constant", meaning: "violations accepted by the user", isDefault: false },
      { name: "seed", value: 7, meaning: "seed of the search", isDefault: false },
    ],
  };
}

describe("the section list", () => {
  it.each([["futile-cycle", referenceAnalysis("futile-cycle")], ["enso-regimes", referenceAnalysis("enso-regimes")], ["unbounded", unbounded()]] as const)(
    "%s: ids are unique, JSON fields come from one section each, in the contract's order", (_name, analysis) => {
      const sections = reportSections(analysis);
      const ids = sections.map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.at(-1)).toBe("notes");
      const nulls = new NullNotes();
      const budget = new ListingBudget(JSON_MAX_LISTED_ENTRIES);
      const keys = sections.flatMap((s) => Object.keys(s.json?.(nulls, budget) ?? {}));
      expect(new Set(keys).size).toBe(keys.length);
      expect(Object.keys(toJsonReport(analysis))).toEqual(["schema", "title", "source", "kind", ...keys]);
      expect(keys).toEqual(["species", "initial", "initialInferred", "reservoirs", "reactions", "structure", "detailedBalance",
        "steadyStates", "steadyStateSearch", "currents", "options", "notes"]);
    });

  it("notes, last, follows the analysis's notes with one per null the sections before it made", () => {
    const base = oneWayPair();
    const analysis: Analysis = { ...base, notes: ["from the analysis"], options: [{ name: "budget", value: Infinity, meaning: "m", isDefault: false }] };
    const report = toJsonReport(analysis);
    expect(report.notes[0]).toBe("from the analysis");
    expect(report.options["budget"]).toBeNull();
    const later = report.notes.slice(1);
    expect(later.some((n) => n.startsWith("detailedBalance.violations[0].affinity is null: infinite"))).toBe(true);
    expect(later.some((n) => n.startsWith("steadyStates[0].entropyProduction is null: infinite"))).toBe(true);
    expect(later.at(-1)).toBe("options.budget is null: +infinite.");
  });

  it("a new section is one value: both text formats render it, escaping what each must", () => {
    const section: Section = {
      id: "extra", title: "Extra",
      blocks: [
        text(["a_b <c> ", code("x|y"), " ", strong("bold"), " ", sub("A", "c"), " ", said("in Markdown", "in HTML")]),
        table(["name", ["value (", sub("k", "B"), ")"]], [[code("__proto__"), "1"]], "lr"),
        text("only in HTML", "html"),
      ],
    };
    const analysis = referenceAnalysis("futile-cycle");
    expect(mdSection(analysis, section, { maxRows: 200, diagrams: true })).toBe([
      "## Extra",
      "a\\_b \\<c> `x|y` **bold** A_c in Markdown",
      "| name | value (k_B) |\n| --- | ---: |\n| `__proto__` | 1 |",
    ].join("\n\n"));
    const html = htmlSection(analysis, section, "");
    expect(html.startsWith('<section id="extra"><h2>Extra</h2>\n<p>a_b &lt;c&gt; <code>x|y</code> <strong>bold</strong> A<sub>c</sub> in HTML</p>')).toBe(true);
    expect(html).toContain("<th class=\"num\">value (k<sub>B</sub>)</th>");
    expect(html).toContain("<p>only in HTML</p>");
    expect(mdSection(analysis, { id: "h", title: "H", blocks: [text("x", "html")] }, { maxRows: 200, diagrams: true })).toBe("");
  });

  it("Markdown cuts long tables at maxRows but never the fixed-size ones", () => {
    const md = renderMarkdown(drivenRing(300), { maxRows: 5 });
    expect(md).toContain("*… 295 more rows not shown (300 in all; the JSON report has every one).*");
    expect(md).toContain("| broken conservation laws |");
  });
});

describe("the Options section", () => {
  it("optionValue keeps every digit, in the report's number style", () => {
    expect([2e6, 4_000_000, 0.125, 1e-10, 1234567, 500, 0, Infinity].map(optionValue)).toEqual(["2e6", "4e6", "0.125", "1e-10", "1.234567e6", "500", "0", "∞"]);
    expect([null, true, false, "1% per rate constant"].map(optionValue)).toEqual(["unset", "yes", "no", "1% per rate constant"]);
  });

  it("Markdown: a table after the diagrams and before the notes, marking what the user set", () => {
    const md = renderMarkdown(withOptions());
    const at = (h: string) => md.indexOf(`\n## ${h}\n`);
    expect(at("Options")).toBeGreaterThan(at("Diagrams"));
    expect(at("Options")).toBeGreaterThan(0);
    expect(md).toContain("| option | value | meaning |\n| --- | ---: | --- |\n| `walkBudget` | 2e6 | total length of cycles walked |\n"
      + "| `acceptViolation` | 1% per rate constant (set) | violations accepted by the user |\n| `seed` | 7 (set) | seed of the search |");
    const notes = renderMarkdown({ ...withOptions(), notes: ["a note"] });
    expect(notes.indexOf("\n## Options\n")).toBeLessThan(notes.indexOf("\n## Notes\n"));
  });

  it("HTML: the same table, before the notes", () => {
    const html = renderHtml({ ...withOptions(), notes: ["a note"] }, "");
    const options = html.indexOf('<section id="options">');
    expect(options).toBeGreaterThan(html.indexOf('<section id="currents">'));
    expect(options).toBeLessThan(html.indexOf('<section id="notes">'));
    expect(html).toContain("<td class=\"\"><code>seed</code></td><td class=\"num\">7 (set)</td>");
  });

  it("JSON: options {name: value}, valid against the schema, which refuses values that are not scalars", () => {
    const report = JSON.parse(renderJson(withOptions())) as Record<string, unknown>;
    expect(report["options"]).toEqual({ walkBudget: 2000000, acceptViolation: "1% per rate constant", seed: 7 });
    expect(validate(report)).toBe(true);
    expect(validate({ ...report, options: { walkBudget: { value: 1 } } })).toBe(false);
    expect(validate({ ...report, options: [1] })).toBe(false);
  });

  it("a real analysis states the values it used, the user's marked as set", () => {
    const path = `${NETWORKS}/futile-cycle.crn`;
    const { network } = compile(readFileSync(path, "utf8"), path);
    expect(network).not.toBeNull();
    if (network === null) return;
    const analysis = analyze(network, { walkBudget: 12345 });
    expect(analysis.options.length).toBeGreaterThan(1);
    expect(renderMarkdown(analysis)).toContain("| `walkBudget` | 12345 (set) |");
    const json = toJsonReport(analysis);
    expect(json.options["walkBudget"]).toBe(12345);
    expect(Object.keys(json.options)).toEqual(analysis.options.map((o) => o.name));
    expect(renderMarkdown(analyze(network))).toMatch(/\| `walkBudget` \| [^|(]+ \|/);
  });
});

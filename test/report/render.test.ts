import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/index.js";
import { FORMATS, render, type Format } from "../../src/report/index.js";
import { compiles } from "../helpers/compile.js";

describe("render(analysis, format)", () => {
  const a = analyze(compiles("species A = 1, B\nA <-> B @ 2, 1", "ab.crn"));
  it("renders every format it names", () => {
    expect(FORMATS).toEqual(["md", "json", "html", "mermaid"]);
    for (const f of FORMATS) expect(render(a, f).length).toBeGreaterThan(0);
    expect(JSON.parse(render(a, "json"))).toBeTypeOf("object");
  });
  it("says which formats exist for one that does not, instead of a TypeError", () => {
    expect(() => render(a, "pdf" as Format)).toThrow(RangeError);
    expect(() => render(a, "pdf" as Format)).toThrow("unknown report format 'pdf'; the formats are md, json, html, mermaid");
    expect(() => render(a, undefined as unknown as Format)).toThrow("the formats are md, json, html, mermaid");
  });
});

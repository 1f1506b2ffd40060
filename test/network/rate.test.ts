import { describe, expect, it } from "vitest";
import { LiteralRate } from "../../src/network/rate.js";

describe("a literal rate placed on its line", () => {
  // line 3 starts at offset 96; the reaction spans columns 4..13 (0-based), the literal columns 9..11
  const line = { file: "f.crn", line: 3, lineStart: 96 };
  const reaction = { file: "f.crn", offset: 100, line: 3, column: 5, length: 10 };
  const want = { file: "f.crn", offset: 105, line: 3, column: 10, length: 3 };

  it("by the line's start", () => {
    expect(LiteralRate.at(1.5, "1.5", line, 9).span).toEqual(want);
  });

  it("by a span on the same line (the reaction's), to the same span", () => {
    const r = LiteralRate.at(1.5, "1.5", reaction, 9);
    expect(r.span).toEqual(want);
    expect(r.value).toBe(1.5);
    expect(r.exact).toEqual(LiteralRate.at(1.5, "1.5", line, 9).exact);
  });
});

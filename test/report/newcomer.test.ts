/** What a newcomer stumbled on in the reports (issue 15 item 8), each tried as they did. */
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/index.js";
import { MERMAID_CONFIG, renderHtml } from "../../src/report/html/index.js";
import { htmlTable, typesetUnits } from "../../src/report/html/render.js";
import { renderMarkdown } from "../../src/report/markdown/index.js";
import { compiles } from "../helpers/compile.js";

const ring = analyze(compiles('network "ring"\nstate a = 1, b, c\na <-> b @ 2, 1\nb <-> c @ 2, 1\nc <-> a @ 2, 1', "ring.crn"));
const chain = analyze(compiles('network "chain"\nstate a = 1, b, c\na <-> b @ 2, 1\nb <-> c @ 2, 1', "chain.crn"));

describe("the HTML report as a newcomer reads it", () => {
  it("typesets k_B T in the verdict box and everywhere else, never inside code", () => {
    const html = renderHtml(ring, "");
    const verdict = /<p class="verdict[^>]*>.*<\/p>/.exec(html)?.[0] ?? "";
    expect(verdict).toContain("k<sub>B</sub>T");
    expect(html).not.toMatch(/k_B/);
    expect(typesetUnits("A = 2 k_BT, <code>k_B</code> k_B T")).toBe("A = 2 k<sub>B</sub>T, <code>k_B</code> k<sub>B</sub>T");
  });

  it("keeps numbers whole in numeric cells (no break inside 6.31699e-21)", () => {
    const html = renderHtml(ring, "");
    expect(html).toMatch(/td\.num, th\.num \{[^}]*white-space: nowrap/);
    const table = htmlTable(["x", "value"], [["a", "6.31699e-21"], ["b", "undefined (the state has a zero concentration)"]], "lr");
    expect(table).toContain('<td class="num">6.31699e-21</td>');
    expect(table).toContain('<td class="num words">undefined');
  });

  it("calls a Markov network's rows of S states and its columns transitions", () => {
    for (const text of [renderHtml(ring, ""), renderMarkdown(ring)]) {
      expect(text).toContain("states (rows of S)");
      expect(text).toContain("transitions (columns of S)");
      expect(text).not.toContain("species (rows of S)");
    }
  });

  it("says nothing of chords when there are none (a chain is its own spanning tree)", () => {
    expect(chain.structure.cycleCount).toBe(0);
    expect(renderMarkdown(chain)).not.toContain("Each chord");
    expect(renderMarkdown(ring)).toContain("Each chord");
  });

  it("spaces diagrams wider than mermaid's defaults (50, 50) so edge labels clear the edges", () => {
    expect(MERMAID_CONFIG.flowchart.nodeSpacing).toBeGreaterThan(50);
    expect(MERMAID_CONFIG.flowchart.rankSpacing).toBeGreaterThan(50);
  });
});

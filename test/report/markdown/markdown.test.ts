import { describe, expect, it } from "vitest";
import type { Analysis } from "../../../src/analysis/types.js";
import { renderMarkdown, verdictLine } from "../../../src/report/markdown/index.js";
import { awkwardNames, drivenRing, oneWayPair, REFERENCE_NAMES, referenceAnalysis, unbounded } from "../fixtures.js";

const all = (): [string, Analysis][] => [
  ...REFERENCE_NAMES.map((n) => [n, referenceAnalysis(n)] as [string, Analysis]),
  ["awkward", awkwardNames()], ["one-way", oneWayPair()], ["unbounded", unbounded()], ["ring", drivenRing(300)],
];

/** Splits a GFM table row into cells, honouring `\|` escapes. */
function cells(row: string): string[] {
  return row.trim().replace(/^\|/, "").replace(/\|$/, "").split(/(?<!\\)\|/);
}

describe("Markdown report", () => {
  it.each(all())("%s: the title, then the verdict line first", (_n, analysis) => {
    const lines = renderMarkdown(analysis).split("\n");
    expect(lines[0]).toMatch(/^# \S/);
    expect(lines[1]).toBe("");
    expect(lines[2]).toBe(verdictLine(analysis));
    expect(lines[2]).toMatch(/^\*\*(Equilibrium|Driven|Driven, no steady state)\*\*: detailed balance (holds|fails) \((checked exactly|decided by a double-precision rounding bound, largest [0-9.e-]+ k\\_BT)\)/);
  });

  it("a driven network's verdict names the entropy production and the most driven cycle with its affinity", () => {
    const line = verdictLine(referenceAnalysis("futile-cycle"));
    expect(line).toBe("**Driven**: detailed balance fails (checked exactly); entropy production 0.137884 k\\_B per unit time; most driven cycle `r1 + r2` with affinity 15.2018 k\\_BT.");
    expect(verdictLine(referenceAnalysis("proton-pump"))).toContain("most driven cycle `3 pump + synthase` with affinity 27.8542 k\\_BT");
    expect(verdictLine(referenceAnalysis("enso-regimes"))).toContain("`Normal -> ElNino -> LaNina -> Normal`");
  });

  it("an equilibrium network says so", () => {
    expect(verdictLine(referenceAnalysis("a-b-equilibrium"))).toBe("**Equilibrium**: detailed balance holds (checked exactly); entropy production 0 k\\_B per unit time.");
  });

  it("several steady states: the verdict says which one it measured", () => {
    expect(verdictLine(referenceAnalysis("schlogl"))).toContain("entropy production 3.60425 k\\_B per unit time at steady state 1 of 3");
  });

  it("violations list the cycle in words, its affinity and the file:line of each reaction", () => {
    const md = renderMarkdown(referenceAnalysis("proton-pump"));
    expect(md).toMatch(/\| `3 pump \+ synthase` \| 27\.8542 \| exact \| balanced if the 4 constants on this cycle change by a factor of [0-9.]+ each; [^|]+ \| `pump`, `synthase` \| `reference\/proton-pump\.crn:5`, `reference\/proton-pump\.crn:7` \|/);
    expect(md).toMatch(/\| `pump \+ leak` \| 8\.51719 \| exact \| [^|]+ \| `pump`, `leak` \| `reference\/proton-pump\.crn:5`, `reference\/proton-pump\.crn:6` \|/);
  });

  it("conservation laws are written as equations", () => {
    expect(renderMarkdown(referenceAnalysis("futile-cycle"))).toContain("- `A + B = 1`");
    expect(renderMarkdown(referenceAnalysis("schlogl"))).toContain("No conservation laws");
  });

  it("steady states: one column each, stable first, with stability and entropy production", () => {
    const md = renderMarkdown(referenceAnalysis("schlogl"));
    expect(md).toContain("|  | state 1 | state 2 | state 3 |");
    expect(md).toContain("| stable | yes | yes | no |");
    expect(md).toContain("| `X` | 0.5 | 4 | 1 |");
    expect(md).toContain("| entropy production (k_B per unit time) | 3.60425 | 69.2017 | 12.9753 |");
  });

  it.each(REFERENCE_NAMES.filter((n) => n !== "a-b-equilibrium"))("%s: Schnakenberg's check σ = Σ A_c J_c agrees", (name) => {
    const md = renderMarkdown(referenceAnalysis(name));
    expect(md).toContain("## Currents (Schnakenberg)");
    expect(md).toMatch(/Check σ = Σ_c A_c J_c: .*✓ agree/);
  });

  it("infinite numbers are written in words with the reason, never NaN or Infinity", () => {
    const md = renderMarkdown(oneWayPair());
    expect(md).not.toMatch(/NaN|Infinity/);
    expect(md).toContain("∞ (infinite: a reaction on the cycle is one-way, so its reverse rate is 0)");
    expect(md).toContain("∞ (infinite: one-way reactions R1, R2 carry flux with no reverse rate)");
    expect(md).toMatch(/Check σ = Σ_c A_c J_c: not applicable \(infinite/);
  });

  it("no steady state: says so, with the reason in the notes", () => {
    const md = renderMarkdown(unbounded());
    expect(verdictLine(unbounded())).toMatch(/^\*\*Driven, no steady state\*\*/);
    expect(md).toContain("**No steady state.**");
    expect(md).toContain("- No steady state: A has an inflow (R1) and no outflow, so it grows without bound.");
  });

  it("names that look like markup stay literal", () => {
    const md = renderMarkdown(awkwardNames());
    expect(md).toContain("| `__proto__` | 1 |");
    expect(md).toContain("| `__defineGetter__` |");
    // Outside code spans and fenced blocks, no name is left where Markdown would read `__` as bold.
    const prose = md.replace(/```[\s\S]*?```/g, "").replace(/`[^`]*`/g, "");
    expect(prose).not.toContain("__");
  });

  it.each(all())("%s: every table row has as many cells as its header", (_n, analysis) => {
    const lines = renderMarkdown(analysis).split("\n");
    let width = -1;
    for (const line of lines) {
      if (!line.startsWith("|")) { width = -1; continue; }
      const n = cells(line).length;
      if (width < 0) width = n;
      else expect(n, line).toBe(width);
    }
  });

  it("has mermaid blocks GitHub renders: species and state views for mass action, states for Markov", () => {
    const count = (md: string) => (md.match(/^```mermaid$/gm) ?? []).length;
    expect(count(renderMarkdown(referenceAnalysis("futile-cycle")))).toBe(2);
    expect(count(renderMarkdown(referenceAnalysis("enso-regimes")))).toBe(1);
    expect(count(renderMarkdown(referenceAnalysis("enso-regimes"), { diagrams: false }))).toBe(0);
    expect(renderMarkdown(referenceAnalysis("enso-regimes"))).toMatch(/```mermaid\nflowchart LR\n[\s\S]*\n```\n/);
  });

  it("long tables are cut with a line saying how many rows are left out", () => {
    const md = renderMarkdown(drivenRing(300));
    expect(md).toContain("*… 100 more rows not shown (300 in all; the JSON report has every one).*");
    expect(md).toContain("… 292 more");
  });

  it("numbers have 6 significant digits", () => {
    const md = renderMarkdown(referenceAnalysis("futile-cycle"));
    expect(md).toContain("| `A` | 0.909289 |");
    expect(md).toContain("| `B` | 0.0907112 |");
  });
});

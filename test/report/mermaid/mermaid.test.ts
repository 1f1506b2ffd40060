import { describe, expect, it } from "vitest";
import type { Analysis } from "../../../src/analysis/types.js";
import { label, mermaidText, strokeWidth } from "../../../src/report/mermaid/builder.js";
import { DIAGRAM_VIEWS, renderDiagram } from "../../../src/report/mermaid/index.js";
import { parse } from "./parse.js";
import { awkwardNames, buildAnalysis, buildNetwork, drivenRing, REFERENCE_NAMES, referenceAnalysis, unbounded } from "../fixtures.js";

const analyses = (): [string, Analysis][] => [
  ...REFERENCE_NAMES.map((n) => [n, referenceAnalysis(n)] as [string, Analysis]),
  ["awkward", awkwardNames()], ["unbounded", unbounded()], ["ring-300", drivenRing(300)], ["ring-300-eq", drivenRing(300, 1, 1)],
];

describe("mermaid diagrams", () => {
  for (const view of DIAGRAM_VIEWS) {
    it.each(analyses())(`%s, ${view} view: generated ids, quoted labels, edges between declared nodes, one style per edge`, (_n, a) => {
      const d = parse(renderDiagram(a, view));
      for (const e of d.edges) {
        expect(d.nodes.has(e.from), e.from).toBe(true);
        expect(d.nodes.has(e.to), e.to).toBe(true);
      }
      for (const i of d.styles.keys()) expect(i).toBeLessThan(d.edges.length);
      expect(d.nodes.size).toBeLessThanOrEqual(201);
    });
  }

  it("names are labels, never ids, and lose no underscores to Markdown", () => {
    const src = renderDiagram(awkwardNames(), "species");
    expect(src).not.toMatch(/^ {2}(__proto__|constructor|toString)\b/m);
    const d = parse(src);
    expect([...d.nodes.values()].filter((l) => l.includes("proto"))).toEqual(["\\_\\_proto\\_\\_\nx = 0.3", "prototype\nJ = 0"]);
  });

  it("labels escape what would end them or start an entity", () => {
    expect(mermaidText('a"b#c<d>e`f')).toBe("a#quot;b#35;c#lt;d#gt;e#96;f");
    expect(mermaidText("*x* [y](z) ~~w~~ a|b")).toBe("\\*x\\* \\[y\\](z) \\~\\~w\\~\\~ a\\|b");
    expect(mermaidText("- item")).toBe("\\- item");
    expect(mermaidText("1. item")).toBe("1\\. item");
    expect(mermaidText("J = -0.5")).toBe("J = -0.5");
    expect(label("a", "b\nc")).toBe("`a\nb c`");
  });

  it("the state graph draws each edge along the net flow with its current", () => {
    const d = parse(renderDiagram(referenceAnalysis("enso-regimes"), "states"));
    expect(d.edges.map((e) => `${e.from}${e.arrow}${e.to}`)).toEqual(["n0-->n1", "n1-->n2", "n2-->n0"]);
    expect(d.edges[0]?.label).toBe('|"`R1: J = 0.0532164`"|');
    // The same chain with R3 written the other way round: its net flux is negative, so the arrow flips.
    const net = buildNetwork({ source: "flip.crn", kind: "markov", species: [["Normal", 1], ["ElNino", 1], ["LaNina", 1]], reactions: [
      { equation: "Normal <-> ElNino", forward: 0.2, reverse: 0.1 }, { equation: "ElNino <-> LaNina", forward: 0.3, reverse: 0.05 },
      { equation: "Normal <-> LaNina", forward: 0.25, reverse: 0.4 }] });
    const x = [0.3859649122807017, 0.23976608187134488, 0.3742690058479534];
    const flipped = buildAnalysis(net, { rank: 2, complexes: 3, linkageClasses: 1, deficiency: 0, conservationLaws: [[1, 1, 1]], cycles: [[1, 1, -1]],
      emergentCycles: 0, brokenConservationLaws: 0, holds: false, affinities: [2.954910279033736], states: [{ x, sigma: 0.157, stable: true }] });
    const f = parse(renderDiagram(flipped, "states"));
    const [, , r3] = f.edges;
    expect(r3 && `${r3.from}${r3.arrow}${r3.to}`).toBe("n2-->n0");
    expect(r3?.label).toBe('|"`R3: J = 0.0532164`"|');
  });

  it("thicker edges carry larger currents; cycles that break detailed balance are red", () => {
    const d = parse(renderDiagram(referenceAnalysis("proton-pump"), "states"));
    const width = (i: number) => Number(/stroke-width:([\d.]+)px/.exec(d.styles.get(i) ?? "")?.[1]);
    expect(width(0)).toBe(6);
    expect(width(2)).toBeLessThan(1.1);
    expect(width(1)).toBeGreaterThan(width(2));
    for (const s of d.styles.values()) expect(s).toContain("stroke:#d62728");
    const eq = parse(renderDiagram(referenceAnalysis("a-b-equilibrium"), "states"));
    expect(eq.edges[0]?.arrow).toBe("<-->");
    expect([...eq.styles.values()].some((s) => s.includes("#d62728"))).toBe(false);
    expect(strokeWidth(0, 1)).toBe(1);
    expect(strokeWidth(NaN, 1)).toBe(1.5);
  });

  it("the species view shows reservoirs, coefficients and fluxes on reactions", () => {
    const src = renderDiagram(referenceAnalysis("proton-pump"), "species");
    const d = parse(src);
    expect(d.nodes.get("x0")).toBe("NADH\nfixed 0.01");
    expect(d.nodes.get("r2")).toBe("synthase\nJ = 0.00185448");
    expect(d.edges.filter((e) => e.label === '|"`3`"|').map((e) => `${e.from}->${e.to}`)).toEqual(["n1->r2", "r2->n0"]);
  });

  it("the complex view folds reservoirs into the edges", () => {
    const d = parse(renderDiagram(referenceAnalysis("futile-cycle"), "complexes"));
    expect([...d.nodes.values()]).toEqual(["A", "B"]);
    expect(d.edges.map((e) => e.label)).toEqual(['|"`r1: ATP → ADP`"|', '|"`r2: ∅ → Pi`"|']);
  });

  it("a large driven network is summarised by its most driven cycle, shortened around an ellipsis", () => {
    const src = renderDiagram(drivenRing(300), "states");
    expect(src).toMatch(/%% ness: states view of generated\/ring.crn has 300 nodes, more than 200: drawing a summary instead/);
    const d = parse(src);
    expect(d.nodes.get("k0")).toContain("too many to draw readably");
    expect([...d.nodes.values()].some((l) => l.includes("290 more transitions"))).toBe(true);
    expect(d.nodes.size).toBe(1 + 11 + 1);
    expect(parse(renderDiagram(drivenRing(300), "species")).nodes.size).toBeLessThan(30);
  });

  it("a large balanced network is summarised by its linkage classes", () => {
    const d = parse(renderDiagram(drivenRing(300, 1, 1), "states"));
    expect(d.edges).toEqual([]);
    expect(d.nodes.get("l0")).toBe("linkage class 1\n300 complexes, 300 reactions\ns0, s1, s2, s3, …");
  });

  it("maxNodes sets where summaries start", () => {
    expect(renderDiagram(referenceAnalysis("enso-regimes"), "states", { maxNodes: 2 })).toContain("too many to draw");
    expect(renderDiagram(drivenRing(300), "states", { maxNodes: 1000 })).not.toContain("too many to draw");
  });

  it("no steady state: edges drawn as written", () => {
    const d = parse(renderDiagram(unbounded(), "species"));
    expect(d.edges.map((e) => `${e.from}${e.arrow}${e.to}`)).toEqual(["r0-->n0"]);
  });
});

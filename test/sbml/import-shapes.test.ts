/** Small hand-written SBML documents, one importer shape each. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/index.js";
import { importSbml } from "../../src/sbml/import.js";

const math = (inner: string) => `<math xmlns="http://www.w3.org/1998/Math/MathML">${inner}</math>`;
const ci = (x: string) => `<ci> ${x} </ci>`;
const times = (...xs: string[]) => `<apply><times/>${xs.join("")}</apply>`;

function doc(body: { compartments?: string; species: string; parameters?: string; reactions: string; extra?: string }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
  <model id="m" name="shapes">
    <listOfCompartments>${body.compartments ?? `<compartment id="c" size="1" spatialDimensions="3" constant="true"/>`}</listOfCompartments>
    <listOfSpecies>${body.species}</listOfSpecies>
    <listOfParameters>${body.parameters ?? ""}</listOfParameters>
    ${body.extra ?? ""}
    <listOfReactions>${body.reactions}</listOfReactions>
  </model>
</sbml>`;
}
const sp = (id: string, conc: number, comp = "c", extra = "") =>
  `<species id="${id}" compartment="${comp}" initialConcentration="${conc}" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false" ${extra}/>`;
const ref = (s: string, n = 1) => `<speciesReference species="${s}" stoichiometry="${n}" constant="true"/>`;
const rx = (id: string, lhs: string[], rhs: string[], law: string, attrs = `reversible="false"`) =>
  `<reaction id="${id}" ${attrs}><listOfReactants>${lhs.join("")}</listOfReactants><listOfProducts>${rhs.join("")}</listOfProducts><kineticLaw>${math(law)}</kineticLaw></reaction>`;
const par = (id: string, v: string) => `<parameter id="${id}" value="${v}" constant="true"/>`;

function network(xml: string) {
  const r = importSbml(xml, "t.xml");
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const c = compile(r.text!, "t.crn");
  expect(c.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { text: r.text!, diagnostics: r.diagnostics, network: c.network! };
}

describe("importSbml", () => {
  it("folds two compartment volumes into the rate constants exactly (amounts)", () => {
    const xml = doc({
      compartments: `<compartment id="a" size="2" spatialDimensions="3" constant="true"/><compartment id="b" size="0.7" spatialDimensions="3" constant="true"/>`,
      species: sp("A", 1, "a") + sp("B", 0.5, "b"),
      parameters: par("k", "0.3"),
      reactions: rx("bind", [ref("A"), ref("B")], [ref("A", 2)], times(ci("a"), ci("k"), ci("A"), ci("B"))),
    });
    const { network: n, text } = network(xml);
    // law a·k·[A][B] (amount/time) = a·k·(nA/a)(nB/b): k_ness = k / b = 0.3 / 0.7 = 3/7, exactly.
    expect(n.reactions[0]!.forward.exact).toEqual({ num: 3n, den: 7n });
    expect(text).toContain("@ 3 / 7");
    expect(n.species.map((s) => s.initial)).toEqual([2, 0.35]);
  });

  it("writes concentrations when every species is in one compartment, dividing by its size", () => {
    const xml = doc({
      compartments: `<compartment id="c" size="0.5" spatialDimensions="3" constant="true"/>`,
      species: sp("A", 1) + sp("B", 0),
      parameters: par("kf", "2") + par("kr", "1"),
      reactions: rx("r", [ref("A")], [ref("B")], times(ci("c"), `<apply><minus/>${times(ci("kf"), ci("A"))}${times(ci("kr"), ci("B"))}</apply>`)),
    });
    const n = network(xml).network;
    expect([n.reactions[0]!.forward.value, n.reactions[0]!.reverse!.value]).toEqual([2, 1]);
    expect(n.species[0]!.initial).toBe(1);
  });

  it("renames ids that are ness keywords and says so", () => {
    const xml = doc({ species: sp("species", 1) + sp("not", 0), parameters: par("k", "1"), reactions: rx("network", [ref("species")], [ref("not")], times(ci("c"), ci("k"), ci("species"))) });
    const { network: n, diagnostics } = network(xml);
    expect(n.species.map((s) => s.name)).toEqual(["species_", "not_"]);
    expect(n.reactions[0]!.id).toBe("network_");
    expect(diagnostics.some((d) => d.code === "sbml-note" && d.message.includes("renamed"))).toBe(true);
  });

  it("lets a local parameter hide a global one, and expands function definitions", () => {
    const xml = doc({
      species: sp("A", 1) + sp("B", 0),
      parameters: par("k", "1"),
      extra: `<listOfFunctionDefinitions><functionDefinition id="ma">${math(`<lambda><bvar>${ci("p")}</bvar><bvar>${ci("x")}</bvar>${times(ci("p"), ci("x"))}</lambda>`)}</functionDefinition></listOfFunctionDefinitions>`,
      reactions: `<reaction id="r" reversible="false"><listOfReactants>${ref("A")}</listOfReactants><listOfProducts>${ref("B")}</listOfProducts><kineticLaw>${math(`<apply>${ci("ma")}${ci("k")}${ci("A")}</apply>`)}<listOfLocalParameters><localParameter id="k" value="5"/></listOfLocalParameters></kineticLaw></reaction>`,
    });
    expect(network(xml).network.reactions[0]!.forward.value).toBe(5);
  });

  it("imports a law written backwards (−k·products) as the reverse reaction", () => {
    const xml = doc({ species: sp("A", 1) + sp("B", 0), parameters: par("k", "4"), reactions: rx("r", [ref("A")], [ref("B")], `<apply><minus/>${times(ci("k"), ci("B"))}</apply>`) });
    const n = network(xml).network;
    expect(n.reactions[0]!.equation).toBe("B -> A");
    expect(n.reactions[0]!.forward.value).toBe(4);
  });

  it("names a fast (rapid-equilibrium) reaction as unsupported and imports it as ordinary mass action", () => {
    const xml = doc({ species: sp("A", 1) + sp("B", 0), parameters: par("k", "2"), reactions: rx("r", [ref("A")], [ref("B")], times(ci("k"), ci("A")), `reversible="false" fast="true"`) });
    const { diagnostics, network: n } = network(xml);
    expect(diagnostics.some((d) => d.code === "sbml-unsupported" && d.message.includes("fast"))).toBe(true);
    expect(n.reactions[0]!.equation).toBe("A -> B");
  });

  it("scales fractional stoichiometry to integers and divides the law", () => {
    const xml = doc({ species: sp("A", 1) + sp("B", 0), parameters: par("k", "3"), reactions: rx("r", [ref("A")], [ref("B", 0.5)], times(`<cn>2</cn>`, ci("k"), `<apply><power/>${ci("A")}<cn>2</cn></apply>`)) });
    const n = network(xml).network;
    expect(n.reactions[0]!.equation).toBe("2 A -> B");
    expect(n.reactions[0]!.forward.value).toBe(3);
  });

  it("drops a direction whose rate constant is 0, with a diagnostic", () => {
    const xml = doc({ species: sp("A", 1) + sp("B", 0), parameters: par("kf", "1") + par("kr", "0"), reactions: rx("r", [ref("A")], [ref("B")], `<apply><minus/>${times(ci("kf"), ci("A"))}${times(ci("kr"), ci("B"))}</apply>`, `reversible="true"`) });
    const { network: n, diagnostics } = network(xml);
    expect(n.reactions[0]!.reverse).toBeNull();
    expect(diagnostics.map((d) => d.code)).toContain("sbml-note");
  });

  it("reports a Michaelis–Menten law at its <reaction>, and imports the rest", () => {
    const mm = `<apply><divide/>${times(ci("V"), ci("A"))}<apply><plus/>${ci("K")}${ci("A")}</apply></apply>`;
    const xml = doc({ species: sp("A", 1) + sp("B", 0), parameters: par("V", "1") + par("K", "2") + par("k", "1"), reactions: rx("ok", [ref("B")], [ref("A")], times(ci("k"), ci("B"))) + "\n      " + rx("mm", [ref("A")], [ref("B")], mm) });
    const r = importSbml(xml, "t.xml");
    const d = r.diagnostics.find((x) => x.code === "sbml-not-mass-action")!;
    expect(d.message).toContain("mm");
    expect(d.message).toContain("V * A / (K + A)");
    const line = xml.split("\n")[d.span!.line - 1]!;
    expect(line.slice(d.span!.column - 1).startsWith(`<reaction id="mm"`)).toBe(true);
    expect(r.text).toContain("#   mm: ");
    expect(compile(r.text!, "t.crn").network!.reactions.map((x) => x.id)).toEqual(["ok"]);
  });

  it.each([
    ["Hill", `<apply><power/>${ci("A")}<cn>2.5</cn></apply>`],
    ["modifier factor", times(ci("A"), ci("B"))],
    ["piecewise in a species", `<piecewise><piece>${ci("A")}<apply><gt/>${ci("A")}<cn>1</cn></apply></piece><otherwise><cn>0</cn></otherwise></piecewise>`],
  ])("rejects a %s law", (_, law) => {
    const xml = doc({ species: sp("A", 1) + sp("B", 0), reactions: rx("r", [ref("A")], [ref("B")], law) });
    const r = importSbml(xml, "t.xml");
    expect(r.text).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(["sbml-not-mass-action", "sbml-not-mass-action"]);
  });

  it("names events, rate rules and algebraic rules as unsupported", () => {
    const extra = `<listOfRules><rateRule variable="k">${math("<cn>1</cn>")}</rateRule><algebraicRule>${math(ci("k"))}</algebraicRule></listOfRules>
      <listOfEvents><event id="e1"><trigger>${math("<true/>")}</trigger><listOfEventAssignments><eventAssignment variable="k">${math("<cn>2</cn>")}</eventAssignment></listOfEventAssignments></event></listOfEvents>`;
    const xml = doc({ species: sp("A", 1) + sp("B", 0), parameters: `<parameter id="k" value="1" constant="false"/>` + par("k2", "1"), extra, reactions: rx("r", [ref("A")], [ref("B")], times(ci("k2"), ci("A"))) });
    const r = importSbml(xml, "t.xml");
    const msgs = r.diagnostics.filter((d) => d.code === "sbml-unsupported").map((d) => d.message);
    expect(msgs.some((m) => m.includes("event e1"))).toBe(true);
    expect(msgs.some((m) => m.includes("rate rule for k"))).toBe(true);
    expect(msgs.some((m) => m.includes("algebraic"))).toBe(true);
  });

  it("reports malformed XML as sbml-invalid at its position, and never throws", () => {
    const r = importSbml(`<?xml version="1.0"?>\n<sbml level="3" version="2">\n  <model id="m">\n  </modl>\n</sbml>`, "bad.xml");
    expect(r.text).toBeNull();
    expect(r.diagnostics[0]!.code).toBe("sbml-invalid");
    expect(r.diagnostics[0]!.span!.line).toBe(4);
    expect(importSbml(`<notsbml/>`, "x.xml").diagnostics[0]!.code).toBe("sbml-invalid");
  });

  it("never throws on mangled SBML", () => {
    const base = doc({ species: sp("A", 1) + sp("B", 0), parameters: par("k", "1"), reactions: rx("r", [ref("A")], [ref("B")], times(ci("k"), ci("A"))) });
    fc.assert(
      fc.property(fc.nat(base.length), fc.nat(40), fc.string({ maxLength: 12 }), (at, cut, insert) => {
        const mangled = base.slice(0, at) + insert + base.slice(Math.min(base.length, at + cut));
        const r = importSbml(mangled, "f.xml");
        expect(Array.isArray(r.diagnostics)).toBe(true);
        if (r.text === null) expect(r.diagnostics.some((d) => d.severity === "error")).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

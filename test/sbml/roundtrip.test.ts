/**
 * Export → import gives back the same network: for every imported model of shared/sbml and every
 * reference network. Structural numbers and the detailed-balance verdict (with its method) are
 * the same before and after.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeBalance } from "../../src/analysis/balance/index.js";
import { analyzeStructure } from "../../src/analysis/structure/index.js";
import { compile } from "../../src/compile/index.js";
import type { Network } from "../../src/network/types.js";
import { exportSbml } from "../../src/sbml/export.js";
import { importSbml } from "../../src/sbml/import.js";
import { parseXml } from "../../src/sbml/xml.js";
import { corpus, readModel, SBML_DIR } from "./models.js";

const REF = join(SBML_DIR, "../reference");

/** The network as comparable plain data (names, values, stoichiometry, exact rates, labels). */
function shape(n: Network): unknown {
  const terms = (ts: readonly { index: number; coefficient: number }[], names: readonly { name: string }[]) =>
    ts.map((t) => `${t.coefficient} ${names[t.index]!.name}`).sort();
  const exact = (r: { num: bigint; den: bigint } | null) => (r ? `${r.num}/${r.den}` : null);
  return {
    species: n.species.map((s) => [s.name, s.initial]),
    reservoirs: n.reservoirs.map((r) => [r.name, r.value, exact(r.exact)]),
    reactions: n.reactions.map((r) => ({
      id: r.id,
      reactants: terms(r.reactants, n.species),
      products: terms(r.products, n.species),
      reservoirReactants: terms(r.reservoirReactants, n.reservoirs),
      reservoirProducts: terms(r.reservoirProducts, n.reservoirs),
      forward: [r.forward.value, exact(r.forward.exact)],
      reverse: r.reverse ? [r.reverse.value, exact(r.reverse.exact)] : null,
    })),
  };
}

function structureNumbers(n: Network): unknown {
  const s = analyzeStructure(n);
  return [s.rank, s.complexes, s.linkageClasses, s.deficiency, s.reversible, s.weaklyReversible, s.conservationLaws.length, s.cycles.length, s.emergentCycles, s.brokenConservationLaws];
}

function verdict(n: Network): unknown {
  const b = analyzeBalance(n);
  return [b.holds, b.method, b.violations.length, b.violations.map((v) => Number(v.affinity.toPrecision(10)))];
}

function roundTrip(n: Network, name: string): Network {
  const xml = exportSbml(n);
  expect("root" in parseXml(xml)).toBe(true);
  const back = importSbml(xml, `${name}.xml`);
  expect(back.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  const c = compile(back.text!, `${name}.crn`);
  expect(c.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return c.network!;
}

const models = corpus().filter((f) => importSbml(readModel(f), f).text !== null);
const references = readdirSync(REF).filter((f) => f.endsWith(".crn")).sort();

describe("export then import", () => {
  it.each(models)("%s: same network, structure and detailed-balance verdict", (file) => {
    const n = compile(importSbml(readModel(file), file).text!, file).network!;
    const back = roundTrip(n, file);
    expect(shape(back)).toEqual(shape(n));
    expect(structureNumbers(back)).toEqual(structureNumbers(n));
    expect(verdict(back)).toEqual(verdict(n));
  });

  it.each(references)("reference %s: same reactions, structure and verdict", (file) => {
    const n = compile(readFileSync(join(REF, file), "utf8"), file).network!;
    expect(n).not.toBeNull();
    const back = roundTrip(n, file);
    // A Markov network comes back as mass action over the same states (SBML has no states).
    expect(shape(back)).toEqual(shape(n));
    if (n.kind === "mass-action") expect(structureNumbers(back)).toEqual(structureNumbers(n));
    expect(verdict(back)).toEqual(verdict(n));
  });

  it("keeps a rate constant that is an exact rational exactly (1/3 · 3 = 1 around a cycle)", () => {
    const n = compile("species A = 1, B, C\nr1: A <-> B @ 1/3, 1\nr2: B <-> C @ 3, 1\nr3: C <-> A @ 1, 1\n", "third.crn").network!;
    const xml = exportSbml(n);
    expect(xml).toContain("<initialAssignment");
    const back = roundTrip(n, "third");
    expect(back.reactions[0]!.forward.exact).toEqual({ num: 1n, den: 3n });
    expect(analyzeBalance(back).holds).toBe(true);
    expect(analyzeBalance(back).method).toBe("exact");
  });
});

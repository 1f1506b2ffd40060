/**
 * Every model of shared/sbml either imports and compiles, or gives the documented diagnostics;
 * the imported stoichiometry is the file's (read independently); non-mass-action diagnostics
 * point at their `<reaction>` element.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/index.js";
import { importSbml } from "../../src/sbml/import.js";
import type { Network } from "../../src/network/types.js";
import { corpus, NOT_MASS_ACTION, NOTHING_TO_IMPORT, plainModel, readModel } from "./models.js";

/** Net stoichiometry of a compiled reaction over internal species and reservoirs, by name. */
function netOf(n: Network, r: Network["reactions"][number]): Map<string, number> {
  const net = new Map<string, number>();
  const add = (name: string, c: number) => net.set(name, (net.get(name) ?? 0) + c);
  for (const t of r.reactants) add(n.species[t.index]!.name, -t.coefficient);
  for (const t of r.products) add(n.species[t.index]!.name, t.coefficient);
  for (const t of r.reservoirReactants) add(n.reservoirs[t.index]!.name, -t.coefficient);
  for (const t of r.reservoirProducts) add(n.reservoirs[t.index]!.name, t.coefficient);
  for (const [k, v] of net) if (v === 0) net.delete(k);
  return net;
}

describe.each(corpus())("%s", (file) => {
  const xml = readModel(file);
  const result = importSbml(xml, file);
  const codes = result.diagnostics.map((d) => d.code);

  it("imports without an error, or says why there is nothing to import", () => {
    const nothing = NOTHING_TO_IMPORT[file];
    if (nothing) {
      expect(result.text).toBeNull();
      expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual([nothing]);
      return;
    }
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.text).not.toBeNull();
    const c = compile(result.text!, file.replace(/\.xml$/, ".crn"));
    expect(c.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    // The only warning compile may give on an import is a species left in no reaction.
    expect(c.diagnostics.filter((d) => d.severity === "warning" && d.code !== "unused-species")).toEqual([]);
    expect(c.network).not.toBeNull();
  });

  it("flags exactly the documented non-mass-action laws, at their <reaction> elements", () => {
    const flagged = result.diagnostics.filter((d) => d.code === "sbml-not-mass-action" && d.severity === "warning");
    expect(flagged.length).toBe(NOT_MASS_ACTION[file] ?? 0);
    const lines = xml.split("\n");
    for (const d of flagged) {
      const id = /reaction (\S+) is not mass action/.exec(d.message)![1]!;
      expect(d.message).toContain("rate = ");
      const line = lines[d.span!.line - 1]!;
      expect(line.slice(d.span!.column - 1)).toMatch(/^<(\w+:)?reaction\b/);
      // The id is on the start tag (which may run over several lines).
      const tag = xml.slice(d.span!.offset, xml.indexOf(">", d.span!.offset));
      expect(tag).toMatch(new RegExp(`\\bid\\s*=\\s*"${id}"`));
      if (result.text !== null) expect(result.text).toContain(`#   ${id}: `);
    }
  });

  it("keeps the file's stoichiometry for every imported reaction", () => {
    if (!result.text) return;
    const network = compile(result.text, file).network!;
    const plain = plainModel(xml);
    const internal = plain.species.filter((s) => !s.boundary && !s.constant && !s.ruled).map((s) => s.id);
    expect(network.species.map((s) => s.name)).toEqual(internal);
    const fixed = new Set(plain.species.filter((s) => s.boundary || s.constant || s.ruled).map((s) => s.id));
    for (const r of network.reservoirs) expect(fixed.has(r.name)).toBe(true);
    const byId = new Map(plain.reactions.map((r) => [r.id, r]));
    let imported = 0;
    for (const r of network.reactions) {
      const file = byId.get(r.id)!;
      expect(file).toBeDefined();
      imported++;
      const mine = netOf(network, r);
      // Internal species: the column is the file's, times +1, −1 (written backwards), or an
      // integer s when the file's stoichiometry is fractional.
      const fileInternal = [...file.net].filter(([id, v]) => !fixed.has(id) && v !== 0);
      const fractional = fileInternal.some(([, v]) => !Number.isInteger(v));
      const first = fileInternal[0];
      if (!first) {
        expect([...mine.keys()].filter((k) => !fixed.has(k))).toEqual([]);
        continue;
      }
      const scale = (mine.get(first[0]) ?? 0) / first[1];
      expect(fractional ? Math.abs(scale) >= 1 && Number.isInteger(scale) : Math.abs(scale) === 1).toBe(true);
      for (const [id, v] of fileInternal) expect(mine.get(id)).toBeCloseTo(scale * v, 12);
      for (const [id] of mine) if (!fixed.has(id)) expect(file.net.get(id)).not.toBe(0);
      // Reservoirs kept in the equation move as in the file (those held at 0 may be left out).
      for (const [id, v] of mine) if (fixed.has(id)) expect(v).toBeCloseTo(scale * (file.net.get(id) ?? NaN), 12);
    }
    const flagged = codes.filter((c) => c === "sbml-not-mass-action").length;
    expect(imported).toBeLessThanOrEqual(plain.reactions.length - flagged);
  });
});

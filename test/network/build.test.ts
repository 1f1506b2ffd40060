import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/index.js";
import { compiles } from "../helpers/compile.js";
import { REFERENCE_DIR as REFERENCE, NETWORKS } from "../helpers/paths.js";


describe("the Network IR", () => {
  it("keeps integer stoichiometry apart for internal species and reservoirs, and builds complexes", () => {
    const n = compiles(readFileSync(join(REFERENCE, "proton-pump.crn"), "utf8"));
    expect(n.kind).toBe("mass-action");
    expect(n.species.map((s) => [s.name, s.initial, s.initialGiven])).toEqual([["Hin", 1, true], ["Hout", 1, true]]);
    const synthase = n.reactions[2]!;
    expect(synthase.id).toBe("synthase");
    expect(synthase.reactants).toEqual([{ index: 1, coefficient: 3 }]);
    expect(synthase.products).toEqual([{ index: 0, coefficient: 3 }]);
    expect(synthase.reservoirReactants.map((t) => n.reservoirs[t.index]!.name)).toEqual(["ADP", "Pi"]);
    expect(synthase.equation).toBe("3 Hout + ADP + Pi <-> 3 Hin + ATP");
    expect(n.complexes.map((c) => c.label)).toEqual(["Hin", "Hout", "3 Hout", "3 Hin"]);
    expect(synthase.forward.exact).toEqual({ num: 5n, den: 1n });
  });

  it("lets reactions come before the declarations and params they use", () => {
    const n = compiles("A -> B @ k\nspecies A = 1, B\nB -> A @ 2 * k\nparam k = 3");
    expect(n.reactions.map((r) => [r.id, r.forward.value])).toEqual([["R1", 3], ["R2", 6]]);
  });

  it("keeps every reaction of a file with more reactions than line feeds (`;`, CR line ends)", () => {
    const semicolons = compiles("species A, B, C\nA -> B @ 1; B -> C @ 2; C -> A @ 3; A <-> C @ 1, 2\n");
    expect(semicolons.reactions.map((r) => [r.id, r.equation])).toEqual([["R1", "A -> B"], ["R2", "B -> C"], ["R3", "C -> A"], ["R4", "A <-> C"]]);
    const cr = compiles(["species A, B, C", ...Array.from({ length: 40 }, (_, i) => `r${i}: ${"ABC"[i % 3]} -> ${"ABC"[(i + 1) % 3]} @ ${i + 1}`)].join("\r"));
    expect(cr.reactions.length).toBe(40);
    expect(cr.reactions.map((r) => [r.index, r.id, r.forward.value])).toEqual(Array.from({ length: 40 }, (_, i) => [i, `r${i}`, i + 1]));
  });

  it("keeps each declared value's exact rational, for a few names and for thousands", () => {
    for (const count of [3, 3000]) {
      // every third reservoir irrational (exp(1): no exact value), the others decimals
      const value = (i: number): string => (i % 3 === 2 ? "exp(1)" : `${i + 1}.5`);
      const names = Array.from({ length: count }, (_, i) => `Y${i} = ${value(i)}`);
      const n = compiles(`species A = 1, B\nreservoir ${names.join(", ")}\nA + Y0 <-> B @ 1, 2\n`);
      expect(n.reservoirs.map((r) => r.exact)).toEqual(Array.from({ length: count }, (_, i) => (i % 3 === 2 ? null : { num: BigInt(2 * i + 3), den: 2n })));
    }
  });

  it("names unlabelled reactions R<n> by position among all reactions", () => {
    const n = compiles("species A, B\nA -> B @ 1\nmid: B -> A @ 1\nA <-> B @ 1, 2");
    expect(n.reactions.map((r) => [r.id, r.labelGiven])).toEqual([["R1", false], ["mid", true], ["R3", false]]);
  });

  it("normalises a Markov network's initial amounts, uniform when none is given", () => {
    const uniform = compiles("state S, T, U\nS <-> T @ 1, 1\nT <-> U @ 1, 1");
    expect(uniform.species.map((s) => s.initial)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    const given = compiles("state S = 3, T = 1, U\nS <-> T @ 1, 1\nT <-> U @ 1, 1");
    expect(given.species.map((s) => [s.initial, s.initialGiven])).toEqual([[0.75, true], [0.25, true], [0, false]]);
  });

  it("treats __proto__, constructor and toString as ordinary names", () => {
    const n = compiles("species __proto__ = 1, constructor, toString\n__proto__ + constructor <-> toString @ 1, 2\nhasOwnProperty: toString -> __proto__ @ 1");
    expect(n.speciesIndex.get("__proto__")).toBe(0);
    expect(n.speciesIndex.get("toString")).toBe(2);
    expect(n.reactionIndex.get("hasOwnProperty")).toBe(1);
    expect(n.complexes.map((c) => c.label)).toEqual(["__proto__ + constructor", "toString", "__proto__"]);
  });

  it("is frozen", () => {
    const n = compiles("species A, B\nA -> B @ 1");
    expect(Object.isFrozen(n)).toBe(true);
    expect(Object.isFrozen(n.reactions)).toBe(true);
    expect(Object.isFrozen(n.reactions[0])).toBe(true);
  });

  it("keeps rates exact when they are rational expressions of decimal literals", () => {
    const n = compiles("param a = 0.1, b = 3\nspecies A, B\nA <-> B @ a/b, exp(1)\nB -> A @ 2^-2 + 1e-3");
    expect(n.reactions[0]!.forward.exact).toEqual({ num: 1n, den: 30n });
    expect(n.reactions[0]!.reverse!.exact).toBeNull();
    expect(n.reactions[1]!.forward.exact).toEqual({ num: 251n, den: 1000n });
  });
});

describe("every network compiles without warnings", () => {
  const files = [
    ...readdirSync(REFERENCE).filter((f) => f.endsWith(".crn")).map((f) => join(REFERENCE, f)),
    ...readdirSync(NETWORKS).filter((f) => f.endsWith(".crn")).map((f) => join(NETWORKS, f)),
  ];
  it.each(files)("%s", (file) => {
    const text = readFileSync(file, "utf8");
    const r = compile(text, file);
    expect(r.diagnostics).toEqual([]);
    expect(r.network).not.toBeNull();
  });

  it("there are at least 12 example networks", () => {
    expect(readdirSync(NETWORKS).filter((f) => f.endsWith(".crn")).length).toBeGreaterThanOrEqual(12);
  });
});

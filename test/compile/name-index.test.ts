/**
 * The name table of the compiler (compile/name-index.ts): species and reservoirs found by their
 * characters on a line and read through Map views, held to two plain Maps on random names.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NameIndex } from "../../src/compile/name-index.js";

describe("NameIndex", () => {
  it("finds every name it was given, on a line's characters and through its views, as two Maps do", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,6}$/), fc.boolean()), { selector: ([n]) => n, maxLength: 3000 }), fc.array(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,6}$/), { maxLength: 50 }), (names, probes) => {
        const index = new NameIndex();
        const species = new Map<string, number>(), reservoirs = new Map<string, number>();
        for (const [name, isSpecies] of names) {
          const into = isSpecies ? species : reservoirs;
          expect(index.add(isSpecies ? "species" : "reservoir", name)).toBe(into.size);
          into.set(name, into.size);
        }
        for (const name of [...names.map(([n]) => n), ...probes]) {
          const line = `2 ${name} + x`;
          const s = species.get(name), r = reservoirs.get(name);
          expect(index.find(line, 2, 2 + name.length)).toBe(s !== undefined ? s + 1 : r !== undefined ? -(r + 1) : 0);
          expect([index.species.get(name), index.reservoirs.get(name), index.species.has(name)]).toEqual([s, r, s !== undefined]);
        }
        expect([...index.species]).toEqual([...species]);
        expect([...index.reservoirs.keys()]).toEqual([...reservoirs.keys()]);
        expect([index.species.size, index.reservoirs.size]).toEqual([species.size, reservoirs.size]);
        expect([index.speciesNames, index.reservoirNames]).toEqual([[...species.keys()], [...reservoirs.keys()]]);
      }),
      { numRuns: 60 },
    );
  });

  it("adds a name once by addIfNew, as add does, and refuses one it has (of either kind)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom("A", "B", "C", "ATP", "s1", "s10", "_"), fc.boolean()), { maxLength: 40 }), (names) => {
        const index = new NameIndex(), first = new NameIndex();
        const seen = new Set<string>();
        for (const [name, isSpecies] of names) {
          const kind = isSpecies ? "species" : "reservoir";
          const got = index.addIfNew(kind, name);
          if (seen.has(name)) expect(got).toBe(-1);
          else {
            expect(got).toBe(first.add(kind, name));
            seen.add(name);
          }
        }
        for (const name of ["A", "B", "C", "ATP", "s1", "s10", "_", "D"]) expect(index.find(name, 0, name.length)).toBe(first.find(name, 0, name.length));
        expect([index.speciesNames, index.reservoirNames]).toEqual([first.speciesNames, first.reservoirNames]);
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});

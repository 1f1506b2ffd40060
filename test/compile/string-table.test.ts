/**
 * The compiler's StringTable (compile/string-table.ts): strings of at most 8 characters below 256
 * are compared by their packed characters, any other character by character. Whatever the strings,
 * it must answer as a Map from string to insertion index does.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StringTable } from "../../src/compile/string-table.js";

// short and long, NUL and other low characters (which pack as 0 or near it), Latin-1 and wider
const char = fc.constantFrom("a", "b", "s", "1", "\u0000", "\u0001", "ÿ", "é", "Ā", "λ", "😀".charAt(0), " ");
const str = fc.array(char, { minLength: 0, maxLength: 12 }).map((cs) => cs.join(""));

describe("StringTable", () => {
  it("finds, adds and refuses strings as a Map of first indices would", () => {
    fc.assert(
      fc.property(fc.array(str, { maxLength: 60 }), fc.array(str, { maxLength: 60 }), (added, asked) => {
        const table = new StringTable();
        const map = new Map<string, number>();
        for (const s of added) {
          const got = table.addIfNew(s);
          if (map.has(s)) expect(got).toBe(-1);
          else {
            expect(got).toBe(map.size);
            map.set(s, got);
          }
        }
        for (const s of [...asked, ...added]) {
          // found on the characters of a longer text, as the compiler finds a name on its line
          const text = `<${s}>`;
          expect(table.find(text, 1, 1 + s.length)).toBe(map.get(s) ?? -1);
        }
        expect(table.strings).toEqual([...map.keys()]);
      }),
      { numRuns: 400, seed: 41 },
    );
  });

  it("tells apart strings that pack alike but differ in length, past the eighth character, or in a wide character", () => {
    const table = new StringTable();
    const strings = ["ab", "ab\u0000", "abcdefgh", "abcdefghi", "abcdefgi", "Āb", "\u0000b", "", "\u0000"];
    strings.forEach((s, i) => expect(table.add(s)).toBe(i));
    strings.forEach((s, i) => expect(table.find(`x${s}y`, 1, 1 + s.length)).toBe(i));
    expect(table.find("abcdefghj", 0, 9)).toBe(-1);
    expect(table.find("ab\u0001", 0, 3)).toBe(-1);
  });

  it("tells apart strings whose hashes collide, packed or compared character by character", () => {
    // FNV-1a collisions found by enumeration; the table's hash is FNV-1a then a bijective mixer
    const fnv = (x: string): number => {
      let h = 0x811c9dc5 | 0;
      for (let i = 0; i < x.length; i++) h = Math.imul(h ^ x.charCodeAt(i), 0x01000193);
      return h;
    };
    for (const [a, b] of [["s6rjf", "snpfh"], ["species5vlf", "speciesmpdh"]] as const) {
      expect(fnv(a)).toBe(fnv(b));
      const table = new StringTable();
      expect([table.add(a), table.addIfNew(b), table.addIfNew(a), table.addIfNew(b)]).toEqual([0, 1, -1, -1]);
      expect([table.find(` ${b}`, 1, 1 + b.length), table.find(`${a} `, 0, a.length)]).toEqual([1, 0]);
    }
  });

  it("keeps answering as it grows past its first slots and keys (10 000 names)", () => {
    const table = new StringTable();
    for (let i = 0; i < 10_000; i++) expect(table.addIfNew(`s${i}`)).toBe(i);
    for (let i = 0; i < 10_000; i += 7) expect(table.find(`+ s${i} +`, 2, 3 + String(i).length)).toBe(i);
    expect(table.addIfNew("s9999")).toBe(-1);
    expect(table.find("s10000", 0, 6)).toBe(-1);
  });
});

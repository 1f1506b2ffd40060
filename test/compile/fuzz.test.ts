/** No input string makes the compiler throw, hang or return a network together with errors. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/index.js";

const FRAGMENTS = [
  "species", "state", "reservoir", "chemostat", "param", "network", "assert", "not", "detailed_balance",
  "A", "B", "X1", "__proto__", "constructor", "k", "0", "1", "2", "2.5", ".5", "1e-3", "1e400", "-", "+", "*", "/", "^",
  "(", ")", ",", ";", ":", "@", "=", "->", "<->", "=>", "<-", "<=>", "exp", "log", "sqrt", '"', '"t"', "#c", "\n", " ",
  "flux(", "conc(", "entropy_production", "steady_states", ">", "<", ">=", "+-", "\u0000", "é", "\t",
];

function check(text: string): void {
  const r = compile(text, "fuzz.crn");
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (r.network) expect(errors).toEqual([]);
  else expect(errors.length).toBeGreaterThan(0);
  for (const d of r.diagnostics) {
    if (!d.span) continue;
    expect(d.span.line).toBeGreaterThanOrEqual(1);
    expect(d.span.column).toBeGreaterThanOrEqual(1);
    expect(d.span.offset).toBeLessThanOrEqual(text.length);
  }
}

describe("the compiler never throws", () => {
  it("on arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), check), { numRuns: 400, seed: 42 });
  });

  it("on token soup from the language's own vocabulary", () => {
    const soup = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((xs) => xs.join(" "));
    fc.assert(fc.property(soup, check), { numRuns: 1500, seed: 7 });
  });

  it("on lines of well-formed reactions with random mistakes", () => {
    const line = fc.tuple(fc.constantFrom("A", "2 B", "0", "C + D", "X"), fc.constantFrom("->", "<->", "=>"), fc.constantFrom("B", "A + C", "0"), fc.constantFrom("1", "1, 2", "k", "0", "1/0", "-1"));
    const file = fc.array(line, { maxLength: 12 }).map((ls) => "species A, B, C, D\nparam k = 2\n" + ls.map(([l, a, r, k]) => `${l} ${a} ${r} @ ${k}`).join("\n"));
    fc.assert(fc.property(file, check), { numRuns: 500, seed: 3 });
  });
});

describe("pathological input is refused quickly", () => {
  it("100 000 nested parentheses", () => {
    const r = compile(`species A\nA -> 0 @ ${"(".repeat(100_000)}1${")".repeat(100_000)}`);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["nesting-too-deep"]);
  });

  it("a 1 MB line", () => {
    const r = compile(`species A\nA -> 0 @ ${"1+".repeat(500_000)}1`);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["nesting-too-deep"]);
    const junk = compile("species " + "A".repeat(1_000_000));
    expect(junk.network).not.toBeNull();
  });

  it("a megabyte of binary garbage", () => {
    let seed = 1;
    const bytes = Array.from({ length: 1_000_000 }, () => String.fromCharCode((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256));
    const r = compile(bytes.join(""));
    expect(r.diagnostics.map((d) => d.code)).toEqual(["binary-input"]);
  });

  it("after 50 errors one more says the rest of the file was not checked", () => {
    const r = compile("species A B\n".repeat(200));
    const last = r.diagnostics[r.diagnostics.length - 1]!;
    expect(r.diagnostics.length).toBe(52);
    expect(last.message).toMatch(/rest of the file was not checked/);
    expect(last.span?.line).toBe(52);
  });

  it("the same cap holds for semantic errors, and they cost no quadratic time", () => {
    const names = Array.from({ length: 5000 }, (_, i) => `S${i}`);
    const r = compile(`species ${names.join(", ")}\n${names.map((n, i) => `${n} -> Q${i} @ 1`).join("\n")}`);
    expect(r.diagnostics.length).toBe(52);
    expect(r.diagnostics.at(-1)!.message).toMatch(/rest of the file was not checked/);
  });

  it("a flood of unexpected characters is cut short", () => {
    const r = compile("$".repeat(10_000) + "\n" + "species A $\n".repeat(5000));
    expect(r.network).toBeNull();
    expect(r.diagnostics.length).toBeLessThan(200);
  });
});

/** The formatter: the canonical layout, kept comments and line endings, idempotence, and the same network. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/index.js";
import { format, sameNetwork } from "../../src/format/index.js";
import { ROOT } from "../helpers/paths.js";

describe("format: the layout", () => {
  it("spaces tokens canonically", () => {
    expect(format("param  k=-1+ -2*exp( 3 ),j =k ^2 / 4\n")).toBe("param k = -1 + -2 * exp(3), j = k^2 / 4\n");
    expect(format("r1:2A+B->0@k\n")).toBe("r1: 2 A + B -> 0 @ k\n");
    expect(format("assert conc( A )=0.5 +- 1e-3\n")).toBe("assert conc(A) = 0.5 +- 1e-3\n");
    expect(format("assert detailed_balance within 1 %\n")).toBe("assert detailed_balance within 1%\n");
  });

  it("aligns labels, equations and @ within a block of consecutive reactions", () => {
    const text = "a: A <-> B @ 1, 2\nlong_label: B + C <-> 2 A @ 3, 4\n\nx: A -> B @ 1\n";
    expect(format(text)).toBe(
      "a:          A <-> B        @ 1, 2\n" +
      "long_label: B + C <-> 2 A  @ 3, 4\n" +
      "\n" +
      "x: A -> B @ 1\n",
    );
  });

  it("keeps comments, aligning trailing ones of consecutive lines, and removes indentation", () => {
    const text = "   # heading  \nspecies A = 1   # first\nreservoir  B = 2 # second\n\n\n\nA <-> B @ 1, 1\n";
    expect(format(text)).toBe("# heading\nspecies A = 1    # first\nreservoir B = 2  # second\n\nA <-> B @ 1, 1\n");
  });

  it("keeps CRLF line endings and ends the file with one", () => {
    expect(format("species A=1\r\nA->0@1")).toBe("species A = 1\r\nA -> 0 @ 1\r\n");
    expect(format("\n\nspecies A\n\n\n")).toBe("species A\n");
  });

  it("keeps a line the lexer rejects as written", () => {
    expect(format("species A $ B   \nA->0@1\n")).toBe("species A $ B\nA -> 0 @ 1\n");
  });

  it("spaces the measurement statements and assert forms by the same rules", () => {
    const text = "param s = 1.2\nspecies X = 1\nvolume   50\nr1: 0 -> X @ s\nr2 : X -> 0@1\nr3: 2 X <-> 3 X @ 1 , 1\ncurrent  J =r1 - 2 r2 step 36 nm\nforce s on J kT 4.114\nassert steady_states = 1  at s=1.2\nassert bistable s from 1 to  2\n";
    const once = format(text);
    expect(once).toBe("param s = 1.2\nspecies X = 1\nvolume 50\nr1: 0 -> X       @ s\nr2: X -> 0       @ 1\nr3: 2 X <-> 3 X  @ 1, 1\ncurrent J = r1 - 2 r2 step 36 nm\nforce s on J kT 4.114\nassert steady_states = 1 at s = 1.2\nassert bistable s from 1 to 2\n");
    expect(compile(text).network).not.toBeNull();
    expect(sameNetwork(text, once)).toBe(true);
  });

  it("keeps strings, and '#' inside them, as written", () => {
    expect(format('network   "A # not a comment"  # a comment\n')).toBe('network "A # not a comment"  # a comment\n');
  });
});

const networks = readdirSync(join(ROOT, "networks")).filter((f) => f.endsWith(".crn"));

describe("format: every example network", () => {
  it.each(networks)("%s: idempotent and the same network", (f) => {
    const text = readFileSync(join(ROOT, "networks", f), "utf8");
    const once = format(text);
    expect(format(once)).toBe(once);
    expect(compile(once, f).network).not.toBeNull();
    expect(sameNetwork(text, once, f)).toBe(true);
    expect(sameNetwork(text.replace(/\n/g, "\r\n"), format(text.replace(/\n/g, "\r\n")), f)).toBe(true);
  });

  it("sameNetwork tells a changed rate constant, name or order apart", () => {
    const text = readFileSync(join(ROOT, "networks", "futile-cycle.crn"), "utf8");
    expect(sameNetwork(text, text.replace("kf = 2.0", "kf = 2.5"))).toBe(false);
    expect(sameNetwork(text, text.replace(/phosphatase/g, "phos"))).toBe(false);
  });

  it("sameNetwork reads the fields of reactions lowered by the fast path (getters on columns), and of complexes", () => {
    const base = "species A = 1, B, C\nr1: A <-> B @ 1.5, 2\nB -> C @ 3\n";
    expect(sameNetwork(base, base.replace("1.5, 2", "1.5,  2"))).toBe(true);
    expect(sameNetwork(base, base.replace("1.5, 2", "1.5, 2.5"))).toBe(false); // a literal rate
    expect(sameNetwork(base, base.replace("B -> C", "B -> 2 C"))).toBe(false); // a side, and a complex
    expect(sameNetwork(base, base.replace("r1:", "r2:"))).toBe(false); // a label
    expect(sameNetwork(base, base.replace("B -> C @ 3", "B -> C @ 3;"))).toBe(true); // the ordinary path against the fast one
  });
});

/** Random files: declarations and reactions with random spacing, labels, comments and line endings. */
const blank = fc.constantFrom("", " ", "  ", "\t");
const name = fc.constantFrom("A", "B", "C", "X1", "long_name");
const num = fc.constantFrom("1", "2.5", ".5", "1e-3", "6.02E2");
const sp = (parts: string[], gaps: string[]): string => parts.map((p, i) => (gaps[i] ?? "") + p).join("");
const term = fc.tuple(fc.option(fc.constantFrom("2", "3")), name, blank).map(([c, n, g]) => (c ? `${c}${g || " "}${n}` : n));
const side = fc.array(term, { minLength: 1, maxLength: 3 }).chain((ts) => fc.array(blank, { minLength: ts.length * 2, maxLength: ts.length * 2 }).map((gs) => ts.map((t, i) => `${gs[2 * i]}${t}`).join(`${"+"}`)));
const rate = fc.tuple(num, blank, fc.constantFrom("", "*k", "/2", "^2", " * exp(k)")).map(([n, g, tail]) => `${n}${g}${tail}`);
const reaction = fc.tuple(fc.option(fc.constantFrom("r1", "r2", "lab", "a_long_label")), side, fc.constantFrom("->", "<->"), side, rate, rate, fc.array(blank, { minLength: 6, maxLength: 6 }), fc.option(fc.constantFrom("# note", "#x  ")))
  .map(([label, l, arrow, r, k1, k2, g, c]) => sp([label ? `${label}:` : "", l, arrow, r, "@", k1, arrow === "<->" ? `,${k2}` : "", c ? c : ""], g));
const line = fc.oneof(reaction, reaction, fc.constant(""), fc.constant("# comment"), blank.map((b) => `${b}species A = 1, B,C${b}`));
const file = fc.tuple(fc.array(line, { maxLength: 12 }), fc.constantFrom("\n", "\r\n")).map(([ls, eol]) => `param k = 2\nspecies A, B, C, X1, long_name\n${ls.join(eol)}${eol}`);

describe("format: random files", () => {
  it("is idempotent, keeps every token and compiles to the same network (or the same errors)", () => {
    fc.assert(
      fc.property(file, (text) => {
        const once = format(text);
        expect(format(once)).toBe(once);
        expect(once.replace(/\s+/g, "")).toBe(text.replace(/\s+/g, ""));
        expect(sameNetwork(text, once)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

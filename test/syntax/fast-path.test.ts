/** The fast path must build exactly the AST chevrotain builds, or defer to it. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DiagnosticSink } from "../../src/diagnostics.js";
import { fastStatement } from "../../src/syntax/fast-path.js";
import { parse } from "../../src/syntax/parse.js";

function both(line: string): { fast: unknown; slow: unknown; slowErrors: number; taken: boolean } {
  const w = { file: "f.crn", line: 1, lineStart: 0 };
  const taken = fastStatement(line, w) !== null;
  const a = new DiagnosticSink(), b = new DiagnosticSink();
  const fast = parse(line, "f.crn", a).statements;
  const slow = parse(line, "f.crn", b, { fastPath: false }).statements;
  expect(a.items).toEqual(b.items);
  return { fast, slow, slowErrors: b.items.length, taken };
}

const ws = fc.constantFrom("", " ", "  ", "\t");
const name = fc.constantFrom("A", "B2", "_x", "Hout", "__proto__", "species", "not", "k");
const num = fc.constantFrom("0", "1", "2", "3", "2.5", ".5", "1e-3", "6.02E23", "10");
const term = fc.tuple(fc.option(num, { nil: undefined }), ws, name).map(([c, s, n]) => (c === undefined ? n : `${c} ${s}${n}`));
const sideArb = fc.oneof(fc.constant("0"), fc.array(term, { minLength: 1, maxLength: 4 }).chain((ts) => ws.map((s) => ts.join(`${s}+${s}`))));
const rate = fc.oneof(num, name, fc.constantFrom("k*2", "exp(1)", "-1"));
/** How a reaction line ends: mostly as the fast path takes it (a `;` or `"` in a comment too), sometimes with more that it must refuse. */
const reactionEnd = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("", " # note", "#", " # a; b", ' # "q"') },
  { weight: 1, arbitrary: fc.constantFrom("; B -> A @ 1", ";", ' "x"') },
);
const reactionLine = fc
  .tuple(fc.option(name, { nil: undefined }), ws, sideArb, ws, fc.constantFrom("->", "<->", "=>"), ws, sideArb, ws, fc.array(rate, { minLength: 1, maxLength: 3 }), reactionEnd)
  .map(([l, s1, lhs, s2, arrow, s3, rhs, s4, rates, comment]) => `${s1}${l ? `${l}:${s1}` : ""}${lhs}${s2}${arrow}${s3}${rhs}${s4}@${s4}${rates.join(`,${s1}`)}${comment}`);
const declLine = fc
  .tuple(fc.constantFrom("species", "state", "reservoir", "chemostat", "param"), ws, fc.array(fc.tuple(name, fc.option(num, { nil: undefined })), { minLength: 1, maxLength: 5 }), fc.constantFrom("", " # c", " # c; d", ' # "e"', "; species Z", ' "s"'))
  .map(([kw, s, ds, c]) => `${kw} ${ds.map(([n, v]) => (v === undefined ? n : `${n}${s}=${s}${v}`)).join(`,${s}`)}${c}`);

/** Lines the fast path exists for: literal or named rates, plain names, good arrows. */
const plainName = fc.constantFrom("A", "B2", "_x", "Hout", "__proto__", "k");
const plainTerm = fc.tuple(fc.option(fc.constantFrom("1", "2", "3", "10"), { nil: undefined }), plainName).map(([c, n]) => (c === undefined ? n : `${c} ${n}`));
const plainSide = fc.oneof(fc.constant("0"), fc.array(plainTerm, { minLength: 1, maxLength: 3 }).map((ts) => ts.join(" + ")));
const plainLine = fc
  .tuple(fc.option(plainName, { nil: undefined }), plainSide, fc.constantFrom("->", "<->"), plainSide, fc.array(fc.oneof(num, plainName), { minLength: 1, maxLength: 2 }), fc.constantFrom("", " # note"))
  .map(([l, lhs, arrow, rhs, rates, c]) => `${l ? `${l}: ` : ""}${lhs} ${arrow} ${rhs} @ ${rates.join(", ")}${c}`);

describe("fast path", () => {
  it("takes every plain reaction line, and builds chevrotain's AST for it", () => {
    fc.assert(
      fc.property(plainLine, (line) => {
        const r = both(line);
        expect(r.taken).toBe(true);
        expect(r.fast).toEqual(r.slow);
      }),
      { numRuns: 1000, seed: 17 },
    );
  });

  it("agrees with chevrotain on reaction lines", () => {
    let taken = 0;
    fc.assert(
      fc.property(reactionLine, (line) => {
        const r = both(line);
        expect(r.fast).toEqual(r.slow);
        if (r.taken) taken++;
      }),
      { numRuns: 3000, seed: 11 },
    );
    expect(taken).toBeGreaterThan(150);
  });

  it("agrees with chevrotain on declaration lines", () => {
    let taken = 0;
    fc.assert(
      fc.property(declLine, (line) => {
        const r = both(line);
        expect(r.fast).toEqual(r.slow);
        if (r.taken) taken++;
      }),
      { numRuns: 2000, seed: 5 },
    );
    expect(taken).toBeGreaterThan(300);
  });

  it("takes the common shapes and defers the rest", () => {
    const w = { file: "f", line: 1, lineStart: 0 };
    expect(fastStatement("r1: A + 2 B <-> C @ 1.5, kr  # comment", w)).not.toBeNull();
    expect(fastStatement("state s0 = 1, s1, s2", w)).not.toBeNull();
    expect(fastStatement("A -> B @ k*exp(f/2)", w)).toBeNull();
    expect(fastStatement('network "x"', w)).not.toBeNull();
    expect(fastStatement("assert detailed_balance", w)).not.toBeNull();
    expect(fastStatement("assert not detailed_balance  # driven", w)).not.toBeNull();
    expect(fastStatement('network "x"; species A', w)).toBeNull();
    expect(fastStatement("assert detailed_balance within 1 %", w)).toBeNull();
    expect(fastStatement("assert conc(A) = 1", w)).toBeNull();
    expect(fastStatement("A -> B @ 1; B -> A @ 1", w)).toBeNull();
  });

  it("agrees with chevrotain on network and assert lines, and takes the plain ones", () => {
    const title = fc.constantFrom("", "x", "driven torus, 40000 states", "a # b", "a; b", "×→", "'q'");
    const networkLine = fc
      .tuple(ws, fc.constantFrom("network", "networks", "Network"), ws, fc.constantFrom('"', ""), title, fc.constantFrom('"', '""', ""), ws, fc.constantFrom("", "# c", "; assert x", "x", '"'))
      .map(([s1, kw, s2, open, t, close, s3, end]) => `${s1}${kw}${s2}${open}${t}${close}${s3}${end}`);
    const subject = fc.constantFrom("detailed_balance", "not", "species", "energy", "__proto__", "x1", "conc(A)", "1", "");
    const assertLine = fc
      .tuple(ws, fc.constantFrom("assert", "assertnot", "asserts"), fc.constantFrom(" ", "\t", ""), fc.constantFrom("", "not ", "not\t", "not"), subject, ws, fc.constantFrom("", "# c", "= 1", "within 2 %", "; network \"t\"", "(", "x"))
      .map(([s1, kw, s2, not, sub, s3, end]) => `${s1}${kw}${s2}${not}${sub}${s3}${end}`);
    // what the fast path takes: the title closed and nothing after it; a subject that is a name and not a keyword
    const plainNetwork = (line: string): boolean => /^\s*network\s*"[^"]*"\s*(#.*)?$/.test(line);
    const plainAssert = (line: string): boolean => {
      const m = /^\s*assert\s+(not\s+)?([A-Za-z_]\w*)\s*(#.*)?$/.exec(line);
      return m !== null && !["not", "species"].includes(m[2]!);
    };
    for (const [arb, plain] of [[networkLine, plainNetwork], [assertLine, plainAssert]] as const) {
      let taken = 0;
      fc.assert(
        fc.property(arb, (line) => {
          const r = both(line);
          expect(r.fast).toEqual(r.slow);
          expect(r.taken).toBe(plain(line));
          if (r.taken) taken++;
        }),
        { numRuns: 2000, seed: 23 },
      );
      expect(taken).toBeGreaterThan(50);
    }
  });
});

import { describe, expect, it } from "vitest";
import { DiagnosticSink } from "../../src/diagnostics.js";
import type { Expr, Statement } from "../../src/syntax/ast.js";
import { parse } from "../../src/syntax/parse.js";

function statements(text: string): Statement[] {
  const sink = new DiagnosticSink();
  const p = parse(text, "t.crn", sink);
  expect(sink.items).toEqual([]);
  return [...p.statements];
}

function codes(text: string): string[] {
  const sink = new DiagnosticSink();
  parse(text, "t.crn", sink);
  return sink.items.map((d) => `${d.code}@${d.span!.line}:${d.span!.column}`);
}

/** Writes an expression back fully parenthesised, to check precedence and associativity. */
function show(e: Expr): string {
  switch (e.kind) {
    case "number": return e.text;
    case "name": return e.name;
    case "unary": return `(${e.op}${show(e.operand)})`;
    case "binary": return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case "call": return `${e.callee}(${e.args.map(show).join(", ")})`;
  }
}

function rate(text: string): string {
  const [st] = statements(`A -> B @ ${text}`);
  if (st?.kind !== "reaction") throw new Error("not a reaction");
  return show(st.rates[0]!);
}

describe("statements", () => {
  it("network title", () => {
    const [st] = statements('network "Futile cycle"');
    expect(st).toMatchObject({ kind: "network", title: "Futile cycle", span: { line: 1, column: 1, length: 22 } });
  });

  it("declarations with and without values, chemostat synonym", () => {
    const sts = statements("param kf = 2.0, kr = 0.5\nspecies A = 1.0, B\nreservoir ATP = 5e-3\nchemostat W = 1\nstate S, T = 2");
    expect(sts.map((s) => (s.kind === "declare" ? `${s.keyword}:${s.declarators.map((d) => d.id.name + (d.value ? "=" : "")).join(",")}` : s.kind))).toEqual([
      "param:kf=,kr=",
      "species:A=,B",
      "reservoir:ATP=",
      "chemostat:W=",
      "state:S,T=",
    ]);
  });

  it("reactions: label, coefficients, zero, both arrows, spans", () => {
    const [st] = statements("r1: 2 A + ATP <-> B + ADP @ kf, kr");
    expect(st?.kind).toBe("reaction");
    if (st?.kind !== "reaction") return;
    expect(st.label).toMatchObject({ name: "r1", span: { line: 1, column: 1, length: 2 } });
    expect(st.lhs.terms.map((t) => [t.coefficient?.text ?? null, t.species.name])).toEqual([["2", "A"], [null, "ATP"]]);
    expect(st.arrow.text).toBe("<->");
    expect(st.rates).toHaveLength(2);
    expect(st.rhs.terms[1]!.species.span).toMatchObject({ line: 1, column: 23, length: 3 });
    const [zero] = statements("0 -> X @ 1");
    expect(zero?.kind === "reaction" && zero.lhs.zero !== null && zero.lhs.terms.length === 0).toBe(true);
  });

  it("lines end at LF, CR LF or a lone CR", () => {
    for (const nl of ["\n", "\r\n", "\r"]) {
      const sts = statements(`species A${nl}${nl}A -> 0 @ 1${nl}`);
      expect(sts.map((s) => [s.kind, s.span.line, s.span.column])).toEqual([["declare", 1, 1], ["reaction", 3, 1]]);
    }
  });

  it("statements end at newlines and semicolons; comments and blank lines are ignored", () => {
    const sts = statements("# comment\n\nspecies A; species B # trailing\r\nA -> B @ 1 ; B -> A @ 2\n");
    expect(sts.map((s) => s.kind)).toEqual(["declare", "declare", "reaction", "reaction"]);
    expect(sts[3]!.span).toMatchObject({ line: 4, column: 14 });
  });

  it("asserts: detailed balance, negation, comparisons with tolerance", () => {
    const sts = statements("assert detailed_balance\nassert not detailed_balance\nassert conc(A) = 0.5 +- 1e-6\nassert flux(r1) >= 0");
    expect(sts.map((s) => (s.kind === "assert" ? `${s.negated}:${show(s.subject)}:${s.comparison?.op ?? ""}:${s.comparison?.tolerance ? show(s.comparison.tolerance) : ""}` : ""))).toEqual([
      "false:detailed_balance::",
      "true:detailed_balance::",
      "false:conc(A):=:1e-6",
      "false:flux(r1):>=:",
    ]);
  });
});

describe("expressions", () => {
  it("precedence and associativity", () => {
    expect(rate("1 + 2 * 3")).toBe("(1 + (2 * 3))");
    expect(rate("1 - 2 - 3")).toBe("((1 - 2) - 3)");
    expect(rate("8 / 4 / 2")).toBe("((8 / 4) / 2)");
    expect(rate("2 ^ 3 ^ 2")).toBe("(2 ^ (3 ^ 2))");
    expect(rate("-2 ^ 2")).toBe("(-(2 ^ 2))");
    expect(rate("2 ^ -1")).toBe("(2 ^ (-1))");
    expect(rate("k * exp(f / 2)")).toBe("(k * exp((f / 2)))");
    expect(rate("(1 + 2) * 3")).toBe("((1 + 2) * 3)");
  });

  it("numbers in every written form", () => {
    for (const n of ["3", "2.5", ".5", "1e-3", "6.02E23", "5.", "1E+2"]) expect(rate(n)).toBe(n);
  });
});

describe("syntax errors", () => {
  it("three independent mistakes give three diagnostics", () => {
    expect(codes("species A B\nA -> @ 1\nr1 A -> B @ 1\nspecies C")).toEqual(["syntax-error@1:11", "syntax-error@2:6", "syntax-error@3:4"]);
  });

  it("unterminated string", () => {
    expect(codes('network "Oops\nspecies A')).toEqual(["unterminated-string@1:9"]);
  });

  it("keywords are not names", () => {
    expect(codes("species network")).toEqual(["syntax-error@1:9"]);
  });

  it("unexpected characters", () => {
    expect(codes("species A$ = 1")).toEqual(["unexpected-character@1:10"]);
  });

  it("missing rates after @ and missing @", () => {
    expect(codes("A -> B @")).toEqual(["syntax-error@1:9"]);
    expect(codes("A -> B 1")).toEqual(["syntax-error@1:8"]);
  });

  it("binary input is refused at once", () => {
    expect(codes("species A\n\u0000\u0001\u0002garbage")).toEqual(["binary-input@2:1"]);
  });

  it("runaway nesting is refused, not a stack overflow", () => {
    const deep = "(".repeat(100_000) + "1" + ")".repeat(100_000);
    expect(codes(`A -> B @ ${deep}`)).toEqual(["nesting-too-deep@1:210"]);
    expect(codes(`A -> B @ ${"k*".repeat(3000)}k`)).toEqual(["nesting-too-deep@1:5010"]);
    expect(codes(`A -> B @ ${"-".repeat(50_000)}1`)[0]).toMatch(/^nesting-too-deep/);
    expect(codes(`A -> B @ ${"2^".repeat(50_000)}1`)[0]).toMatch(/^nesting-too-deep/);
    // many powers that are not a chain are fine
    expect(codes(`A -> B @ ${Array.from({ length: 300 }, () => "x^2").join(" + ")}`)).toEqual([]);
  });
});

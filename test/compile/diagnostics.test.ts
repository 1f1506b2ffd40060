import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/index.js";
import { CODES, formatDiagnostic } from "../../src/diagnostics.js";
import { compiles, errorsOf, warningsOf } from "../helpers/compile.js";

describe("names", () => {
  it("undeclared species, with did-you-mean", () => {
    const r = compile("species Glucose, ATP\nGlucse -> ATP @ 1", "f.crn");
    expect(r.diagnostics.map((d) => [d.code, d.span?.line, d.span?.column])).toEqual([[CODES.unknownSpecies, 2, 1]]);
    expect(r.diagnostics[0]!.message).toContain("did you mean 'Glucose'");
  });

  it("undeclared name in an expression, and a param used before its declaration", () => {
    expect(errorsOf("species A, B\nA -> B @ kk\nparam k = 1")).toEqual(["unknown-name@2:10"]);
    expect(errorsOf("param a = b\nparam b = 1")).toEqual(["unknown-name@1:11"]);
    expect(compile("param a = b\nparam b = 1").diagnostics[0]!.message).toContain("declared later");
  });

  it("a species used as a constant, a param used as a species", () => {
    expect(errorsOf("species A, B\nA -> B @ A")).toEqual(["unknown-name@2:10"]);
    expect(errorsOf("param k = 1\nspecies A\nA -> k @ 1")).toEqual(["unknown-species@3:6"]);
  });

  it("duplicate declarations and labels", () => {
    expect(errorsOf("species A, B\nreservoir A = 1\nA -> B @ 1")).toEqual(["duplicate-declaration@2:11"]);
    expect(errorsOf("species A, B\nr1: A -> B @ 1\nr1: B -> A @ 1")).toEqual(["duplicate-label@3:1"]);
    // an explicit label may not take the default name of another reaction
    expect(errorsOf("species A, B\nA -> B @ 1\nR1: B -> A @ 1")).toEqual(["duplicate-label@3:1"]);
    // and a default name may not take an earlier label
    expect(errorsOf("species A, B\nR2: A -> B @ 1\nB -> A @ 1")).toEqual(["duplicate-label@3:1"]);
    expect(compiles("species A, B\nR3: A -> B @ 1\nB -> A @ 1").reactions.map((r) => r.id)).toEqual(["R3", "R2"]);
    expect(errorsOf('network "a"\nnetwork "b"\nspecies A\n A -> 0 @ 1')).toEqual(["duplicate-network@2:1"]);
  });

  it("unknown functions, wrong argument counts", () => {
    expect(errorsOf("species A\nA -> 0 @ exq(1)")).toEqual(["unknown-function@2:10"]);
    expect(compile("species A\nA -> 0 @ exq(1)").diagnostics[0]!.message).toContain("did you mean 'exp'");
    expect(errorsOf("species A\nA -> 0 @ exp(1, 2)")).toEqual(["wrong-argument-count@2:10"]);
  });
});

describe("values", () => {
  it("wrong number of rates for the arrow", () => {
    expect(errorsOf("species A, B\nA <-> B @ 1")).toEqual(["wrong-rate-count@2:9"]);
    expect(errorsOf("species A, B\nA -> B @ 1, 2")).toEqual(["wrong-rate-count@2:13"]);
  });

  it("rate constants must be finite and > 0", () => {
    expect(errorsOf("species A, B\nA -> B @ 0")).toEqual(["bad-rate-constant@2:10"]);
    expect(errorsOf("species A, B\nA -> B @ -1")).toEqual(["bad-rate-constant@2:10"]);
    expect(errorsOf("species A, B\nA -> B @ 1e400")).toEqual(["not-finite@2:10"]);
    expect(errorsOf("species A, B\nA -> B @ exp(1000)")).toEqual(["not-finite@2:10"]);
    expect(errorsOf("species A, B\nA -> B @ log(0)")).toEqual(["not-finite@2:10"]);
    expect(errorsOf("species A, B\nA -> B @ sqrt(-1)")).toEqual(["not-finite@2:10"]);
  });

  it("division by zero points at the operator", () => {
    expect(errorsOf("param z = 0\nspecies A, B\nA -> B @ 1/z")).toEqual(["division-by-zero@3:11"]);
    expect(errorsOf("species A, B\nA -> B @ 0^-1")).toEqual(["division-by-zero@2:11"]);
  });

  it("initial amounts are >= 0; reservoirs need a value > 0; params need a value", () => {
    expect(errorsOf("species A = -1\nA -> 0 @ 1")).toEqual(["negative-amount@1:13"]);
    expect(errorsOf("species A\nreservoir F\nF + A -> 0 @ 1")).toEqual(["reservoir-without-value@2:11"]);
    expect(errorsOf("species A\nreservoir F = 0\nF + A -> 0 @ 1")).toEqual(["bad-reservoir-value@2:15"]);
    expect(errorsOf("param k\nspecies A\nA -> 0 @ 1")).toEqual(["missing-value@1:7"]);
  });

  it("coefficients are positive whole numbers; 0 stands alone", () => {
    expect(errorsOf("species A, B\n2.5 A -> B @ 1")).toEqual(["bad-coefficient@2:1"]);
    expect(errorsOf("species A, B\n0 A -> B @ 1")).toEqual(["bad-coefficient@2:1"]);
    expect(errorsOf("species A, B\n0 + A -> B @ 1")).toEqual(["bad-coefficient@2:1"]);
    expect(errorsOf("species A, B\n3 -> B @ 1")).toEqual(["bad-coefficient@2:1"]);
  });
});

describe("shape", () => {
  it("bad arrows are named with the arrow to write", () => {
    const r = compile("species A, B\nA => B @ 1\nA <=> B @ 1, 1\nA <- B @ 1", "f.crn");
    expect(r.diagnostics.map((d) => `${d.code}@${d.span!.line}:${d.span!.column}`)).toEqual(["bad-arrow@2:3", "bad-arrow@3:3", "bad-arrow@4:3"]);
    expect(r.diagnostics.map((d) => d.hint)).toEqual(["write '->'", "write '<->'", "write the reaction the other way round with '->'"]);
  });

  it("state mixed with species", () => {
    expect(errorsOf("species A\nstate S, T\nS -> T @ 1")).toEqual(["state-mixed-with-species@2:1"]);
  });

  it("Markov jumps go from one state to one state", () => {
    expect(errorsOf("state S, T\n2 S -> T @ 1")).toEqual(["markov-not-one-to-one@2:1"]);
    expect(errorsOf("state S, T\nS + T -> T @ 1")).toEqual(["markov-not-one-to-one@2:1"]);
    expect(errorsOf("state S, T\nS -> 0 @ 1")).toEqual(["markov-not-one-to-one@2:6"]);
    expect(errorsOf("state S, T\nreservoir R = 1\nS + R -> S @ 1")).toEqual(["markov-self-loop@3:1"]);
  });

  it("states' initial amounts must not all be zero", () => {
    expect(errorsOf("state S = 0, T = 0\nS <-> T @ 1, 1")).toEqual(["bad-initial-distribution@1:7"]);
  });

  it("a reaction of nothing to nothing", () => {
    expect(errorsOf("species A\n0 -> 0 @ 1\nA -> 0 @ 1")).toEqual(["empty-reaction@2:1"]);
    expect(errorsOf("species A\nreservoir F = 1\nA + F -> F + A @ 1")).toEqual(["empty-reaction@3:1"]);
  });

  it("warnings: unused species, reservoir and param, reservoir-only reactions, no reactions", () => {
    expect(warningsOf("param k = 1\nspecies A, B, C\nreservoir R = 1\nA -> B @ 2")).toEqual(["unused-param@1:7", "unused-species@2:15", "unused-species@3:11"]);
    expect(warningsOf("species E\nreservoir S = 1, P = 1\nE + S -> E + P @ 1")).toEqual(["reservoir-only-reaction@3:1"]);
    expect(warningsOf("species A")).toEqual(["no-reactions@1:1"]);
  });
});

describe("asserts", () => {
  it("resolve their quantities", () => {
    expect(errorsOf("species A, B\nr1: A -> B @ 1\nassert flux(r2) > 0")).toEqual(["unknown-reaction@3:13"]);
    expect(errorsOf("species A, B\nr1: A -> B @ 1\nassert conc(Q) > 0")).toEqual(["unknown-species@3:13"]);
    expect(errorsOf("species A, B\nr1: A -> B @ 1\nassert detailed_balanse")).toEqual(["bad-assert@3:8"]);
    expect(errorsOf("species A, B\nr1: A -> B @ 1\nassert flux(r1) > 0 +- 1")).toEqual(["bad-assert@3:24"]);
    expect(errorsOf("species A, B\nr1: A -> B @ 1\nassert not flux(r1) > 0")).toEqual(["bad-assert@3:1"]);
    expect(errorsOf("species A, B\nr1: A -> B @ 1\nassert entropy > 0")).toEqual(["bad-assert@3:8"]);
  });
});

describe("formatting", () => {
  it("prints file:line:col, the source line and a caret under the span", () => {
    const text = "species Glucose\nGlucse -> 0 @ 1";
    const d = compile(text, "net.crn").diagnostics[0]!;
    expect(formatDiagnostic(d, text)).toBe(
      "net.crn:2:1: error unknown-species: unknown species 'Glucse'; did you mean 'Glucose'?\n2 | Glucse -> 0 @ 1\n  | ^^^^^^\n",
    );
  });
});

import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../../src/diagnostics.js";
import { escapeData, escapeProperty, githubAnnotation, githubAnnotations, renderCheckSummary, type CheckFileResult } from "../../../src/report/github/index.js";

const span = { file: "networks/a,b:c.crn", offset: 10, line: 3, column: 5, length: 4 };

describe("GitHub workflow commands", () => {
  it("escapes %, CR and LF in messages, and also : and , in properties", () => {
    expect(escapeData("100% sure\r\nnext")).toBe("100%25 sure%0D%0Anext");
    expect(escapeData("%0A")).toBe("%250A");
    expect(escapeProperty("a:b,c%\n")).toBe("a%3Ab%2Cc%25%0A");
  });

  it("an error with a span becomes ::error with file, line, col, endColumn and the code as title", () => {
    const d: Diagnostic = { severity: "error", code: "unknown-species", message: "unknown species 'Aa'", span, hint: "did you mean 'A'?" };
    expect(githubAnnotation(d)).toBe("::error file=networks/a%2Cb%3Ac.crn,line=3,col=5,endColumn=9,title=unknown-species::unknown species 'Aa'%0Ahint: did you mean 'A'?\n");
  });

  it("warnings are ::warning, infos ::notice, and a diagnostic without a span has no file", () => {
    expect(githubAnnotation({ severity: "warning", code: "unused-species", message: "C is never used", span: { ...span, length: 1 } }))
      .toBe("::warning file=networks/a%2Cb%3Ac.crn,line=3,col=5,title=unused-species::C is never used\n");
    expect(githubAnnotation({ severity: "info", code: "sbml-note", message: "50% of it" })).toBe("::notice title=sbml-note::50%25 of it\n");
    expect(githubAnnotations([])).toBe("");
  });

  it("a message cannot inject a second workflow command", () => {
    const line = githubAnnotation({ severity: "error", code: "syntax-error", message: "bad\n::set-output name=x::y", span });
    expect(line.split("\n")).toHaveLength(2);
    expect(line.split("\n")[1]).toBe("");
  });
});

describe("step summary", () => {
  const ok: CheckFileResult = { file: "networks/futile-cycle.crn", ok: true, compiled: true, diagnostics: [], asserts: 1, assertsHeld: 1, verdict: "driven" };
  const bad: CheckFileResult = {
    file: "networks/a|b.crn", ok: false, compiled: true, asserts: 2, assertsHeld: 1, verdict: "detailed balance",
    diagnostics: [
      { severity: "error", code: "assert-failed", message: "assert flux(r1) > 0 failed: flux(r1) = 0", span: { ...span, file: "networks/a|b.crn" } },
      { severity: "warning", code: "unused-param", message: "k is never used", span: { ...span, file: "networks/a|b.crn", line: 1 } },
    ],
  };
  const broken: CheckFileResult = { file: "x.crn", ok: false, compiled: false, asserts: 0, assertsHeld: 0, verdict: null,
    diagnostics: [{ severity: "error", code: "syntax-error", message: "expected '->'", span: { ...span, file: "x.crn" } }] };

  it("all good: a green headline and one row per file", () => {
    const md = renderCheckSummary([ok]);
    expect(md.split("\n")[0]).toBe("### ness check: ✅ 1 file, all compile and every assert holds");
    expect(md).toContain("| `networks/futile-cycle.crn` | ✅ | yes | driven | 1 / 1 | 0 | 0 |");
  });

  it("failures: the headline counts them and failed asserts and errors are listed with places", () => {
    const md = renderCheckSummary([ok, bad, broken]);
    expect(md.split("\n")[0]).toBe("### ness check: ❌ 2 of 3 files failed");
    expect(md).toContain("| `networks/a\\|b.crn` | ❌ | yes | detailed balance | 1 / 2 | 1 | 1 |");
    expect(md).toContain("| `x.crn` | ❌ | **no** | — | — | 1 | 0 |");
    expect(md).toContain("#### Failed asserts\n\n- `networks/a|b.crn:3:5` `assert-failed`: assert flux(r1) > 0 failed: flux(r1) = 0");
    expect(md).toContain("#### Errors\n\n- `x.crn:3:5` `syntax-error`: expected '->'");
    expect(md).not.toContain("unused-param");
    expect(md.endsWith("\n\n")).toBe(true);
  });
});

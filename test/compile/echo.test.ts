/** The echoed source line under a diagnostic shows the text as written (no `?` for non-ASCII). */
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/index.js";
import { formatDiagnostic } from "../../src/diagnostics.js";

describe("formatDiagnostic", () => {
  it("keeps non-ASCII characters of the source line and replaces only control characters", () => {
    const text = "species A = 1, B\nA <−> B @ 1, 1 # é\n";
    const d = compile(text, "t.crn").diagnostics.find((x) => x.severity === "error");
    expect(d).toBeDefined();
    const shown = formatDiagnostic(d!, text);
    expect(shown).toContain("A <−> B @ 1, 1 # é");
    expect(shown).not.toContain("?");
  });
});

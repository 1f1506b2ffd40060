import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/analysis/index.js";
import { renderIndex } from "../../../src/report/html/index-page.js";
import { compiles } from "../../helpers/compile.js";

describe("the index page of ness site", () => {
  const ring = analyze(compiles("network \"ring\"\nstate a = 1, b, c\na <-> b @ 2, 1\nb <-> c @ 2, 1\nc <-> a @ 2, 1", "ring.crn"));
  const ab = analyze(compiles("species A = 1, B\nA <-> B @ 2, 1", "ab.crn"));
  const entries = [
    { source: "ring.crn", analysis: ring, links: { html: "ring.html", md: "ring.md" } },
    { source: "ab.crn", analysis: ab, links: { html: "ab.html" } },
    { source: "bad.crn", analysis: null, error: "bad.crn:1:1: error syntax-error: …" },
  ] as const;

  it("lists every network with its verdict, entropy production and links", () => {
    const page = renderIndex(entries);
    expect(page).toContain('<a href="ring.html"><strong>ring</strong></a>');
    expect(page).toMatch(/<tr class="driven">.*ring\.crn/);
    expect(page).toMatch(/<tr class="equilibrium">.*ab\.crn.*<span title="computed [^"]*">0<\/span>/);
    expect(page).toContain("does not compile: bad.crn:1:1: error syntax-error");
    expect(page).not.toContain("pre class=\"mermaid\"");
  });

  it("draws every compiled network with its currents when mermaid is given", () => {
    const page = renderIndex(entries, "/* mermaid */");
    expect(page.match(/<pre class="mermaid">/g)).toHaveLength(2);
    expect(page).toContain('data-mermaid="pending"');
    expect(page).toContain("J = ");
  });
});

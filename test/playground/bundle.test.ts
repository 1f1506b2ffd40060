import { describe, expect, it } from "vitest";
import { bundlePlayground } from "../../src/playground/bundle.js";
import { highlight, tokenizeLine } from "../../src/playground/highlight.js";
import { evaluate } from "../../src/playground/evaluate.js";
import { inlineScript } from "../../src/playground/page.js";

describe("the playground's browser bundles", () => {
  const built = bundlePlayground();
  it("build for the browser with no Node built-in in them", () => {
    if (!built.ok) throw new Error(built.reason);
    for (const code of [built.bundles.worker, built.bundles.ui]) {
      expect(code).not.toMatch(/require\(["'](node:|fs|path|url|module|os)["']\)/);
      expect(code).not.toMatch(/\bBuffer\.from\b/);
    }
    expect(built.bundles.worker.length).toBeLessThan(1_500_000);
  });
  it("can sit inside a script element", () => {
    const s = inlineScript('const a = "</script><!-- x";');
    expect(s).not.toMatch(/<\/script|<!--/i);
    expect(new Function(`${s}; return a;`)()).toBe("</script><!-- x");
  });
});

describe("highlighting", () => {
  it("keeps every character and classes tokens as the TextMate grammar does", () => {
    const line = 'r1: 2 A <-> B @ 2e-3, 1 # hop "x"';
    expect(tokenizeLine(line).map((t) => t.text).join("")).toBe(line);
    const cls = Object.fromEntries(tokenizeLine(line).filter((t) => t.cls !== null).map((t) => [t.text, t.cls]));
    expect(cls).toMatchObject({ r1: "label", "2": "number", A: "name", "<->": "arrow", "@": "operator", "2e-3": "number", '# hop "x"': "comment" });
    expect(tokenizeLine("A => B").find((t) => t.text === "=>")?.cls).toBe("bad-arrow");
    expect(tokenizeLine("assert conc(A) = 1").map((t) => t.cls)).toContain("function");
    expect(highlight("a\r\n<b>\nλ")).toBe('<span class="t-name">a</span>\r\n<span class="t-operator">&lt;</span><span class="t-name">b</span><span class="t-operator">&gt;</span>\nλ');
  });
});

describe("evaluate", () => {
  it("says balanced when the rate products around the cycle agree, and driven with ln(4) when they do not", () => {
    const triangle = (k: number) => `species A = 1, B, C\nr1: A <-> B @ 2, 1\nr2: B <-> C @ 2, 1\nr3: C <-> A @ 1, ${k}`;
    expect(evaluate(triangle(4)).verdict?.summary).toBe("balanced");
    const driven = evaluate(triangle(1));
    expect(driven.verdict?.kind).toBe("driven");
    const a = Number(/([\d.]+) k_B T/.exec(driven.verdict?.summary ?? "")?.[1]);
    expect(Math.abs(a - Math.log(4))).toBeLessThan(1e-5);
    expect(driven.diagram).toMatch(/^flowchart|^graph/m);
    expect(driven.report).toContain('id="verdict"');
  });
  it("locates errors and reports failed asserts", () => {
    const r = evaluate("species A = 1\nA <-> Q @ 1, 1");
    expect(r.verdict).toBeNull();
    expect(r.diagnostics[0]).toMatchObject({ severity: "error", code: "unknown-species", line: 2, column: 7 });
    const failed = evaluate("species A = 1, B\nA <-> B @ 2, 1\nassert not detailed_balance");
    expect(failed.verdict?.summary).toBe("balanced");
    expect(failed.diagnostics.map((d) => [d.code, d.line])).toEqual([["assert-failed", 3]]);
  });
});

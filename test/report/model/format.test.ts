import { describe, expect, it } from "vitest";
import { formatNumber, htmlEscape, mdText, shorten } from "../../../src/report/model/format.js";
import { firstOf } from "../../../src/report/model/section.js";
import { code, fenced, table } from "../../../src/report/markdown/parts.js";
import { barChart } from "../../../src/report/html/svg.js";

describe("formatting helpers", () => {
  it("numbers: 6 significant digits, no trailing zeros, exponents outside [1e-4, 1e6), words for non-finite", () => {
    expect(formatNumber(0.9092888046366927)).toBe("0.909289");
    expect(formatNumber(4)).toBe("4");
    expect(formatNumber(-0.5)).toBe("-0.5");
    expect(formatNumber(1234567)).toBe("1.23457e6");
    expect(formatNumber(4.580543e-6)).toBe("4.58054e-6");
    expect(formatNumber(1e-4)).toBe("0.0001");
    expect(formatNumber(0)).toBe("0");
    expect(formatNumber(Infinity)).toBe("∞");
    expect(formatNumber(-Infinity)).toBe("−∞");
    expect(formatNumber(NaN)).toBe("undefined");
    expect(formatNumber(null)).toBe("undefined");
    expect(formatNumber(2.3e-15, 2)).toBe("2.3e-15");
  });

  it("escaping for Markdown and HTML", () => {
    expect(mdText("__proto__ * <b>")).toBe("\\_\\_proto\\_\\_ \\* \\<b>");
    expect(htmlEscape(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(code("a`b")).toBe("`` a`b ``");
    expect(fenced("mermaid", "x ``` y")).toBe("````mermaid\nx ``` y\n````");
  });

  it("tables escape pipes in cells, even inside code spans", () => {
    expect(table(["a", "b"], [[code("x|y"), "1"]], "lr")).toBe("| a | b |\n| --- | ---: |\n| `x\\|y` | 1 |");
    expect(table(["a"], [["1"], ["2"], ["3"]], "l", 2)).toContain("*… 1 more rows not shown (3 in all;");
  });

  it("long text and lists are cut and say so", () => {
    expect(shorten("x".repeat(10), 20)).toBe("x".repeat(10));
    const s = shorten(Array.from({ length: 300 }, (_, i) => `s${i}`).join(" -> "), 60);
    expect(s.length).toBe(60);
    expect(s).toContain(" … ");
    expect(firstOf(["a", "b", "c"], 2)).toEqual(["a", "b", "… 1 more"]);
  });
});

describe("SVG bar chart", () => {
  it("draws one bar per finite value, a zero line, and escapes labels", () => {
    const svg = barChart({ title: "Currents <&>", labels: ["a<b", "c", "d"], values: [1, -0.5, Infinity], unit: "per unit time" });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect((svg.match(/<rect /g) ?? []).length).toBe(2);
    expect(svg).toContain("a&lt;b");
    expect(svg).toContain("Currents &lt;&amp;&gt;");
    expect(svg).toContain(">∞</text>");
    expect(svg).not.toMatch(/NaN/);
    // The negative bar lies left of the zero line, the positive one right of it.
    const zero = Number(/<line x1="([\d.]+)"/.exec(svg)?.[1]);
    const [first, second, ...more] = [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((m) => ({ x: Number(m[1]), width: Number(m[2]) }));
    expect(more).toEqual([]);
    expect(first?.x).toBeCloseTo(zero, 0);
    expect((second?.x ?? NaN) + (second?.width ?? NaN)).toBeCloseTo(zero, 0);
  });

  it("keeps the largest bars when there are too many", () => {
    const svg = barChart({ title: "t", labels: ["a", "b", "c"], values: [1, 3, 2], unit: "u", maxBars: 2 });
    expect(svg).toContain(">b</text>");
    expect(svg).toContain(">c</text>");
    expect(svg).not.toContain(">a</text>");
    expect(svg).toContain("largest 2 of 3 shown");
  });
});

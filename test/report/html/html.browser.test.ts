import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Analysis } from "../../../src/analysis/types.js";
import { renderHtml } from "../../../src/report/html/index.js";
import { CHROMIUM, CHROMIUM_ARGS, chromiumMissing } from "./browser.js";
import { analyze } from "../../../src/analysis/index.js";
import { compile } from "../../../src/compile/index.js";
import { awkwardNames, drivenRing, referenceAnalysis } from "../fixtures.js";
import { NETWORKS, ROOT } from "../../helpers/paths.js";

function real(file: string): Analysis {
  const path = join(NETWORKS, file);
  return analyze(compile(readFileSync(path, "utf8"), `networks/${file}`).network!);
}

const OUT = join(ROOT, "test", "out");
const mermaid = readFileSync(createRequire(import.meta.url).resolve("mermaid/dist/mermaid.min.js"), "utf8");
const missing = chromiumMissing();
const skip = missing !== null && !process.env.CI ? missing : null;
if (skip !== null) console.warn(`skipping the real-browser HTML tests: ${skip}`);

it.runIf(missing !== null && process.env.CI)("Chromium is installed for CI", () => {
  expect.fail(missing ?? "");
});

describe.skipIf(skip !== null)("HTML report in a real browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens the report offline, waits for mermaid, returns the page's SVG texts and console errors. */
  async function open(name: string, analysis: Analysis, fullPage = true) {
    const file = join(OUT, `${name}.html`);
    writeFileSync(file, renderHtml(analysis, mermaid));
    const context = await browser.newContext({ offline: true, viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("request", (r) => { if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) requests.push(r.url()); });
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector("body[data-mermaid='done'], body[data-mermaid='failed']", { timeout: 30_000 });
    const state = await page.getAttribute("body", "data-mermaid");
    const diagrams = await page.$$eval("pre.mermaid svg", (svgs) => svgs.map((s) => s.textContent ?? ""));
    const labels = await page.$$eval("pre.mermaid svg .nodeLabel", (ls) => ls.map((l) => l.textContent ?? ""));
    const labelHtml = await page.$$eval("pre.mermaid svg .nodeLabel, pre.mermaid svg .edgeLabel", (ls) => ls.map((l) => l.innerHTML));
    const verdict = await page.textContent("#verdict");
    await page.screenshot({ path: join(OUT, `${name}.png`), fullPage });
    await context.close();
    return { state, diagrams, labels, labelHtml, errors, requests, verdict };
  }

  it("renders the Markov state graph of enso-regimes with its labels and no console errors", async () => {
    const r = await open("enso-regimes", referenceAnalysis("enso-regimes"));
    expect(r.errors).toEqual([]);
    expect(r.requests).toEqual([]);
    expect(r.state).toBe("done");
    expect(r.diagrams).toHaveLength(1);
    for (const name of ["Normal", "ElNino", "LaNina"]) expect(r.labels.some((l) => l.startsWith(name))).toBe(true);
    expect(r.diagrams[0]).toContain("R1: J = 0.0532164");
    expect(r.verdict).toMatch(/^Driven: detailed balance fails/);
  });

  it("renders both diagrams of futile-cycle, reservoirs included", async () => {
    const r = await open("futile-cycle", referenceAnalysis("futile-cycle"));
    expect(r.errors).toEqual([]);
    expect(r.state).toBe("done");
    expect(r.diagrams).toHaveLength(2);
    for (const name of ["A", "B", "ATP", "ADP", "Pi", "r1", "r2"]) expect(r.labels.some((l) => l.startsWith(name))).toBe(true);
  });

  it("draws names like __proto__ safely", async () => {
    const r = await open("awkward-names", awkwardNames());
    expect(r.errors).toEqual([]);
    expect(r.state).toBe("done");
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "__defineGetter__"]) expect(r.labels.some((l) => l.startsWith(name))).toBe(true);
    // mermaid reads labels as Markdown: `__proto__` must not lose its underscores to bold.
    expect(r.labelHtml.filter((l) => /<(strong|em|del|a)\b/.test(l))).toEqual([]);
    expect(r.labels.filter((l) => l.includes("proto") && !l.includes("__proto__") && !l.startsWith("prototype"))).toEqual([]);
  });

  it("draws the summary of a 300-state ring", async () => {
    const r = await open("ring-300", drivenRing(300), false);
    expect(r.errors).toEqual([]);
    expect(r.state).toBe("done");
    expect(r.labels.some((l) => l.includes("too many to draw"))).toBe(true);
    expect(r.labels.some((l) => l.includes("290 more transitions"))).toBe(true);
    expect(r.labels.filter((l) => /^s\d+/.test(l)).length).toBeLessThanOrEqual(12);
  });

  it.each(["kinesin-motor.crn", "glucose-lactate.crn", "schlogl.crn"])("renders the compiled network %s", async (file) => {
    const analysis = real(file);
    const r = await open(file.replace(/\.crn$/, ""), analysis);
    expect(r.errors).toEqual([]);
    expect(r.state).toBe("done");
    expect(r.diagrams).toHaveLength(analysis.network.kind === "markov" ? 1 : 2);
    for (const s of analysis.network.species) expect(r.labels.some((l) => l.startsWith(s.name)), s.name).toBe(true);
  });
});

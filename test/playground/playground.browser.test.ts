/**
 * The playground in a real Chromium, opened from disk with every request routed: typing a
 * balanced triangle says "balanced"; changing one rate says "driven" with the cycle and its
 * affinity ln(2·2·1 / 1·1·1) = ln 4 k_B T; a typo shows the located error. No console error, and
 * no request but for the page, mermaid.min.js beside it and the worker's blob.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundlePlayground } from "../../src/playground/bundle.js";
import { renderPlayground } from "../../src/playground/page.js";
import { CHROMIUM, CHROMIUM_ARGS, chromiumMissing } from "../report/html/browser.js";
import { ROOT } from "../helpers/paths.js";

const OUT = join(ROOT, "test", "out", "playground");
const missing = chromiumMissing();
const skip = missing !== null && !process.env.CI ? missing : null;
if (skip !== null) console.warn(`skipping the playground browser tests: ${skip}`);

const TRIANGLE = `network "Triangle"
species A = 1, B, C
r1: A <-> B @ 2, 1
r2: B <-> C @ 2, 1
r3: C <-> A @ 1, 4
`;

describe.skipIf(skip !== null)("the playground in Chromium, from disk", () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const outside: string[] = [];
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    const built = bundlePlayground();
    if (!built.ok) throw new Error(built.reason);
    copyFileSync(createRequire(import.meta.url).resolve("mermaid/dist/mermaid.min.js"), join(OUT, "mermaid.min.js"));
    writeFileSync(join(OUT, "playground.html"), renderPlayground({ bundles: built.bundles, mermaidHref: "mermaid.min.js", indexHref: null, example: "" }));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ offline: true, viewport: { width: 1280, height: 900 } });
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("file:") || url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
      outside.push(url);
      return route.abort();
    });
    page = await context.newPage();
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("request", (r) => { const u = r.url(); if (!u.startsWith("file:") && !u.startsWith("blob:") && !u.startsWith("data:")) outside.push(u); });
    await page.goto(pathToFileURL(join(OUT, "playground.html")).href);
    await page.waitForSelector("body[data-revision='1']", { timeout: 30_000 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Types `text` over the editor's content and waits for the answer to it. */
  async function type(text: string): Promise<string> {
    const before = Number(await page.getAttribute("body", "data-pending"));
    await page.fill("#source", text);
    await page.waitForFunction((n) => Number(document.body.dataset.revision) > n && document.body.dataset.revision === document.body.dataset.pending, before, { timeout: 30_000 });
    return (await page.textContent("#status")) ?? "";
  }

  it("says 'balanced' for a triangle whose rate products agree, and draws it", async () => {
    expect(await type(TRIANGLE)).toBe("balanced");
    expect(await page.textContent("#diagnostics")).toContain("No problems");
    const nodes = await page.$$eval("#diagram svg .nodeLabel", (ls) => ls.map((l) => l.textContent ?? ""));
    for (const s of ["A", "B", "C"]) expect(nodes.some((l) => l.startsWith(s))).toBe(true);
    expect(await page.textContent("#report #verdict")).toMatch(/^Equilibrium/);
    // the editor highlights what was typed with the grammar's classes
    expect(await page.$$eval("#highlight .t-keyword", (ks) => ks.map((k) => k.textContent))).toEqual(["network", "species"]);
    expect(await page.$$eval("#highlight .t-arrow", (ks) => ks.length)).toBe(3);
  });

  it("says 'driven' with the cycle and ln 4 k_B T when one rate changes", async () => {
    const status = await type(TRIANGLE.replace("@ 1, 4", "@ 1, 1"));
    expect(status).toMatch(/^driven: cycle /);
    for (const r of ["r1", "r2", "r3"]) expect(status).toContain(r);
    const affinity = Number(/([\d.]+) k_B T/.exec(status)?.[1]);
    expect(Math.abs(affinity - Math.log(4))).toBeLessThan(1e-5); // printed to 6 digits
    expect(await page.textContent("#report #verdict")).toMatch(/^Driven/);
    expect(await page.$$eval("#diagram svg", (s) => s.length)).toBe(1);
  });

  it("shows a typo as a located error, underlined in the editor", async () => {
    const status = await type(TRIANGLE.replace("r2: B <-> C", "r2: B <-> Cc"));
    expect(status).toMatch(/^does not compile: line 4, column 11: /);
    const problems = (await page.textContent("#diagnostics")) ?? "";
    expect(problems).toContain("line 4, column 11");
    expect(problems).toContain("unknown-species");
    expect(problems).toContain("'C'");
    expect(await page.$$eval("#marks .squiggle.error", (s) => s.map((x) => x.textContent))).toEqual(["Cc"]);
  });

  it("made no console error and no request outside the page's folder", () => {
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });
});

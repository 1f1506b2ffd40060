/** `ness site` in-process: one shared copy of mermaid, a light site, the playground, the index's marks. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { NETWORKS } from "../helpers/paths.js";

async function ness(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "", stderr = "";
  const status = await main(args, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, stderrIsTTY: false });
  return { status, stdout, stderr };
}

describe("ness site", () => {
  it("writes mermaid once for the bundled networks and stays under 8 MB", async () => {
    const out = mkdtempSync(join(tmpdir(), "ness-site-"));
    const r = await ness("site", NETWORKS, "-o", out);
    expect(r.status).toBe(0);
    const files = readdirSync(out);
    const mermaid = readFileSync(join(out, "mermaid.min.js"), "utf8");
    expect(mermaid.length).toBeGreaterThan(1_000_000);
    const pages = files.filter((f) => f.endsWith(".html"));
    expect(pages).toContain("index.html");
    expect(pages).toContain("playground.html");
    for (const p of pages) {
      const html = readFileSync(join(out, p), "utf8");
      expect(html, p).toContain('<script src="mermaid.min.js"></script>');
      expect(html, p).not.toContain("data:text/javascript");
      expect(html.length, p).toBeLessThan(mermaid.length / 4);
    }
    const total = files.reduce((n, f) => n + statSync(join(out, f)).size, 0);
    expect(total).toBeLessThan(8 * 1024 * 1024);
  });

  it("marks networks whose asserts fail, and counts what does not compile with its own verb", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ness-site-in-"));
    mkdirSync(join(dir, "nets"));
    writeFileSync(join(dir, "nets", "ok.crn"), "species A = 1, B\nA <-> B @ 2, 1\nassert detailed_balance\n");
    writeFileSync(join(dir, "nets", "fails.crn"), "species A = 1, B\nA <-> B @ 2, 1\nassert not detailed_balance\nassert detailed_balance\n");
    writeFileSync(join(dir, "nets", "broken.crn"), "species A = 1\nA <-> Q @ 1, 1\n");
    const out = join(dir, "site");
    const r = await ness("site", join(dir, "nets"), "-o", out);
    expect(r.status).toBe(1); // one does not compile
    expect(r.stderr).toContain("fails.crn:3:1: error assert-failed");
    const index = readFileSync(join(out, "index.html"), "utf8");
    expect(index).toContain("3 networks, 1 does not compile, 1 with failed asserts.");
    expect(index).not.toContain("that do not compile");
    expect(index).toMatch(/<tr class="equilibrium asserts-failed">.*fails\.crn.*✗ 1 of 2 asserts failed/);
    expect(index).not.toMatch(/asserts-failed">.*ok\.crn/);
    expect(index).toContain('href="playground.html"');
  });
});

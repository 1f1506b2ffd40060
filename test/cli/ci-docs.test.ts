/** The commands docs/ci.md tells people to run do run, on the example networks. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/paths.js";

const doc = readFileSync(join(ROOT, "docs/ci.md"), "utf8");

/** Every `npx ness …` command in the YAML blocks (GitHub `run:` steps and GitLab `script:` items). */
const commands = [...doc.matchAll(/^\s*(?:- run: |- )(npx ness .+)$/gm)].map((m) => m[1]!);

describe("docs/ci.md", () => {
  it("documents ness commands for both CI systems", () => {
    expect(commands.length).toBeGreaterThanOrEqual(5);
  });

  it.each(commands)("%s", (command) => {
    const dir = mkdtempSync(join(tmpdir(), "ness-ci-"));
    const summary = join(dir, "summary.md");
    writeFileSync(summary, "");
    // `npx ness` resolves to this package's bin; run it the same way, with the reports in a temp dir
    const args = command.replace(/^npx ness /, "").replace(/"\$GITHUB_STEP_SUMMARY"/, summary).replace(/-o (\S+)/, (_, f: string) => `-o ${join(dir, f)}`).split(/\s+/);
    const r = spawnSync(process.execPath, [join(ROOT, "bin/ness.js"), ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, GITHUB_STEP_SUMMARY: summary } });
    // nothing but the plain progress lines a slow run prints off a terminal (after 5 s, then every 15 s)
    const other = r.stderr.split("\n").filter((line) => line !== "" && !/^.+: .+ \(\d+ s\)$/.test(line));
    expect(other).toEqual([]);
    expect(r.status).toBe(0);
    if (command.includes("--summary")) expect(readFileSync(summary, "utf8")).toContain("|");
  });
});

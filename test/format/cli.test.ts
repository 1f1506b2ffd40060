/** `ness fmt` as CI and a user run it: --check lists and exits 1, a plain run rewrites, bad paths are exit status 2. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/paths.js";

const ness = (args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } =>
  spawnSync(process.execPath, [join(ROOT, "bin/ness.js"), ...args], { cwd, encoding: "utf8" });

describe("ness fmt", () => {
  it("--check lists the files that would change and exits 1; a plain run rewrites them, CRLF kept", () => {
    const dir = mkdtempSync(join(tmpdir(), "ness-fmt-"));
    writeFileSync(join(dir, "messy.crn"), "species A=1,B\r\nr1:A<->B@2,1\r\n");
    writeFileSync(join(dir, "tidy.crn"), "species A = 1, B\nr1: A <-> B @ 2, 1\n");
    const check = ness(["fmt", "--check", "."], dir);
    expect(check.status).toBe(1);
    expect(check.stdout).toBe("messy.crn\n");
    expect(check.stderr).toContain("1 of 2 files not formatted");
    expect(readFileSync(join(dir, "messy.crn"), "utf8")).toBe("species A=1,B\r\nr1:A<->B@2,1\r\n");
    const fix = ness(["fmt", "."], dir);
    expect(fix.status).toBe(0);
    expect(fix.stdout).toBe("formatted messy.crn\n");
    expect(readFileSync(join(dir, "messy.crn"), "utf8")).toBe("species A = 1, B\r\nr1: A <-> B @ 2, 1\r\n");
    expect(ness(["fmt", "--check", "."], dir).status).toBe(0);
  }, 180_000);

  it("says what is wrong with its arguments, with exit status 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "ness-fmt-"));
    const none = ness(["fmt"], dir);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("name at least one file or folder");
    const missing = ness(["fmt", "--check", "nowhere.crn"], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("nowhere.crn: no such file or folder");
  }, 180_000);
});

/**
 * A reader that closes the pipe early (`ness check networks | head -1`): the real binary ends
 * without a stack trace, and its exit status is the run's own (docs/cli.md).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/paths.js";

const BIN = join(ROOT, "bin/ness.js");

/** Runs `ness ARGS | head -1` in bash; `both` sends stderr into the pipe too. */
function pipedIntoHead(args: string, both: boolean): { first: string; status: number; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), "ness-pipe-"));
  const err = join(dir, "stderr"), status = join(dir, "status");
  const redirect = both ? "2>&1" : `2>'${err}'`;
  const script = `: > '${err}'; '${process.execPath}' '${BIN}' ${args} ${redirect} | head -1; echo "\${PIPESTATUS[0]}" > '${status}'`;
  const r = spawnSync("bash", ["-c", script], { cwd: ROOT, encoding: "utf8", timeout: 120_000, env: { ...process.env, NESS_DEBUG: "" } });
  return { first: r.stdout, status: Number(readFileSync(status, "utf8").trim()), stderr: readFileSync(err, "utf8") + r.stderr };
}

describe("a closed stdout pipe", () => {
  it("ends `ness check` quietly with the status of a normal finish (0: every network checks)", () => {
    const r = pipedIntoHead("check networks", false);
    expect(r.first.trim().split("\n")).toHaveLength(1);
    expect(r.first).toMatch(/^✓ networks\//);
    expect(r.stderr).not.toMatch(/EPIPE|Error|^\s+at /m);
    expect(r.status).toBe(0);
  });

  it("keeps a failing run's status (1)", () => {
    const r = pipedIntoHead("check test/fixtures/bad networks", false);
    expect(r.first).toMatch(/^test\/fixtures\/bad\/arrow\.crn:2:3: error bad-arrow/);
    expect(r.stderr).not.toMatch(/EPIPE|Error:|^\s+at /m);
    expect(r.status).toBe(1);
  });

  it("is quiet when stderr goes into the closed pipe too", () => {
    const r = pipedIntoHead("check test/fixtures/bad networks", true);
    expect(r.first.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
  });
});

// /dev/full accepts the open and fails every write with ENOSPC: a full disk, on demand (Linux)
describe.runIf(process.platform === "linux")("an output that cannot be written (a full disk)", () => {
  it("says so in one line on stderr and exits 2, without a stack trace", () => {
    const r = spawnSync("bash", ["-c", `'${process.execPath}' '${BIN}' report networks/futile-cycle.crn > /dev/full`], { cwd: ROOT, encoding: "utf8", timeout: 120_000, env: { ...process.env, NESS_DEBUG: "" } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^ness: cannot write the output: ENOSPC/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});

/** `ness check` as a newcomer meets it (issue 15 item 8): each mistake gets a message that says what to do. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { suggest } from "../../src/compile/suggest.js";

async function ness(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "", stderr = "";
  const status = await main(args, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, stderrIsTTY: false });
  return { status, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), "ness-newcomer-"));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("ness check for a newcomer", () => {
  it("says an exponent must be an integer (1e-3.5), at the whole number", async () => {
    const r = await ness("check", file("exp.crn", "species A = 1e-3.5, B\nA <-> B @ 2, 1\n"));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("exp.crn:1:13: error syntax-error: '1e-3.5' is not a number: an exponent must be an integer");
    expect(r.stdout).toContain("hint: for a fractional power of ten write 1 * 10^(-3.5)");
  });

  it("suggests the keyword for a capitalised one (Species)", async () => {
    const r = await ness("check", file("cap.crn", "Species A = 1, B\nA <-> B @ 2, 1\n"));
    expect(r.stdout).toContain("hint: keywords are lower case: did you mean 'species'?");
  });

  it("says a statement fits on one line when a reaction is split over two", async () => {
    const r = await ness("check", file("split.crn", "species A = 1, B\nA <-> B\n  @ 2, 1\n"));
    expect(r.stdout).toMatch(/split\.crn:2:8: error syntax-error: .*\n.*\n.*\n  hint: a statement fits on one line/);
    expect(r.stdout).toMatch(/split\.crn:3:3: error syntax-error: .*\n.*\n.*\n  hint: a statement fits on one line/);
  });

  it("says to write <-> for an arrow typed with U+2212", async () => {
    const r = await ness("check", file("minus.crn", "species A = 1, B\nA <\u2212> B @ 2, 1\n"));
    expect(r.stdout).toContain("minus.crn:2:4: error unexpected-character: unexpected character '\u2212'");
    expect(r.stdout).toContain("(U+2212) is not '-'");
    expect(r.stdout).toContain("`<->`");
  });

  it("says a reservoir is held fixed instead of calling it an unknown species", async () => {
    const r = await ness("check", file("res.crn", "species A = 1, B\nreservoir R = 1\nA + R <-> B @ 2, 1\nassert conc(R) = 1\n"));
    expect(r.stdout).toContain("res.crn:4:13: error unknown-species: 'R' is a reservoir (declared at line 2)");
    expect(r.stdout).toContain("held fixed");
    expect(r.stdout).not.toContain("unknown species");
  });

  it("does not offer an unrelated one-letter name ('C' is not 'A')", async () => {
    const r = await ness("check", file("sug.crn", "species A = 1, B\nA <-> B @ 2, 1\nassert conc(C) = 1\n"));
    expect(r.stdout).toContain("unknown species or state 'C'");
    expect(r.stdout).not.toContain("did you mean");
    expect(suggest("C", ["A", "B"])).toBeUndefined();
    expect(suggest("a", ["A", "B"])).toBe("A"); // a case slip is still caught
    expect(suggest("ATP", ["ADP", "Pi"])).toBe("ADP");
    expect(suggest("Glucos", ["Glucose", "Lactate"])).toBe("Glucose");
  });

  it("prints its own message for an unknown option, with the nearest one", async () => {
    const r = await ness("check", "--quite", "x.crn");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^ness check: unknown option '--quite'; did you mean '--quiet'\? \(the options are --format, /);
    expect(r.stderr).not.toMatch(/positional|-- "/);
    const v = await ness("check", "--format");
    expect(v.stderr).toMatch(/^ness check: option '--format' needs a value/);
    const b = await ness("check", "--quiet=yes", "x.crn");
    expect(b.stderr).toMatch(/^ness check: option '--quiet' takes no value/);
  });

  it("checks every file that is there when one path among several is missing", async () => {
    const good = file("good.crn", "species A = 1, B\nA <-> B @ 2, 1\nassert detailed_balance\n");
    const bad = file("bad.crn", "species A = 1, B\nA <-> Q @ 2, 1\n");
    const r = await ness("check", good, join(dir, "missing.crn"), bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("missing.crn: no such file or folder");
    expect(r.stdout).toContain("✓ " + good + ": compiles, 1 assert held");
    expect(r.stdout).toContain("bad.crn:2:7: error unknown-species");
    expect(r.stdout).toMatch(/checked 2 files: 1 failed, .*; 1 path not found/);
  });
});

/**
 * `ness scan` and the asserts at other parameter values, run in-process through main() on the
 * bundled Schlögl network and on files written here; folds compared with the closed form of the
 * cubic's discriminant (test/analysis/scan/closed-forms.ts), not with ness's own output.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { ROOT } from "../helpers/paths.js";
import { cubicRealRoots, schloglDiscriminant } from "../analysis/scan/closed-forms.js";

async function ness(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "", stderr = "";
  const status = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stderrIsTTY: false });
  return { status, stdout, stderr };
}

const SCHLOGL = join(ROOT, "networks/schlogl.crn");
const folds = cubicRealRoots(schloglDiscriminant()).filter((r) => r > 0);
const relative = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe("ness scan", () => {
  it("finds the Schlögl S-curve's folds at the closed-form values (JSON)", async () => {
    const r = await ness("scan", SCHLOGL, "--param", "A", "--from", "0.5", "--to", "1.5", "--format", "json");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { schema: string; folds: { p: number; located: boolean }[]; intervals: { states: number; stable: number }[]; multistable: { hysteresis: boolean }[]; branches: { points: { p: number; x: { X: number }; stable: boolean | null }[] }[] };
    expect(json.schema).toBe("ness.scan/1");
    const validate = new Ajv2020({ allErrors: true }).compile(JSON.parse(readFileSync(join(ROOT, "docs/scan.schema.json"), "utf8")));
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    const ps = json.folds.map((f) => f.p).sort((a, b) => a - b);
    expect(ps).toHaveLength(2);
    for (const [i, f] of folds.entries()) expect(relative(ps[i]!, f)).toBeLessThan(1e-8);
    expect(json.intervals.map((i) => i.states)).toEqual([1, 3, 1]);
    expect(json.intervals.map((i) => i.stable)).toEqual([1, 2, 1]);
    expect(json.multistable.map((m) => m.hysteresis)).toEqual([true]);
    expect(json.branches.flatMap((b) => b.points).every((p) => typeof p.x.X === "number")).toBe(true);
  }, 60_000);

  it("writes the diagram beside -o OUT.md and links it; HTML draws it inline", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ness-scan-"));
    const md = join(dir, "schlogl.md");
    const r = await ness("scan", SCHLOGL, "--param", "A", "--from", "0.5", "--to", "1.5", "-o", md);
    expect(r.status).toBe(0);
    const text = readFileSync(md, "utf8");
    expect(text).toContain("](schlogl.svg)");
    expect(text).toMatch(/bistable for A in/);
    const svg = readFileSync(join(dir, "schlogl.svg"), "utf8");
    expect(svg.match(/<polyline class="stable"/g)).toHaveLength(2);
    expect(svg.match(/<polyline class="unstable"[^>]*stroke-dasharray/g)).toHaveLength(1);
    expect(svg.match(/<circle class="fold"/g)).toHaveLength(2);
    const html = await ness("scan", SCHLOGL, "--param", "A", "--from", "0.5", "--to", "1.5", "--format", "html");
    expect(html.status).toBe(0);
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.stdout.match(/<circle class="fold"/g)).toHaveLength(2);
  }, 60_000);

  it("scans a param by recompiling the file: k1 = 5.5 A puts the folds at 5.5 × the A folds", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ness-scan-"));
    const file = join(dir, "param.crn");
    writeFileSync(file, readFileSync(SCHLOGL, "utf8").replace("species X = 2", "param k1 = 5.5\nspecies X = 2").replace("@ 5.5, 1", "@ k1, 1"));
    const r = await ness("scan", file, "--param", "k1", "--from", "4", "--to", "7", "--format", "json");
    expect(r.stderr).toBe("");
    const ps = (JSON.parse(r.stdout) as { folds: { p: number }[] }).folds.map((f) => f.p).sort((a, b) => a - b);
    expect(ps).toHaveLength(2);
    for (const [i, f] of folds.entries()) expect(relative(ps[i]!, 5.5 * f)).toBeLessThan(1e-8);
  }, 60_000);

  it("--seeds N: an isola between A and B is found from interior seeds and missed with none", async () => {
    // dx/dt = −(x − 1)((x − 3)² + ((P − 2.3)/0.25)² − 1): the line x = 1 and a closed branch for P in [2.05, 2.55]
    const dir = mkdtempSync(join(tmpdir(), "ness-scan-"));
    const file = join(dir, "isola.crn");
    writeFileSync(file, "param P = 2\nspecies X = 0.5\n3 X -> 2 X @ 1\n2 X -> 3 X @ 7\nX -> 0 @ 14 + ((P - 2.3) / 0.25)^2\n0 -> X @ 8 + ((P - 2.3) / 0.25)^2\n");
    const run = async (seeds: string) => {
      const r = await ness("scan", file, "--param", "P", "--from", "1", "--to", "4", "--seeds", seeds, "--format", "json");
      expect(r.status).toBe(0);
      return JSON.parse(r.stdout) as { seeds: number[]; branches: unknown[]; folds: { p: number }[] };
    };
    const none = await run("0");
    expect(none.seeds).toEqual([1, 4]);
    expect(none.branches).toHaveLength(1);
    const some = await run("3");
    expect(some.seeds).toHaveLength(5);
    expect(some.branches).toHaveLength(2);
    expect(some.folds.map((f) => f.p).sort((a, b) => a - b).map((p) => Number(p.toFixed(9)))).toEqual([2.05, 2.55]);
  }, 120_000);

  it.each([
    [["--from", "0", "--to", "1"], 2, "--param NAME is required"],
    [["--param", "A", "--from", "x", "--to", "1"], 2, "--from must be a finite number"],
    [["--param", "A", "--from", "1", "--to", "1"], 2, "--to must be above --from"],
    [["--param", "A", "--from", "0", "--to", "1", "--steps", "2.5"], 2, "--steps must be a whole number"],
    [["--param", "A", "--from", "0", "--to", "1", "--seeds", "1.5"], 2, "--seeds must be a whole number"],
    [["--param", "A", "--from", "0", "--to", "1", "--species", "Q"], 2, "'Q' is not a species"],
    [["--param", "Q", "--from", "0", "--to", "1"], 1, "'Q' is neither a param nor a reservoir"],
  ])("%j exits %i: %s", async (args, status, words) => {
    const r = await ness("scan", SCHLOGL, ...(args as string[]));
    expect(r.status).toBe(status);
    expect(r.stderr).toContain(words as string);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it("says an unreadable file is unreadable", async () => {
    const r = await ness("scan", join(ROOT, "no-such.crn"), "--param", "A", "--from", "0", "--to", "1");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("no such file");
  });
});

describe("asserts at other parameter values (ness check)", () => {
  it("evaluates bistable ranges and counts at other values, a reservoir or a param", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ness-scan-"));
    const file = join(dir, "asserts.crn");
    // folds at A ≈ 0.8619 and 1.0758 (k1 = 5.5), i.e. k1 ≈ 4.741 and 5.917 at A = 1
    writeFileSync(file, [
      "param k1 = 5.5",
      "species X = 2",
      "reservoir A = 1, B = 1",
      "A + 2 X <-> 3 X @ k1, 1",
      "X <-> B @ 6.5, 2",
      "assert bistable A from 0.9 to 1.05",
      "assert not bistable A from 0.5 to 1",
      "assert steady_states = 1 at A = 0.5",
      "assert steady_states = 1 at k1 = 4",
      "assert bistable k1 from 5 to 5.8",
      "assert bistable A from 0.5 to 1",
      "assert steady_states = 3 at A = 1.2",
      "",
    ].join("\n"));
    const r = await ness("check", file);
    expect(r.status).toBe(1);
    const errors = r.stdout.split("\n").filter((l) => l.includes(": error "));
    expect(errors.map((l) => l.match(/:(\d+):\d+: error/)?.[1])).toEqual(["11", "12"]);
    expect(r.stdout).toMatch(/11:1: error assert-failed: assert failed: for A in \[0\.5, 0\.861924\] there is 1 stable steady state/);
    expect(r.stdout).toMatch(/12:1: error assert-failed: assert failed: steady_states is 1, not = 3/);
  }, 120_000);
});

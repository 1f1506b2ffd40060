/**
 * `ness cme` and `--volume`: the CME file compiles as a Markov network whose stationary law is the
 * closed form (A ⇌ B closed with N molecules: binomial), and bad input is a clear usage error.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/index.js";
import { main } from "../../src/cli/main.js";
import { compiles } from "../helpers/compile.js";

const dir = mkdtempSync(join(tmpdir(), "ness-cme-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ status: number; out: string; err: string }> {
  const out: string[] = [], err: string[] = [];
  const status = await main(args, { stdout: (s) => out.push(s), stderr: (s) => err.push(s), stderrIsTTY: false });
  return { status, out: out.join(""), err: err.join("") };
}

describe("ness cme", () => {
  const file = join(dir, "ab.crn");
  writeFileSync(file, "species A = 1, B\nA <-> B @ 3, 2\n");

  it("writes the CME as a Markov network file whose stationary law is binomial", async () => {
    const outFile = join(dir, "ab-cme.crn");
    const r = await run("cme", file, "--volume", "12", "-o", outFile);
    expect(r.status).toBe(0);
    const text = readFileSync(outFile, "utf8");
    expect(text).toMatch(/^# The chemical master equation/);
    const markov = compiles(text, "ab-cme.crn");
    expect(markov.kind).toBe("markov");
    expect(markov.species.length).toBe(13);
    const pi = analyze(markov).steadyStates.states[0]!.concentrations;
    // state n_a_b: a molecules of A; Binomial(12, 2/5) in a
    let binom = 1;
    for (const [s, sp] of markov.species.entries()) {
      const [, a, b] = /^n_(\d+)_(\d+)$/.exec(sp.name)!.map(Number);
      expect(a! + b!).toBe(12);
      binom = 1;
      for (let k = 1; k <= a!; k++) binom *= (12 - k + 1) / k;
      expect(Math.abs(pi[s]! - binom * 0.4 ** a! * 0.6 ** b!)).toBeLessThan(1e-12);
    }
  });

  it("refuses what has no CME, with exit status 2", async () => {
    const markov = join(dir, "m.crn");
    writeFileSync(markov, "state S = 1, T\nS <-> T @ 1, 2\n");
    expect((await run("cme", markov, "--volume", "5")).status).toBe(2);
    expect((await run("cme", file)).status).toBe(2);
    const bad = await run("cme", file, "--volume", "0");
    expect(bad.status).toBe(2);
    expect(bad.err).toMatch(/--volume: '0' is not a volume/);
    expect((await run("report", markov, "--volume", "5")).status).toBe(2);
    expect((await run("cme", file, "--volume", "5", "--max-states", "x")).status).toBe(2);
  });

  it("report --stationary checks the length and the file", async () => {
    const sol = join(dir, "sol.txt");
    writeFileSync(sol, "0.5 0.5\n");
    const r = await run("report", file, "--volume", "12", "--stationary", sol);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/2 entries, the network 13 states/);
    expect((await run("report", file, "--volume", "12", "--stationary", join(dir, "none"))).err).toMatch(/no such file/);
  });

  it("report --stationary with the exact binomial certifies a residual at rounding and σ = 0", async () => {
    const pi: number[] = [];
    // states are numbered by their code Σ x_i Π_{j<i}(cap_j + 1), A fastest: a + 13 (12 − a) falls
    // with a, so the order is n_12_0, n_11_1, …, n_0_12
    let c = 1;
    for (let a = 0; a <= 12; a++) {
      if (a > 0) c *= (12 - a + 1) / a;
      pi.push(c * 0.4 ** a * 0.6 ** (12 - a));
    }
    const sol = join(dir, "binomial.txt");
    writeFileSync(sol, pi.reverse().map((x) => x.toPrecision(17)).join("\n"));
    const r = await run("report", file, "--volume", "12", "--stationary", sol, "--format", "json");
    expect(r.status).toBe(0);
    const notes = (JSON.parse(r.out) as { notes: string[] }).notes;
    const residual = Number(/‖πQ‖₁\/Σπ\|q_ii\| = ([\d.e+-]+)/.exec(notes.join("\n"))![1]);
    expect(residual).toBeLessThan(1e-14);
  });
});

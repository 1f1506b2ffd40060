/**
 * The user's own tolerance on detailed balance: `assert detailed_balance within 0.05` (k_B T),
 * `within 1%` (a uniform relative change of the cycle's rate constants), and the CLI's
 * `--balance-tolerance`. Known answers in closed form: the triangle with one reverse constant
 * q has the single cycle affinity A = ln(1/q) (Σ|c_r| = 3), closed by a change of e^{|A|/6} − 1.
 */
import { describe, expect, it } from "vitest";
import { checkAsserts, closingChange, lazyAnalyses } from "../../src/analysis/asserts/index.js";
import { compile } from "../../src/compile/index.js";
import { CODES } from "../../src/diagnostics.js";
import type { Network } from "../../src/network/types.js";
import { main, type Io } from "../../src/cli/main.js";

const triangle = (q: string, asserts: string): string => `species A = 1, B, C\nr1: A <-> B @ 1, 1\nr2: B <-> C @ 1, 1\nr3: C <-> A @ 1, ${q}\n${asserts}\n`;

function network(text: string): Network {
  const r = compile(text, "t.crn");
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  if (!r.network) throw new Error("does not compile");
  return r.network;
}

/** Which asserts (by line) fail, with their codes. */
const failing = (text: string, accept: Parameters<typeof lazyAnalyses>[2] = {}): string[] => {
  const n = network(text);
  return checkAsserts(n, lazyAnalyses(n, undefined, accept)).map((d) => `${d.code}@${d.span?.line}`);
};

describe("assert detailed_balance within", () => {
  // q = 1.01: |A| = ln 1.01 = 0.00995 k_BT; closing change e^{ln(1.01)/6} − 1 = 0.166%
  it("an affinity tolerance accepts |A| ≤ ε and no more", () => {
    expect(Math.log(1.01)).toBeGreaterThan(0.0099);
    expect(failing(triangle("1.01", "assert detailed_balance within 0.01\nassert detailed_balance within 0.0099\nassert detailed_balance within 0.01 k_BT"))).toEqual([`${CODES.detailedBalanceViolated}@6`]);
  });

  it("a relative tolerance accepts a closing change e^{|A|/(2Σ|c|)} − 1 ≤ ε", () => {
    const n = network(triangle("1.01", "assert detailed_balance"));
    const v = lazyAnalyses(n).balance().violations[0];
    if (!v) throw new Error("no violation");
    expect(closingChange(v)).toBeCloseTo(Math.expm1(Math.log(1.01) / 6), 12);
    expect(failing(triangle("1.01", "assert detailed_balance within 0.17%\nassert detailed_balance within 0.16%"))).toEqual([`${CODES.detailedBalanceViolated}@6`]);
  });

  it("`not` fails when the violation is within the tolerance, and holds beyond it", () => {
    expect(failing(triangle("1.01", "assert not detailed_balance within 0.05\nassert not detailed_balance within 0.001"))).toEqual([`${CODES.assertFailed}@5`]);
  });

  it("a one-way reaction is never within any tolerance", () => {
    expect(failing("species A = 1, B\nr1: A -> B @ 1\nassert detailed_balance within 1000")).toEqual([`${CODES.detailedBalanceViolated}@3`]);
  });

  it("the failure says by how much the cycle misses the tolerance", () => {
    const n = network(triangle("2", "assert detailed_balance within 10%"));
    const [d] = checkAsserts(n);
    expect(d?.message).toMatch(/closing it needs a change of 12\.2462% per rate constant, beyond the accepted 10%/); // e^{ln 2/6} − 1
  });

  it("the run's tolerance applies to asserts without their own, which win", () => {
    const text = triangle("1.01", "assert detailed_balance\nassert detailed_balance within 0.001");
    expect(failing(text)).toEqual([`${CODES.detailedBalanceViolated}@5`, `${CODES.detailedBalanceViolated}@6`]);
    expect(failing(text, { acceptViolation: { kind: "affinity", value: 0.05 } })).toEqual([`${CODES.detailedBalanceViolated}@6`]);
  });
});

describe("bad tolerances are located errors", () => {
  const codes = (line: string): string[] => compile(`species A, B\nA <-> B @ 1, 1\n${line}\n`, "t.crn").diagnostics.map((d) => `${d.code}@${d.span?.line}:${d.span?.column}`);
  it.each([
    ["assert detailed_balance within -1", `${CODES.badTolerance}@3:32`],
    ["assert detailed_balance within 2 k_BT %", `${CODES.badTolerance}@3:39`],
    ["assert detailed_balance within 2 mol", `${CODES.badTolerance}@3:34`],
    ["assert detailed_balance within x", `${CODES.unknownName}@3:32`],
    ["assert detailed_balance within", `${CODES.syntaxError}@3:31`],
    ["assert detailed_balance within 1%%", `${CODES.syntaxError}@3:34`],
    ["assert conc(A) within 1 = 2", `${CODES.badAssert}@3:16`],
    ["assert entropy_production within 1", `${CODES.badAssert}@3:27`],
  ])("%s", (line, code) => {
    expect(codes(line)).toEqual([code]);
  });

  it("`within` is still an ordinary name elsewhere", () => {
    expect(compile("species within = 1, B\nwithin <-> B @ 1, 1\nassert conc(within) > 0\n").diagnostics).toEqual([]);
  });
});

describe("--balance-tolerance", () => {
  const run = async (...argv: string[]): Promise<{ status: number; out: string; err: string }> => {
    let out = "", err = "";
    const io: Io = { stdout: (s) => void (out += s), stderr: (s) => void (err += s), stderrIsTTY: false };
    const status = await main(argv, io);
    return { status, out, err };
  };

  it("accepts the triangle's cycle within 0.05 k_BT or 1%, not within 0.001", async () => {
    const file = "test/fixtures/asserts/near-balance.crn";
    expect((await run("check", file)).status).toBe(1);
    expect((await run("check", file, "--balance-tolerance", "0.05")).status).toBe(0);
    expect((await run("check", file, "--balance-tolerance", "1%")).status).toBe(0);
    // the unit the language allows after 'within' is allowed here too (one rule: compile/tolerance.ts)
    expect((await run("check", file, "--balance-tolerance", "0.05 k_BT")).status).toBe(0);
    expect((await run("check", file, "--balance-tolerance", "0.001")).status).toBe(1);
  });

  it.each(["-1", "abc", "1%%", "5 k", "0.05 k_BT %", "1\nassert detailed_balance", "0.05; param p = 1"])("'%s' is a usage error", async (value) => {
    const r = await run("check", "test/fixtures/asserts/near-balance.crn", "--balance-tolerance", value);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/--balance-tolerance/);
  });
});

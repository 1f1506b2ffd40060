/**
 * bin/relaunch.js: a large input runs in a child with glibc's huge-page malloc. The child must be
 * invisible: the same output and exit status as running in the process, and a signal to ness
 * ends the child too (no orphan left computing).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { faultsAreDear, firstTouchMsPerMB, RELAUNCH_BYTES, RELAUNCH_FAULT_MS_PER_MB, relaunchEnv, relaunchFlags } from "../../bin/relaunch.js";
import { ROOT } from "../helpers/paths.js";

const BIN = join(ROOT, "bin/ness.js");
const dir = mkdtempSync(join(tmpdir(), "ness-relaunch-"));

/** A driven three-state ring with a chain of n − 3 states hanging from it, and an assert that fails: exit 1 and a short message. */
function drivenRing(n: number): string {
  const states = Array.from({ length: n }, (_, i) => `s${i}`);
  const lines = [`state ${states.join(", ")}`, "s0 <-> s1 @ 2.5, 1.25", "s1 <-> s2 @ 2.5, 1.25", "s2 <-> s0 @ 2.5, 1.25"];
  for (let i = 3; i < n; i++) lines.push(`s${i - 1} <-> s${i} @ 1.5, 0.5`);
  lines.push("assert detailed_balance");
  return lines.join("\n") + "\n";
}

const big = join(dir, "ring.crn");
writeFileSync(big, drivenRing(450_000));
const small = join(dir, "small.crn");
writeFileSync(small, drivenRing(10));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("relaunchEnv", () => {
  const env = { PATH: "/usr/bin" };
  it("relaunches a command given a file of at least RELAUNCH_BYTES, on Linux only", () => {
    expect(readFileSync(big).length).toBeGreaterThanOrEqual(RELAUNCH_BYTES);
    expect(relaunchEnv(["check", big], env, "linux")).toEqual({ ...env, GLIBC_TUNABLES: "glibc.malloc.hugetlb=1" });
    expect(relaunchEnv(["check", "--quiet", big], env, "linux")?.GLIBC_TUNABLES).toBe("glibc.malloc.hugetlb=1");
    expect(relaunchEnv(["check", big], env, "darwin")).toBeNull();
  });
  it("leaves small inputs, directories, missing paths, the language server and the user's own tunables alone", () => {
    expect(relaunchEnv(["check", small], env, "linux")).toBeNull();
    expect(relaunchEnv(["check", dir], env, "linux")).toBeNull();
    expect(relaunchEnv(["check", join(dir, "missing.crn")], env, "linux")).toBeNull();
    expect(relaunchEnv(["lsp", big], env, "linux")).toBeNull();
    expect(relaunchEnv(["--version"], env, "linux")).toBeNull();
    expect(relaunchEnv([], env, "linux")).toBeNull();
    expect(relaunchEnv(["check", big], { ...env, GLIBC_TUNABLES: "glibc.malloc.arena_max=2" }, "linux")).toBeNull();
    expect(relaunchEnv(["check", big], { ...env, NESS_NO_RELAUNCH: "1" }, "linux")).toBeNull();
  });
  it("gives the child an old generation of 8 bytes a byte of the largest file (64 MiB to 1 GiB)", () => {
    const mb = Math.ceil((8 * readFileSync(big).length) / (1 << 20));
    expect(relaunchFlags(["check", small, big, "--quiet"])).toEqual([`--initial-old-space-size=${Math.min(1024, mb)}`]);
    expect(relaunchFlags(["check", small])).toEqual(["--initial-old-space-size=64"]);
    expect(relaunchFlags(["check", dir, join(dir, "missing.crn")])).toEqual(["--initial-old-space-size=64"]);
  });
});

describe("faultsAreDear", () => {
  it("relaunches where a first-touched MiB costs RELAUNCH_FAULT_MS_PER_MB or more, and only there", () => {
    expect(faultsAreDear({}, () => 2.6)).toBe(true); // the slow boot of the project's VM
    expect(faultsAreDear({}, () => RELAUNCH_FAULT_MS_PER_MB)).toBe(true);
    expect(faultsAreDear({}, () => 0.4)).toBe(false); // the fast one: the second start-up costs more than it saves
  });
  it("relaunches without probing when NESS_RELAUNCH=1", () => {
    let probed = false;
    expect(faultsAreDear({ NESS_RELAUNCH: "1" }, () => { probed = true; return 0; })).toBe(true);
    expect(probed).toBe(false);
  });
  it("measures a finite, positive cost of touching fresh memory", () => {
    const ms = firstTouchMsPerMB(2);
    expect(Number.isFinite(ms) && ms > 0).toBe(true);
  });
});

describe.runIf(process.platform === "linux")("a relaunched ness (forced: NESS_RELAUNCH=1, whatever this machine's faults cost)", () => {
  const run = (extra: NodeJS.ProcessEnv) => spawnSync(process.execPath, [BIN, "check", big], { cwd: ROOT, encoding: "utf8", timeout: 120_000, env: { ...process.env, GLIBC_TUNABLES: undefined, NESS_NO_RELAUNCH: undefined, NESS_RELAUNCH: "1", ...extra } });

  it("prints and exits exactly as ness in one process does", () => {
    const relaunched = run({});
    const inProcess = run({ NESS_NO_RELAUNCH: "1" });
    expect(relaunched.status).toBe(1); // the ring is driven: the assert fails
    expect(relaunched.stdout + relaunched.stderr).toMatch(/detailed_balance/);
    expect([relaunched.status, relaunched.stdout, relaunched.stderr]).toEqual([inProcess.status, inProcess.stdout, inProcess.stderr]);
  }, 240_000);

  it("passes a signal on to the child and ends by it, leaving no child behind", async () => {
    const parent = spawn(process.execPath, [BIN, "check", big], { cwd: ROOT, stdio: "ignore", env: { ...process.env, GLIBC_TUNABLES: undefined, NESS_NO_RELAUNCH: undefined, NESS_RELAUNCH: "1" } });
    const children = (): number[] => {
      const found: number[] = [];
      for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
        try {
          if (readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(big) && Number(pid) !== parent.pid) found.push(Number(pid));
        } catch { /* the process ended while we looked */ }
      }
      return found;
    };
    // wait until the child is running, then signal the parent only
    for (let i = 0; i < 200 && children().length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(children().length).toBe(1);
    parent.kill("SIGTERM");
    const [code, signal] = await new Promise<[number | null, string | null]>((r) => parent.on("exit", (c, s) => r([c, s])));
    expect([code, signal]).toEqual([null, "SIGTERM"]);
    for (let i = 0; i < 100 && children().length > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(children()).toEqual([]);
  }, 60_000);
});

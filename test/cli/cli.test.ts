/** Runs the real `ness` binary (bin/ness.js over dist/) and checks exit codes and output. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/paths.js";

const BIN = join(ROOT, "bin/ness.js");

function ness(...args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000, env: { ...process.env, NESS_DEBUG: "" } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A stack trace line, as node prints it. */
const STACK = /^\s+at .+\(.*:\d+:\d+\)$/m;

describe("ness check", () => {
  it("passes on the bundled networks", () => {
    const r = ness("check", "networks");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/checked \d+ files: all compile and every assert holds/);
  });

  it.each([
    ["undeclared.crn", "2:1: error unknown-species", "did you mean 'Glucose'"],
    ["rate-count.crn", "2:9: error wrong-rate-count", "two rate constants"],
    ["arrow.crn", "2:3: error bad-arrow", "'=>' is not an arrow"],
    ["string.crn", "1:9: error unterminated-string", "no closing quote"],
    ["mixed.crn", "2:1: error state-mixed-with-species", "not both"],
    ["division.crn", "3:11: error division-by-zero", "division by zero"],
    ["markov-shape.crn", "2:1: error markov-not-one-to-one", "one state to one state"],
    ["reservoir.crn", "2:11: error reservoir-without-value", "fixed concentration"],
    ["function.crn", "2:10: error unknown-function", "unknown function 'foo'"],
    ["duplicate.crn", "3:1: error duplicate-label", "already"],
    ["garbage.crn", "error binary-input", "not a text file"],
    ["deep.crn", "2:210: error nesting-too-deep", "refused"],
  ])("%s exits 1 with a located error and no stack trace", (file, where, words) => {
    const r = ness("check", join("test/fixtures/bad", file));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`test/fixtures/bad/${file}:`);
    expect(r.stdout).toContain(where);
    expect(r.stdout).toContain(words);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
  });

  it("reports three independent mistakes in one file", () => {
    const r = ness("check", "test/fixtures/bad/three-mistakes.crn");
    expect(r.status).toBe(1);
    const codes = [...r.stdout.matchAll(/:(\d+):(\d+): error ([a-z-]+)/g)].map((m) => `${m[3]}@${m[1]}`);
    expect(codes).toEqual(["bad-rate-constant@3", "bad-arrow@4", "unknown-species@5"]);
  });

  it("shows the source line with a caret", () => {
    const r = ness("check", "test/fixtures/bad/undeclared.crn");
    expect(r.stdout).toContain("2 | Glucse -> ATP @ 1\n  | ^^^^^^\n");
  });

  it("fails a false assert at the assert's line, naming the driven cycle", () => {
    const r = ness("check", "test/fixtures/asserts/triangle.crn");
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/triangle\.crn:6:1: error detailed-balance-violated: .*affinity 0\.693147 k_BT \(reactions at lines 3, 4, 5\)/);
    expect(r.stdout).toMatch(/triangle\.crn:7:1: error assert-failed: assert failed: flux\(r1\) is [0-9.e-]+, not < 0/);
  });

  it("exits 2 for a missing path or bad usage", () => {
    expect(ness("check", "no/such/file.crn").status).toBe(2);
    expect(ness("check").status).toBe(2);
    expect(ness("check", "networks", "--format", "xml").status).toBe(2);
    expect(ness("check", "networks", "--bogus").status).toBe(2);
    expect(ness("frobnicate").status).toBe(2);
    expect(ness().status).toBe(2);
  });

  it("writes GitHub annotations and a step summary", () => {
    const dir = mkdtempSync(join(tmpdir(), "ness-"));
    const summary = join(dir, "summary.md");
    writeFileSync(summary, "# earlier step\n");
    const r = ness("check", "test/fixtures/asserts/triangle.crn", "networks/a-b-equilibrium.crn", "--format", "github", "--summary", summary);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^::error file=test\/fixtures\/asserts\/triangle\.crn,line=6,col=1[^:]*::/m);
    const md = readFileSync(summary, "utf8");
    expect(md.startsWith("# earlier step\n")).toBe(true);
    expect(md).toContain("triangle.crn");
  });
});

describe("every command", () => {
  it.each(["check", "report", "diagram", "import", "export", "site"])("%s --help exits 0", (cmd) => {
    const r = ness(cmd, "--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`usage: ness ${cmd}`);
  });

  it("ness --help and --version", () => {
    expect(ness("--help").stdout).toContain("commands:");
    expect(ness("--version").stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe("ness report and diagram", () => {
  it("writes the JSON report of CLI.md", () => {
    const r = ness("report", "networks/futile-cycle.crn", "--format", "json");
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.schema).toBe("ness.report/1");
    expect(j.kind).toBe("mass-action");
    expect(j.structure.deficiency).toBe(0);
    expect(j.detailedBalance.holds).toBe(false);
    // ln(kf1/kr1 · kf2/kr2 · [ATP]/([ADP][Pi])) for r1: A + ATP <-> B + ADP @ 2, 0.5 and r2: B <-> A + Pi @ 0.1, 1e-3
    expect(j.detailedBalance.violations[0].affinity).toBeCloseTo(Math.log((2 / 0.5) * (0.1 / 1e-3) * (5e-3 / (5e-4 * 1e-3))), 9);
  });

  it("writes Markdown by default and HTML on request, to -o", () => {
    const dir = mkdtempSync(join(tmpdir(), "ness-"));
    expect(ness("report", "networks/enso-regimes.crn").stdout).toMatch(/^# ENSO regimes\n\n\*\*Driven\*\*/);
    const out = join(dir, "r.html");
    expect(ness("report", "networks/enso-regimes.crn", "--format", "html", "-o", out).status).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^<!doctype html>/);
  });

  it("exits 1 when the file does not compile, 2 for bad usage", () => {
    const bad = ness("report", "test/fixtures/bad/undeclared.crn");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("undeclared.crn:2:1: error unknown-species");
    expect(ness("report", "networks/futile-cycle.crn", "--format", "pdf").status).toBe(2);
    expect(ness("report").status).toBe(2);
    expect(ness("report", "missing.crn").status).toBe(2);
  });

  it("draws mermaid diagrams", () => {
    const states = ness("diagram", "networks/enso-regimes.crn");
    expect(states.status).toBe(0);
    expect(states.stdout).toMatch(/^(%%.*\n)*flowchart /);
    expect(ness("diagram", "networks/futile-cycle.crn", "--view", "complexes").status).toBe(0);
    expect(ness("diagram", "networks/futile-cycle.crn", "--view", "states").stdout).toMatch(/flowchart/);
    expect(ness("diagram", "networks/futile-cycle.crn", "--view", "bogus").status).toBe(2);
  });
});

describe("SBML through the CLI", () => {
  it("imports, checks and exports", () => {
    const dir = mkdtempSync(join(tmpdir(), "ness-"));
    const crn = join(dir, "m.crn");
    const model = "../shared/sbml/more-biomodels/BIOMD0000000002.xml";
    expect(ness("import", model, "-o", crn).status).toBe(0);
    expect(ness("check", crn).status).toBe(0);
    expect(ness("check", model).status).toBe(0);
    const sbml = join(dir, "m.xml");
    expect(ness("export", crn, "--format", "sbml", "-o", sbml).status).toBe(0);
    expect(readFileSync(sbml, "utf8")).toContain('level="3" version="2"');
  });

  it("names a Michaelis-Menten law at its reaction", () => {
    const r = ness("import", "../shared/sbml/BIOMD0000000010.xml");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/BIOMD0000000010\.xml:\d+:\d+: (error|warning) sbml-not-mass-action: /);
  });
});

describe("ness report --format json of a big network", () => {
  // a driven ring of 3000 states (rates 2 and 1): 6000 states plus transitions, past the summary
  // threshold; π_i = 1/3000 and every net flux (2 − 1)/3000
  const n = 3000;
  const dir = mkdtempSync(join(tmpdir(), "ness-big-"));
  const file = join(dir, "ring.crn");
  const names = Array.from({ length: n }, (_, i) => `s${i}`);
  writeFileSync(file, `network "ring of ${n}"\nstate s0 = 1, ${names.slice(1).join(", ")}\n${names.map((s, i) => `${s} <-> ${names[(i + 1) % n]} @ 2, 1`).join("\n")}\n`);
  type Big = { species: string[]; structure: { species: number; reactions: number }; steadyStates: { fluxes: Record<string, number> }[]; listing?: { cut: string[] }; notes: string[] };

  it("is a summary by default, with exact counts and a note naming --full", () => {
    const r = ness("report", file, "--format", "json");
    expect(r.stderr).not.toMatch(STACK);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as Big;
    expect(report.species).toHaveLength(20);
    expect(report.structure).toMatchObject({ species: n, reactions: n });
    for (const j of Object.values(report.steadyStates[0]!.fluxes)) expect(j).toBeCloseTo(1 / n, 12);
    expect(report.listing?.cut).toContain("steadyStates[0].fluxes");
    expect(report.notes.join("\n")).toMatch(/--full/);
  }, 120_000);

  it("--full -o OUT writes every state and transition", () => {
    const out = join(dir, "full.json");
    const r = ness("report", file, "--format", "json", "--full", "-o", out);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    const report = JSON.parse(readFileSync(out, "utf8")) as Big;
    expect(report.listing).toBeUndefined();
    expect(report.species).toEqual(names);
    expect(Object.keys(report.steadyStates[0]!.fluxes)).toHaveLength(n);
    for (const j of Object.values(report.steadyStates[0]!.fluxes)) expect(j).toBeCloseTo(1 / n, 12);
  }, 120_000);

  it("an unwritable -o OUT is exit status 2, not a stack trace", () => {
    const r = ness("report", file, "--format", "json", "-o", join(dir, "no", "such", "dir.json"));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot write/);
    expect(r.stderr).not.toMatch(STACK);
  }, 120_000);
});

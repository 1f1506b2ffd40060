/**
 * `ness repair`: the output compiles, checks as balanced, and differs from the input only in the
 * changed constants (compared field by field), each the value nearestConsistentConstants gives.
 * Known answer: the triangle with rates 1,1,1,1,1,2 has one cycle of affinity ln 2, spread evenly
 * over its six constants: every one moves by 2^(±1/6).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeBalance, nearestConsistentConstants } from "../../src/analysis/balance/index.js";
import { main, type Io } from "../../src/cli/main.js";
import { loadNetwork } from "../../src/cli/io.js";
import { compile } from "../../src/compile/index.js";
import type { Network, RateConstant } from "../../src/network/types.js";
import { ROOT, SBML_DIR } from "../helpers/paths.js";

const BIN = join(ROOT, "bin/ness.js");
const TRIANGLE = "species A = 1, B, C\nr1: A <-> B @ 1, 1\nr2: B <-> C @ 1, 1   # kept comment\nr3: C <-> A @ 2, 1\nassert not detailed_balance\n";

async function repair(file: string, ...options: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "", stderr = "";
  const io: Io = { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, stderrIsTTY: false };
  const status = await main(["repair", file, ...options], io);
  return { status, stdout, stderr };
}

/** A model imported and compiled as `ness` loads it. */
function imported(model: string): { network: Network; converted: string } {
  const l = loadNetwork(model, readFileSync(model, "utf8"));
  if (!l.network || l.converted === undefined) throw new Error(`${model} does not import`);
  return { network: l.network, converted: l.converted };
}

function temp(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "ness-repair-")), name);
  writeFileSync(file, text);
  return file;
}

function compiled(text: string, file: string): Network {
  const r = compile(text, file);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  if (!r.network) throw new Error(`${file} does not compile`);
  return r.network;
}

/** Everything but the rate constants' values (and spans' offsets/columns, which the new literals move). */
function shape(n: Network): unknown {
  return {
    title: n.title, kind: n.kind,
    species: n.species.map((s) => [s.name, s.initial, s.initialGiven, s.span.line]),
    reservoirs: n.reservoirs.map((r) => [r.name, r.value, r.span.line]),
    reactions: n.reactions.map((r) => [r.id, r.labelGiven, r.equation, r.reactants, r.products, r.reservoirReactants, r.reservoirProducts, r.reactantComplex, r.productComplex, r.reverse === null, r.span.line]),
    complexes: n.complexes.map((c) => c.label),
    asserts: n.asserts.map((a) => [a.text, a.target, a.span.line]),
  };
}

/** The output has the input's shape, the repaired constants where repaired, the input's elsewhere. */
function expectRepaired(input: Network, output: Network, fixed: readonly number[] = []): void {
  expect(shape(output)).toEqual(shape(input));
  const repair = nearestConsistentConstants(input, undefined, { fixed });
  expect(repair.reactions.length).toBeGreaterThan(0);
  const changed = new Map(repair.reactions.map((r) => [r.index, r]));
  const value = (k: RateConstant | null): number | null => k?.value ?? null;
  for (const [i, r] of input.reactions.entries()) {
    const out = output.reactions[i];
    const c = changed.get(i);
    expect([value(out?.forward ?? null), value(out?.reverse ?? null)]).toEqual(c ? [c.forward.new, c.reverse?.new ?? null] : [value(r.forward), value(r.reverse)]);
  }
  for (const r of fixed) expect(changed.has(r)).toBe(false);
  expect(analyzeBalance(output).verdict).toBe("holds");
}

describe("ness repair", () => {
  it("the triangle 1,1,1,1,1,2: every constant by 2^(±1/6), one comment per changed line, the rest byte for byte", async () => {
    const file = temp("tri.crn", TRIANGLE);
    const r = await repair(file);
    expect(r.status).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("species A = 1, B, C");
    expect(lines[4]).toBe("assert not detailed_balance");
    const down = 2 ** (-1 / 6), up = 2 ** (1 / 6);
    expect(lines[1]).toBe(`r1: A <-> B @ ${down}, ${up}  # repaired: kf 1 → ${down} (×0.890899), kr 1 → ${up} (×1.12246)`);
    expect(lines[2]).toMatch(/^r2: B <-> C @ \S+, \S+   # kept comment  # repaired: kf 1 → /);
    expect(lines[3]).toMatch(/^r3: C <-> A @ 1\.78179743628067\d*, 1\.12246\d*  # repaired: kf 2 → /);
    const input = compiled(TRIANGLE, file), output = compiled(r.stdout, file);
    expectRepaired(input, output);
    for (const x of output.reactions) {
      expect(Math.abs(Math.log(x.forward.value / (input.reactions[x.index]?.forward.value ?? NaN)))).toBeCloseTo(Math.log(2) / 6, 15);
    }
    expect(r.stderr).toMatch(/changed 6 rate constants of 3 reactions, each by at most ×1\.12246/);
  });

  it("--fix keeps reactions as they are; --weight makes one move less", async () => {
    const file = temp("tri.crn", TRIANGLE);
    const fixed = await repair(file, "--fix", "r1,r2");
    expect(fixed.status).toBe(0);
    const input = compiled(TRIANGLE, file);
    expectRepaired(input, compiled(fixed.stdout, file), [0, 1]);
    expect(fixed.stdout.split("\n").slice(0, 3).join("\n")).toBe(TRIANGLE.split("\n").slice(0, 3).join("\n"));
    // weights w: Δ_r ∝ 1/w_r with Σ Δ_r = −ln 2: w = (1, 1, 4) gives Δ_3 = −ln 2 / 9
    const weighted = compiled((await repair(file, "--weight", "r3=4")).stdout, file);
    expect(Math.log((weighted.reactions[2]?.forward.value ?? NaN) / 2)).toBeCloseTo(-Math.log(2) / 18, 15);
    expect(Math.log((weighted.reactions[0]?.forward.value ?? NaN))).toBeCloseTo(-Math.log(2) * 2 / 9, 15);
  });

  it("a param used by several reactions is replaced at each use, not at its declaration", async () => {
    const text = "param k = 1\nspecies A = 1, B, C\nr1: A <-> B @ k, 1\nr2: B <-> C @ k, 1\nr3: C <-> A @ 2*k, 1\n";
    const file = temp("par.crn", text);
    const r = await repair(file);
    expect(r.status).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("param k = 1");
    expect(lines[2]).toMatch(/^r1: A <-> B @ 0\.89\d+, 1\.12\d+ {2}# repaired: kf k = 1 → 0\.89\d+ \(×0\.890899; replaced at this use, param k unchanged, also used by r2\)/);
    expect(lines[4]).toMatch(/# repaired: kf 2\*k = 2 → /);
    expectRepaired(compiled(text, file), compiled(r.stdout, file));
  });

  it("a network already balanced is written unchanged, and says so", async () => {
    const text = "species A = 1, B, C\nr1: A <-> B @ 1, 1\nr2: B <-> C @ 1, 1\nr3: C <-> A @ 1, 1\n";
    const r = await repair(temp("ok.crn", text));
    expect([r.status, r.stdout]).toEqual([0, text]);
    expect(r.stderr).toMatch(/already holds; written unchanged/);
  });

  it("cannot repair a cycle through a one-way reaction, or a driven cycle of fixed reactions (exit 1)", async () => {
    const oneWay = await repair(temp("ow.crn", "species A = 1, B, C\nr1: A <-> B @ 1, 1\nr2: B -> C @ 1\nr3: C <-> A @ 2, 1\n"));
    expect(oneWay.status).toBe(1);
    expect(oneWay.stderr).toMatch(/cannot repair: the one-way reaction r2 lies on cycles/);
    expect(oneWay.stdout).toBe("");
    const fixed = await repair(temp("tri.crn", TRIANGLE), "--fix", "r1,r2,r3");
    expect(fixed.status).toBe(1);
    expect(fixed.stderr).toMatch(/cannot repair: a driven cycle runs through fixed reactions only/);
  });

  it("keeps reactions built from energies: repairs the plain ones, or says why it cannot", async () => {
    const mixed = "energy A = 0, B = 1\nspecies A = 1, B, C\nr1: A <-> B @ barrier 3\nr2: B <-> C @ 1, 2\nr3: C <-> A @ 1, 1\n";
    const r = await repair(temp("mixed.crn", mixed));
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")[2]).toBe("r1: A <-> B @ barrier 3");
    const out = compiled(r.stdout, "mixed.crn");
    expect(out.reactions[0]?.forward.value).toBe(Math.exp(-3));
    expect(analyzeBalance(out).verdict).toBe("holds");
    const driven = "energy E = 0, EP = 2, ATP = -5, ADP = 3\nreservoir ATP = 1, ADP = 1\nspecies E = 1, EP\nr1: E + ATP <-> EP + ADP @ barrier 4\nr2: EP <-> E @ barrier 5\n";
    const d = await repair(temp("driven.crn", driven));
    expect(d.status).toBe(1);
    expect(d.stderr).toMatch(/cannot repair: .*reactions built from energies keep their constants/);
  });

  it("bad usage exits 2", async () => {
    const file = temp("tri.crn", TRIANGLE);
    expect((await repair(file, "--fix", "r9")).status).toBe(2);
    expect((await repair(file, "--weight", "r1=-1")).status).toBe(2);
    expect((await repair(file, "--weight", "r1")).status).toBe(2);
    expect((await main(["repair"], { stdout: () => {}, stderr: () => {}, stderrIsTTY: false }))).toBe(2);
  });

  it("Edelstein's receptor (BIOMD0000000002): its rounding-sized violations repaired, through import", async () => {
    const model = join(SBML_DIR, "more-biomodels/BIOMD0000000002.xml");
    const r = await repair(model);
    expect(r.status).toBe(0);
    const input = imported(model);
    expect(analyzeBalance(input.network).verdict).toBe("fails");
    const output = compiled(r.stdout, "repaired.crn");
    expectRepaired(input.network, output);
    expect(nearestConsistentConstants(input.network).maxFactor).toBeLessThan(1.0052);
  });

  it("makes every fully two-way model of shared/sbml balanced", async () => {
    const models = ["BIOMD0000000114.xml", "BIOMD0000000491.xml", "more-biomodels/BIOMD0000000002.xml", "more-biomodels/BIOMD0000000038.xml", "more-biomodels/BIOMD0000000057.xml", "more-biomodels/BIOMD0000000126.xml"];
    for (const m of models) {
      const model = join(SBML_DIR, m);
      const input = imported(model);
      expect(analyzeBalance(input.network).oneWay).toEqual([]);
      const r = await repair(model);
      expect(r.status).toBe(0);
      const output = compiled(r.stdout, m);
      expect(shape(output)).toEqual(shape(input.network));
      expect(analyzeBalance(output).verdict).toBe("holds");
      if (analyzeBalance(input.network).verdict === "holds") expect(r.stdout).toBe(input.converted);
    }
  });
});

describe("the real binary", () => {
  it("repairs a file to -o OUT, which `ness check` then passes", () => {
    const file = temp("tri.crn", TRIANGLE.replace("assert not detailed_balance", "assert detailed_balance"));
    const out = join(mkdtempSync(join(tmpdir(), "ness-repair-")), "fixed.crn");
    const before = spawnSync(process.execPath, [BIN, "check", file], { encoding: "utf8" });
    expect(before.status).toBe(1);
    const r = spawnSync(process.execPath, [BIN, "repair", file, "-o", out], { encoding: "utf8" });
    expect([r.status, r.stdout]).toEqual([0, ""]);
    expect(r.stderr).toMatch(/changed 6 rate constants/);
    const after = spawnSync(process.execPath, [BIN, "check", out], { encoding: "utf8" });
    expect(after.status).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/# repaired: kf 2 → 1\.78179743628067\d* \(×0\.890899\)/);
    expect(spawnSync(process.execPath, [BIN, "--help"], { encoding: "utf8" }).stdout).toMatch(/repair FILE/);
  });
});

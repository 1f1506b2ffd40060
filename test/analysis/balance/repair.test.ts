/**
 * The repair (issue 10 item 4): the nearest consistent constants, rounded to doubles as they are
 * printed (17 significant digits), rebuilt into a new Network through the IR, must check as
 * balanced by the verdict itself, and only the changed reactions' constants may differ.
 */
import { describe, expect, it } from "vitest";
import { analyzeBalance, nearestConsistentConstants, reactionConstants, type Repair, type RepairedConstant } from "../../../src/analysis/balance/index.js";
import { analyzeStructure } from "../../../src/analysis/structure/index.js";
import { compile } from "../../../src/compile/index.js";
import { buildNetwork, reactionFields } from "../../../src/network/build.js";
import { MAX_EXACT_SIGNIFICANT_DIGITS, significantDigits } from "../../../src/network/rate.js";
import type { Network, RateConstant } from "../../../src/network/types.js";
import { importSbml } from "../../../src/sbml/import.js";
import { corpus, readModel } from "../../sbml/models.js";
import { mulberry32, net } from "../helpers.js";

/** The constant as `ness repair` prints it: 17 significant digits, read back as an inexact double. */
function printed(k: RateConstant, c: RepairedConstant | null | undefined): RateConstant {
  if (!c || c.new === k.value) return k;
  const text = c.new.toPrecision(17);
  expect(significantDigits(text)).toBeGreaterThan(MAX_EXACT_SIGNIFICANT_DIGITS); // reads back inexact
  expect(Number(text)).toBe(c.new);
  return { value: Number(text), exact: null, rational: false, span: k.span };
}

/** A new Network built through the IR, with the repaired constants and nothing else changed. */
function rebuilt(network: Network, repair: Repair): Network {
  const byIndex = new Map(repair.reactions.map((r) => [r.index, r]));
  return buildNetwork({
    title: network.title, source: network.source, kind: network.kind, asserts: network.asserts, thermodynamics: network.thermodynamics,
    species: network.species.map(({ name, initial, initialGiven, span }) => ({ name, initial, initialGiven, span })),
    reservoirs: network.reservoirs.map(({ name, value, exact, span }) => ({ name, value, exact, span })),
    reactions: network.reactions.map((x) => {
      const { index, reactantComplex: _a, productComplex: _b, ...r } = reactionFields(x);
      const c = byIndex.get(index);
      return { ...r, forward: printed(r.forward, c?.forward), reverse: r.reverse && printed(r.reverse, c?.reverse) };
    }),
  });
}

/** Repairs, rebuilds and checks: the verdict holds and only the listed reactions' constants moved. */
function repairAndCheck(network: Network, options: Parameters<typeof nearestConsistentConstants>[2] = {}): Repair {
  const s = analyzeStructure(network);
  const repair = nearestConsistentConstants(network, s, options);
  expect([repair.feasible, repair.notAttempted, repair.verified]).toEqual([true, null, true]);
  const after = rebuilt(network, repair);
  const db = analyzeBalance(after);
  expect([db.verdict, db.violationCount, db.undecided]).toEqual(["holds", 0, 0]);
  const listed = new Set(repair.reactions.map((r) => r.index));
  for (const r of network.reactions) {
    const x = after.reactions[r.index];
    const same = x?.forward.value === r.forward.value && x.reverse?.value === r.reverse?.value;
    expect(same || listed.has(r.index)).toBe(true);
    if (same) expect(x?.forward).toBe(r.forward); // untouched, exact values included
  }
  for (const c of repair.reactions.flatMap((r) => [r.forward, ...(r.reverse ? [r.reverse] : [])])) {
    expect(Math.max(c.factor, 1 / c.factor)).toBeLessThanOrEqual(repair.maxFactor);
  }
  return repair;
}

describe("repair: the rounded constants check as balanced", () => {
  it("every fully two-way model in shared/sbml (more-biomodels and test-suite included)", () => {
    const tested: string[] = [], factors: Record<string, number> = {};
    for (const file of corpus()) {
      const { text } = importSbml(readModel(file), file);
      const network = text === null ? null : compile(text, file).network;
      if (network === null || reactionConstants(network, true).oneWay.length > 0) continue;
      tested.push(file);
      factors[file] = repairAndCheck(network).maxFactor;
    }
    // the two driven ones: Edelstein's receptor (rounding-sized) and BIOMD0000000038
    expect(tested).toEqual(expect.arrayContaining(["more-biomodels/BIOMD0000000002.xml", "more-biomodels/BIOMD0000000038.xml"]));
    expect(tested.length).toBeGreaterThanOrEqual(6);
    expect(factors["more-biomodels/BIOMD0000000002.xml"]).toBeLessThan(1.0052);
    console.log(`repaired ${tested.length} fully two-way models; max factors`, factors);
  });

  /** A random mass-action network with stiff rates (1e-12 … 1e12, 17 digits) and coefficients up to 3. */
  function stiff(seed: number): Network {
    const rand = mulberry32(seed);
    const n = 3 + Math.floor(rand() * 8);
    const names = Array.from({ length: n }, (_, i) => `X${i}`);
    const lines = [`species ${names.map((x) => `${x} = 1`).join(", ")}`];
    const rate = (): string => (10 ** (24 * rand() - 12)).toPrecision(17);
    for (let r = 0, m = n + 2 + Math.floor(rand() * 2 * n); r < m; r++) {
      const a = Math.floor(rand() * n), b = (a + 1 + Math.floor(rand() * (n - 1))) % n;
      lines.push(`${1 + Math.floor(rand() * 3)} ${names[a]} <-> ${1 + Math.floor(rand() * 3)} ${names[b]} @ ${rate()}, ${rate()}`);
    }
    return net(lines.join("\n"));
  }

  it("stiff random networks: the refinement after rounding is what makes them check (none fail with it, most without)", () => {
    let withoutRefinement = 0, driven = 0;
    for (let seed = 0; seed < 60; seed++) {
      const network = stiff(seed);
      if (analyzeBalance(network).verdict === "holds") continue;
      driven++;
      repairAndCheck(network);
      if (!nearestConsistentConstants(network, undefined, { maxRepairRefinements: 0 }).verified) withoutRefinement++;
    }
    expect(driven).toBeGreaterThan(50);
    expect(withoutRefinement).toBeGreaterThan(driven / 2);
  });

  it("stiff random Markov networks (Kolmogorov's verdict on the chords) check after repair", () => {
    for (let seed = 0; seed < 30; seed++) {
      const rand = mulberry32(100 + seed);
      const n = 3 + Math.floor(rand() * 30);
      const lines = [`state ${Array.from({ length: n }, (_, i) => `s${i}`).join(", ")}`];
      const rate = (): string => (10 ** (24 * rand() - 12)).toPrecision(17);
      for (let i = 0; i < n; i++) lines.push(`s${i} <-> s${(i + 1) % n} @ ${rate()}, ${rate()}`);
      for (let c = 0; c < n / 3; c++) lines.push(`s${Math.floor(rand() * n)} <-> s${Math.floor(rand() * n)} @ ${rate()}, ${rate()}`.replace(/^(s\d+) <-> \1 /, `s0 <-> s${n - 1} `));
      const network = net(lines.join("\n"));
      expect(analyzeBalance(network).verdict).toBe("fails");
      repairAndCheck(network);
    }
  });

  it("fixed reactions and weights are respected, and opposite one-way pairs are repaired as one", () => {
    const network = net("species A = 1, B, C\nr1: A <-> B @ 1, 1\nr2: B -> C @ 3\nr2b: C -> B @ 1\nr3: C <-> A @ 2, 1");
    const repair = repairAndCheck(network, { fixed: [0], weights: [1, 1, 1, 4] });
    expect(repair.reactions.map((r) => r.id)).toEqual(["r2", "r2b", "r3"]);
    // ln K moves by Δ_r with Σ Δ = −ln 6, Δ_r ∝ 1/w_r: r2 (weight 1) by −(4/5) ln 6, r3 (weight 4) by −(1/5) ln 6
    const r3 = repair.reactions.find((r) => r.id === "r3")!;
    expect(Math.log(r3.forward.factor / r3.reverse!.factor)).toBeCloseTo(-Math.log(6) / 5, 12);
    const r2b = repair.reactions.find((r) => r.id === "r2b")!;
    expect(Math.log(r2b.forward.factor)).toBeCloseTo((2 * Math.log(6)) / 5, 12);
  });
});

describe("repair: the dense solve is capped", () => {
  it("past maxRepairCycles the repair is not attempted and says why", () => {
    const network = net("species A = 1, B, C\nA <-> B @ 1, 1\nB <-> C @ 1, 1\nC <-> A @ 2, 1\nA <-> C @ 3, 1");
    const repair = nearestConsistentConstants(network, undefined, { maxRepairCycles: 1 });
    expect([repair.feasible, repair.reactions, repair.verified]).toEqual([false, [], false]);
    expect(repair.notAttempted).toMatch(/2 independent cycles to close, more than maxRepairCycles = 1/);
    expect(nearestConsistentConstants(network, undefined, { maxRepairCycles: 2 }).verified).toBe(true);
  });

  it("a 3000-chord driven ring is refused at the default cap (1000) instead of a 3000² solve", () => {
    const n = 3000;
    const lines = [`state ${Array.from({ length: n }, (_, i) => `s${i}`).join(", ")}`];
    for (let i = 0; i < n; i++) lines.push(`s${i} <-> s${(i + 1) % n} @ 2, 1`, `s${i} <-> s${(i + 7) % n} @ 1, 1`);
    const repair = nearestConsistentConstants(net(lines.join("\n")));
    expect(repair.notAttempted).toMatch(/^3001 independent cycles/);
  });
});

/**
 * The verdict on real numbers (issue 10): rounding is not a drive, a tiny drive is not rounding,
 * every chord is judged, and a violation is measured against the digits it is written with.
 * Known answers are closed forms (ln(1+δ), ln 2) or exact rationals.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeBalance, nearestConsistentConstants } from "../../../src/analysis/balance/index.js";
import { analyzeStructure } from "../../../src/analysis/structure/index.js";
import { importSbml } from "../../../src/sbml/import.js";
import { reactionFields, withChanges } from "../../../src/network/build.js";
import type { Network, RateConstant } from "../../../src/network/types.js";
import { mulberry32, net } from "../helpers.js";

const inexactRate = (k: RateConstant, value = k.value): RateConstant => ({ ...k, value, exact: null, rational: false });

/** The network with every rate constant a double (what a 17-digit literal compiles to). */
function inexact(network: Network, change: (r: number, side: "f" | "r", k: number) => number = (_, __, k) => k): Network {
  return withChanges(network, {
    reactions: network.reactions.map((r) => ({
      ...reactionFields(r),
      forward: inexactRate(r.forward, change(r.index, "f", r.forward.value)),
      reverse: r.reverse && inexactRate(r.reverse, change(r.index, "r", r.reverse.value)),
    })),
  });
}

/** States s0..s{n-1} with free energies G, edges (a, b) with barriers: k+ = exp(G_a − G‡), k− = exp(G_b − G‡), printed with 17 digits. */
function fromFreeEnergies(G: readonly number[], edges: readonly (readonly [number, number, number])[]): string {
  const lines = [`state ${G.map((_, i) => `s${i}`).join(", ")}`];
  for (const [a, b, barrier] of edges) {
    const top = Math.max(G[a]!, G[b]!) + barrier;
    lines.push(`s${a} <-> s${b} @ ${(Math.exp(G[a]! - top)).toPrecision(17)}, ${(Math.exp(G[b]! - top)).toPrecision(17)}`);
  }
  return lines.join("\n");
}

function ring(n: number, rand: () => number, spread: number): string {
  const G = Array.from({ length: n }, () => spread * (2 * rand() - 1));
  return fromFreeEnergies(G, Array.from({ length: n }, (_, i) => [i, (i + 1) % n, rand()] as const));
}

describe("rounding is not a drive, a tiny drive is not rounding", () => {
  it("rates from free energies (17 digits) check as balanced on rings and random graphs", () => {
    const rand = mulberry32(11);
    for (let t = 0; t < 20; t++) {
      const db = analyzeBalance(inexact(net(ring(3 + Math.floor(rand() * 20), rand, 25))));
      expect([db.verdict, db.undecided, db.decided.exact]).toEqual(["holds", 0, 0]);
    }
  });

  it("one rate × (1 + 1e-9) is driven by ln(1 + 1e-9), within the bound", () => {
    const rand = mulberry32(12);
    for (let t = 0; t < 20; t++) {
      const network = inexact(net(ring(3 + Math.floor(rand() * 20), rand, 25)), (r, side, k) => (r === 0 && side === "f" ? k * (1 + 1e-9) : k));
      const db = analyzeBalance(network);
      expect(db.verdict).toBe("fails");
      const v = db.violations[0]!;
      expect(v.decision?.method).toBe("bound");
      expect(Math.abs(v.affinity - Math.log1p(1e-9))).toBeLessThanOrEqual(v.decision!.bound! + 2 ** -52 * 1e-9);
    }
  });

  it("a ring with one rate exp(1e-8), others 1, is driven by 1e-8 k_BT", () => {
    const n = 50;
    const lines = [`state ${Array.from({ length: n }, (_, i) => `s${i}`).join(", ")}`];
    for (let i = 0; i < n; i++) lines.push(`s${i} <-> s${(i + 1) % n} @ ${i === 7 ? "exp(1e-8)" : "1"}, 1`);
    const db = analyzeBalance(net(lines.join("\n")));
    expect(db.verdict).toBe("fails");
    const v = db.violations[0]!;
    expect(Math.abs(v.affinity - 1e-8)).toBeLessThanOrEqual(v.decision!.bound!);
    expect(v.decision!.bound!).toBeLessThan(1e-13);
  });

  it("rationals driven by 1e-8 k_BT are found driven exactly", () => {
    const text = "A <-> B @ 1, 1\nB <-> C @ 1, 1\nC <-> A @ 100000001/100000000, 1";
    for (const head of ["species A = 1, B, C", "state A, B, C"]) {
      const db = analyzeBalance(net(`${head}\n${text}`));
      expect([db.verdict, db.method, db.violations[0]!.decision?.method]).toEqual(["fails", "exact", "exact"]);
      expect(db.violations[0]!.affinity).toBe(Math.log1p(1e-8));
    }
    const balanced = analyzeBalance(net("state A, B, C\nA <-> B @ 3/7, 1\nB <-> C @ 7, 3\nC <-> A @ 1, 1"));
    expect([balanced.verdict, balanced.method]).toEqual(["holds", "exact"]);
  });

  it("property: stiff balanced networks (G over ±25) hold; one rate × (1 + δ), δ ≥ 1e-9, is driven by ln(1 + δ) within the bound", () => {
    fc.assert(fc.property(fc.integer({ min: 3, max: 12 }), fc.integer(), fc.double({ min: -9, max: -1, noNaN: true }), (n, seed, logDelta) => {
      const rand = mulberry32(seed);
      const G = Array.from({ length: n }, () => 50 * rand() - 25);
      const edges: [number, number, number][] = [];
      for (let i = 1; i < n; i++) edges.push([Math.floor(rand() * i), i, 3 * rand()]);
      for (let c = 0; c < n; c++) { const a = Math.floor(rand() * n), b = (a + 1 + Math.floor(rand() * (n - 1))) % n; edges.push([a, b, 3 * rand()]); }
      const base = net(fromFreeEnergies(G, edges));
      expect(analyzeBalance(inexact(base)).verdict).toBe("holds");
      const delta = 10 ** logDelta;
      const s = analyzeStructure(base);
      const onCycle = base.reactions.findIndex((r) => s.cycles.some((c) => c[r.index] !== 0));
      const db = analyzeBalance(inexact(base, (r, side, k) => (r === onCycle && side === "f" ? k * (1 + delta) : k)));
      expect(db.verdict).toBe("fails");
      for (const v of db.violations) expect(Math.abs(v.affinity - Math.log1p(delta))).toBeLessThanOrEqual(v.decision!.bound! + 4 * 2 ** -53 * delta);
    }), { numRuns: 60 });
  });
});

describe("every chord is judged", () => {
  /** A chain whose potential alternates 0, 10, 0, …; balanced long chords; a triangle driven by `drive` at the far end. */
  function chain(n: number, chords: number, drive: string): Network {
    const lines = [`state ${Array.from({ length: n + 2 }, (_, i) => `s${i}`).join(", ")}`];
    const phi = (i: number): number => (i % 2 === 0 ? 0 : 10);
    for (let i = 0; i < n; i++) lines.push(`s${i} <-> s${i + 1} @ exp(${(phi(i + 1) - phi(i)) / 2}), exp(${(phi(i) - phi(i + 1)) / 2})`);
    for (let c = 0; c < chords; c++) {
      const a = c * Math.floor(n / (chords + 1)), b = n - 1 - c * 7, l = phi(b) - phi(a);
      lines.push(`s${a} <-> s${b} @ exp(${l / 2}) * exp(5), exp(${-l / 2}) * exp(5)`);
    }
    lines.push(`s${n} <-> s${n + 1} @ ${drive}, 1`, `s${n + 1} <-> s${n - 1} @ exp(${phi(n - 1) / 2}), exp(${-phi(n - 1) / 2})`);
    return net(lines.join("\n"));
  }

  it("a 20 000-state chain with 25 long balanced chords and a triangle driven by 1e-5 k_BT far from the root is driven", () => {
    const db = analyzeBalance(chain(20_000, 25, "exp(1e-5)"));
    expect([db.verdict, db.undecided, db.decided.bound]).toEqual(["fails", 0, 26]);
    expect(db.violations).toHaveLength(1);
    expect(Math.abs(db.violations[0]!.affinity - 1e-5)).toBeLessThanOrEqual(db.violations[0]!.decision!.bound!);
    expect(analyzeBalance(chain(20_000, 25, "1")).verdict).toBe("holds");
  });

  it("linear time: inexact chords are decided without walking any cycle, at two sizes", () => {
    for (const n of [5_000, 20_000]) {
      const db = analyzeBalance(chain(n, 25, "1"));
      expect([db.verdict, db.walkedEdges]).toEqual(["holds", 0]);
    }
  });

  it("rational chords past the walk budget are undecided, never balanced", () => {
    const n = 2000;
    const lines = [`state ${Array.from({ length: n }, (_, i) => `s${i}`).join(", ")}`];
    for (let i = 0; i < n; i++) lines.push(`s${i} <-> s${(i + 1) % n} @ 2, 2`);
    const db = analyzeBalance(net(lines.join("\n")), undefined, { walkBudget: 10 });
    expect([db.verdict, db.holds, db.undecided]).toEqual(["undecided", false, 1]);
    expect(analyzeBalance(net(lines.join("\n"))).verdict).toBe("holds");
  });
});

describe("how far from balance, and who is to blame", () => {
  const biomd = (): Network => {
    const file = new URL("../../../../shared/sbml/more-biomodels/BIOMD0000000002.xml", import.meta.url);
    const { text } = importSbml(readFileSync(file, "utf8"), "BIOMD0000000002.xml");
    return net(text!);
  };

  it("Edelstein's acetylcholine receptor: four cycles off by rounding of its published constants", () => {
    const db = analyzeBalance(biomd());
    expect(db.verdict).toBe("fails");
    const a = db.violations.map((v) => v.affinity);
    expect(a.map((x) => x.toPrecision(2))).toEqual(["0.025", "0.025", "0.0027", "0.0020"]);
    for (const v of db.violations) {
      expect(v.distance!.relativeChange).toBeLessThanOrEqual(0.0031);
      expect(v.distance!.explainedByRounding).toBe(true);
    }
    expect([db.explainedByRounding, db.culprits]).toEqual([true, null]);
  });

  it("one real violation among rounding-sized ones is singled out (one constant × 10)", () => {
    const base = biomd();
    const target = base.reactionIndex.get("React9")!;
    const db = analyzeBalance(inexact(base, (r, side, k) => (r === target && side === "f" ? 10 * k : k)));
    expect(db.explainedByRounding).toBe(false);
    const culprit = db.culprits!.find((c) => c.reaction === target);
    expect(culprit?.factor).toBeCloseTo(0.1, 2);
  });

  it("the relative change is e^δ − 1 with δ = |A| / (2 Σ|c_r|)", () => {
    const db = analyzeBalance(net("species A = 1, B, C\nA <-> B @ 1, 1\nB <-> C @ 1, 1\nC <-> A @ 2, 1"));
    expect(db.violations[0]!.distance!.relativeChange).toBeCloseTo(Math.expm1(Math.log(2) / 6), 15);
  });

  it("the nearest consistent constants make the network balanced (triangle: every constant by 2^(±1/6))", () => {
    const network = net("species A = 1, B, C\nA <-> B @ 1, 1\nB <-> C @ 1, 1\nC <-> A @ 2, 1");
    const repair = nearestConsistentConstants(network, analyzeStructure(network));
    expect(repair.feasible).toBe(true);
    expect(repair.maxFactor).toBeCloseTo(2 ** (1 / 6), 14);
    const fixed = inexact(network, (r, side, k) => repair.reactions.find((x) => x.index === r)?.[side === "f" ? "forward" : "reverse"]?.new ?? k);
    expect(analyzeBalance(fixed).verdict).toBe("holds");
  });

  it("repairs Edelstein's receptor, and keeps fixed reactions fixed", () => {
    const network = biomd();
    const keep = network.reactionIndex.get("React0")!;
    const repair = nearestConsistentConstants(network, analyzeStructure(network), { fixed: [keep] });
    expect(repair.reactions.some((r) => r.index === keep)).toBe(false);
    expect(repair.maxFactor).toBeLessThan(1.02);
    const fixed = inexact(network, (r, side, k) => repair.reactions.find((x) => x.index === r)?.[side === "f" ? "forward" : "reverse"]?.new ?? k);
    expect(analyzeBalance(fixed).verdict).toBe("holds");
  });
});

describe("the user's tolerance, pairs, construction", () => {
  const triangle = "species A = 1, B, C\nA <-> B @ 1, 1\nB <-> C @ 1, 1\nC <-> A @ 1.01, 1";

  it("accepts violations within a stated affinity or relative change, and says so", () => {
    const within = analyzeBalance(net(triangle), undefined, { acceptViolation: { kind: "affinity", value: 0.01 } });
    expect([within.verdict, within.toleranceApplied, within.accepted.length, within.violations.length]).toEqual(["holds", true, 1, 0]);
    expect(within.accepted[0]?.decision?.method).toBe("user-tolerance");
    // the verdict carries the tolerance it applied and the exact count it accepted
    expect([within.acceptViolation, within.acceptedCount]).toEqual([{ kind: "affinity", value: 0.01 }, 1]);
    expect(analyzeBalance(net(triangle)).acceptViolation).toBeNull();
    const beyond = analyzeBalance(net(triangle), undefined, { acceptViolation: { kind: "affinity", value: 0.009 } });
    expect(beyond.verdict).toBe("fails");
    // ln 1.01 over 3 reactions: e^{ln(1.01)/6} − 1 = 0.00166 per constant
    expect(analyzeBalance(net(triangle), undefined, { acceptViolation: { kind: "relative", value: 0.0017 } }).verdict).toBe("holds");
    expect(analyzeBalance(net(triangle), undefined, { acceptViolation: { kind: "relative", value: 0.0016 } }).verdict).toBe("fails");
  });

  it("opposite one-way reactions are one reversible pair", () => {
    const db = analyzeBalance(net("species A = 1, B\nA -> B @ 2\nB -> A @ 1"));
    expect([db.verdict, db.oneWay, db.pairs]).toEqual(["holds", [], [[0, 1]]]);
    expect(db.equilibriumConstants).toEqual([2, 0.5]);
    const driven = analyzeBalance(net("state A, B, C\nA -> B @ 2\nB -> A @ 1\nB <-> C @ 1, 1\nC <-> A @ 1, 1"));
    expect(driven.violations[0]!.affinity).toBe(Math.log(2));
  });

  it("a cycle of constructed reactions is balanced by construction unless the reservoirs drive it", () => {
    // G = (0, 0.3, -1.7) for E, EA, EB; rates exp(G_a − G‡) in doubles; ATP/ADP drive E → EA → E
    const G = [0, 0.3, -1.7];
    const rate = (a: number, top: number): string => Math.exp(G[a]! - top).toPrecision(17);
    const base = net(`state E, EA, EB\nreservoir ATP = 2, ADP = 1
E <-> EA @ ${rate(0, 2)}, ${rate(1, 2)}\nEA <-> EB @ ${rate(1, 3)}, ${rate(2, 3)}\nEB <-> E @ ${rate(2, 1)}, ${rate(0, 1)}
E + ATP <-> EA + ADP @ ${rate(0, 2)}, ${rate(1, 2)}`);
    const thermo = { species: G, reservoirs: [0, 0], constructed: base.reactions.map(() => true) };
    const db = analyzeBalance({ ...inexact(base), thermodynamics: thermo });
    expect(db.decided.construction).toBe(1);
    expect(db.verdict).toBe("fails");
    expect(db.violations.map((v) => v.decision?.method)).toEqual(["bound"]);
    expect(Math.abs(db.violations[0]!.affinity - Math.log(2))).toBeLessThanOrEqual(db.violations[0]!.decision!.bound!);
  });
});

describe("rounding explains only what the written digits allow", () => {
  it("the triangle 1, 1, 1, 1, 1, 2 is driven by ln 2 beyond rounding: integers without trailing zeros are exact", () => {
    const db = analyzeBalance(net("state A, B, C\nA <-> B @ 1, 1\nB <-> C @ 1, 1\nC <-> A @ 1, 2"));
    expect(db.verdict).toBe("fails");
    expect(db.violations[0]?.affinity).toBe(Math.LN2);
    expect(db.violations[0]?.distance?.roundingAffinity).toBe(0);
    expect(db.explainedByRounding).toBe(false);
  });

  it("the same drive written as 0.5-digit constants is within rounding: 0.1, 0.2 have one significant digit", () => {
    const db = analyzeBalance(net("state A, B, C\nA <-> B @ 0.1, 0.1\nB <-> C @ 0.1, 0.1\nC <-> A @ 0.1, 0.2"));
    // R_c = 6 ln(1 + ½) ≥ ln 2
    expect(db.violations[0]?.distance?.roundingAffinity).toBeCloseTo(6 * Math.log1p(0.5), 14);
    expect(db.explainedByRounding).toBe(true);
  });
});

describe("a number that is not finite decides nothing", () => {
  it("a cycle whose constants give a NaN affinity is undecided, never balanced (repair builds networks the compiler did not check)", () => {
    const ring = net("state a, b, c\na <-> b @ 1, 1\nb <-> c @ 1, 1\nc <-> a @ 1, 1");
    const db = analyzeBalance(inexact(ring, (r, side, k) => (r === 0 && side === "f" ? NaN : k)));
    expect(db.verdict).toBe("undecided");
    expect(db.holds).toBe(false);
    expect(db.undecided).toBe(1);
  });
});

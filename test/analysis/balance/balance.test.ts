import { describe, expect, it } from "vitest";
import { compile } from "../../../src/compile/index.js";
import { analyzeBalance } from "../../../src/analysis/balance/index.js";
import { analyzeStructure } from "../../../src/analysis/structure/index.js";
import { wegscheiderBalance } from "../../../src/analysis/balance/wegscheider.js";
import { solveLinear } from "../../../src/numeric/continuous/dense.js";
import { reservoirMatrix, stoichiometricMatrix } from "../../../src/network/stoichiometry.js";
import type { Network } from "../../../src/network/types.js";
import { dense, mulberry32, net, referenceCases } from "../helpers.js";

/** Affinity of any cycle, from the reported basis: violations carry theirs, other cycles 0. */
function affinityFromReport(network: Network, cycle: readonly number[]): number {
  const basis = analyzeStructure(network).cycles.map((c) => [...c]);
  const db = analyzeBalance(network);
  const aff = basis.map((b) => {
    for (const v of db.violations) {
      if (v.cycle.every((x, r) => x === b[r])) return v.affinity;
      if (v.cycle.every((x, r) => x === -b[r]!)) return -v.affinity;
    }
    return 0;
  });
  // cycle = Σ λ_i b_i, by the normal equations.
  const gram = basis.map((a) => basis.map((b) => a.reduce((s, x, r) => s + x * b[r]!, 0)));
  const rhs = basis.map((a) => a.reduce((s, x, r) => s + x * cycle[r]!, 0));
  const lambda = solveLinear(gram, rhs)!;
  return lambda.reduce((s, l, i) => s + l * aff[i]!, 0);
}

describe("analyzeBalance on the reference networks", () => {
  for (const ref of referenceCases()) {
    it(`agrees with ${ref.name}`, () => {
      const db = analyzeBalance(ref.network);
      const r = ref.json.detailedBalance;
      expect(db.holds).toBe(r.holds);
      expect(db.violations).toHaveLength(r.violations.length);
      const reactions = ref.network.reactions.map((x) => x.id);
      for (const v of r.violations) {
        const a = affinityFromReport(ref.network, dense(v.cycle, reactions));
        expect(Math.abs(a - v.affinity)).toBeLessThan(1e-9 * Math.abs(v.affinity));
      }
      for (let i = 1; i < db.violations.length; i++) expect(Math.abs(db.violations[i - 1]!.affinity)).toBeGreaterThanOrEqual(Math.abs(db.violations[i]!.affinity));
    });
  }
});

describe("literature cases", () => {
  it("triangle A ⇌ B ⇌ C ⇌ A: balanced with all rates 1, driven when one is 2", () => {
    const ok = analyzeBalance(net("species A = 1, B, C\nA <-> B @ 1, 1\nB <-> C @ 1, 1\nC <-> A @ 1, 1"));
    expect([ok.holds, ok.method]).toEqual([true, "exact"]);
    const bad = analyzeBalance(net("species A = 1, B, C\nr1: A <-> B @ 1, 1\nr2: B <-> C @ 1, 1\nr3: C <-> A @ 2, 1"));
    expect(bad.holds).toBe(false);
    expect(bad.violations[0]!.words).toBe("r1 + r2 + r3");
    expect(bad.violations[0]!.affinity).toBeCloseTo(Math.log(2), 14);
  });

  it("square law: A ⇌ B, 2A ⇌ 2B balance only when K2 = K1²", () => {
    expect(analyzeBalance(net("species A = 1, B\nA <-> B @ 2, 1\n2 A <-> 2 B @ 4, 1")).holds).toBe(true);
    const bad = analyzeBalance(net("species A = 1, B\nr1: A <-> B @ 2, 1\nr2: 2 A <-> 2 B @ 3, 1"));
    expect(bad.holds).toBe(false);
    expect(bad.violations[0]!.affinity).toBeCloseTo(2 * Math.log(2) - Math.log(3), 14);
    expect(bad.violations[0]!.words).toBe("2 r1 - r2");
  });

  it("deficiency 2: every circuit condition of the complex graph holds, detailed balance fails", () => {
    // Complexes 3A, A+2B, 3B, 2A+B. Circuits: K1 K2 K3 K4 = 2·1·½·1 = 1 and K1 K2 = K5 = 2.
    const network = net(`species A = 1, B = 1
r1: 3 A <-> A + 2 B @ 2, 1
r2: A + 2 B <-> 3 B @ 1, 1
r3: 3 B <-> 2 A + B @ 1, 2
r4: 2 A + B <-> 3 A @ 1, 1
r5: 3 A <-> 3 B @ 2, 1`);
    const s = analyzeStructure(network);
    expect([s.complexes, s.linkageClasses, s.rank, s.deficiency]).toEqual([4, 1, 1, 2]);
    const db = analyzeBalance(network, s);
    expect(db.holds).toBe(false);
    expect(db.method).toBe("exact");
    for (const v of db.violations) expect(v.affinity).toBeGreaterThan(0);
  });

  it("reports a tiny exact violation (1e-6 k_BT) with its size", () => {
    const db = analyzeBalance(net("species A = 1, B, C\nA <-> B @ 1, 1\nB <-> C @ 1, 1\nC <-> A @ 1.000001, 1"));
    expect([db.holds, db.method]).toEqual([false, "exact"]);
    expect(db.violations[0]!.affinity).toBeCloseTo(Math.log1p(1e-6), 20);
    const markov = analyzeBalance(net("state A, B, C\nA <-> B @ 1, 1\nB <-> C @ 1, 1\nC <-> A @ 1.000001, 1"));
    expect([markov.holds, markov.method]).toEqual([false, "exact"]);
    expect(Math.abs(markov.violations[0]!.affinity / Math.log1p(1e-6) - 1)).toBeLessThan(1e-9);
  });

  it("one-way reactions never balance", () => {
    const db = analyzeBalance(net("species A = 1, B, C\nA -> B @ 1\nB -> C @ 1\nC -> A @ 1"));
    expect([db.holds, db.verdict]).toEqual([false, "fails"]);
    expect(db.oneWay).toEqual([0, 1, 2]);
    expect(db.violations[0]!.affinity).toBe(Infinity);
    const bridge = analyzeBalance(net("species A = 1, B, C\nA <-> B @ 1, 1\nB -> C @ 1"));
    expect([bridge.holds, bridge.violations.length, bridge.oneWay]).toEqual([false, 0, [1]]);
  });

  it("judges a cycle of inexact rates against its own double-precision bound", () => {
    const db = analyzeBalance(net("species A = 1, B, C\nA <-> B @ exp(0.3), 1\nB <-> C @ 1, 1\nC <-> A @ 1, exp(0.3)"));
    expect([db.holds, db.verdict, db.method, db.decided.bound]).toEqual([true, "holds", "tolerance", 1]);
    expect(db.tolerance).toBeGreaterThan(0);
    expect(db.tolerance).toBeLessThan(1e-14);
  });
});

describe("Kolmogorov's criterion", () => {
  it("words the cycle along its positive affinity", () => {
    const fwd = analyzeBalance(net("state A, B, C\nA <-> B @ 1, 1\nB <-> C @ 1, 1\nC <-> A @ 2, 1"));
    expect(fwd.violations[0]!.words).toBe("A -> B -> C -> A");
    expect(fwd.violations[0]!.affinity).toBeCloseTo(Math.log(2), 15);
    const back = analyzeBalance(net("state A, B, C\nA <-> B @ 0.5, 1\nB <-> C @ 1, 1\nC <-> A @ 1, 1"));
    expect(back.violations[0]!.words).toBe("A -> C -> B -> A");
    expect(back.violations[0]!.cycle).toEqual([-1, -1, -1]);
  });

  it("folds reservoirs into the rates", () => {
    const db = analyzeBalance(net("state E, EA\nreservoir ATP = 2, ADP = 1\nE + ATP <-> EA @ 1, 2\nEA <-> E + ADP @ 1, 1"));
    // Cycle E → EA → E: ln(1·2/2) + ln(1/(1·1)) = 0: balanced.
    expect(db.holds).toBe(true);
    const driven = analyzeBalance(net("state E, EA\nreservoir ATP = 4, ADP = 1\nE + ATP <-> EA @ 1, 2\nEA <-> E + ADP @ 1, 1"));
    expect(driven.violations[0]!.affinity).toBeCloseTo(Math.log(2), 14);
  });

  it("gives free energies and equilibrium constants when balanced", () => {
    const db = analyzeBalance(net("state A, B, C\nA <-> B @ 2, 1\nB <-> C @ 3, 1\nC <-> A @ 1, 6"));
    expect(db.holds).toBe(true);
    const g = db.freeEnergies!;
    expect(g[0]! - g[1]!).toBeCloseTo(Math.log(2), 14);
    expect(g[1]! - g[2]!).toBeCloseTo(Math.log(3), 14);
    expect(db.equilibriumConstants).toEqual([2, 3, 1 / 6]);
  });

  it("agrees with Wegscheider on the same networks (seeded)", () => {
    const rand = mulberry32(5);
    for (let t = 0; t < 30; t++) {
      const n = 3 + Math.floor(rand() * 5);
      const lines = [`state ${Array.from({ length: n }, (_, i) => `s${i}`).join(", ")}`];
      for (let k = 0; k < n + 3; k++) {
        const a = Math.floor(rand() * n), b = (a + 1 + Math.floor(rand() * (n - 1))) % n;
        lines.push(`s${a} <-> s${b} @ ${(0.5 + rand()).toFixed(2)}, ${(0.5 + rand()).toFixed(2)}`);
      }
      const network = net(lines.join("\n"));
      const k = analyzeBalance(network), w = wegscheiderBalance(network, analyzeStructure(network));
      expect(k.holds).toBe(w.holds);
      const ka = k.violations.map((v) => v.affinity).sort((a, b) => a - b), wa = w.violations.map((v) => v.affinity).sort((a, b) => a - b);
      expect(ka).toHaveLength(wa.length);
      ka.forEach((a, i) => expect(Math.abs(a - wa[i]!)).toBeLessThan(1e-12));
    }
  });
});

describe("properties on seeded random networks", () => {
  function randomNetwork(rand: () => number, perturb: number | null): { network: Network; text: string } {
    const ns = 2 + Math.floor(rand() * 5), nr = 2 + Math.floor(rand() * 6);
    const G = Array.from({ length: ns }, () => 4 * rand() - 2);
    const lnY = [Math.log(2), Math.log(0.5)];
    const pick = (): number => Math.floor(rand() * ns);
    const lines = [`species ${G.map((_, i) => `X${i} = 1`).join(", ")}`, "reservoir F = 2, W = 0.5"];
    for (let r = 0; r < nr; r++) {
      const a = pick(), b = pick(), c = pick();
      const shape = Math.floor(rand() * 3);
      const lhs = shape === 0 ? `X${a}` : shape === 1 ? `X${a} + X${b}` : `X${a} + F`;
      const rhs = shape === 2 ? `X${c} + W` : `X${c}`;
      if (lhs === rhs) continue;
      // ln(kf/kr) = Σ_Y S_Yr ln[Y] − Σ_i S_ir G_i makes reaction r balanced at exp(−G).
      const dG = G[c]! - (shape === 1 ? G[a]! + G[b]! : G[a]!);
      const dY = shape === 2 ? lnY[1]! - lnY[0]! : 0;
      const kf = (0.5 + rand()).toFixed(3);
      const skew = perturb === r ? " * 1.7" : "";
      lines.push(`r${r}: ${lhs} <-> ${rhs} @ ${kf}${skew}, ${kf} * exp(${dG.toFixed(15)} - ${dY.toFixed(15)})`);
    }
    const text = lines.join("\n");
    return { network: net(text), text };
  }

  it("networks built from species potentials are balanced; their G reproduces ln K", () => {
    const rand = mulberry32(2024);
    for (let t = 0; t < 60; t++) {
      const { network } = randomNetwork(rand, null);
      const db = analyzeBalance(network);
      expect(db.holds).toBe(true);
      const S = stoichiometricMatrix(network), R = reservoirMatrix(network);
      network.reactions.forEach((r, j) => {
        const lnK = Math.log(r.forward.value / r.reverse!.value) - R.reduce((s, row, y) => s + row[j]! * Math.log(network.reservoirs[y]!.value), 0);
        const fromG = -S.reduce((s, row, i) => s + row[j]! * db.freeEnergies![i]!, 0);
        expect(Math.abs(lnK - fromG)).toBeLessThan(1e-9);
        expect(db.equilibriumConstants![j]).toBeCloseTo(Math.exp(lnK), 9);
      });
    }
  });

  it("changing one rate on a cycle breaks balance", () => {
    const rand = mulberry32(77);
    let checked = 0;
    for (let t = 0; t < 80; t++) {
      const seed = Math.floor(rand() * 1e9);
      const base = randomNetwork(mulberry32(seed), null).network;
      const s = analyzeStructure(base);
      const onCycle = base.reactions.findIndex((r) => s.cycles.some((c) => c[r.index] !== 0));
      if (onCycle < 0) continue;
      const label = Number(base.reactions[onCycle]!.id.slice(1));
      const { network } = randomNetwork(mulberry32(seed), label);
      const db = analyzeBalance(network);
      expect(db.holds).toBe(false);
      expect(db.violations.every((v) => v.cycle[onCycle] !== 0)).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe("Kolmogorov on deep trees", () => {
  it("judges a short cycle far from the root on its own scale, not its tree paths'", () => {
    // 20 000 states in a chain with large (inexact) log rates, then a triangle driven by 1e-5 k_BT
    const n = 20_000;
    const lines = [`state ${Array.from({ length: n + 2 }, (_, i) => `s${i}`).join(", ")}`];
    for (let i = 0; i < n; i++) lines.push(`s${i} <-> s${i + 1} @ exp(5), exp(-5)`);
    lines.push(`s${n} <-> s${n + 1} @ exp(1e-5), 1`, `s${n + 1} <-> s${n - 1} @ exp(-5), exp(5)`);
    const { network } = compile(lines.join("\n"), "deep.crn");
    const db = analyzeBalance(network!);
    expect(db.method).toBe("tolerance");
    expect(db.holds).toBe(false);
    expect(db.verdict).toBe("fails");
    expect(db.violations).toHaveLength(1);
    expect(Math.abs(db.violations[0]!.affinity)).toBeCloseTo(1e-5, 9);
  });
});

describe("Markov violations: the sparse support and the dense vector agree", () => {
  it("a driven ring with a chord: support = nonzero entries of cycle, reactions ascending, ±1 along the walk", () => {
    // A → B → C → A driven (2 vs 1 each way), plus B ⇄ D ⇄ A balanced: two cycles, one driven
    const network = compile("state A = 1, B, C, D\nA <-> B @ 2, 1\nB <-> C @ 2, 1\nC <-> A @ 2, 1\nB <-> D @ 1, 1\nD <-> A @ 1, 2", "ring.crn").network as Network;
    const db = analyzeBalance(network);
    expect(db.holds).toBe(false);
    expect(db.violations.length).toBeGreaterThan(0);
    for (const v of db.violations) {
      const nonzero = v.cycle.flatMap((x, r) => (x !== 0 ? [r] : []));
      expect(v.support?.reactions).toEqual(nonzero);
      expect(v.support?.coefficients).toEqual(nonzero.map((r) => v.cycle[r]));
      expect([...v.reactions].sort((a, b) => a - b)).toEqual(nonzero);
      // oriented along positive affinity: Σ c_r ln K_r = A > 0 (ln K = ln 2 on the ring, 0 and −ln 2 on the detour)
      const lnK = [Math.log(2), Math.log(2), Math.log(2), 0, -Math.log(2)];
      const a = nonzero.reduce((s, r) => s + (v.cycle[r] ?? NaN) * (lnK[r] ?? NaN), 0);
      expect(a).toBeCloseTo(v.affinity, 12);
      expect(v.affinity).toBeGreaterThan(0);
    }
  });
});

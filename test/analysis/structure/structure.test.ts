import { describe, expect, it } from "vitest";
import { analyzeStructure } from "../../../src/analysis/structure/index.js";
import { massActionExactStructure } from "../../../src/analysis/structure/mass-action.js";
import { markovExactStructure } from "../../../src/analysis/structure/markov.js";
import { DEFAULT_OPTIONS } from "../../../src/analysis/options.js";
import { bipartiteGraph, complexGraph, stateGraph } from "../../../src/network/graphs.js";
import { stoichiometricMatrix } from "../../../src/network/stoichiometry.js";
import type { Network } from "../../../src/network/types.js";
import { dense, mulberry32, net, referenceCases, sameSpan } from "../helpers.js";

const MAPK = `
species KKK = 1, E1 = 1, KKKE1, KKK_, E2 = 1, KKKE2, KK = 1, KK_KKK_, KKP, KKPKKK_, KKPP, KKPase = 1
species KKPKKPase, KKPPKKPase, K = 1, KKPPK, KP, KPKKPP, KPP, KPase = 1, KPKPase, KKPPKPase
KKK + E1 <-> KKKE1 @ 1, 1
KKKE1 -> KKK_ + E1 @ 1
KKK_ + E2 <-> KKKE2 @ 1, 1
KKKE2 -> KKK + E2 @ 1
KK + KKK_ <-> KK_KKK_ @ 1, 1
KK_KKK_ -> KKP + KKK_ @ 1
KKP + KKK_ <-> KKPKKK_ @ 1, 1
KKPKKK_ -> KKPP + KKK_ @ 1
KKP + KKPase <-> KKPKKPase @ 1, 1
KKPPKKPase -> KKP + KKPase @ 1
KKPKKPase -> KK + KKPase @ 1
KKPP + KKPase <-> KKPPKKPase @ 1, 1
KKPP + K <-> KKPPK @ 1, 1
KKPPK -> KKPP + KP @ 1
KKPP + KP <-> KPKKPP @ 1, 1
KPKKPP -> KPP + KKPP @ 1
KP + KPase <-> KPKPase @ 1, 1
KKPPKPase -> KP + KPase @ 1
KPKPase -> K + KPase @ 1
KPP + KPase <-> KKPPKPase @ 1, 1
`;

function checkInvariants(network: Network): void {
  const s = analyzeStructure(network);
  const S = stoichiometricMatrix(network);
  const n = network.species.length, m = network.reactions.length;
  expect(s.conservationLaws).toHaveLength(n - s.rank);
  expect(s.cycles).toHaveLength(m - s.rank);
  for (const law of s.conservationLaws) for (let r = 0; r < m; r++) expect(S.reduce((acc, row, i) => acc + law.vector[i]! * row[r]!, 0)).toBe(0);
  for (const c of s.cycles) for (const row of S) expect(row.reduce((acc, x, r) => acc + x * c[r]!, 0)).toBe(0);
  expect(s.deficiency).toBeGreaterThanOrEqual(0);
  expect(s.emergentCycles).toBeGreaterThanOrEqual(0);
  expect(s.brokenConservationLaws).toBeGreaterThanOrEqual(0);
}

describe("analyzeStructure", () => {
  for (const ref of referenceCases()) {
    it(`agrees with the reference ${ref.name}`, () => {
      const s = analyzeStructure(ref.network);
      const r = ref.json.structure;
      for (const key of ["rank", "complexes", "linkageClasses", "deficiency", "reversible", "weaklyReversible", "emergentCycles", "brokenConservationLaws"] as const) {
        expect(s[key], key).toEqual(r[key]);
      }
      const species = ref.network.species.map((x) => x.name), reactions = ref.network.reactions.map((x) => x.id);
      expect(sameSpan(s.conservationLaws.map((l) => [...l.vector]), r.conservationLaws.map((l) => dense(l, species)))).toBe(true);
      expect(sameSpan(s.cycles.map((c) => [...c]), r.cycles.map((c) => dense(c, reactions)))).toBe(true);
      checkInvariants(ref.network);
    });
  }

  it("writes conservation laws with totals", () => {
    const s = analyzeStructure(net("species Hin = 1, Hout = 1\nHin <-> Hout @ 1, 1"));
    expect(s.conservationLaws.map((l) => l.equation)).toEqual(["Hin + Hout = 2"]);
    expect(s.conservationLaws[0]!.total).toBe(2);
  });

  it("finds three semi-positive laws for X1 ⇌ 2 X2 + X3, X3 + X4 ⇌ X5", () => {
    const s = analyzeStructure(net("species X1 = 1, X2, X3, X4 = 2, X5\nX1 <-> 2 X2 + X3 @ 1, 1\nX3 + X4 <-> X5 @ 1, 1"));
    expect(s.rank).toBe(2);
    expect(s.conservationLaws).toHaveLength(3);
    for (const l of s.conservationLaws) expect(l.vector.every((x) => x >= 0)).toBe(true);
    expect(s.conservationLaws.map((l) => l.equation).sort()).toEqual(["2 X1 + X2 = 2", "X1 + X3 + X5 = 1", "X4 + X5 = 2"]);
  });

  it("matches Catalyst.jl on the MAPK cascade", () => {
    const s = analyzeStructure(net(MAPK));
    expect(s.complexes).toBe(26);
    expect(s.linkageClasses).toBe(6);
    expect(s.rank).toBe(15);
    expect(s.deficiency).toBe(5);
    expect(s.reversible).toBe(false);
    expect(s.weaklyReversible).toBe(false);
    checkInvariants(net(MAPK));
  });

  it("counts strong and terminal strong linkage classes", () => {
    // A → B ⇌ C, D → A: linkage class {A,B,C,D}; strong classes {A}, {B,C}, {D}; terminal {B,C}.
    const s = analyzeStructure(net("species A, B, C, D\nA -> B @ 1\nB <-> C @ 1, 1\nD -> A @ 1"));
    expect([s.linkageClasses, s.strongLinkageClasses, s.terminalStrongLinkageClasses]).toEqual([1, 3, 1]);
    expect([s.reversible, s.weaklyReversible]).toEqual([false, false]);
    // Two one-way reactions that undo each other make a reversible network.
    expect(analyzeStructure(net("species A, B\nA -> B @ 1\nB -> A @ 2")).reversible).toBe(true);
  });

  it("treats __proto__ and constructor as ordinary names", () => {
    const network = net("species __proto__ = 1, constructor\n__proto__ <-> constructor @ 1, 2");
    expect(analyzeStructure(network).conservationLaws[0]!.equation).toBe("__proto__ + constructor = 1");
    expect(bipartiteGraph(network).order).toBe(3);
    expect(complexGraph(network).size).toBe(2);
  });

  it("builds the state graph of a Markov network", () => {
    const g = stateGraph(net("state A, B, C\nA <-> B @ 1, 1\nB -> C @ 1"));
    expect([g.order, g.size]).toEqual([3, 3]);
  });

  it("gives Markov networks the same numbers as elimination would", () => {
    const markov = net("state A = 1, B, C, D, E\nreservoir F = 2\nA + F <-> B @ 1, 1\nB <-> C @ 1, 1\nC <-> A @ 1, 1\nD + F -> E @ 1\nE -> D @ 1");
    const s = analyzeStructure(markov);
    expect(s.rank).toBe(3);
    expect(s.cycles).toHaveLength(2); // the triangle and D → E → D
    expect(s.conservationLaws.map((l) => l.equation).sort()).toEqual(["A + B + C = 1", "D + E = 0"]);
    // Both cycles consume one F: together they add one to the rank of [S; S_res].
    expect(s.emergentCycles).toBe(1);
    expect(s.brokenConservationLaws).toBe(0);
    expect([s.reversible, s.weaklyReversible]).toEqual([true, true]);
    checkInvariants(markov);
  });

  it("graph counting on Markov networks agrees with exact elimination (seeded)", () => {
    const rand = mulberry32(3);
    for (let t = 0; t < 30; t++) {
      const n = 2 + Math.floor(rand() * 7);
      const lines = [`state ${Array.from({ length: n }, (_, i) => `s${i}`).join(", ")}`, "reservoir F = 1, W = 2"];
      for (let k = 0; k < n + 2; k++) {
        const a = Math.floor(rand() * n), b = (a + 1 + Math.floor(rand() * (n - 1))) % n;
        const res = rand() < 0.3 ? " + F" : rand() < 0.2 ? " + W" : "";
        lines.push(`s${a}${res} ${rand() < 0.3 ? "->" : "<->"} s${b} @ ${rand() < 0.3 ? "1" : "1, 1"}`.replace(/-> (s\d+) @ 1, 1/, "-> $1 @ 1"));
      }
      const network = net(lines.join("\n").replace(/<-> (s\d+) @ 1$/gm, "<-> $1 @ 1, 1"));
      const g = markovExactStructure(network, DEFAULT_OPTIONS), e = massActionExactStructure(network, DEFAULT_OPTIONS);
      expect([g.rank, g.fullRank]).toEqual([e.rank, e.fullRank]);
      expect(sameSpan(g.cycles.map((c) => [...c]), e.cycles.map((c) => [...c]))).toBe(true);
      expect(sameSpan(g.laws.map((c) => [...c]), e.laws.map((c) => [...c]))).toBe(true);
    }
  });

  it("keeps the invariants on seeded random networks", () => {
    const rand = mulberry32(11);
    for (let t = 0; t < 40; t++) {
      const ns = 2 + Math.floor(rand() * 6), nr = 1 + Math.floor(rand() * 8);
      const pick = (): string => `X${Math.floor(rand() * ns)}`;
      const side = (): string => (rand() < 0.15 ? "0" : rand() < 0.5 ? pick() : `${1 + Math.floor(rand() * 2)} ${pick()} + ${pick()}`);
      const lines = [`species ${Array.from({ length: ns }, (_, i) => `X${i} = ${i}`).join(", ")}`];
      for (let r = 0; r < nr; r++) {
        let l = side(), p = side();
        // a reaction with the same complex on both sides changes nothing and is refused
        const canon = (x: string): string => x.split(" + ").flatMap((t) => { const [c, n] = t.includes(" ") ? t.split(" ") : ["1", t]; return Array<string>(Number(c)).fill(n!); }).sort().join("+");
        if (canon(l) === canon(p)) p = l === "0" ? pick() : "0";
        lines.push(`${l} <-> ${p} @ 1, 2`);
      }
      checkInvariants(net(lines.join("\n")));
    }
  });
});

/**
 * Structure always says how many cycles and conservation laws there are, listed or not, and keeps
 * integer entries past 2^53 exact (issue 10 item 8).
 */
import { describe, expect, it } from "vitest";
import { analyzeStructure } from "../../../src/analysis/structure/index.js";
import { net } from "../helpers.js";

describe("dimensions and exact entries of the bases", () => {
  it("a 500-state ring with 8 chords has dim ker S = 9, reported when the basis is not listed", () => {
    const n = 500;
    const ring = Array.from({ length: n }, (_, i) => `S${i} <-> S${(i + 1) % n} @ 1, 2`);
    const chords = Array.from({ length: 8 }, (_, c) => `S${c} <-> S${c * 50 + 25} @ 1, 1`);
    const network = net(`state ${Array.from({ length: n }, (_, i) => `S${i}`).join(", ")}\n${[...ring, ...chords].join("\n")}\n`);
    const listed = analyzeStructure(network);
    expect(listed.cycleCount).toBe(9);
    expect(listed.cyclesListed).toBe(true);
    expect(listed.cycles).toHaveLength(9);
    const unlisted = analyzeStructure(network, { maxListedEntries: 1000 });
    expect(unlisted.cycles).toEqual([]);
    expect(unlisted.cyclesListed).toBe(false);
    expect(unlisted.cycleCount).toBe(9);
    expect(unlisted.conservationLawCount).toBe(1);
  });

  it("A_i <-> 999 A_{i+1}, 7 steps: the law Σ 999^i A_i is kept exactly and annihilates S", () => {
    const lines = Array.from({ length: 7 }, (_, i) => `A${i} <-> 999 A${i + 1} @ 1, 1`);
    const s = analyzeStructure(net(`species ${Array.from({ length: 8 }, (_, i) => `A${i}`).join(", ")}\n${lines.join("\n")}\n`));
    expect(s.conservationLawCount).toBe(1);
    const [law] = s.conservationLaws;
    const exact = (law?.exact ?? []).map(BigInt);
    expect(exact).toEqual(Array.from({ length: 8 }, (_, i) => 999n ** BigInt(7 - i)));
    // l·S = 0 exactly: column i is −e_i + 999 e_{i+1}
    for (let i = 0; i < 7; i++) expect((exact[i + 1] ?? 0n) * 999n - (exact[i] ?? 1n)).toBe(0n);
    expect(law?.equation).toMatch(/^993020965034979006999 A0 \+ 994014980014994001 A1 /);
    expect(999 ** 7).toBeGreaterThan(2 ** 53); // the doubles would round it
  });

  it("small entries carry no exact copy", () => {
    const s = analyzeStructure(net("species A = 1, B\nA <-> 2 B @ 1, 1\n"));
    expect(s.conservationLaws[0]?.exact).toBeUndefined();
    expect(s.exactCycles).toBeUndefined();
    expect(s.cycleCount).toBe(0);
    expect(s.cyclesListed).toBe(true);
  });
});

/**
 * What one report lists (issue 10 item 8): a bounded number of violations, each with its dense
 * cycle vector, an exact count, a flag saying the list is cut, and network-level figures that
 * consider every driven cycle, listed or not.
 */
import { describe, expect, it } from "vitest";
import { analyzeBalance, BALANCE_DEFAULTS } from "../../../src/analysis/balance/index.js";
import { analyzeStructure } from "../../../src/analysis/structure/index.js";
import { mulberry32, net } from "../helpers.js";

describe("listing cap on violations", () => {
  it("a 6000-state driven ring with chords: every one of the 6001 basis cycles is driven, at most ⌊1e6 / 12000⌋ = 83 are listed", () => {
    // ring s_i → s_{i+1} and chords s_i → s_{i+7}, each with its own rates 1 + U(0, 1) (17 digits): A(c) = Σ c_r ln K_r
    // is a combination of generic numbers with small integer coefficients, nonzero for every cycle
    const n = 6000, rand = mulberry32(6000);
    const k = (): string => `${(1 + rand()).toPrecision(17)}, ${(1 + rand()).toPrecision(17)}`;
    const lines = [`state ${Array.from({ length: n }, (_, i) => `s${i}`).join(", ")}`];
    for (let i = 0; i < n; i++) lines.push(`s${i} <-> s${(i + 1) % n} @ ${k()}`, `s${i} <-> s${(i + 7) % n} @ ${k()}`);
    const network = net(lines.join("\n"));
    expect(analyzeStructure(network).cycleCount).toBe(6001);
    const db = analyzeBalance(network);
    const cap = Math.floor(BALANCE_DEFAULTS.maxListedViolationEntries / network.reactions.length);
    expect(cap).toBe(83);
    expect([db.verdict, db.violationCount, db.violations.length, db.violationsTruncated, db.undecided]).toEqual(["fails", 6001, cap, true, 0]);
    for (const v of db.violations) expect(v.cycle).toHaveLength(12000);
    for (let i = 1; i < cap; i++) expect(db.violations[i - 1]?.affinity ?? NaN).toBeGreaterThanOrEqual(db.violations[i]?.affinity ?? NaN);
    expect(JSON.stringify(db).length).toBeLessThan(3.5e6); // 83 × 12000 entries (2.9 MB), not 6001 × 12000
    expect(db.explainedByRounding).toBe(false); // |A| = O(1) against 17-digit constants
    const small = analyzeBalance(network, undefined, { maxListedViolations: 5 });
    expect([small.violations.length, small.violationCount]).toEqual([5, 6001]);
  });

  it("below the cap everything is listed and the list is not marked cut", () => {
    const db = analyzeBalance(net("species A = 1, B, C\nA <-> B @ 1, 1\nB <-> C @ 1, 1\nC <-> A @ 2, 1"));
    expect([db.violations.length, db.violationCount, db.violationsTruncated]).toEqual([1, 1, false]);
  });
});

describe("explainedByRounding considers every violation, not only the listed ones", () => {
  // cycle 1: ln 1.5 = 0.405, constants of 1 digit (reach 6 ln 1.5; integers would count as exact): explained;
  // cycle 2: ln(1.23467/1.23456) = 8.9e-5, constants of 6 digits (reach ≈ 6 · 5e-6 = 3e-5): not
  const text = `species A = 1, B, C, D, E, F
A <-> B @ 0.3, 0.2
B <-> C @ 0.1, 0.1
C <-> A @ 0.1, 0.1
D <-> E @ 1.23467, 1.23456
E <-> F @ 2.34567, 2.34567
F <-> D @ 3.45678, 3.45678`;

  it("the most driven cycle alone is listed and explained; the network is not", () => {
    const db = analyzeBalance(net(text), undefined, { maxListedViolations: 1 });
    expect([db.violations.length, db.violationCount, db.violationsTruncated]).toEqual([1, 2, true]);
    expect(db.violations[0]?.affinity).toBeCloseTo(Math.log(1.5), 14);
    expect(db.violations[0]?.distance?.explainedByRounding).toBe(true);
    expect(db.explainedByRounding).toBe(false); // |A| = O(1) against 17-digit constants
    const all = analyzeBalance(net(text));
    expect(all.violations.map((v) => v.distance?.explainedByRounding)).toEqual([true, false]);
    expect(all.explainedByRounding).toBe(false);
  });
});

/**
 * Structure on random integer matrices, including ones whose kernels leave the 2^53 range
 * (DESIGN.md "Correctness we hold ourselves to"): l·S = 0 and S·c = 0 exactly (BigInt, from the
 * decimal strings where given), rank + dim ker S = reactions, rank + laws = species, and an entry
 * is a double only when it is one exactly (past 2^53 the `exact` strings carry it).
 *
 * Matrices: random mass-action networks of the generator (coefficients up to 4, reservoirs), and
 * chains A_0 <-> c_1 A_1 <-> … <-> c_k A_k with c_i ∈ {3, 7, 999, 1000} and k ≤ 9, optionally
 * closed by `0 <-> A_0` and `A_k <-> 0`: the law is Σ_i (Π_{j>i} c_j) A_i and the cycle has
 * entries 1, 1, c_1, c_1 c_2, …, which pass 2^53 for 999-chains of 6 steps or more.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeStructure } from "../../../src/analysis/structure/index.js";
import type { Structure } from "../../../src/analysis/types.js";
import type { Network } from "../../../src/network/types.js";
import { net } from "../helpers.js";
import { randomNetwork } from "../random-networks.js";

/** S as BigInt columns: column r holds products − reactants over internal species. */
function columns(network: Network): bigint[][] {
  return network.reactions.map((r) => {
    const col = network.species.map(() => 0n);
    for (const t of r.reactants) col[t.index] = (col[t.index] ?? 0n) - BigInt(t.coefficient);
    for (const t of r.products) col[t.index] = (col[t.index] ?? 0n) + BigInt(t.coefficient);
    return col;
  });
}

/** A listed vector exactly: its decimal strings when given, else its (integer) doubles. */
function exactly(vector: readonly number[], strings: readonly string[] | undefined): bigint[] {
  if (strings !== undefined) {
    expect(strings).toHaveLength(vector.length);
    // the doubles are the nearest doubles of the exact entries
    strings.forEach((s, i) => expect(Number(BigInt(s))).toBe(vector[i]));
    return strings.map(BigInt);
  }
  vector.forEach((v) => expect(Number.isSafeInteger(v)).toBe(true));
  return vector.map(BigInt);
}

function checkExact(network: Network, s: Structure): { big: number } {
  const cols = columns(network);
  let big = 0;
  expect(s.rank + s.cycleCount).toBe(network.reactions.length);
  expect(s.rank + s.conservationLawCount).toBe(network.species.length);
  if (s.conservationLawsListed) expect(s.conservationLaws).toHaveLength(s.conservationLawCount);
  if (s.cyclesListed) expect(s.cycles).toHaveLength(s.cycleCount);
  for (const law of s.conservationLaws) {
    if (law.exact !== undefined) big++;
    const l = exactly(law.vector, law.exact);
    expect(l.some((x) => x !== 0n)).toBe(true);
    for (const col of cols) expect(col.reduce((sum, x, i) => sum + x * (l[i] ?? 0n), 0n)).toBe(0n);
  }
  s.cycles.forEach((cycle, k) => {
    const strings = s.exactCycles?.[k];
    if (strings !== undefined && strings.some((x) => BigInt(x) > 2n ** 53n || BigInt(x) < -(2n ** 53n))) big++;
    const c = exactly(cycle, strings);
    expect(c.some((x) => x !== 0n)).toBe(true);
    network.species.forEach((_, i) => expect(cols.reduce((sum, col, r) => sum + (col[i] ?? 0n) * (c[r] ?? 0n), 0n)).toBe(0n));
  });
  return { big };
}

const chain = fc.record({
  coefficients: fc.array(fc.oneof({ weight: 1, arbitrary: fc.constantFrom(3, 7) }, { weight: 3, arbitrary: fc.constantFrom(999, 1000) }), { minLength: 1, maxLength: 9 }),
  closed: fc.boolean(),
});

describe("structure is exact on random integer matrices", () => {
  it("the generator's networks (coefficients up to 4, reservoirs): l·S = 0, S·c = 0, dimensions", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const { network } = randomNetwork(seed, { maxCoefficient: 4, reservoirs: seed % 2 === 0, reversible: seed % 3 === 0 });
      checkExact(network, analyzeStructure(network));
    }
  });

  it("chains A_i <-> c A_{i+1}: the law Σ (Π c) A_i and the closed cycle exactly, past 2^53 as strings", () => {
    let big = 0;
    fc.assert(
      fc.property(chain, ({ coefficients, closed }) => {
        const lines = coefficients.map((c, i) => `A${i} <-> ${c} A${i + 1} @ 1, 1`);
        if (closed) lines.push(`0 <-> A0 @ 1, 1`, `A${coefficients.length} <-> 0 @ 1, 1`);
        const species = `species ${Array.from({ length: coefficients.length + 1 }, (_, i) => `A${i}`).join(", ")}`;
        const network = net([species, ...lines].join("\n"));
        const s = analyzeStructure(network);
        big += checkExact(network, s).big;
        // the one law (open chain) or the one cycle (closed): its largest entry is Π c_i
        const product = coefficients.reduce((p, c) => p * BigInt(c), 1n);
        const entries = closed
          ? (s.exactCycles?.[0] ?? s.cycles[0]?.map(String) ?? [])
          : (s.conservationLaws[0]?.exact ?? s.conservationLaws[0]?.vector.map(String) ?? []);
        expect(entries.map((x) => (BigInt(x) < 0n ? -BigInt(x) : BigInt(x))).reduce((a, b) => (a > b ? a : b), 0n)).toBe(product);
        expect(closed ? s.cycleCount : s.conservationLawCount).toBe(1);
      }),
      { numRuns: 60, seed: 2026 },
    );
    expect(big).toBeGreaterThanOrEqual(10); // the runs did leave the 2^53 range
  });
});

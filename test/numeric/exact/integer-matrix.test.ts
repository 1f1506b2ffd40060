import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readableKernel } from "../../../src/numeric/exact/integer-basis.js";
import { fundamentalKernel, rank, reducedEchelon, rref, transpose } from "../../../src/numeric/exact/integer-matrix.js";
import { rational } from "../../../src/numeric/exact/rational.js";

const big = (m: number[][]): bigint[][] => m.map((r) => r.map(BigInt));
const times = (m: bigint[][], v: bigint[]): bigint[] => m.map((r) => r.reduce((s, x, j) => s + x * v[j]!, 0n));

/** A seeded random integer matrix as a fast-check arbitrary. */
const matrix = fc
  .record({ rows: fc.integer({ min: 1, max: 7 }), cols: fc.integer({ min: 1, max: 9 }) })
  .chain(({ rows, cols }) => fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }))
  .map((m) => ({ m: big(m), cols: m[0]!.length }));

describe("exact elimination", () => {
  it("finds the rank of small matrices exactly", () => {
    expect(rank(big([[1, 2], [2, 4]]), 2)).toBe(1);
    expect(rank(big([[1, 2], [3, 4]]), 2)).toBe(2);
    expect(rank(big([[0, 0, 0]]), 3)).toBe(0);
    expect(rank(big([[1, 1, 1], [1, 2, 3], [2, 3, 4]]), 3)).toBe(2);
  });

  it("gives the rational RREF", () => {
    const r = rref(big([[2, 4, 6], [1, 3, 5]]), 3);
    expect(r.pivots).toEqual([0, 1]);
    expect(r.rows[0]).toEqual([rational(1n), rational(0n), rational(-1n)]);
    expect(r.rows[1]).toEqual([rational(0n), rational(1n), rational(2n)]);
  });

  it("switches to BigInt when entries leave the double range, with the same answer", () => {
    const h = 2n ** 60n;
    const m = [[h, h + 1n, 1n], [h + 1n, h + 2n, 5n]];
    const k = fundamentalKernel(m, 3);
    expect(k.vectors).toHaveLength(1);
    expect(times(m, k.vectors[0]!)).toEqual([0n, 0n]);
    expect(rank(m, 3)).toBe(2);
  });

  it("fundamental kernel: M v = 0, chord form, n − rank vectors (property)", () => {
    fc.assert(
      fc.property(matrix, ({ m, cols }) => {
        const { vectors, free } = fundamentalKernel(m, cols);
        expect(vectors.length).toBe(cols - rank(m, cols));
        vectors.forEach((v, i) => {
          expect(times(m, v).every((x) => x === 0n)).toBe(true);
          expect(v[free[i]!]! > 0n).toBe(true);
          free.forEach((j, k) => k !== i && expect(v[j]).toBe(0n));
        });
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it("readable kernel: same span as the fundamental one (property)", () => {
    fc.assert(
      fc.property(matrix, ({ m, cols }) => {
        const f = fundamentalKernel(m, cols).vectors;
        const r = readableKernel(m, cols).vectors;
        expect(r.length).toBe(f.length);
        r.forEach((v) => expect(times(m, v).every((x) => x === 0n)).toBe(true));
        expect(rank(r, cols)).toBe(f.length);
        expect(rank([...f, ...r], cols)).toBe(f.length);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it("prefers non-negative, small vectors: A + B, not -2A - 2B", () => {
    // Sᵀ for A ⇌ B and 2A ⇌ 2B (rows are reactions, columns species).
    const st = big([[-1, 1], [-2, 2]]);
    expect(readableKernel(st, 2).vectors).toEqual([[1n, 1n]]);
    // X1 ⇌ 2 X2 + X3, X3 + X4 ⇌ X5: three semi-positive laws.
    const s = big([[-1, 0], [2, 0], [1, -1], [0, -1], [0, 1]]);
    const laws = readableKernel(transpose(s, 2), 5);
    expect(laws.vectors).toHaveLength(3);
    expect(laws.nonNegative).toBe(3);
    for (const l of laws.vectors) expect(l.every((x) => x >= 0n)).toBe(true);
  });

  it("keeps reduced rows primitive with positive pivots", () => {
    const e = reducedEchelon(big([[2, 4, 6], [3, 3, 9]]), 3);
    e.rows.forEach((r, i) => {
      expect(r.val[r.idx.indexOf(e.pivots[i]!)]! > 0n).toBe(true);
      expect(r.val.reduce((g, x) => { let a = g, b = x < 0n ? -x : x; while (b) [a, b] = [b, a % b]; return a; }, 0n)).toBe(1n);
    });
  });
});

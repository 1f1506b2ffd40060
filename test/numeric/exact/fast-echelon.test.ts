import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EchelonBuilder } from "../../../src/numeric/exact/integer-matrix.js";
import { fastEchelon } from "../../../src/numeric/exact/integer-matrix-fast.js";
import type { SparseRow } from "../../../src/numeric/exact/types.js";

function sparseRow(dense: readonly number[]): SparseRow {
  const idx: number[] = [], val: bigint[] = [];
  dense.forEach((v, j) => { if (v !== 0) { idx.push(j); val.push(BigInt(v)); } });
  return { idx, val };
}

/** The BigInt Gauss–Jordan of integer-matrix.ts: the reference the double path must equal. */
function reference(rows: readonly SparseRow[], ncols: number) {
  const b = new EchelonBuilder(ncols);
  for (const r of rows) b.insert(r);
  return b.echelon;
}

describe("fastEchelon (forward, then one backward pass) equals the BigInt Gauss–Jordan", () => {
  it("on random integer matrices, sparse and dense, entry for entry", () => {
    const matrix = fc
      .record({ rows: fc.integer({ min: 1, max: 9 }), cols: fc.integer({ min: 1, max: 11 }), density: fc.double({ min: 0.1, max: 1, noNaN: true }) })
      .chain(({ rows, cols, density }) => fc.array(fc.array(fc.integer({ min: -4, max: 4 }).map((v) => v), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }).map((m) => ({ m: m.map((r) => r.map((v, j) => ((j * 7 + v * 3) % 10) / 10 < density ? v : 0)), cols })));
    fc.assert(
      fc.property(matrix, ({ m, cols }) => {
        const rows = m.map(sparseRow);
        const fast = fastEchelon(rows, cols);
        expect(fast).not.toBeNull();
        const want = reference(rows, cols);
        expect(fast!.pivots).toEqual(want.pivots);
        expect(fast!.rows).toEqual(want.rows);
      }),
      { numRuns: 400, seed: 20261202 },
    );
  });

  it("a chain's incidence rows reduce to e_i − e_n (the form Gauss–Jordan gives)", () => {
    const n = 2000;
    const rows: SparseRow[] = Array.from({ length: n - 1 }, (_, i) => ({ idx: [i, i + 1], val: [-1n, 1n] }));
    const e = fastEchelon(rows, n)!;
    expect(e.pivots).toEqual(Array.from({ length: n - 1 }, (_, i) => i));
    e.rows.forEach((r, i) => {
      expect(r.idx).toEqual([i, n - 1]);
      expect(r.val).toEqual([1n, -1n]);
    });
  });
});

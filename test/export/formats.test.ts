/**
 * The file formats, byte by byte against their specifications: PETSc binary (big-endian int32
 * MAT_FILE_CLASSID 1211216, rows, columns, nonzeros, row lengths, column indices, float64 values;
 * VEC_FILE_CLASSID 1211214, length, values) and Matrix Market coordinate text, on a generator
 * whose Qᵀ is known by hand.
 */
import { describe, expect, it } from "vitest";
import { matrixMarket, petscMatrix, petscVector, readVector, transposedGenerator } from "../../src/export/index.js";

// 0 → 1 at 2, 1 → 0 at 3, 1 → 2 at 5: Q = [[−2, 2, 0], [3, −8, 5], [0, 0, 0]], Qᵀ by rows below
const jumps = { states: 3, from: Int32Array.of(0, 1, 1), to: Int32Array.of(1, 0, 2), rate: Float64Array.of(2, 3, 5) };
const QT = [[-2, 3, 0], [2, -8, 0], [0, 5, 0]];

describe("export formats", () => {
  it("Qᵀ in compressed rows, diagonal included, columns ascending", () => {
    const a = transposedGenerator(jumps);
    const dense = [0, 1, 2].map((r) => [0, 1, 2].map((c) => {
      for (let p = a.ptr[r]!; p < a.ptr[r + 1]!; p++) if (a.idx[p] === c) return a.val[p]! + 0;
      return 0;
    }));
    expect(dense).toEqual(QT);
    for (let r = 0; r < 3; r++) for (let p = a.ptr[r]! + 1; p < a.ptr[r + 1]!; p++) expect(a.idx[p]!).toBeGreaterThan(a.idx[p - 1]!);
  });

  it("PETSc binary matrix: header, row lengths, columns, values, big-endian", () => {
    const a = transposedGenerator(jumps);
    const bytes = petscMatrix(a);
    const v = new DataView(bytes.buffer);
    expect([0, 4, 8, 12].map((o) => v.getInt32(o, false))).toEqual([1211216, 3, 3, a.idx.length]);
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x00, 0x12, 0x7b, 0x50]); // 1211216 = 0x00127B50
    const nz = a.idx.length;
    expect(bytes.length).toBe(16 + 4 * 3 + 12 * nz);
    expect([0, 1, 2].map((r) => v.getInt32(16 + 4 * r, false))).toEqual([2, 2, 2]);
    const cols = Array.from({ length: nz }, (_, p) => v.getInt32(28 + 4 * p, false));
    const vals = Array.from({ length: nz }, (_, p) => v.getFloat64(28 + 4 * nz + 8 * p, false));
    expect(cols).toEqual([0, 1, 0, 1, 1, 2]);
    expect(vals).toEqual([-2, 3, 2, -8, 5, -0]);
  });

  it("PETSc binary vector round trip, text vectors, and refusals", () => {
    const x = Float64Array.of(0.25, 0.75, 1e-300);
    const bytes = petscVector(x);
    expect(new DataView(bytes.buffer).getInt32(0, false)).toBe(1211214);
    const back = readVector(bytes);
    expect(back.ok && Array.from(back.values)).toEqual([0.25, 0.75, 1e-300]);
    const text = readVector(new TextEncoder().encode("# pi\n0.5\n0.25, 0.25\n"));
    expect(text.ok && Array.from(text.values)).toEqual([0.5, 0.25, 0.25]);
    expect(readVector(new TextEncoder().encode("0.5 abc")).ok).toBe(false);
    expect(readVector(petscMatrix(transposedGenerator(jumps))).ok).toBe(false);
    const short = petscVector(x).subarray(0, 20);
    expect(readVector(short).ok).toBe(false);
  });

  it("Matrix Market coordinate text, 1-based, exact to 17 digits", () => {
    const text = matrixMarket(transposedGenerator({ states: 2, from: Int32Array.of(0, 1), to: Int32Array.of(1, 0), rate: Float64Array.of(0.1, 3) }), ["a comment"]);
    const lines = text.trim().split("\n");
    expect(lines[0]).toBe("%%MatrixMarket matrix coordinate real general");
    expect(lines[1]).toBe("% a comment");
    expect(lines[2]).toBe("2 2 4");
    const entries = lines.slice(3).map((l) => l.split(" ").map(Number));
    expect(entries).toEqual([[1, 1, -0.1], [1, 2, 3], [2, 1, 0.1], [2, 2, -3]]);
  });
});

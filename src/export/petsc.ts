/**
 * PETSc's binary format (big-endian, 32-bit indices, the default build; PETSc manual, MatLoad and
 * VecLoad): a matrix is MAT_FILE_CLASSID 1211216, rows, columns, nonzeros, the row lengths, the
 * column indices, then the values as doubles; a vector is VEC_FILE_CLASSID 1211214, its length,
 * then the values.
 */
import { outOfRange } from "../numeric/checked.js";
import type { Csr } from "../numeric/markov/sparse.js";

export const MAT_FILE_CLASSID = 1211216;
export const VEC_FILE_CLASSID = 1211214;

/** The matrix in PETSc binary (AIJ), square n × n. */
export function petscMatrix(a: Csr): Uint8Array {
  const n = a.n, nz = a.idx.length;
  const bytes = new Uint8Array(16 + 4 * n + 4 * nz + 8 * nz);
  const view = new DataView(bytes.buffer);
  view.setInt32(0, MAT_FILE_CLASSID, false);
  view.setInt32(4, n, false);
  view.setInt32(8, n, false);
  view.setInt32(12, nz, false);
  let at = 16;
  for (let r = 0; r < n; r++, at += 4) view.setInt32(at, (a.ptr[r + 1] ?? outOfRange()) - (a.ptr[r] ?? outOfRange()), false);
  for (let p = 0; p < nz; p++, at += 4) view.setInt32(at, a.idx[p] ?? outOfRange(), false);
  for (let p = 0; p < nz; p++, at += 8) view.setFloat64(at, a.val[p] ?? outOfRange(), false);
  return bytes;
}

/** A vector in PETSc binary. */
export function petscVector(x: ArrayLike<number>): Uint8Array {
  const bytes = new Uint8Array(8 + 8 * x.length);
  const view = new DataView(bytes.buffer);
  view.setInt32(0, VEC_FILE_CLASSID, false);
  view.setInt32(4, x.length, false);
  for (let i = 0; i < x.length; i++) view.setFloat64(8 + 8 * i, x[i] ?? outOfRange(), false);
  return bytes;
}

/**
 * A vector read from PETSc binary, or from text (numbers separated by white space or commas,
 * `#` comments): the solution a distributed solver wrote. Returns an error message for anything
 * else, never throws.
 */
export function readVector(bytes: Uint8Array): { ok: true; values: Float64Array } | { ok: false; message: string } {
  if (bytes.length >= 8) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.getInt32(0, false) === VEC_FILE_CLASSID) {
      const n = view.getInt32(4, false);
      if (n < 0 || bytes.length < 8 + 8 * n) return { ok: false, message: `a PETSc vector of ${n} entries needs ${8 + 8 * n} bytes, the file has ${bytes.length}` };
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) values[i] = view.getFloat64(8 + 8 * i, false);
      return { ok: true, values };
    }
    if (view.getInt32(0, false) === MAT_FILE_CLASSID) return { ok: false, message: "this is a PETSc matrix, not a solution vector" };
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  const words = text.replace(/#[^\n]*/g, " ").split(/[\s,]+/).filter((w) => w.length > 0);
  const values = new Float64Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const v = Number(words[i]);
    if (!Number.isFinite(v)) return { ok: false, message: `entry ${i + 1} ('${(words[i] ?? "").slice(0, 20)}') is not a finite number` };
    values[i] = v;
  }
  if (values.length === 0) return { ok: false, message: "no numbers in the file (expected a PETSc binary vector or one number per state)" };
  return { ok: true, values };
}

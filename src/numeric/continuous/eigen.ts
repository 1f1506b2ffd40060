/**
 * Eigenvalues of small dense real matrices (ml-matrix's EigenvalueDecomposition: Hessenberg
 * reduction and shifted QR), used for the stability of steady states and for polynomial roots.
 */
import { EigenvalueDecomposition, Matrix } from "ml-matrix";

export interface Eigenvalues {
  readonly re: readonly number[];
  readonly im: readonly number[];
}

/** The eigenvalues of a square matrix given as rows; null when it has non-finite entries. */
export function eigenvalues(rows: readonly (readonly number[])[]): Eigenvalues | null {
  const n = rows.length;
  if (n === 0) return { re: [], im: [] };
  if (!rows.every((r) => r.length === n && r.every(Number.isFinite))) return null;
  const evd = new EigenvalueDecomposition(new Matrix(rows.map((r) => [...r])), { assumeSymmetric: false });
  const re = [...evd.realEigenvalues];
  const im = [...evd.imaginaryEigenvalues];
  if (!re.every(Number.isFinite) || !im.every(Number.isFinite)) return null;
  return { re, im };
}

/** The largest real part among the eigenvalues, or null for an empty or non-finite matrix. */
export function leadingRealPart(rows: readonly (readonly number[])[]): number | null {
  const ev = eigenvalues(rows);
  if (ev === null || ev.re.length === 0) return null;
  return Math.max(...ev.re);
}

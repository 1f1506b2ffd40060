/** The shapes the exact integer algebra works on: dense and sparse integer rows, echelon forms. */

/** A matrix as an array of rows of integers. */
export type IntRows = readonly (readonly bigint[])[];

/** A sparse integer row: strictly increasing column indices and their non-zero values. */
export interface SparseRow {
  readonly idx: number[];
  readonly val: bigint[];
}

/** The reduced echelon form of an integer matrix, one primitive row per pivot. */
export interface Echelon {
  readonly ncols: number;
  /** Row i has a positive entry at column `pivots[i]` and 0 at every other pivot column. */
  readonly rows: readonly SparseRow[];
  readonly pivots: readonly number[];
}

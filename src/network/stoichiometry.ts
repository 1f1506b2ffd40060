/**
 * The stoichiometric matrix S of a network, built once here for every analysis: rows are internal
 * species (or states), columns are reactions, entry S_ir = products − reactants. Reservoir rows
 * are kept apart (S_res), so [S; S_res] is the matrix of the closed system. Both are held in
 * compressed sparse column form (typed arrays, a few entries per column), which costs O(entries)
 * to build and no object per reaction: a 500 000-transition Markov network or a 100 000-reaction
 * file builds it in milliseconds. Dense and BigInt views (for the exact elimination in
 * `numeric/exact/integer-matrix.ts`) are read off it.
 */
import { outOfRange } from "../numeric/checked.js";
import type { SparseRow } from "../numeric/exact/integer-matrix.js";
import type { Network, Reaction, Term } from "./types.js";

/** A matrix in compressed sparse column form: column j's entries are at k ∈ [start[j], start[j+1]). */
export interface SparseColumns {
  readonly rows: number;
  readonly columns: number;
  /** Column starts, length columns + 1. */
  readonly start: Int32Array;
  /** Row index of each entry, increasing within a column. */
  readonly row: Int32Array;
  /** Each entry's value: a non-zero integer (exact up to 2^53). */
  readonly value: Float64Array;
}

/** S (internal species × reactions) and S_res (reservoirs × reactions). */
export interface Stoichiometry {
  readonly species: SparseColumns;
  readonly reservoirs: SparseColumns;
}

/**
 * S and S_res of a network: S_ir = Σ products − Σ reactants of species i in reaction r (zeros left
 * out, a species on both sides netted), S_Yr likewise for reservoir Y. O(entries).
 *
 *   const { network } = compile("species A, B\nA <-> 2 B @ 1, 1");
 *   const s = stoichiometry(network!).species;
 *   // s.start = [0, 2], s.row = [0, 1], s.value = [-1, 2]
 */
export function stoichiometry(network: Network): Stoichiometry {
  return { species: speciesStoichiometry(network), reservoirs: reservoirStoichiometry(network) };
}

/** S alone (internal species × reactions), for a caller that needs no reservoir rows. */
export function speciesStoichiometry(network: Network): SparseColumns {
  return sparseColumns(network.species.length, network.reactions, (r) => r.reactants, (r) => r.products);
}

/** S_res alone (reservoirs × reactions), for a caller that needs no species rows. */
export function reservoirStoichiometry(network: Network): SparseColumns {
  return sparseColumns(network.reservoirs.length, network.reactions, (r) => r.reservoirReactants, (r) => r.reservoirProducts);
}

function sparseColumns(nrows: number, reactions: readonly Reaction[], lhs: (r: Reaction) => readonly Term[], rhs: (r: Reaction) => readonly Term[]): SparseColumns {
  const m = reactions.length;
  let bound = 0;
  for (let j = 0; j < m; j++) {
    const r = reactions[j] ?? outOfRange();
    bound += lhs(r).length + rhs(r).length;
  }
  const start = new Int32Array(m + 1);
  const row = new Int32Array(bound), value = new Float64Array(bound);
  let nnz = 0;
  for (let j = 0; j < m; j++) {
    const r = reactions[j] ?? outOfRange();
    const first = nnz;
    nnz = addTerms(lhs(r), -1, row, value, first, nnz);
    nnz = addTerms(rhs(r), 1, row, value, first, nnz);
    // drop entries that netted to zero (a species on both sides with the same coefficient)
    let w = first;
    for (let k = first; k < nnz; k++) {
      const v = value[k] ?? outOfRange();
      if (v === 0) continue;
      row[w] = row[k] ?? outOfRange();
      value[w++] = v;
    }
    nnz = w;
    start[j + 1] = nnz;
  }
  return { rows: nrows, columns: m, start, row: row.slice(0, nnz), value: value.slice(0, nnz) };
}

/**
 * Adds sign · terms to the column held in entries [first, nnz), kept sorted by row (a column has a
 * handful of entries, so insertion is cheapest); returns the new end.
 */
function addTerms(terms: readonly Term[], sign: number, row: Int32Array, value: Float64Array, first: number, nnz: number): number {
  for (const t of terms) {
    let k = nnz;
    while (k > first && (row[k - 1] ?? outOfRange()) > t.index) k--;
    if (k > first && row[k - 1] === t.index) {
      value[k - 1] = (value[k - 1] ?? outOfRange()) + sign * t.coefficient;
      continue;
    }
    for (let q = nnz; q > k; q--) {
      row[q] = row[q - 1] ?? outOfRange();
      value[q] = value[q - 1] ?? outOfRange();
    }
    row[k] = t.index;
    value[k] = sign * t.coefficient;
    nnz++;
  }
  return nnz;
}

/** Column j as (row, value) pairs. */
export function columnEntries(a: SparseColumns, j: number): [number, number][] {
  const out: [number, number][] = [];
  for (let k = a.start[j] ?? 0, end = a.start[j + 1] ?? 0; k < end; k++) out.push([a.row[k] ?? 0, a.value[k] ?? 0]);
  return out;
}

/** The matrix dense, as numbers (rows × columns). */
export function denseMatrix(a: SparseColumns): number[][] {
  const m: number[][] = Array.from({ length: a.rows }, () => new Array<number>(a.columns).fill(0));
  for (let j = 0; j < a.columns; j++) for (const [i, v] of columnEntries(a, j)) { const r = m[i]; if (r) r[j] = v; }
  return m;
}

/** The rows as sparse BigInt rows over the columns. */
export function bigRows(a: SparseColumns): SparseRow[] {
  const rows: SparseRow[] = Array.from({ length: a.rows }, () => ({ idx: [], val: [] }));
  for (let j = 0; j < a.columns; j++) for (const [i, v] of columnEntries(a, j)) { const r = rows[i]; if (r) { r.idx.push(j); r.val.push(BigInt(v)); } }
  return rows;
}

/** The columns as sparse BigInt rows over the rows (the rows of the transpose). */
export function bigColumns(a: SparseColumns): SparseRow[] {
  return Array.from({ length: a.columns }, (_, j) => {
    const e = columnEntries(a, j);
    return { idx: e.map(([i]) => i), val: e.map(([, v]) => BigInt(v)) };
  });
}

/** S: internal species × reactions, as numbers. */
export function stoichiometricMatrix(network: Network): number[][] {
  return denseMatrix(speciesStoichiometry(network));
}

/** S_res: reservoirs × reactions, as numbers. */
export function reservoirMatrix(network: Network): number[][] {
  return denseMatrix(reservoirStoichiometry(network));
}

/** Rows of S as sparse BigInt rows over the reactions (one per internal species). */
export function speciesRows(network: Network): SparseRow[] {
  return bigRows(speciesStoichiometry(network));
}

/** Rows of S_res as sparse BigInt rows over the reactions (one per reservoir). */
export function reservoirRows(network: Network): SparseRow[] {
  return bigRows(reservoirStoichiometry(network));
}

/** Rows of Sᵀ as sparse BigInt rows over the species (one per reaction). */
export function reactionRows(network: Network): SparseRow[] {
  return bigColumns(speciesStoichiometry(network));
}

/** One column as sparse integer entries: row index → net coefficient (zeros left out). */
export type Column = ReadonlyMap<number, number>;

/** Reaction r's net change of internal species: column r of S, for a caller that needs one column. */
export function speciesColumn(r: Reaction): Column {
  return oneColumn(r, (x) => x.reactants, (x) => x.products);
}

/** Reaction r's net change of reservoirs: column r of S_res, for a caller that needs one column. */
export function reservoirColumn(r: Reaction): Column {
  return oneColumn(r, (x) => x.reservoirReactants, (x) => x.reservoirProducts);
}

function oneColumn(r: Reaction, lhs: (r: Reaction) => readonly Term[], rhs: (r: Reaction) => readonly Term[]): Column {
  let rows = 0;
  for (const t of [...lhs(r), ...rhs(r)]) rows = Math.max(rows, t.index + 1);
  return new Map(columnEntries(sparseColumns(rows, [r], lhs, rhs), 0));
}

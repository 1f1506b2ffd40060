/**
 * The stoichiometric matrix S of a network: rows are internal species (or states), columns are
 * reactions, entry = products − reactants. Reservoir rows are kept apart (`reservoirMatrix`), so
 * [S; S_res] is the matrix of the closed system. Entries are integers; BigInt versions feed the
 * exact elimination in `numeric/integer-matrix.ts`.
 */
import type { SparseRow } from "../numeric/exact/integer-matrix.js";
import type { Network, Reaction, Term } from "./types.js";

/** One column as sparse integer entries: row index → net coefficient (zeros left out). */
export type Column = ReadonlyMap<number, number>;

function netChange(reactants: readonly Term[], products: readonly Term[]): Map<number, number> {
  const col = new Map<number, number>();
  for (const t of reactants) col.set(t.index, (col.get(t.index) ?? 0) - t.coefficient);
  for (const t of products) col.set(t.index, (col.get(t.index) ?? 0) + t.coefficient);
  for (const [k, v] of col) if (v === 0) col.delete(k);
  return col;
}

/** Reaction r's net change of internal species: column r of S. */
export function speciesColumn(r: Reaction): Column {
  return netChange(r.reactants, r.products);
}

/** Reaction r's net change of reservoirs: column r of S_res. */
export function reservoirColumn(r: Reaction): Column {
  return netChange(r.reservoirReactants, r.reservoirProducts);
}

function dense(rows: number, columns: readonly Column[]): number[][] {
  const m: number[][] = Array.from({ length: rows }, () => new Array<number>(columns.length).fill(0));
  columns.forEach((col, j) => col.forEach((v, i) => (m[i]![j] = v)));
  return m;
}

/** S: internal species × reactions, as numbers. */
export function stoichiometricMatrix(network: Network): number[][] {
  return dense(network.species.length, network.reactions.map(speciesColumn));
}

/** S_res: reservoirs × reactions, as numbers. */
export function reservoirMatrix(network: Network): number[][] {
  return dense(network.reservoirs.length, network.reactions.map(reservoirColumn));
}

/** Rows of S as sparse BigInt rows over the reactions (one per internal species). */
export function speciesRows(network: Network): SparseRow[] {
  return sparseRowsOf(network.species.length, network.reactions.map(speciesColumn));
}

/** Rows of S_res as sparse BigInt rows over the reactions (one per reservoir). */
export function reservoirRows(network: Network): SparseRow[] {
  return sparseRowsOf(network.reservoirs.length, network.reactions.map(reservoirColumn));
}

/** Rows of Sᵀ as sparse BigInt rows over the species (one per reaction). */
export function reactionRows(network: Network): SparseRow[] {
  return network.reactions.map((r) => {
    const entries = [...speciesColumn(r)].sort((a, b) => a[0] - b[0]);
    return { idx: entries.map(([i]) => i), val: entries.map(([, v]) => BigInt(v)) };
  });
}

function sparseRowsOf(nrows: number, columns: readonly Column[]): SparseRow[] {
  const rows: SparseRow[] = Array.from({ length: nrows }, () => ({ idx: [], val: [] }));
  columns.forEach((col, j) => col.forEach((v, i) => { rows[i]!.idx.push(j); rows[i]!.val.push(BigInt(v)); }));
  return rows;
}

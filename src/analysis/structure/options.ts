/**
 * The budgets of the structure analysis: how hard the readable integer bases (conservation laws,
 * cycles) are searched for small, non-negative vectors. They change which basis is shown, never
 * its span or the exact numbers (rank, deficiency). How large a basis is listed is the shared
 * `maxListedEntries` (src/analysis/options.ts).
 */

export interface StructureThresholds {
  /** Largest number of unknowns for which extreme rays (non-negative basis vectors) are enumerated. */
  readonly basisMaxRayColumns: number;
  /** Largest number of intermediate rays of that enumeration. */
  readonly basisMaxRays: number;
  /** Budget of elementary operations for the ray enumeration and the size reduction. */
  readonly basisMaxWork: number;
  /** Size reduction of the completion vectors runs only when dim² × columns is at most this. */
  readonly basisMaxReduceWork: number;
}

export const STRUCTURE_DEFAULTS: StructureThresholds = {
  basisMaxRayColumns: 200,
  basisMaxRays: 2000,
  basisMaxWork: 1e7,
  basisMaxReduceWork: 5e6,
};

export const STRUCTURE_MEANINGS: { readonly [K in keyof StructureThresholds]: string } = {
  basisMaxRayColumns: "largest number of unknowns for which non-negative basis vectors (extreme rays) are enumerated",
  basisMaxRays: "largest number of intermediate extreme rays",
  basisMaxWork: "operations budget of the ray enumeration and the basis size reduction",
  basisMaxReduceWork: "largest dim² × columns for which basis vectors are size-reduced",
};

/** What the structure analysis reads: its budgets and the listing cap (entries of a dense basis). */
export type StructureOptions = StructureThresholds & { readonly maxListedEntries: number };

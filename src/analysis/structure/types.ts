/** What the structure analysis returns: exact numbers of the wiring. */

/** A dense integer vector (small entries; exact). */
export type IntVector = readonly number[];

export interface ConservationLaw {
  /** Coefficient per internal species. */
  readonly vector: IntVector;
  /** Σ l_i x_i(0) from the initial amounts. */
  readonly total: number;
  /** As a person reads it: `A + B = 1`. */
  readonly equation: string;
}

export interface Structure {
  readonly species: number;
  readonly reactions: number;
  readonly rank: number;
  readonly complexes: number;
  readonly linkageClasses: number;
  readonly strongLinkageClasses: number;
  readonly terminalStrongLinkageClasses: number;
  readonly deficiency: number;
  readonly reversible: boolean;
  readonly weaklyReversible: boolean;
  /** For each linkage class, its complexes' indices. */
  readonly linkageClassMembers: readonly (readonly number[])[];
  readonly conservationLaws: readonly ConservationLaw[];
  /** Integer basis of ker S (internal rows), entries per reaction. */
  readonly cycles: readonly IntVector[];
  /** dim ker S − dim ker [S; S_reservoirs]. */
  readonly emergentCycles: number;
  /** Conservation laws of the closed system (internal and reservoir rows) that holding the reservoirs fixed breaks. */
  readonly brokenConservationLaws: number;
}

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
  /**
   * The coefficients exactly as decimal strings, present only when one exceeds 2^53 in magnitude
   * (then `vector` holds the nearest doubles and does not annihilate S exactly).
   */
  readonly exact?: readonly string[];
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
  /** dim coker S = species − rank: how many independent conservation laws there are, listed or not. */
  readonly conservationLawCount: number;
  /** False when the basis of conservation laws is too large to list (`conservationLaws` is then empty). */
  readonly conservationLawsListed: boolean;
  /** Integer basis of ker S (internal rows), entries per reaction; every vector checked S·c = 0 exactly. */
  readonly cycles: readonly IntVector[];
  /** dim ker S = reactions − rank: how many independent cycles there are, listed or not. */
  readonly cycleCount: number;
  /** False when the cycle basis is too large to list (`cycles` is then empty). */
  readonly cyclesListed: boolean;
  /** `cycles` exactly as decimal strings, present only when an entry exceeds 2^53 in magnitude. */
  readonly exactCycles?: readonly (readonly string[])[];
  /** dim ker S − dim ker [S; S_reservoirs]. */
  readonly emergentCycles: number;
  /** Conservation laws of the closed system (internal and reservoir rows) that holding the reservoirs fixed breaks. */
  readonly brokenConservationLaws: number;
}

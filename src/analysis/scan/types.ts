/** What a parameter scan (analysis/scan) returns. */

/** A point of a branch of steady states. */
export interface ScanPoint {
  /** The scanned value. */
  readonly p: number;
  /** Concentrations of the internal species, in declaration order. */
  readonly x: readonly number[];
  /** Eigenvalues of the Jacobian on the compatibility class all in the left half-plane; null undecided. */
  readonly stable: boolean | null;
  /** The largest real part of those eigenvalues; null when not computed. */
  readonly leadingEigenvalue: number | null;
  /** A fold or Hopf point located on the branch (its `special` index into `folds` or `hopfs`). */
  readonly special?: { readonly kind: "fold" | "hopf"; readonly index: number };
}

/** Why a branch ends where it does. */
export type BranchEnd =
  /** at an end of the scanned range */
  | "range"
  /** a concentration would turn negative: the branch leaves the non-negative states */
  | "boundary"
  /** the branch closes on itself (an isola) */
  | "closed"
  /** the corrector failed even at the smallest step (a singular point, or the network cannot be built there) */
  | "stalled"
  /** the point budget ran out */
  | "limit";

export interface ScanBranch {
  /** Points in the order of arclength. */
  readonly points: readonly ScanPoint[];
  readonly ends: readonly [BranchEnd, BranchEnd];
}

/** A fold (saddle-node) point: the branch turns back in p, where one eigenvalue on the class is 0. */
export interface FoldPoint {
  readonly p: number;
  readonly x: readonly number[];
  readonly branch: number;
  /** True when solved on the extended system (G = 0, A v = 0, ⟨v, v₀⟩ = 1) to rounding; false: interpolated. */
  readonly located: boolean;
}

/** A Hopf point: a pair of complex eigenvalues ±iω on the imaginary axis. */
export interface HopfPoint {
  readonly p: number;
  readonly x: readonly number[];
  readonly branch: number;
  /** ω: the imaginary part of the crossing pair (the period of the small cycle is 2π/ω). */
  readonly frequency: number;
  /** True when solved on the extended system (G = 0, A w = iω w, normalised) to rounding. */
  readonly located: boolean;
}

/** Between consecutive fold, Hopf and branch-end values, how many states and how many are stable. */
export interface CountInterval {
  readonly from: number;
  readonly to: number;
  readonly states: number;
  readonly stable: number;
}

/** A range with at least two stable states; a hysteresis loop when both ends are folds. */
export interface MultistableRange {
  readonly from: number;
  readonly to: number;
  /** The fewest stable states inside. */
  readonly stable: number;
  /** Both ends are folds: sweeping p up jumps at one, sweeping down at the other. */
  readonly hysteresis: boolean;
}

export interface ParameterScan {
  /** The scanned param or reservoir. */
  readonly param: string;
  readonly kind: "param" | "reservoir";
  readonly from: number;
  readonly to: number;
  readonly species: readonly string[];
  readonly branches: readonly ScanBranch[];
  readonly folds: readonly FoldPoint[];
  readonly hopfs: readonly HopfPoint[];
  readonly intervals: readonly CountInterval[];
  readonly multistable: readonly MultistableRange[];
  /** The values the steady-state search seeded branches from. */
  readonly seeds: readonly number[];
  /** What was assumed or could not be done. */
  readonly notes: readonly string[];
}

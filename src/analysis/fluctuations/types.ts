/** What the fluctuation analysis returns (analysis/fluctuations/index.ts). */

/** The Gallavotti–Cohen symmetry λ(s) = λ(2c − s) as checked on the tilted generator. */
export interface SymmetryCheck {
  /** The centre c: −1/2 for the entropy current, −A/(2k) for a current of a unicyclic network. */
  readonly centre: number;
  /** Largest |λ(s) − λ(2c − s)| on the grid, relative to the larger of the largest |λ| there and the largest escape rate; null when not computed. */
  readonly defect: number | null;
  /** Whether the characteristic polynomials of L(s) and L(2c − s) agree in exact rational arithmetic (see docs/fluctuations.md); null when the rates are not all rational or the chain is too big. */
  readonly exact: boolean | null;
}

/** The long-time statistics of one counting current. */
export interface CurrentStatistics {
  readonly name: string;
  /** `measured`: a `current` statement; `cycle`: a fundamental cycle's current (its chord's count); `entropy`: the entropy current ln(κ⁺/κ⁻) per jump. */
  readonly kind: "measured" | "cycle" | "entropy";
  /** What is counted: `step + 2 bind`, a cycle's words, or `ln(κ+/κ-) per jump`. */
  readonly definition: string;
  /** J = lim N_t / t. */
  readonly mean: number;
  /** D = lim Var N_t / (2t); null when not defined (see notes). */
  readonly diffusion: number | null;
  /** 2D / J; null when J = 0 or D is missing. */
  readonly fano: number | null;
  /** D σ / J² (≥ 1: Barato & Seifert 2015); null when J = 0, or σ or D is missing or infinite. */
  readonly uncertaintyRatio: number | null;
  /** J² / D: the least entropy production this current's precision needs; null when D is missing or 0. */
  readonly entropyBound: number | null;
  /** The length one unit of the current moves, when the statement gave one. */
  readonly step: { readonly value: number; readonly unit: string | null } | null;
  /** v = J d (length per time); null without a step. */
  readonly velocity: number | null;
  /** D d² (length² per time); null without a step. */
  readonly diffusionLength: number | null;
  /** 2 D d² / (v d) = 2D/J (dimensionless); null without a step or when J = 0. */
  readonly randomness: number | null;
  /** λ(s) on a grid of s (null: the chain is over the dense limit). */
  readonly scgf: { readonly s: readonly number[]; readonly lambda: readonly (number | null)[] } | null;
  readonly gallavottiCohen: SymmetryCheck | null;
  /** How D was computed. */
  readonly method: string;
}

export interface Fluctuations {
  readonly currents: readonly CurrentStatistics[];
  /** σ at the steady state (k_B per time), the one every ratio uses; null when infinite or missing. */
  readonly entropyProduction: number | null;
  /** Whether every current with a ratio satisfies D σ / J² ≥ 1 − tolerance; null when no current has a ratio. */
  readonly turHolds: boolean | null;
  /** The linear noise approximation of a mass-action network at volume Ω; null for Markov networks or without a volume. */
  readonly linearNoise: LinearNoise | null;
  /** Relaxation spectrum, first-passage times and committors of a Markov network; null for mass action. */
  readonly kinetics: MarkovKinetics | null;
  readonly notes: readonly string[];
}

/** The linear noise approximation at volume Ω (fluctuations/lna.ts). */
export interface LinearNoise {
  readonly volume: number;
  /** Which steady state (index into steadyStates.states) each covariance is taken at. */
  readonly states: readonly {
    readonly state: number;
    /** Covariance of concentrations (species × species), in concentration². */
    readonly covariance: readonly (readonly number[])[];
    /** Relative residual ‖A C + C Aᵀ + B/Ω‖ / ‖B/Ω‖ of the solution. */
    readonly residual: number;
  }[];
  readonly method: string;
}

/** An eigenvalue λ = re + i im of the generator (a relaxation mode, fluctuations/spectrum.ts). */
export interface RelaxationMode {
  readonly re: number;
  readonly im: number;
}

/** Relaxation, first passages and committors of a Markov network (fluctuations/kinetics.ts). */
export interface MarkovKinetics {
  /** The slowest relaxation rates −Re λ_k > 0 of the generator (at most `spectrumModes`), ascending, one per eigenvalue (a complex pair twice); null when not computed (over maxSparseSpectrumStates). */
  readonly relaxationRates: readonly number[] | null;
  /** The same modes as eigenvalues λ_k of the generator, slowest first (a pair's Im λ > 0 member first); null when not computed. */
  readonly relaxationModes: readonly RelaxationMode[] | null;
  /** How the spectrum was computed (dense QR, or shift-invert Arnoldi and its solves), or why it was not within the limits; null past them. */
  readonly spectrumMethod: string | null;
  /** The sets the report uses: A the most probable state, B the most probable other state. */
  readonly setA: readonly number[];
  readonly setB: readonly number[];
  /** Mean first-passage time A → B (from A's states weighted by π) and B → A; null when a set is unreachable or the chain is over maxKineticsStates. */
  readonly mfptAB: number | null;
  readonly mfptBA: number | null;
  /** Reactive flux F_AB (transitions A → B per unit time) and rate k_AB = F / Σ π q⁻. */
  readonly reactiveFlux: number | null;
  readonly rateAB: number | null;
}

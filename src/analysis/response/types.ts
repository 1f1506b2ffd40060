/** What the response analysis returns (analysis/response/index.ts). */

/** The steady state's outputs differentiated with respect to one input (a log-derivative: ∂ output / ∂ ln input). */
export interface Sensitivity {
  /** `k+(bind)`, `k-(bind)`, `enzyme(bind)` (both constants scaled together), `[ATP]` or a param name. */
  readonly input: string;
  readonly kind: "forward" | "reverse" | "enzyme" | "reservoir" | "param";
  /** ∂x_i / ∂ ln input per species or state. */
  readonly concentrations: readonly number[];
  /** ∂J_r / ∂ ln input per reaction (net flux). */
  readonly fluxes: readonly number[];
  /** ∂σ / ∂ ln input; null when σ is infinite. */
  readonly entropyProduction: number | null;
  /** ∂J / ∂ ln input per measured current (`Network.currents`). */
  readonly currents: readonly number[];
}

/** Scaled control coefficients of metabolic control analysis (Kacser & Burns; Heinrich & Rapoport). */
export interface ControlCoefficients {
  /** C^J_{r,e} = ∂ ln J_r / ∂ ln e (rows: reactions with J_r ≠ 0, columns: reactions e). */
  readonly flux: readonly { readonly reaction: number; readonly coefficients: readonly number[]; readonly sum: number }[];
  /** C^x_{i,e} = ∂ ln x_i / ∂ ln e (rows: species with x_i > 0). */
  readonly concentration: readonly { readonly species: number; readonly coefficients: readonly number[]; readonly sum: number }[];
  /** Largest |Σ_e C^J − 1| and |Σ_e C^x| (the summation theorems). */
  readonly fluxSumDefect: number;
  readonly concentrationSumDefect: number;
}

/** The response matrix of the cycle currents to the cycle affinities, ∂J_c / ∂A_c'. */
export interface OnsagerMatrix {
  /** "cycle": a Markov network's fundamental cycles, each affinity moved through its chord; "emergent": a chemostatted network's emergent cycles, moved through the reservoirs' chemical potentials. */
  readonly affinities: "cycle" | "emergent";
  /** Cycle names (their words). */
  readonly cycles: readonly string[];
  /** Emergent cycles: what one turn exchanges with the reservoirs (`F -> W`). */
  readonly exchanges?: readonly string[];
  /** Emergent cycles: their affinities A_e (k_B T) and conjugate currents j_e at the steady state. */
  readonly affinity?: readonly number[];
  readonly current?: readonly number[];
  readonly matrix: readonly (readonly number[])[];
  /** max |L − Lᵀ| / max |L|. */
  readonly asymmetry: number;
  /** Whether the steady state is in detailed balance (then L is the Onsager matrix and must be symmetric). */
  readonly equilibrium: boolean;
}

/** The generalised Einstein relation for a param marked as a force on a current. */
export interface EinsteinRelation {
  readonly force: string;
  readonly current: string;
  /** μ = ∂J/∂F (current per unit force; × step for a velocity), with F's sign turned when F is a load (it lowers the current's affinity). */
  readonly mobility: number;
  readonly diffusion: number;
  /** D / μ in the units of F × step; equals k_BT at equilibrium. */
  readonly effectiveTemperature: number | null;
  readonly kT: number;
}

/** One drive of σ: an emergent cycle with its affinity, current and their product. */
export interface Drive {
  readonly words: string;
  /** The reservoir exchange of one turn: `NADH -> NAD`. */
  readonly exchange: string;
  readonly affinity: number;
  readonly current: number;
  /** A J: positive for a drive that powers, negative for one worked against. */
  readonly power: number;
}

/** Free-energy transduction: the power the other drives store over the power of the most powerful one. */
export interface Transduction {
  readonly drives: readonly Drive[];
  /** −Σ_{outputs} P / P_input, at most 1 (σ ≥ 0); negative when the outputs run downhill too; null with one drive. */
  readonly efficiency: number | null;
  /** Current of the first output drive per current of the input drive (ATP made per proton pumped, for the proton circuit). */
  readonly ratio: { readonly output: string; readonly input: string; readonly value: number } | null;
}

export interface Response {
  readonly sensitivities: readonly Sensitivity[];
  readonly control: ControlCoefficients | null;
  readonly onsager: OnsagerMatrix | null;
  readonly einstein: readonly EinsteinRelation[];
  readonly transduction: Transduction | null;
  readonly method: string;
  readonly notes: readonly string[];
}

/**
 * What the analyses return. Plain immutable data; vectors are dense arrays indexed like the
 * network's species (or states) and reactions. Each concept's result types live in its folder
 * (`<concept>/types.ts`); this file gathers them into the `Analysis` a report renders.
 */
import type { Network } from "../network/types.js";
import type { DetailedBalance } from "./balance/types.js";
import type { Currents } from "./currents/types.js";
import type { SteadyStates } from "./steady-state/types.js";
import type { Structure } from "./structure/types.js";
import type { UsedOption } from "./options.js";
import type { CmeSummary } from "./cme/types.js";
import type { Fluctuations } from "./fluctuations/types.js";
import type { Response } from "./response/types.js";

export type * from "./structure/types.js";
export type * from "./balance/types.js";
export type * from "./steady-state/types.js";
export type * from "./currents/types.js";
export type * from "./cme/types.js";
export type * from "./fluctuations/types.js";
export type * from "./response/types.js";

/** The steady state the currents and σ of a report are taken at. */
export interface CurrentsAt {
  readonly state: number;
  readonly reached: boolean;
  readonly stable: boolean | null;
}

export interface Analysis {
  readonly network: Network;
  readonly structure: Structure;
  readonly detailedBalance: DetailedBalance;
  readonly steadyStates: SteadyStates;
  /** Decomposition at the first (reached) steady state, when there is one. */
  readonly currents: Currents | null;
  /**
   * Which steady state `currents` (and the headline σ) were computed at: its index in
   * `steadyStates.states`, whether the dynamics reach it, and its stability. Null when no state.
   * `reached: false` means σ is taken at a state the system is not seen to reach (an oscillator).
   */
  readonly currentsAt?: CurrentsAt | null;
  /** Current statistics, λ(s), TUR, Markov kinetics, linear noise (analysis/fluctuations); absent from older producers. */
  readonly fluctuations?: Fluctuations | null;
  /** Sensitivities, control coefficients, Onsager matrix, Einstein relation, transduction (analysis/response). */
  readonly response?: Response | null;
  /** Why a number is null, what was inferred, which verdicts are approximate. */
  readonly notes: readonly string[];
  /** Every numerical threshold the analyses used, with its value (the report states them). */
  readonly options: readonly UsedOption[];
  /** The chemical master equation's summary, when the analysis is of a CME (`analyzeCme`). */
  readonly cme?: CmeSummary | null;
}

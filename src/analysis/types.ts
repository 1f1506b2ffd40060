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

export type * from "./structure/types.js";
export type * from "./balance/types.js";
export type * from "./steady-state/types.js";
export type * from "./currents/types.js";

export interface Analysis {
  readonly network: Network;
  readonly structure: Structure;
  readonly detailedBalance: DetailedBalance;
  readonly steadyStates: SteadyStates;
  /** Decomposition at the first (reached) steady state, when there is one. */
  readonly currents: Currents | null;
  /** Why a number is null, what was inferred, which verdicts are approximate. */
  readonly notes: readonly string[];
  /** Every numerical threshold the analyses used, with its value (the report states them). */
  readonly options: readonly UsedOption[];
}

/**
 * Every numerical threshold an analysis uses is a named field of `AnalyzeOptions` with a
 * documented default; `resolveOptions` fills in the defaults and `optionsUsed` lists the values
 * used, which the report states. Each concept keeps its own thresholds in `<concept>/options.ts`;
 * the listing caps shared by several concepts live here.
 */
import { acceptedViolationText, BALANCE_DEFAULTS, BALANCE_MEANINGS, type BalanceOptions } from "./balance/options.js";
import type { AcceptedViolation } from "../network/types.js";
import { CURRENTS_DEFAULTS, CURRENTS_MEANINGS, type CurrentsThresholds } from "./currents/options.js";
import { STEADY_STATE_DEFAULTS, STEADY_STATE_MEANINGS, type SteadyStateThresholds } from "./steady-state/options.js";
import { STRUCTURE_DEFAULTS, STRUCTURE_MEANINGS, type StructureThresholds } from "./structure/options.js";
import { FLUCTUATIONS_DEFAULTS, FLUCTUATIONS_MEANINGS, type FluctuationsThresholds } from "./fluctuations/options.js";
import { RESPONSE_DEFAULTS, RESPONSE_MEANINGS, type ResponseThresholds } from "./response/options.js";
import type { Network, ParameterValue } from "../network/types.js";
import type { StationaryResult } from "../numeric/markov/stationary.js";

/** How much a report lists; counts stay exact past these caps. */
export interface ListingOptions {
/** The largest dense basis listed (entries); bigger bases are left empty. */
  readonly maxListedEntries: number;
}

const LISTING_DEFAULTS: ListingOptions = { maxListedEntries: 2e7 };
const LISTING_MEANINGS: { readonly [K in keyof ListingOptions]: string } = {
  maxListedEntries: "largest dense basis (conservation laws, cycles) listed, in entries",
};

/** Every threshold, resolved. */
export type ResolvedOptions = ListingOptions & StructureThresholds & BalanceOptions & SteadyStateThresholds & CurrentsThresholds & FluctuationsThresholds & ResponseThresholds;

export interface AnalyzeOptions extends Partial<ResolvedOptions> {
  /** Called between stages (and by long stages) so a CLI can show progress. */
  readonly progress?: (stage: string) => void;
  /**
   * The same network with some params changed, recompiled by whoever has the source (the CLI):
   * the response analysis differences a param's initial amounts with it (the rate constants and
   * reservoirs carry exact sensitivities from the compiler); asserts `at P = V` are evaluated on it.
   */
  readonly recompile?: (values: readonly ParameterValue[]) => Network | string;
  /**
   * The stationary distribution of `network`'s Markov chain, already solved by whoever built the
   * chain (the CME's projection solves it to choose its bounds): used instead of solving again
   * when the analysed network is that one. Its jumps must be the network's (numeric/markov/stationary.ts).
   */
  readonly markovStationary?: { readonly network: Network; readonly result: StationaryResult };
}

export const DEFAULT_OPTIONS: ResolvedOptions = { ...LISTING_DEFAULTS, ...STRUCTURE_DEFAULTS, ...BALANCE_DEFAULTS, ...STEADY_STATE_DEFAULTS, ...CURRENTS_DEFAULTS, ...FLUCTUATIONS_DEFAULTS, ...RESPONSE_DEFAULTS };

const MEANINGS: { readonly [K in keyof ResolvedOptions]: string } = {
  ...LISTING_MEANINGS, ...STRUCTURE_MEANINGS, ...BALANCE_MEANINGS, ...STEADY_STATE_MEANINGS, ...CURRENTS_MEANINGS, ...FLUCTUATIONS_MEANINGS, ...RESPONSE_MEANINGS,
};

/** One threshold as the report states it. */
export interface UsedOption {
  readonly name: string;
  readonly value: number | string | boolean | null;
  readonly meaning: string;
  /** False when the caller set it, true when it is the default. */
  readonly isDefault: boolean;
}

/** The options with every unset threshold at its default. */
export function resolveOptions(options: AnalyzeOptions = {}): ResolvedOptions {
  const out: Record<string, unknown> = { ...DEFAULT_OPTIONS };
  for (const key of Object.keys(DEFAULT_OPTIONS)) {
    const v = (options as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = v;
  }
  return out as unknown as ResolvedOptions;
}

/** The thresholds used, in a stable order, for the report. */
export function optionsUsed(options: ResolvedOptions): UsedOption[] {
  return (Object.keys(MEANINGS) as (keyof ResolvedOptions)[]).map((name) => ({
    name,
    value: shown(options[name]),
    meaning: MEANINGS[name],
    isDefault: options[name] === DEFAULT_OPTIONS[name],
  }));
}

/** An option's value as a report prints it: objects (an accepted violation) as their words. */
function shown(v: unknown): number | string | boolean | null {
  if (v === null || typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (isAcceptedViolation(v)) return acceptedViolationText(v);
  return JSON.stringify(v);
}

function isAcceptedViolation(v: unknown): v is AcceptedViolation {
  return typeof v === "object" && v !== null && "kind" in v && (v.kind === "affinity" || v.kind === "relative") && "value" in v && typeof v.value === "number";
}

/** The largest dense basis listed (entries), at its default; prefer the resolved option. */
export const MAX_LISTED_ENTRIES = LISTING_DEFAULTS.maxListedEntries;

/**
 * What the editor shows from the analysis: the verdict line for the `network` line's code lens
 * and, per species and reaction, the numbers a hover adds once the analysis has run. A pure
 * function of an Analysis, computed in the analysis worker (worker.ts) off the typing path, and
 * small enough to post back as plain data.
 */
import type { Analysis } from "../analysis/types.js";
import { entropyTerm } from "../analysis/entropy/index.js";

export interface AnalysisSummary {
  /** "balanced", "driven: cycle A -> B -> A, 15.2 k_BT", "detailed balance undecided". */
  readonly verdict: string;
  /** Free energy of each species/state in k_B T when detailed balance holds, else null. */
  readonly freeEnergies: readonly number[] | null;
  /** Steady-state net flux of each reaction, when a steady state was found. */
  readonly fluxes: readonly number[] | null;
  /** Each reaction's share of the entropy production σ (its (v⁺−v⁻) ln(v⁺/v⁻) / σ), when σ is finite and positive. */
  readonly sigmaShares: readonly number[] | null;
  readonly sigma: number | null;
}

/** The verdict in a few words, with the first violated cycle and its affinity. */
export function verdictLine(a: Analysis): string {
  const b = a.detailedBalance;
  if (b.holds) return "balanced";
  if (b.verdict === "undecided") return "detailed balance undecided";
  const [first] = b.violations;
  if (first === undefined) return b.oneWay.length > 0 ? `driven: ${b.oneWay.length} one-way reaction${b.oneWay.length === 1 ? "" : "s"} without a reverse` : "driven";
  const more = (b.violationCount ?? b.violations.length) - 1;
  return `driven: cycle ${first.words}, ${first.affinity.toFixed(1)} k_BT${more > 0 ? ` (and ${more} more cycle${more === 1 ? "" : "s"})` : ""}`;
}

export function summarize(a: Analysis): AnalysisSummary {
  const state = a.steadyStates.states[a.currentsAt?.state ?? 0];
  const sigma = state?.entropyProduction ?? null;
  const terms = state === undefined ? null : a.network.reactions.map((r, i) => (r.reverse === null ? NaN : entropyTerm(state.forwardRates[i] ?? NaN, state.reverseRates[i] ?? NaN)));
  return {
    verdict: verdictLine(a),
    freeEnergies: a.detailedBalance.freeEnergies,
    fluxes: state === undefined ? null : state.netFluxes ?? state.fluxes,
    sigmaShares: terms !== null && sigma !== null && sigma > 0 && Number.isFinite(sigma) ? terms.map((t) => t / sigma) : null,
    sigma,
  };
}

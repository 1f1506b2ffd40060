/**
 * The analyses an assert may need, each computed on first use and kept, so that asserts on
 * detailed balance alone never start the steady-state search.
 */
import type { AcceptedViolation, Network, ParameterValue } from "../../network/types.js";
import { analyzeBalance } from "../balance/index.js";
import type { DetailedBalance } from "../balance/types.js";
import { analyzeStructure } from "../structure/index.js";
import type { Structure } from "../structure/types.js";
import { analyzeSteadyStates } from "../steady-state/index.js";
import type { SteadyStates } from "../steady-state/types.js";
import type { Lazy } from "./types.js";

/** Analyses computed on first use and kept: balance-only asserts never start the steady-state search. */
export function lazyAnalyses(network: Network, progress?: (stage: string) => void, options: { readonly acceptViolation?: AcceptedViolation | null; readonly recompile?: (values: readonly ParameterValue[]) => Network | string } = {}): Lazy {
  const acceptViolation = options.acceptViolation ?? null;
  let structure: Structure | undefined;
  let steady: SteadyStates | undefined;
  const balances = new Map<string, DetailedBalance>();
  const lazy: Lazy = {
    acceptViolation,
    ...(options.recompile ? { recompile: options.recompile } : {}),
    structure: () => (structure ??= analyzeStructure(network)),
    balance: (accept = acceptViolation) => {
      const key = accept === null ? "" : `${accept.kind} ${accept.value}`;
      let db = balances.get(key);
      // Kolmogorov's check needs no structure; Wegscheider's shares it with the steady states
      if (!db) balances.set(key, (db = analyzeBalance(network, network.kind === "markov" ? undefined : lazy.structure(), { acceptViolation: accept })));
      return db;
    },
    steadyStates: () => (steady ??= analyzeSteadyStates(network, lazy.structure(), { detailedBalance: lazy.balance(), progress: (d) => progress?.(`steady states: ${d}`) })),
  };
  return lazy;
}


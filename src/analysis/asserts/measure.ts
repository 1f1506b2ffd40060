/**
 * The value an assert compares: a quantity read at the steady state the dynamics reach, the
 * count or dimension of the steady states, or a statistic of a measured current.
 */
import { CODES } from "../../diagnostics.js";
import type { Network, Quantity } from "../../network/types.js";
import type { SteadyStates } from "../steady-state/types.js";
import { measureCurrentStatistic } from "./fluctuations.js";
import type { Lazy, LowerBound, Unevaluable } from "./types.js";

/**
 * The measured value, or why there is none. conc, flux and entropy_production are read at the
 * steady state the dynamics reach from the initial amounts; when no listed state is reached
 * (the system oscillates, grows without bound, or the search could not follow it), there is no
 * such value: a state the system never reaches says nothing about what it does.
 */
export function measure(network: Network, q: Quantity, lazy: Lazy): number | Unevaluable | LowerBound {
  if (q.kind === "current-statistic") return measureCurrentStatistic(network, q, lazy);
  const ss = lazy.steadyStates();
  if (q.kind === "steady-states" || q.kind === "steady-state-dimension") return measureSteadyStateCount(network, q.kind, ss);
  const notes = ss.notes?.length ? ` (${ss.notes.join("; ")})` : "";
  if (ss.states.length === 0) return { code: CODES.assertUnevaluable, why: `there is no steady state${notes}` };
  const state = ss.states.find((s) => s.reached);
  if (!state) {
    const listed = ss.states.length === 1 ? "the one steady state is not" : `none of the ${ss.states.length} steady states is`;
    return { code: CODES.stateNotReached, why: `the dynamics from the initial amounts reach no steady state: ${listed} reached (the system may oscillate or run away)${notes}` };
  }
  const missing = { code: CODES.assertUnevaluable, why: "the steady state has no value for it" } as const;
  switch (q.kind) {
    case "flux":
      return state.fluxes[q.reaction] ?? missing;
    case "conc":
      return state.concentrations[q.species] ?? missing;
    case "entropy-production":
      return state.entropyProduction ?? { code: CODES.assertUnevaluable, why: "the entropy production is infinite: a one-way reaction carries flux" };
  }
}

/**
 * steady_state_dimension: the dimension of the set of steady states in the class (0 for isolated
 * states; unevaluable when not known). steady_states: the number of states; where they form a set
 * of dimension ≥ 1 a count means nothing unless the file states the dimension too
 * (`assert steady_state_dimension = d`), and then it counts the pieces: each set once, plus each
 * certified isolated state. A finite list not proved complete gives only a lower bound.
 */
function measureSteadyStateCount(network: Network, kind: "steady-states" | "steady-state-dimension", ss: SteadyStates): number | Unevaluable | LowerBound {
  const continua = ss.continua ?? [];
  const dimension = continua.length > 0 ? Math.max(...continua.map((c) => c.dimension)) : ss.dimension ?? null;
  if (kind === "steady-state-dimension") {
    return dimension ?? { code: CODES.assertUnevaluable, why: "the dimension of the steady-state set is not known (the list is not proved complete and no set was detected)" };
  }
  if (dimension === null || dimension === 0) {
    return ss.complete ? ss.states.length : { atLeast: ss.states.length, why: `the list of ${ss.states.length} steady state${ss.states.length === 1 ? "" : "s"} is not proved complete (${ss.method})` };
  }
  const stated = network.asserts.some((a) => a.target.kind === "compare" && a.target.quantity.kind === "steady-state-dimension");
  if (!stated) {
    return { code: CODES.assertUnevaluable, why: `the steady states form a set of dimension ${dimension} (${continua.map((c) => c.description).join("; ")}), not a finite list; state 'assert steady_state_dimension = ${dimension}' to count its pieces` };
  }
  return continua.length + ss.states.filter((s) => s.certificate?.certified === true).length;
}

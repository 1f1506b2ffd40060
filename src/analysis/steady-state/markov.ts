/**
 * The steady state of a Markov jump network (`state` declarations): the distribution reached
 * from the initial one, with the per-transition probability currents and the entropy production.
 * The numerics (classes, absorption, GTH elimination) live in src/numeric/markov.ts.
 */
import type { Network, Reaction } from "../../network/types.js";
import { stationaryDistribution } from "../../numeric/markov/stationary.js";
import type { SteadyState } from "./types.js";

export interface MarkovSteadyState {
  readonly state: SteadyState;
  /** How π was computed (dense or sparse GTH, sizes). */
  readonly method: string;
  /** Why a number is null, which states are transient, what input was worked around. */
  readonly notes: readonly string[];
}

/**
 * The stationary distribution reached from the initial probabilities, and its currents.
 *
 * Jump rates are mass action with reservoirs folded in: `E + ATP -> EATP @ k` jumps E → EATP
 * at w = k·[ATP]. With π the reached distribution (src/numeric/markov.ts):
 *   v+_r = w+_r π_from,  v−_r = w−_r π_to,  J_r = v+_r − v−_r,
 *   σ = Σ_r J_r ln(v+_r / v−_r)   (k_B per time; ln taken as ln w+ + ln π_from − ln w− − ln π_to),
 * a pair with v+ = v− = 0 adding 0, and σ = null (with a note) when a one-way reaction carries flux.
 * Assumes network.kind === "markov" (one state with coefficient 1 on each side of each reaction);
 * anything else gives the initial amounts, zero fluxes and a note, never an exception.
 *
 *     const { network } = compile("state A = 1, B\nA <-> B @ 1, 3");
 *     markovSteadyState(network!).state.concentrations  // → [0.75, 0.25]
 *     markovSteadyState(network!).state.entropyProduction // → 0 (detailed balance)
 */
export function markovSteadyState(network: Network): MarkovSteadyState {
  const n = network.species.length;
  const reactions = network.reactions;
  const notes: string[] = [];
  const ends = reactions.map((r) => endpoints(r));
  const initial = Float64Array.from(network.species, (s) => s.initial);
  if (network.kind !== "markov" || ends.some((e) => e === null)) {
    notes.push("not a Markov jump network (each reaction must move one state to one state): no stationary distribution computed");
    const zeros = reactions.map(() => 0);
    const state: SteadyState = {
      concentrations: Array.from(initial), fluxes: zeros, forwardRates: zeros, reverseRates: zeros,
      entropyProduction: null, stable: null, reached: false, leadingEigenvalue: null,
    };
    return { state, method: "none", notes };
  }
  const forward = reactions.map((r) => jumpRate(network, r.forward.value, r.reservoirReactants));
  const reverse = reactions.map((r) => (r.reverse ? jumpRate(network, r.reverse.value, r.reservoirProducts) : 0));

  const from: number[] = [], to: number[] = [], rate: number[] = [];
  reactions.forEach((_, r) => {
    const [i, j] = ends[r] as [number, number];
    if (forward[r] > 0) from.push(i), to.push(j), rate.push(forward[r]);
    if (reverse[r] > 0) from.push(j), to.push(i), rate.push(reverse[r]);
  });
  const result = stationaryDistribution(n, Int32Array.from(from), Int32Array.from(to), Float64Array.from(rate), initial);
  notes.push(...result.notes);
  const pi = result.pi;
  if (result.transient.length > 0) {
    const names = Array.from(result.transient.subarray(0, 10), (i) => network.species[i].name).join(", ");
    const more = result.transient.length > 10 ? ` and ${result.transient.length - 10} more` : "";
    notes.push(`transient states (probability 0 in the long run): ${names}${more}`);
  }
  if (result.classes.length > 1) {
    const label = (states: Int32Array): string => {
      const names = Array.from(states.subarray(0, 3), (i) => network.species[i].name);
      return `{${names.join(", ")}${states.length > 3 ? `, … (${states.length} states)` : ""}}`;
    };
    const shown = result.classes.slice(0, 10).map((c) => `${label(c.states)} ${c.mass.toPrecision(6)}`);
    const more = result.classes.length > 10 ? ` and ${result.classes.length - 10} more` : "";
    notes.push(`${result.classes.length} closed classes; the long-run probability of each: ${shown.join(", ")}${more}`);
  }

  const vPlus = reactions.map((_, r) => forward[r] * pi[(ends[r] as [number, number])[0]]);
  const vMinus = reactions.map((_, r) => reverse[r] * pi[(ends[r] as [number, number])[1]]);
  const fluxes = vPlus.map((v, r) => v - vMinus[r]);
  let sigma: number | null = 0;
  const infinite: string[] = [];
  reactions.forEach((reaction, r) => {
    const [i, j] = ends[r] as [number, number];
    if (vPlus[r] === 0 && vMinus[r] === 0) return;
    if (vPlus[r] === 0 || vMinus[r] === 0) {
      infinite.push(reaction.id);
      return;
    }
    const logRatio = Math.log(forward[r]) + Math.log(pi[i]) - Math.log(reverse[r]) - Math.log(pi[j]);
    sigma = (sigma as number) + fluxes[r] * logRatio;
  });
  if (infinite.length > 0) {
    sigma = null;
    notes.push(`entropy production is infinite: ${infinite.join(", ")} carry flux with no reverse rate`);
  }
  const state: SteadyState = {
    concentrations: Array.from(pi), fluxes, forwardRates: vPlus, reverseRates: vMinus,
    entropyProduction: sigma, stable: true, reached: true, leadingEigenvalue: null,
  };
  return { state, method: result.method, notes };
}

/** The one state on each side, or null when the reaction is not a Markov jump. */
function endpoints(r: Reaction): [number, number] | null {
  if (r.reactants.length !== 1 || r.products.length !== 1) return null;
  if (r.reactants[0].coefficient !== 1 || r.products[0].coefficient !== 1) return null;
  return [r.reactants[0].index, r.products[0].index];
}

/** k times the reservoir concentrations to their coefficients (mass action). */
function jumpRate(network: Network, k: number, reservoirs: Reaction["reservoirReactants"]): number {
  let w = k;
  for (const t of reservoirs) w *= network.reservoirs[t.index].value ** t.coefficient;
  return w;
}

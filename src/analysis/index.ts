/**
 * Analysis stage: Network IR → Analysis, as plain functions of the network.
 *
 *   analyzeStructure ─▶ analyzeBalance ─▶ analyzeSteadyStates ─▶ analyzeCurrents
 *
 * Each step is a pure function; `analyze` runs them in order and gathers the notes a report
 * needs (what ness inferred, how verdicts were reached, why a number is missing).
 */
import type { Network } from "../network/types.js";
import { analyzeBalance } from "./balance/index.js";
import { analyzeCurrents } from "./currents/index.js";
import { analyzeFluctuations } from "./fluctuations/index.js";
import { analyzeResponse } from "./response/index.js";
import { analyzeStructure } from "./structure/index.js";
import { analyzeSteadyStates } from "./steady-state/index.js";
import type { Analysis } from "./types.js";
import { optionsUsed, resolveOptions, type AnalyzeOptions } from "./options.js";

export type { AnalyzeOptions, ResolvedOptions, UsedOption } from "./options.js";
export { acceptedViolationText } from "./balance/index.js";

/**
 * The whole analysis of a network: structure (exact), the detailed-balance verdict (Kolmogorov or
 * Wegscheider), every non-negative steady state of the initial amounts' compatibility class, and
 * Schnakenberg's decomposition of the currents at the state the dynamics reach (σ = Σ_c A_c J_c).
 * Assumes a compiled network (mass action, or a Markov jump process). Pure; never throws for a
 * network that compiled.
 *
 *   const { network } = compile("species A = 1, B\nA <-> B @ 2, 1");
 *   const a = analyze(network!);
 *   a.detailedBalance.holds;                     // true; a.steadyStates.states[0].concentrations ≈ [1/3, 2/3]
 */
export function analyze(network: Network, options: AnalyzeOptions = {}): Analysis {
  const progress = options.progress ?? (() => undefined);
  const resolved = resolveOptions(options);
  progress("structure");
  const structure = analyzeStructure(network, resolved);
  progress("detailed balance");
  const detailedBalance = analyzeBalance(network, structure, resolved);
  progress("steady states");
  const steadyStates = analyzeSteadyStates(network, structure, {
    ...resolved, detailedBalance, progress: (detail) => progress(`steady states: ${detail}`),
    ...(options.markovStationary ? { markovStationary: options.markovStationary } : {}),
  });
  const index = Math.max(0, steadyStates.states.findIndex((s) => s.reached));
  const reached = steadyStates.states[index];
  progress("currents");
  const currents = reached ? analyzeCurrents(network, reached, { ...resolved, structure }) : null;
  const currentsAt = reached ? { state: index, reached: reached.reached, stable: reached.stable } : null;
  const currentNotes = [...(currents?.notes ?? [])];
  if (reached && !reached.reached) {
    const how = reached.stable === false ? "an unstable steady state" : reached.stable === null ? "a steady state of undecided stability" : "a stable steady state";
    currentNotes.unshift(`the dynamics do not reach a steady state from the initial amounts: currents and entropy production are taken at steady state ${index + 1}, ${how} the system is not seen to reach`);
  }
  progress("fluctuations");
  const fluctuations = analyzeFluctuations(network, { state: reached ?? null, states: steadyStates.states, currents, cycleCount: structure.cycleCount }, resolved);
  progress("response");
  const response = analyzeResponse(network, {
    state: reached ?? null, structure, currents, equilibrium: detailedBalance.holds === true, statistics: fluctuations.currents,
    ...(options.recompile ? { recompile: options.recompile } : {}),
  }, resolved);
  return {
    network,
    structure,
    detailedBalance,
    steadyStates,
    currents,
    currentsAt,
    fluctuations,
    response,
    notes: [...inferenceNotes(network), ...(steadyStates.notes ?? []), ...currentNotes],
    options: optionsUsed(resolved),
  };
}

/** What ness filled in that the file did not say. */
export function inferenceNotes(network: Network): string[] {
  const notes: string[] = [];
  const unlabelled = firstOf(network.reactions, (r) => !r.labelGiven, (r) => r.id);
  if (unlabelled.count > 0) notes.push(`reactions without a label are named by position: ${preview(unlabelled)}`);
  const defaulted = firstOf(network.species, (s) => !s.initialGiven, (s) => s.name);
  if (network.kind === "markov" && defaulted.count === network.species.length) notes.push("no state has an initial amount: the initial distribution is uniform");
  else if (defaulted.count > 0) notes.push(`initial amount 0 (not given) for: ${preview(defaulted)}`);
  if (network.kind === "markov" && network.species.some((s) => s.initialGiven)) notes.push("initial amounts are normalised to probabilities");
  return notes;
}

const PREVIEW = 12;

/** How many items pass `keep`, and the names of the first PREVIEW (a note names no more: 10^5 reaction ids are not made for it). */
function firstOf<T>(items: readonly T[], keep: (x: T) => boolean, name: (x: T) => string): { count: number; names: string[] } {
  const names: string[] = [];
  let count = 0;
  // an index loop: this runs once, in the interpreter, over every reaction, and for…of allocates per item there
  for (let i = 0; i < items.length; i++) {
    const x = items[i] as T;
    if (!keep(x)) continue;
    if (count++ < PREVIEW) names.push(name(x));
  }
  return { count, names };
}

function preview(list: { count: number; names: readonly string[] }): string {
  return list.count <= PREVIEW ? list.names.join(", ") : `${list.names.join(", ")} and ${list.count - PREVIEW} more`;
}

/**
 * Response of a steady state: derivatives of every output (concentrations or probabilities, net
 * fluxes, σ, each measured current) with respect to every rate constant, reservoir value and
 * param, by implicit differentiation (response/linear.ts: one factorisation of the Jacobian on the
 * stoichiometric subspace, a solve per input; response/sparse.ts: a large Markov network's
 * response from its stationary solve's factors, one left solve per input); params by the chain
 * rule through the compiler's exact sensitivities (params.ts); metabolic control analysis with its
 * summation theorems (control.ts); the response of the currents to the independent affinities
 * (onsager.ts: a Markov network's cycles, a chemostatted network's emergent cycles; Onsager's
 * matrix at equilibrium, symmetric; its asymmetry away from it); the generalised Einstein relation
 * of a force; and where the entropy goes: σ over the emergent cycles, with the efficiency of
 * free-energy transduction (transduction.ts). See docs/response.md.
 */
import type { Network, ParameterValue } from "../../network/types.js";
import type { Currents } from "../currents/types.js";
import type { SteadyState } from "../steady-state/types.js";
import type { Structure } from "../structure/types.js";
import type { CurrentStatistics } from "../fluctuations/types.js";
import { linearise, respond, type Delta } from "./linear.js";
import { sparseLinearise, sparseRespond } from "./sparse.js";
import { initialShift, logRateDerivatives } from "./params.js";
import { controlCoefficients } from "./control.js";
import { cycleOnsager, emergentOnsager } from "./onsager.js";
import { transduction } from "./transduction.js";
import { RESPONSE_DEFAULTS, type ResponseThresholds } from "./options.js";
import type { EinsteinRelation, OnsagerMatrix, Response, Sensitivity } from "./types.js";

export { linearise, respond, MAX_RESPONSE_SPECIES } from "./linear.js";
export { sparseLinearise, sparseRespond } from "./sparse.js";
export { logRateDerivatives, initialShift } from "./params.js";
export { cycleOnsager, emergentOnsager } from "./onsager.js";
export { transduction } from "./transduction.js";
export { RESPONSE_DEFAULTS, RESPONSE_MEANINGS, type ResponseThresholds } from "./options.js";

/** What the response analysis reads from the rest of the analysis. */
export interface ResponseInput {
  readonly state: SteadyState | null;
  readonly structure: Structure;
  readonly currents: Currents | null;
  /** Whether detailed balance holds (then the affinity response is Onsager's matrix). */
  readonly equilibrium: boolean;
  /** The statistics of the measured currents (their D, for the Einstein relation), by name. */
  readonly statistics: readonly CurrentStatistics[];
  /** The network with params changed (the CLI's recompile): only for a param's initial amounts (params.ts). */
  readonly recompile?: (values: readonly ParameterValue[]) => Network | string;
}

/** One input's response and the δ ln κ it was computed from. */
interface Input {
  readonly input: string;
  readonly kind: Sensitivity["kind"];
  readonly dPlus: readonly number[];
  readonly dMinus: readonly number[];
  readonly shift?: readonly number[];
}

/**
 * The response of the steady state `input.state` (see the module comment). Dense up to
 * `maxDenseResponseSpecies` species or states; past it a Markov network whose state carries its
 * factorised generator (`SteadyState.solver`) gets the response to its params and reservoirs by
 * left solves, and anything else a note saying why there is none.
 *
 *   const a = analyze(network);
 *   analyzeResponse(network, { state: a.steadyStates.states[0]!, structure: a.structure, currents: a.currents,
 *     equilibrium: a.detailedBalance.holds, statistics: [] }).control!.fluxSumDefect   // ≈ 1e-16
 */
export function analyzeResponse(network: Network, input: ResponseInput, options: Partial<ResponseThresholds> = {}): Response {
  const o: ResponseThresholds = { ...RESPONSE_DEFAULTS, ...definedOnly(options) };
  const notes: string[] = [];
  const state = input.state;
  const drives = state === null ? null : transduction(network, input.structure, state);
  const empty = (why: string | null): Response => {
    if (why) notes.push(why);
    return { sensitivities: [], control: null, onsager: null, einstein: [], transduction: drives, method: "none", notes };
  };
  if (state === null) return empty("no steady state: no response");
  const n = network.species.length, m = network.reactions.length;
  const zeros = new Array<number>(m).fill(0);
  const unit = (k: number): number[] => zeros.map((_, i) => (i === k ? 1 : 0));
  const inputs: Input[] = [];
  const reservoirInputs: Input[] = network.reservoirs.map((y) => ({
    input: `[${y.name}]`, kind: "reservoir",
    dPlus: network.reactions.map((r) => r.reservoirReactants.filter((t) => t.index === y.index).reduce((s, t) => s + t.coefficient, 0)),
    dMinus: network.reactions.map((r) => r.reverse === null ? 0 : r.reservoirProducts.filter((t) => t.index === y.index).reduce((s, t) => s + t.coefficient, 0)),
  }));
  const paramInputs = (): Input[] => [...network.params].map(([name, value]) => {
    const d = logRateDerivatives(network, name);
    if (d.vanishing.length > 0) notes.push(`param ${name}: ${d.vanishing.join(", ")} ${d.vanishing.length === 1 ? "is" : "are"} 0 with a non-zero derivative (an infinite log-derivative), taken as 0`);
    const shift = classShift(network, input, name, value, o, notes);
    return { input: name, kind: "param", dPlus: d.dPlus, dMinus: d.dMinus, ...(shift ? { shift } : {}) };
  });
  if (n > o.maxDenseResponseSpecies) {
    const why = `the dense response (every rate constant, control coefficients, Onsager matrix) is computed for at most maxDenseResponseSpecies = ${o.maxDenseResponseSpecies} species or states; this network has ${n}`;
    if (network.kind !== "markov") return empty(why);
    if (state.solver === undefined) return empty(`${why}, and its steady state does not carry the factorised generator a sparse response needs (several closed classes, or not solved by elimination): no response`);
    const sparse = sparseLinearise(network, state.concentrations, state.solver);
    if (sparse === null) return empty(`${why}, and a transition is not a jump from one state to another: no response`);
    inputs.push(...reservoirInputs, ...paramInputs());
    if (inputs.length > o.maxSparseResponseInputs) notes.push(`${inputs.length} params and reservoirs; the first maxSparseResponseInputs = ${o.maxSparseResponseInputs} are differentiated (one left solve each)`);
    const taken = inputs.slice(0, o.maxSparseResponseInputs);
    notes.push(`${why}: the response to the params and reservoirs is computed by left solves with the stationary solve's factors, and rate constants one by one, control coefficients and the Onsager matrix are left out`);
    const deltas = taken.map((x) => sparseRespond(sparse, x.dPlus, x.dMinus));
    return finish(network, input, taken, deltas, null, null, drives, notes, "one left solve per input with the factorised generator of the stationary solve (∂π from πᵀ∂Q)");
  }
  const lin = linearise(network, state.concentrations, o.maxDenseResponseSpecies);
  if (lin === null) return empty("the Jacobian on the stoichiometric subspace is singular at this steady state (not isolated in its class): no response");
  network.reactions.forEach((r, k) => {
    inputs.push({ input: `k+(${r.id})`, kind: "forward", dPlus: unit(k), dMinus: zeros });
    if (r.reverse !== null) inputs.push({ input: `k-(${r.id})`, kind: "reverse", dPlus: zeros, dMinus: unit(k) });
  });
  const enzymes: Input[] = network.reactions.map((r, k) => ({ input: `enzyme(${r.id})`, kind: "enzyme", dPlus: unit(k), dMinus: r.reverse === null ? zeros : unit(k) }));
  const firstEnzyme = inputs.length;
  inputs.push(...enzymes, ...reservoirInputs, ...paramInputs());
  const deltas = inputs.map((x) => respond(network, lin, x.dPlus, x.dMinus, x.shift));
  const control = controlCoefficients(network, lin.x, lin.vPlus, lin.vMinus, deltas.slice(firstEnzyme, firstEnzyme + enzymes.length));
  let onsager: OnsagerMatrix | null;
  if (network.kind === "markov") onsager = cycleOnsager(network, lin, input.currents, input.equilibrium, o.maxOnsagerCycles);
  else {
    const e = emergentOnsager(network, input.structure, lin, input.equilibrium, o.maxOnsagerCycles);
    if (typeof e === "string") notes.push(`Onsager matrix: ${e}`);
    onsager = typeof e === "string" ? null : e;
  }
  return finish(network, input, inputs, deltas, control, onsager, drives, notes, `implicit differentiation: the Jacobian on the stoichiometric subspace factored once (dense LU, for at most maxDenseResponseSpecies = ${o.maxDenseResponseSpecies} species or states), one solve per input`);
}

/** The sensitivities, the Einstein relations, and the response. */
function finish(network: Network, input: ResponseInput, inputs: readonly Input[], deltas: readonly Delta[], control: Response["control"], onsager: OnsagerMatrix | null, drives: Response["transduction"], notes: string[], method: string): Response {
  const sensitivities: Sensitivity[] = inputs.map((x, i) => {
    const d = deltas[i] ?? { x: [], J: [], sigma: null };
    return { input: x.input, kind: x.kind, concentrations: d.x, fluxes: d.J, entropyProduction: d.sigma, currents: network.currents.map((c) => c.weights.reduce((s, w) => s + w.weight * (d.J[w.reaction] ?? 0), 0)) };
  });
  const einstein: EinsteinRelation[] = [];
  for (const f of network.forces) {
    const c = network.currents[f.current];
    const at = inputs.findIndex((x) => x.kind === "param" && x.input === f.param);
    const x = inputs[at], d = deltas[at];
    const stat = input.statistics.find((s) => s.name === c?.name);
    if (!c || !x || !d || !stat || stat.diffusion === null) {
      notes.push(`force ${f.param}: the Einstein relation needs the current's D and the response to ${f.param}`);
      continue;
    }
    // a load lowers the affinity of the current (Σ_r w_r ∂ ln(κ⁺_r/κ⁻_r)/∂F < 0): the driving force is −F
    const tilt = c.weights.reduce((s, w) => s + w.weight * ((x.dPlus[w.reaction] ?? 0) - (x.dMinus[w.reaction] ?? 0)), 0);
    const sign = tilt < 0 ? -1 : 1;
    const mobility = sign * c.weights.reduce((s, w) => s + w.weight * (d.J[w.reaction] ?? 0), 0);
    const step = c.step?.value ?? 1;
    einstein.push({ force: f.param, current: c.name, mobility, diffusion: stat.diffusion, effectiveTemperature: mobility === 0 ? null : (stat.diffusion * step) / mobility, kT: f.kT ?? 1 });
  }
  return { sensitivities, control, onsager, einstein, transduction: drives, method, notes };
}

/**
 * ∂x₀/∂p where a param can move a mass-action network's class (conservation laws): differenced
 * from the recompiled initial amounts; undefined when it cannot matter or does not move them.
 */
function classShift(network: Network, input: ResponseInput, name: string, value: number, o: ResponseThresholds, notes: string[]): number[] | undefined {
  if (network.kind !== "mass-action" || input.structure.conservationLawCount === 0) return undefined;
  if (!input.recompile) {
    if (!notes.some((x) => x.startsWith("initial amounts"))) notes.push("initial amounts are taken as independent of the params (whether a param enters them needs the source to recompile); rate constants and reservoirs are differentiated exactly");
    return undefined;
  }
  const shift = initialShift(network, name, value, input.recompile, o.paramStep);
  if (shift === null) { notes.push(`param ${name}: the network could not be recompiled around its value, so its initial amounts are taken as fixed`); return undefined; }
  if (shift.every((v) => v === 0)) return undefined;
  notes.push(`param ${name} enters initial amounts: their derivative is a central difference of the recompiled amounts (relative step ${o.paramStep}), the class's move exact`);
  return shift;
}

/** `options` without its undefined fields (so they do not hide the defaults). */
function definedOnly(options: Partial<ResponseThresholds>): Partial<ResponseThresholds> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<ResponseThresholds>;
}

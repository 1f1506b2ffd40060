/**
 * Response of a steady state: derivatives of every output (concentrations or probabilities, net
 * fluxes, σ, each measured current) with respect to every rate constant, reservoir value and
 * param, by implicit differentiation (response/linear.ts: one factorisation of the Jacobian on the
 * stoichiometric subspace, a solve per input); metabolic control analysis with its summation
 * theorems; the response of cycle currents to cycle affinities (Onsager's matrix at equilibrium,
 * symmetric; its asymmetry away from it); the generalised Einstein relation of a force; and where
 * the entropy goes: σ over the emergent cycles, with the efficiency of free-energy transduction.
 * See docs/response.md.
 */
import type { Network, ParameterValue } from "../../network/types.js";
import { effectiveRates } from "../../network/effective-rates.js";
import type { Currents } from "../currents/types.js";
import type { SteadyState } from "../steady-state/types.js";
import type { Structure } from "../structure/types.js";
import type { CurrentStatistics } from "../fluctuations/types.js";
import { linearise, respond, MAX_RESPONSE_SPECIES, type Delta, type Linearised } from "./linear.js";
import { transduction } from "./transduction.js";
import type { ControlCoefficients, EinsteinRelation, OnsagerMatrix, Response, Sensitivity } from "./types.js";

export { linearise, respond, MAX_RESPONSE_SPECIES } from "./linear.js";
export { transduction } from "./transduction.js";

/** What the response analysis reads from the rest of the analysis. */
export interface ResponseInput {
  readonly state: SteadyState | null;
  readonly structure: Structure;
  readonly currents: Currents | null;
  /** Whether detailed balance holds (then the affinity response is Onsager's matrix). */
  readonly equilibrium: boolean;
  /** The statistics of the measured currents (their D, for the Einstein relation), by name. */
  readonly statistics: readonly CurrentStatistics[];
  /** The network with params changed (the CLI's recompile), for d κ / d param. */
  readonly recompile?: (values: readonly ParameterValue[]) => Network | string;
}

/** Relative step of the central differences of rate constants in a param (they are explicit expressions of it). */
const PARAM_STEP = 1e-5;

/**
 * The response of the steady state `input.state` (see the module comment). Null parts with a note
 * when the state is missing, the network is over MAX_RESPONSE_SPECIES, or the Jacobian is singular.
 *
 *   const a = analyze(network);
 *   analyzeResponse(network, { state: a.steadyStates.states[0]!, structure: a.structure, currents: a.currents,
 *     equilibrium: a.detailedBalance.holds, statistics: [] }).control!.fluxSumDefect   // ≈ 1e-16
 */
export function analyzeResponse(network: Network, input: ResponseInput): Response {
  const notes: string[] = [];
  const state = input.state;
  const drives = state === null ? null : transduction(network, input.structure, state);
  const empty = (why: string | null): Response => {
    if (why) notes.push(why);
    return { sensitivities: [], control: null, onsager: null, einstein: [], transduction: drives, method: "none", notes };
  };
  if (state === null) return empty("no steady state: no response");
  if (network.species.length > MAX_RESPONSE_SPECIES) return empty(`the response is computed densely for at most ${MAX_RESPONSE_SPECIES} species or states; this network has ${network.species.length}`);
  const lin = linearise(network, state.concentrations);
  if (lin === null) return empty("the Jacobian on the stoichiometric subspace is singular at this steady state (not isolated in its class): no response");
  const m = network.reactions.length;
  const zeros = new Array<number>(m).fill(0);
  const unit = (k: number, v = 1): number[] => zeros.map((_, i) => (i === k ? v : 0));
  const sens: Sensitivity[] = [];
  const push = (input: string, kind: Sensitivity["kind"], d: Delta): void => {
    sens.push({ input, kind, concentrations: d.x, fluxes: d.J, entropyProduction: d.sigma, currents: network.currents.map((c) => c.weights.reduce((s, w) => s + w.weight * (d.J[w.reaction] ?? 0), 0)) });
  };
  network.reactions.forEach((r, k) => {
    push(`k+(${r.id})`, "forward", respond(network, lin, unit(k), zeros));
    if (r.reverse !== null) push(`k-(${r.id})`, "reverse", respond(network, lin, zeros, unit(k)));
  });
  const enzyme = network.reactions.map((r, k) => respond(network, lin, unit(k), r.reverse === null ? zeros : unit(k)));
  enzyme.forEach((d, k) => push(`enzyme(${network.reactions[k]?.id})`, "enzyme", d));
  network.reservoirs.forEach((y) => {
    const dp = network.reactions.map((r) => r.reservoirReactants.filter((t) => t.index === y.index).reduce((s, t) => s + t.coefficient, 0));
    const dm = network.reactions.map((r) => r.reservoirProducts.filter((t) => t.index === y.index).reduce((s, t) => s + t.coefficient, 0));
    push(`[${y.name}]`, "reservoir", respond(network, lin, dp, dm));
  });
  const paramDeltas = new Map<string, ParamDelta>();
  if (input.recompile && network.params.size > 0) {
    for (const [name, value] of network.params) {
      const d = paramResponse(network, lin, name, value, input.recompile);
      if (d === null) notes.push(`param ${name}: the network could not be recompiled around its value`);
      else { paramDeltas.set(name, d); push(name, "param", d.delta); }
    }
  } else if (network.params.size > 0) notes.push("params: their response needs the source to recompile (given by the CLI); rate constants and reservoirs are differentiated exactly");
  const control = controlCoefficients(network, state, enzyme);
  const onsager = network.kind === "markov" ? onsagerMatrix(network, lin, input.currents, input.equilibrium) : null;
  if (network.kind === "mass-action") notes.push("the affinity response (Onsager matrix) is computed for Markov networks only: the emergent cycles of a chemostatted mass-action network are not yet handled");
  const einstein: EinsteinRelation[] = [];
  for (const f of network.forces) {
    const c = network.currents[f.current];
    const d = paramDeltas.get(f.param);
    const stat = input.statistics.find((s) => s.name === c?.name);
    if (!c || !d || !stat || stat.diffusion === null) {
      notes.push(`force ${f.param}: the Einstein relation needs the current's D and d κ/d${f.param} (recompiling the source)`);
      continue;
    }
    // a load lowers the affinity of the current (Σ_r w_r ∂ ln(κ⁺_r/κ⁻_r)/∂F < 0): the driving force is −F
    const tilt = c.weights.reduce((s, w) => s + w.weight * ((d.dPlus[w.reaction] ?? 0) - (d.dMinus[w.reaction] ?? 0)), 0);
    const sign = tilt < 0 ? -1 : 1;
    const mobility = sign * c.weights.reduce((s, w) => s + w.weight * (d.delta.J[w.reaction] ?? 0), 0);
    const step = c.step?.value ?? 1;
    einstein.push({ force: f.param, current: c.name, mobility, diffusion: stat.diffusion, effectiveTemperature: mobility === 0 ? null : (stat.diffusion * step) / mobility, kT: f.kT ?? 1 });
  }
  return { sensitivities: sens, control, onsager, einstein, transduction: drives, method: "implicit differentiation: the Jacobian on the stoichiometric subspace factored once (LU), one solve per input", notes };
}

/** A param's response and the d ln κ / dp it was computed from. */
interface ParamDelta {
  readonly delta: Delta;
  readonly dPlus: readonly number[];
  readonly dMinus: readonly number[];
}

/** ∂ outputs / ∂ p for a param: d ln κ_r / dp by central differences of the recompiled rate constants, then the exact response. */
function paramResponse(network: Network, lin: Linearised, name: string, value: number, recompile: (v: readonly ParameterValue[]) => Network | string): ParamDelta | null {
  // a step relative to the value (an absolute one would take a rate constant of 5e-6 below 0)
  const h = PARAM_STEP * (value !== 0 ? Math.abs(value) : 1);
  const up = recompile([{ name, value: value + h }]), down = recompile([{ name, value: value - h }]);
  if (typeof up === "string" || typeof down === "string") return null;
  if (up.reactions.length !== network.reactions.length || down.reactions.length !== network.reactions.length) return null;
  const a = effectiveRates(up), b = effectiveRates(down);
  const dl = (x: Float64Array, y: Float64Array, k: number): number => {
    const p = x[k] ?? 0, q = y[k] ?? 0;
    return p > 0 && q > 0 ? (Math.log(p) - Math.log(q)) / (2 * h) : 0;
  };
  const m = network.reactions.length;
  const dPlus = Array.from({ length: m }, (_, k) => dl(a.forward, b.forward, k)), dMinus = Array.from({ length: m }, (_, k) => dl(a.reverse, b.reverse, k));
  return { delta: respond(network, lin, dPlus, dMinus), dPlus, dMinus };
}

/** Scaled control coefficients from the enzyme responses (each reaction's two constants scaled together). */
function controlCoefficients(network: Network, state: SteadyState, enzyme: readonly Delta[]): ControlCoefficients {
  const m = network.reactions.length;
  const flux: ControlCoefficients["flux"][number][] = [];
  const concentration: ControlCoefficients["concentration"][number][] = [];
  let fluxSumDefect = 0, concentrationSumDefect = 0;
  for (let r = 0; r < m; r++) {
    const J = state.fluxes[r] ?? 0;
    if (!(Math.abs(J) > 0)) continue;
    const coefficients = enzyme.map((d) => (d.J[r] ?? 0) / J);
    const sum = coefficients.reduce((s, c) => s + c, 0);
    fluxSumDefect = Math.max(fluxSumDefect, Math.abs(sum - 1));
    flux.push({ reaction: r, coefficients, sum });
  }
  network.species.forEach((_, i) => {
    const x = state.concentrations[i] ?? 0;
    if (!(x > 0)) return;
    const coefficients = enzyme.map((d) => (d.x[i] ?? 0) / x);
    const sum = coefficients.reduce((s, c) => s + c, 0);
    concentrationSumDefect = Math.max(concentrationSumDefect, Math.abs(sum));
    concentration.push({ species: i, coefficients, sum });
  });
  return { flux, concentration, fluxSumDefect, concentrationSumDefect };
}

/**
 * ∂J_c/∂A_c' for the fundamental cycles of a Markov network: the affinity of cycle c' is changed
 * through its chord alone (δ ln κ⁺ = +1/2, δ ln κ⁻ = −1/2, so δA_c' = 1 and no other fundamental
 * cycle's affinity moves), and J_c is the chord's net current.
 */
function onsagerMatrix(network: Network, lin: Linearised, currents: Currents | null, equilibrium: boolean): OnsagerMatrix | null {
  if (currents === null || currents.cycles.length === 0) return null;
  const cycles = currents.cycles.slice(0, 20);
  const m = network.reactions.length;
  if (cycles.some((c) => network.reactions[c.chord]?.reverse === null)) return null;
  const cols = cycles.map((c) => respond(network, lin, Array.from({ length: m }, (_, k) => (k === c.chord ? 0.5 : 0)), Array.from({ length: m }, (_, k) => (k === c.chord ? -0.5 : 0))));
  const matrix = cycles.map((c) => cols.map((d) => d.J[c.chord] ?? NaN));
  let asym = 0, size = 0;
  matrix.forEach((row, i) => row.forEach((v, j) => {
    size = Math.max(size, Math.abs(v));
    asym = Math.max(asym, Math.abs(v - (matrix[j]?.[i] ?? NaN)));
  }));
  return { cycles: cycles.map((c) => c.words), matrix, asymmetry: size > 0 ? asym / size : 0, equilibrium };
}

/**
 * Every non-negative steady state of a mass-action network in the compatibility class of its
 * initial amounts, which one the dynamics reach, their stability, fluxes and entropy production.
 * The pieces: the class geometry (steady-state-class.ts), the root finders
 * (steady-state-search.ts), the count theorems (steady-state-theory.ts), the integrator
 * (numeric/ode.ts) and the eigenvalues of the restricted Jacobian (numeric/eigen.ts).
 */
import type { Network } from "../../network/types.js";
import type { DetailedBalance } from "../balance/types.js";
import type { SteadyState } from "./types.js";
import type { Structure } from "../structure/types.js";
import { integrateStiff } from "../../numeric/continuous/ode.js";
import { eigenvalues } from "../../numeric/continuous/eigen.js";
import { maxAbs } from "../../numeric/continuous/dense.js";
import { buildKinetics, jacobian, rates, rhs, type Kinetics } from "./kinetics.js";
import { compatibilityClass, interiorPoint, isSteady, reducedJacobian, type CompatibilityClass } from "./class.js";
import { addUnique, multiStartSteadyStates, polish, sameState, univariateSteadyStates } from "./search.js";
import { scanUnivariate } from "./scan.js";
import { boundaryExcluded } from "./theory.js";
import { certifiedSteady } from "./certify.js";
import { entropyProduction, UNIT } from "../entropy/index.js";
import { oppositePairs, type ReactionPairs } from "../../network/pairs.js";
import { cycleFluxes } from "./cycle-fluxes.js";
import type { SteadyStateThresholds } from "./options.js";

export interface MassActionOptions {
  /** The detailed-balance verdict, when known: its free energies seed the equilibrium. */
  readonly detailedBalance?: DetailedBalance | null;
  /** Told what the search is doing, for a progress line. */
  readonly progress?: (detail: string) => void;
}

export interface MassActionSteadyStates {
  readonly states: readonly SteadyState[];
  readonly method: string;
  readonly complete: boolean;
  readonly notes: readonly string[];
}

/** The steady-state thresholds and the largest cycle-current solve (`maxCurrentSolveWork`, currents' option). */
export type MassActionThresholds = SteadyStateThresholds & { readonly maxCurrentSolveWork: number };

/** What the flux solve needs of the network: its cycle basis, dim ker S and its pairs. */
interface FluxBasis {
  readonly cycles: readonly (readonly number[])[];
  readonly dimension: number;
  readonly pairs: ReactionPairs;
}

type Reach =
  | { readonly kind: "state"; readonly x: number[] }
  | { readonly kind: "unbounded" }
  | { readonly kind: "unsettled"; readonly why: string };

/** Integrates from the initial amounts until the net rates vanish, then polishes by Newton. */
function reach(kin: Kinetics, cls: CompatibilityClass, o: SteadyStateThresholds, progress?: (detail: string) => void): Reach {
  const system = { dimension: kin.species, rhs: (y: readonly number[]) => rhs(kin, y), jacobian: (y: readonly number[]) => jacobian(kin, y) };
  const out = integrateStiff(system, cls.x0, {
    rtol: o.odeRelativeTolerance,
    atol: o.odeAbsoluteTolerance * cls.scale,
    // each step factors a dense n×n Jacobian: bound the work, not only the step count
    maxSteps: Math.min(o.odeMaxSteps, Math.max(o.odeMinSteps, Math.floor(o.odeWork / Math.max(1, kin.species) ** 3))),
    nonNegative: true,
    blowUp: o.blowUp * cls.scale,
    isSteady: (y) => isSteady(kin, cls, y, o.acceptTolerance, o.zeroCut),
    onProgress: (steps, t) => progress?.(`integrating from the initial amounts, step ${steps}, t = ${t.toPrecision(3)}`),
  });
  if (out.status === "blow-up" || (out.status !== "steady" && maxAbs(out.y) > o.unboundedScale * cls.scale)) return { kind: "unbounded" };
  if (out.status !== "steady") return { kind: "unsettled", why: `${out.status} after ${out.steps} steps, t = ${out.t.toPrecision(3)}` };
  const x = polish(kin, cls, out.y, o);
  if (x !== null && certifiedSteady(kin, cls, x, o)) return { kind: "state", x };
  // a relative net rate can look steady far out on a ray the concentrations run along
  if (maxAbs(out.y) > o.unboundedScale * cls.scale) return { kind: "unbounded" };
  return { kind: "unsettled", why: x === null ? "Newton did not converge from the end of the integration" : "the end of the integration is not a root of dx/dt" };
}

function stability(kin: Kinetics, cls: CompatibilityClass, x: readonly number[], tolerance: number): { stable: boolean | null; leading: number | null } {
  if (cls.basis.length === 0) return { stable: true, leading: null };
  const jr = reducedJacobian(kin, cls, x);
  const ev = eigenvalues(jr);
  if (ev === null) return { stable: null, leading: null };
  const leading = Math.max(...ev.re);
  const size = Math.max(maxAbs(jr.flat()), ...ev.re.map(Math.abs), ...ev.im.map(Math.abs));
  const tol = tolerance * size;
  return { stable: leading < -tol ? true : leading > tol ? false : null, leading };
}

function describe(kin: Kinetics, cls: CompatibilityClass, x: number[], reached: boolean, o: MassActionThresholds, flux: FluxBasis, rateErrors: Float64Array): { state: SteadyState; why: string | null } {
  const { forward, reverse } = rates(kin, x);
  const { stable, leading } = stability(kin, cls, x, o.stabilityTolerance);
  const { partner } = flux.pairs;
  const sigma = entropyProduction(forward, reverse, partner, rateErrors);
  const direct = forward.map((f, r) => f - (reverse[r] ?? NaN));
  // J from the cycle currents on the least-cancelling reactions (cycle-fluxes.ts); v⁺ − v⁻ when no basis is at hand
  const solved = cycleFluxes(flux.cycles, flux.dimension, forward, reverse, flux.pairs, o.maxCurrentSolveWork);
  const netFluxes = solved.netFluxes === null
    ? direct.map((j, r) => {
      const p = partner[r] ?? -1;
      return p < 0 ? j : p < r ? 0 : j - (direct[p] ?? NaN);
    })
    : [...solved.netFluxes];
  // a pair's members keep their own (one-way) rates; every other reaction's flux is its net flux
  const fluxes = netFluxes.map((j, r) => ((partner[r] ?? -1) < 0 ? j : direct[r] ?? NaN));
  const why = solved.netFluxes === null ? solved.why : null;
  const state: SteadyState = {
    concentrations: x,
    fluxes,
    netFluxes,
    forwardRates: forward,
    reverseRates: reverse,
    entropyProduction: sigma.value,
    entropyProductionBound: sigma.bound,
    stable,
    reached,
    leadingEigenvalue: leading,
  };
  return { state, why };
}

function order(a: SteadyState, b: SteadyState): number {
  const rank = (s: SteadyState): number => (s.stable === true ? 0 : s.stable === null ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (a.reached !== b.reached) return a.reached ? -1 : 1;
  for (let i = 0; i < a.concentrations.length; i++) {
    const d = a.concentrations[i]! - b.concentrations[i]!;
    if (d !== 0) return d;
  }
  return 0;
}

/** See `analyzeSteadyStates` in steady-state.ts for the definitions. */
export function massActionSteadyStates(network: Network, structure: Structure, o: MassActionThresholds, options: MassActionOptions = {}): MassActionSteadyStates {
  const notes: string[] = [];
  const kin = buildKinetics(network);
  const x0 = network.species.map((s) => s.initial);
  const constants = [...kin.forward.map((m) => m.k), ...kin.reverse.map((m) => m?.k ?? 0)];
  if (!x0.every((v) => Number.isFinite(v) && v >= 0) || !constants.every((k) => Number.isFinite(k) && k >= 0)) {
    return { states: [], method: "none", complete: false, notes: ["steady states not computed: an initial amount, rate constant or reservoir value is negative or not finite"] };
  }
  const cls = compatibilityClass(kin, structure, x0);
  const r = cls.basis.length;
  let found: number[][] = [];
  let method: string;
  let complete = false;
  if (r === 0) {
    found = [[...x0]];
    method = "no reaction changes the internal species: the initial amounts are the only state of the class";
    complete = true;
  } else {
    const uni = r === 1 ? univariateSteadyStates(kin, cls, o) : null;
    if (uni !== null && uni.kind === "roots") {
      found = uni.states;
      method = "every real root of the polynomial dx/dt along the one-dimensional class (root isolation by derivatives, each root confirmed by an exact sign change of dx/dt, Newton polish)";
      complete = uni.unconfirmed === 0;
      if (uni.unconfirmed > 0) notes.push(`${uni.unconfirmed} root(s) of dx/dt along the class are roots to rounding only (no exact sign change or zero): the list is not proved complete`);
    } else {
      if (uni !== null) notes.push("the net rate vanishes along the whole class: a continuum of steady states; only some are listed");
      const extra: number[][] = [[...x0]];
      const g = options.detailedBalance?.holds ? options.detailedBalance.freeEnergies : null;
      if (g && g.length === kin.species) {
        const gmin = Math.min(...g);
        const eq = interiorPoint(cls, g.map((gi) => Math.exp(-(gi - gmin))));
        if (eq !== null) extra.unshift(eq);
      }
      const starts = o.starts ?? (r <= 3 ? 48 : r <= 10 ? 24 : 8);
      found = multiStartSteadyStates(kin, cls, { starts, seed: o.seed, extra, onStart: (k, of) => options.progress?.(`Newton from start ${k + 1} of ${of}`) }, o);
      method = `damped Newton and pseudo-transient continuation from ${starts + extra.length} seeded starts`;
    }
  }
  // every candidate must be a root to rounding (certify.ts); a rejected one voids a completeness proof
  const candidates = found.length;
  found = found.filter((x) => certifiedSteady(kin, cls, x, o));
  if (found.length < candidates) {
    notes.push(`${candidates - found.length} candidate point(s) failed the steady-state test (relative net rate and a Newton step to rounding) and are not listed`);
    if (complete && found.length === 0 && r === 1) {
      // the polynomial's coefficients lost the roots (high powers): scan dx/dt along the class instead
      found = scanUnivariate(kin, cls, o).filter((x) => certifiedSteady(kin, cls, x, o));
      method += "; its roots failed the steady-state test, so sign changes of dx/dt along the class were bisected (not proved complete)";
    }
    complete = false;
  }
  const reached = reach(kin, cls, o, options.progress);
  let reachedX: number[] | null = null;
  if (reached.kind === "state") {
    reachedX = nearest(found.filter((y) => sameState(y, reached.x, cls.scale, o.reachedMatch, o.sameStateAbsolute)), reached.x);
    if (reachedX === null) {
      reachedX = reached.x;
      if (addUnique(found, reached.x, kin, cls, o) && complete) notes.push("integration reached a steady state the root finder missed");
      complete = false;
    }
  } else if (reached.kind === "unbounded") {
    notes.push("the concentrations grow without bound from the initial amounts (an inflow with no matching outflow)");
  } else {
    notes.push(`integration from the initial amounts did not settle (${reached.why}): it may oscillate; no state is marked reached`);
  }
  const theorem = balancedTheorem(structure, options.detailedBalance ?? null);
  if (theorem !== null && r > 0) {
    const zeroLaw = forcedZero(cls, network);
    const positiveClass = zeroLaw === null && interiorPoint(cls, x0.map(() => cls.scale)) !== null;
    const positive = found.filter((x) => x.every((v) => v > 0));
    if (!positiveClass) {
      const why = zeroLaw ?? "no point of the class has every concentration positive";
      notes.push(`${theorem} speaks of classes with positive points; this class has none (${why}), so it says nothing here`);
    } else {
      const noBoundary = boundaryExcluded(kin, cls, o.maxSiphonSpecies);
      method += `; ${theorem}: exactly one positive steady state in the class`;
      if (positive.length === 1 && noBoundary) {
        method += ", and no boundary steady state (every siphon holds a conserved positive total)";
        complete = true;
      } else if (positive.length !== 1) {
        notes.push(`${theorem} proves exactly one positive steady state, but ${positive.length} were found numerically`);
      }
    }
  }
  if (found.length === 0) {
    notes.push(complete ? "there is no non-negative steady state in the compatibility class" : "the search found no non-negative steady state in the compatibility class; it is not proved that none exists");
  }
  const pairs = oppositePairs(network);
  const { partner } = pairs;
  const errors = rateErrors(network);
  const flux: FluxBasis = { cycles: structure.cycles, dimension: structure.reactions - structure.rank, pairs };
  const described = found.map((x) => describe(kin, cls, x, x === reachedX, o, flux, errors));
  const unsolved = described.find((d) => d.why !== null)?.why ?? null;
  if (unsolved !== null) notes.push(`net fluxes are v⁺ − v⁻ as computed, not solved on the cycle basis: ${unsolved}; they may lose digits where v⁺ ≈ v⁻`);
  const states = described.map((d) => d.state).sort(order);
  const flat = states.filter((s) => s.stable === null).length;
  if (flat > 1) notes.push(`${flat} steady states have a zero eigenvalue on the class: they may lie on a continuum of steady states, of which the list shows samples`);
  for (const [i, s] of states.entries()) {
    const oneWay = entropyProduction(s.forwardRates, s.reverseRates, partner).oneWay;
    if (oneWay.length > 0) {
      const ids = oneWay.map((j) => network.reactions[j]!.id).join(", ");
      notes.push(`entropy production of steady state ${i + 1} is infinite: one-way reaction(s) ${ids} carry flux`);
    }
  }
  return { states, method, complete, notes };
}

/**
 * Relative error bound of each reaction's rates as computed: v = k_eff Π_i x_i^α_i with
 * k_eff = k Π_Y [Y]^c_Y (effective-rates.ts), each power and product at most 2u, so
 * (2 · (internal + reservoir factors) + 1) u for the larger side (docs/steady-state.md).
 */
function rateErrors(network: Network): Float64Array {
  const out = new Float64Array(network.reactions.length);
  for (const [r, reaction] of network.reactions.entries()) {
    const factors = Math.max(reaction.reactants.length + reaction.reservoirReactants.length, reaction.products.length + reaction.reservoirProducts.length);
    out[r] = (2 * factors + 1) * UNIT;
  }
  return out;
}

/** The point of `list` closest to x (largest relative difference per species), or null when empty. */
function nearest(list: readonly number[][], x: readonly number[]): number[] | null {
  const distance = (y: readonly number[]): number =>
    y.reduce((d, v, i) => Math.max(d, Math.abs(v - (x[i] ?? NaN)) / Math.max(Math.abs(v), Math.abs(x[i] ?? NaN), Number.MIN_VALUE)), 0);
  let best: number[] | null = null;
  for (const y of list) if (best === null || distance(y) < distance(best)) best = y;
  return best;
}

/**
 * A conservation law with coefficients of one sign and total 0 forces its species to 0, so the
 * class has no positive point: its equation, else null.
 */
function forcedZero(cls: CompatibilityClass, network: Network): string | null {
  for (const [k, l] of cls.laws.entries()) {
    const sign = l.every((c) => c >= 0) ? 1 : l.every((c) => c <= 0) ? -1 : 0;
    if (sign === 0 || (cls.totals[k] ?? NaN) !== 0) continue;
    const names = l.flatMap((c, i) => (c !== 0 ? [network.species[i]?.name ?? `#${i}`] : []));
    return `the conservation law over ${names.join(", ")} has total 0, so they are 0`;
  }
  return null;
}

function balancedTheorem(structure: Structure, db: DetailedBalance | null): string | null {
  if (structure.deficiency === 0 && structure.weaklyReversible) return "deficiency zero theorem (weakly reversible, deficiency 0: complex balanced)";
  if (db?.holds) return "detailed balance (hence complex balance)";
  return null;
}

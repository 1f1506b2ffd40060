/**
 * Every non-negative steady state of a mass-action network in the compatibility class of its
 * initial amounts, which one the dynamics reach, their stability, fluxes and entropy production.
 * The order of the methods (docs/steady-state.md):
 *   1. rank 0: the initial amounts;
 *   2. theory (balanced.ts): a detailed- or complex-balanced network's one positive state,
 *      computed from its equilibrium and the conservation laws; complete when no siphon can vanish;
 *   3. rank 1: every real root along the line (search.ts, exact signs);
 *   4. otherwise every isolated root of the polynomial system (system.ts) by homotopy
 *      continuation (general.ts), each certified by Krawczyk (certificate.ts);
 * then the integration from the initial amounts says which state is reached, or finds the limit
 * cycle (attractor.ts), and continua are reported as sets (continuum.ts), not samples.
 */
import type { Network } from "../../network/types.js";
import type { DetailedBalance } from "../balance/types.js";
import type { LimitCycle, PathAccount, StateCertificate, SteadyState, SteadyStateContinuum } from "./types.js";
import type { Structure } from "../structure/types.js";
import { integrateStiff } from "../../numeric/continuous/ode.js";
import { maxAbs } from "../../numeric/continuous/dense.js";
import { buildKinetics, jacobian, rhs, type Kinetics } from "./kinetics.js";
import { compatibilityClass, interiorPoint, isSteady, type CompatibilityClass } from "./class.js";
import { addUnique, polish, sameState, univariateSteadyStates } from "./search.js";
import { scanUnivariate } from "./scan.js";
import { boundaryExcluded, boundaryExcludedByClosure } from "./theory.js";
import { certifiedSteady } from "./certify.js";
import { entropyProduction } from "../entropy/index.js";
import { oppositePairs } from "../../network/pairs.js";
import type { SteadyStateThresholds } from "./options.js";
import { balancedState, complexBalancedEquilibrium, equilibriumFromFreeEnergies } from "./balanced.js";
import { describeState, rateErrors, stability, stateOrder, type FluxBasis } from "./describe.js";
import { findLimitCycle } from "./attractor.js";
import { isolatedSteadyStates } from "./general.js";
import { steadyStateSystem } from "./system.js";
import { certifyStates } from "./certificate.js";
import { continuumAt, lineContinuum } from "./continuum.js";

export interface MassActionOptions {
  /** The detailed-balance verdict, when known: its free energies give the equilibrium. */
  readonly detailedBalance?: DetailedBalance | null;
  /** Told what the search is doing, for a progress line. */
  readonly progress?: (detail: string) => void;
}

export interface MassActionSteadyStates {
  readonly states: readonly SteadyState[];
  readonly method: string;
  readonly complete: boolean;
  readonly notes: readonly string[];
  readonly solver: string;
  readonly certified: boolean;
  readonly paths?: PathAccount;
  readonly dimension: number | null;
  readonly continua: readonly SteadyStateContinuum[];
  readonly attractor: LimitCycle | null;
}

/** The steady-state thresholds and the largest cycle-current solve (`maxCurrentSolveWork`, currents' option). */
export type MassActionThresholds = SteadyStateThresholds & { readonly maxCurrentSolveWork: number };

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

/** The equilibrium theory gives, and the theorem's name; null when no theorem applies. */
function theoryEquilibrium(kin: Kinetics, structure: Structure, db: DetailedBalance | null): { star: number[] | null; theorem: string } | null {
  if (db?.holds) {
    const g = db.freeEnergies;
    const star = g && g.length === kin.species ? equilibriumFromFreeEnergies(g) : null;
    return { star: star ?? complexBalancedEquilibrium(kin), theorem: "detailed balance (hence complex balance, Horn–Jackson)" };
  }
  if (structure.deficiency === 0 && structure.weaklyReversible) {
    return { star: complexBalancedEquilibrium(kin), theorem: "deficiency zero theorem (weakly reversible, deficiency 0: complex balanced, Horn–Jackson–Feinberg)" };
  }
  return null;
}

/** See `analyzeSteadyStates` in index.ts for the definitions. */
export function massActionSteadyStates(network: Network, structure: Structure, o: MassActionThresholds, options: MassActionOptions = {}): MassActionSteadyStates {
  const notes: string[] = [];
  const kin = buildKinetics(network);
  const x0 = network.species.map((s) => s.initial);
  const constants = [...kin.forward.map((m) => m.k), ...kin.reverse.map((m) => m?.k ?? 0)];
  const empty = { solver: "none", certified: false, dimension: null, continua: [], attractor: null };
  if (!x0.every((v) => Number.isFinite(v) && v >= 0) || !constants.every((k) => Number.isFinite(k) && k >= 0)) {
    return { ...empty, states: [], method: "none", complete: false, notes: ["steady states not computed: an initial amount, rate constant or reservoir value is negative or not finite"] };
  }
  const cls = compatibilityClass(kin, structure, x0);
  const r = structure.rank;
  const db = options.detailedBalance ?? null;
  const theory = r > 0 ? theoryEquilibrium(kin, structure, db) : null;
  const zeroLaw = forcedZero(cls, network);
  const positiveClass = zeroLaw === null && interiorPoint(cls, x0.map(() => cls.scale)) !== null;
  let found: number[][] = [];
  let certificates: (StateCertificate | undefined)[] | null = null;
  let method: string;
  let solver: string;
  let complete = false;
  let paths: PathAccount | undefined;
  let reachedX: number[] | null = null;
  let theoremShortcut: string | null = null;
  let continua: SteadyStateContinuum[] = [];
  let dimension: number | null = null;
  let attractor: LimitCycle | null = null;

  // 2. theory: the positive state computed, the whole list proved when no siphon can vanish
  const noBoundary = theory !== null && positiveClass ? boundaryExcludedByClosure(kin, cls) || boundaryExcluded(kin, cls, o.maxSiphonSpecies) : false;
  const star = theory?.star ?? null;
  const rawTheoryX = theory !== null && positiveClass && star !== null ? balancedState(cls, star) : null;
  // the tree constants' least squares can leave a few ulps ×10³ in stiff networks: one Newton polish (small classes)
  const polishedX = rawTheoryX !== null && r <= o.maxEigenDimension ? polish(kin, cls, rawTheoryX, o) : null;
  const theoryX = polishedX !== null && rawTheoryX !== null && sameState(polishedX, rawTheoryX, cls.scale, o.sameStateRelative, o.sameStateAbsolute) ? polishedX : rawTheoryX;
  // the full certify.ts test factors a dense n × n system; past maxEigenDimension the relative net rate (steadyTolerance) decides
  const theoryOk = theoryX !== null && (r <= o.maxEigenDimension ? certifiedSteady(kin, cls, theoryX, o) : isSteady(kin, cls, theoryX, o.steadyTolerance, 0));
  if (theory !== null && theoryX !== null && noBoundary && theoryOk) {
    options.progress?.("the balanced state from the equilibrium and the conservation laws");
    found = [theoryX];
    reachedX = theoryX;
    theoremShortcut = theory.theorem;
    solver = "theory";
    complete = true;
    dimension = 0;
    method = `${theory.theorem}: exactly one positive steady state in the class, computed as x = x*·exp(Lᵀλ) from an equilibrium x* and the conservation-law multipliers λ (Newton on the convex dual), and no boundary steady state (every siphon holds a conserved positive total)`;
    certificates = [{ certified: true, method: "theory", radius: null, real: true, nonNegative: true, zeroSpecies: [], detail: "the theorem proves one positive state exists and is the only one; the printed point passes the residual test (a Newton step below certifyStep)" }];
    notes.push("the state is reached from the initial amounts: the Gibbs-like function Σ x_i(ln(x_i/x*_i) − 1) decreases along every trajectory and no boundary steady state exists, so every trajectory of the class tends to it");
  } else if (r === 0) {
    found = [[...x0]];
    solver = "trivial";
    method = "no reaction changes the internal species: the initial amounts are the only state of the class";
    complete = true;
    dimension = 0;
  } else if (r === 1) {
    solver = "univariate";
    const uni = univariateSteadyStates(kin, cls, o);
    if (uni.kind === "roots") {
      found = uni.states;
      method = "every real root of the polynomial dx/dt along the one-dimensional class (root isolation by derivatives, each root confirmed by an exact sign change of dx/dt, Newton polish)";
      complete = uni.unconfirmed === 0;
      dimension = 0;
      // Krawczyk on the species system; where it cannot decide (a double root) the exact sign change is the proof
      const boxes = certifyStates(steadyStateSystem(kin, cls), found, cls.scale);
      certificates = boxes.map((c) => (c.certified || !complete ? c : { ...c, certified: true, method: "exact-sign", detail: "an exact sign change (or exact zero) of the net rate along the class brackets this root between adjacent doubles" }));
      if (uni.unconfirmed > 0) notes.push(`${uni.unconfirmed} root(s) of dx/dt along the class are roots to rounding only (no exact sign change or zero): the list is not proved complete`);
    } else {
      method = "the net rate vanishes along the whole one-dimensional class";
      const line = lineContinuum(kin, cls, o);
      continua = line === null ? [] : [line];
      dimension = 1;
      notes.push("every point of the class is a steady state: a segment, reported by its end points rather than a sample");
    }
  } else {
    const system = steadyStateSystem(kin, cls);
    const general = isolatedSteadyStates(kin, cls, system, o, db, options.progress);
    found = general.states;
    certificates = general.certificates;
    method = general.method;
    solver = general.solver;
    complete = general.complete;
    paths = general.paths;
    dimension = general.dimension;
    continua = [...general.continua];
    notes.push(...general.notes);
  }
  // every candidate must be a root to rounding (certify.ts); a rejected one voids a completeness proof
  const candidates = found.length;
  const kept = found.map((x, i) => ({ x, c: certificates?.[i] })).filter(({ x }) => theoremShortcut !== null || certifiedSteady(kin, cls, x, o));
  found = kept.map((k) => k.x);
  certificates = certificates === null ? null : kept.map((k) => k.c);
  if (found.length < candidates) {
    notes.push(`${candidates - found.length} candidate point(s) failed the steady-state test (relative net rate and a Newton step to rounding) and are not listed`);
    if (complete && found.length === 0 && r === 1) {
      // the polynomial's coefficients lost the roots (high powers): scan dx/dt along the class instead
      found = scanUnivariate(kin, cls, o).filter((x) => certifiedSteady(kin, cls, x, o));
      method += "; its roots failed the steady-state test, so sign changes of dx/dt along the class were bisected (not proved complete)";
    }
    complete = false;
  }
  if (theoremShortcut === null) {
    const reached = reach(kin, cls, o, options.progress);
    if (reached.kind === "state") {
      reachedX = nearest(found.filter((y) => sameState(y, reached.x, cls.scale, o.reachedMatch, o.sameStateAbsolute)), reached.x);
      // a reached point with a singular Jacobian may lie on a set of steady states the homotopy only touched
      const set = reachedX === null && r >= 2 && continua.length === 0 ? continuumAt(kin, cls, steadyStateSystem(kin, cls), reached.x, o) : null;
      if (set !== null) {
        continua = [set];
        dimension = set.dimension;
        complete = false;
      }
      if (reachedX === null) {
        reachedX = reached.x;
        if (addUnique(found, reached.x, kin, cls, o)) {
          if (complete && continua.length === 0) notes.push("integration reached a steady state the root finder missed");
          if (certificates !== null) certificates.push(undefined);
          // a continuum's point is a sample of the set, not a missing isolated state
          if (continua.length === 0) complete = false;
        }
      }
    } else if (reached.kind === "unbounded") {
      notes.push("the concentrations grow without bound from the initial amounts (an inflow with no matching outflow)");
    } else {
      const unstable = found.find((x) => stability(kin, cls, r, x, o.stabilityTolerance, o.maxEigenDimension, null).stable === false) ?? null;
      const cycle = findLimitCycle(kin, x0, unstable, { rtol: o.cycleRelativeTolerance, searchRtol: o.cycleSearchTolerance, atol: o.odeAbsoluteTolerance * cls.scale, periodTolerance: o.periodTolerance, blowUp: o.blowUp * cls.scale });
      if (cycle.kind === "limit-cycle") {
        attractor = cycle.cycle;
        notes.push(`the dynamics from the initial amounts settle on a limit cycle (period ${cycle.cycle.period.toPrecision(6)}): it oscillates, and no steady state is reached`);
      } else {
        notes.push(`integration from the initial amounts did not settle (${reached.why}); no limit cycle either (${cycle.why}); no state is marked reached`);
      }
    }
    if (theory !== null) {
      const positive = found.filter((x) => x.every((v) => v > 0));
      if (!positiveClass) {
        const why = zeroLaw ?? "no point of the class has every concentration positive";
        notes.push(`${theory.theorem} speaks of classes with positive points; this class has none (${why}), so it says nothing here`);
      } else {
        method += `; ${theory.theorem}: exactly one positive steady state in the class`;
        if (positive.length !== 1) notes.push(`${theory.theorem} proves exactly one positive steady state, but ${positive.length} were found numerically`);
      }
    }
  }
  if (found.length === 0 && continua.length === 0) {
    notes.push(complete ? "there is no non-negative steady state in the compatibility class" : "the search found no non-negative steady state in the compatibility class; it is not proved that none exists");
  }
  const pairs = oppositePairs(network);
  const { partner } = pairs;
  const errors = rateErrors(network);
  const flux: FluxBasis = { cycles: structure.cycles, dimension: structure.reactions - structure.rank, pairs };
  const described = found.map((x, i) => {
    const st = stability(kin, cls, r, x, o.stabilityTolerance, o.maxEigenDimension, theoremShortcut === null ? null : `${theoremShortcut}: the positive state is asymptotically stable`);
    return describeState(kin, x, x === reachedX, st, flux, errors, o.maxCurrentSolveWork, certificates?.[i]);
  });
  const unsolved = described.find((d) => d.why !== null)?.why ?? null;
  if (unsolved !== null) notes.push(`net fluxes are v⁺ − v⁻ as computed, not solved on the cycle basis: ${unsolved}; they may lose digits where v⁺ ≈ v⁻`);
  const states = described.map((d) => d.state).sort(stateOrder);
  for (const [i, s] of states.entries()) {
    const oneWay = entropyProduction(s.forwardRates, s.reverseRates, partner).oneWay;
    if (oneWay.length > 0) {
      const ids = oneWay.map((j) => network.reactions[j]?.id ?? `#${j}`).join(", ");
      notes.push(`entropy production of steady state ${i + 1} is infinite: one-way reaction(s) ${ids} carry flux`);
    }
  }
  const certified = states.length > 0 && states.every((s) => s.certificate?.certified === true);
  return { states, method, complete, notes, solver, certified, ...(paths === undefined ? {} : { paths }), dimension, continua, attractor };
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

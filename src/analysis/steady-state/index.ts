/**
 * Steady states: for a Markov network the stationary distribution (steady-state/markov.ts);
 * for a mass-action network every non-negative steady state of the initial amounts'
 * compatibility class (steady-state/mass-action.ts).
 */
import type { Network } from "../../network/types.js";
import type { DetailedBalance } from "../balance/types.js";
import type { SteadyStates } from "./types.js";
import type { Structure } from "../structure/types.js";
import { closedClassLaws, markovSteadyState } from "./markov.js";
import { massActionSteadyStates } from "./mass-action.js";
import { resolveOptions, type AnalyzeOptions } from "../options.js";

export type { SteadyStateThresholds } from "./options.js";

/** The thresholds (any of `AnalyzeOptions`, e.g. `starts`, `seed`; see steady-state/options.ts) and the call's inputs. */
export interface SteadyStateOptions extends Omit<AnalyzeOptions, "progress"> {
  /** The detailed-balance verdict, when already computed (seeds the equilibrium, proves a count). */
  readonly detailedBalance?: DetailedBalance | null;
  /** Told what the search is doing, for a progress line. */
  readonly progress?: (detail: string) => void;
}

/** Steady states plus the notes that say why a number is missing or what is approximate. */
export interface SteadyStateAnalysis extends SteadyStates {
  readonly notes: readonly string[];
}

/**
 * Every non-negative steady state x* in the compatibility class {x ≥ 0 : x − x(0) ∈ im S}:
 * S (v⁺(x*) − v⁻(x*)) = 0 with mass-action rates v⁺_r = k⁺_r Π_Y [Y]^α_Yr Π_i x_i^α_ir
 * (reservoirs Y folded in). Each state carries its fluxes v⁺ − v⁻, its entropy production
 * Σ_r (v⁺_r − v⁻_r) ln(v⁺_r/v⁻_r), its stability (eigenvalues of the Jacobian restricted to
 * im S, stable when every real part is below −stabilityTolerance (1e-9) of the Jacobian's scale)
 * and whether the dynamics reach it from x(0) (stiff Rosenbrock integration, then Newton). Every
 * threshold is a named option (steady-state/options.ts) with a default. Order: stable
 * first, then undecided, then unstable; the reached state first within its group.
 * `complete` is true when the list is proved complete: a one-dimensional class (all real roots
 * of a univariate polynomial), a complex-balanced network (deficiency zero and weakly
 * reversible, or detailed balanced: one positive state, computed from its equilibrium and the
 * conservation laws) whose siphons rule out boundary states, or a homotopy whose every path is
 * accounted for with every listed state certified (mass-action.ts, general.ts). A set of steady
 * states (a line, a simplex of stationary laws) is reported by its dimension and extreme points.
 * Markov networks: the stationary distribution reached from the initial one, delegated; with
 * several closed classes the stationary laws form a simplex (`continua`, `dimension` = classes − 1)
 * and the list is not complete.
 * Assumes rates and amounts are finite and non-negative; otherwise no state and a note.
 *
 * Example:
 *   const { network } = compile("species X = 2\nreservoir A = 1, B = 1\nA + 2 X <-> 3 X @ 5.5, 1\nX <-> B @ 6.5, 2");
 *   const ss = analyzeSteadyStates(network!, analyzeStructure(network!));
 *   ss.states.map((s) => s.concentrations[0]);  // [4, 0.5, 1]: reached stable, stable, unstable
 */
export function analyzeSteadyStates(network: Network, structure: Structure, options: SteadyStateOptions = {}): SteadyStateAnalysis {
  if (network.kind === "markov") {
    const solved = options.markovStationary?.network === network ? options.markovStationary.result : undefined;
    const { state, method, notes, closedClasses } = markovSteadyState(network, solved);
    // each class's law costs a solve the size of π's: only when there is more than one class
    const laws = closedClasses > 1 ? closedClassLaws(network) ?? [] : [];
    if (laws.length > 1) {
      // the stationary laws form a simplex: the listed law is the one reached, not the only one
      const continuum = { dimension: laws.length - 1, extremePoints: laws, description: `${laws.length} closed classes: every mixture of their stationary laws is stationary (a simplex of dimension ${laws.length - 1})` };
      return { states: [state], method, complete: false, notes, solver: "markov", certified: false, dimension: laws.length - 1, continua: [continuum] };
    }
    return { states: [state], method, complete: true, notes, solver: "markov", dimension: 0 };
  }
  return massActionSteadyStates(network, structure, resolveOptions(options), options);
}

/**
 * One steady state as the report shows it: rates, fluxes on the cycle basis, entropy production
 * with its rounding bound, and stability from the eigenvalues of the Jacobian on the class.
 */
import type { Network } from "../../network/types.js";
import { eigenvalues } from "../../numeric/continuous/eigen.js";
import { maxAbs } from "../../numeric/continuous/dense.js";
import type { ReactionPairs } from "../../network/pairs.js";
import { entropyProduction, UNIT } from "../entropy/index.js";
import { reducedJacobian, type CompatibilityClass } from "./class.js";
import { cycleFluxes } from "./cycle-fluxes.js";
import { rates, type Kinetics } from "./kinetics.js";
import type { StateCertificate, SteadyState } from "./types.js";

/** What the flux solve needs of the network: its cycle basis, dim ker S and its pairs. */
export interface FluxBasis {
  readonly cycles: readonly (readonly number[])[];
  readonly dimension: number;
  readonly pairs: ReactionPairs;
}

export interface Stability {
  readonly stable: boolean | null;
  readonly leading: number | null;
  readonly eigenvalues: { re: number[]; im: number[] } | null;
  readonly why?: string;
}

/**
 * Stability on the class: the eigenvalues of Q J Qᵀ (Q an orthonormal basis of im S); stable when
 * every real part is below −tolerance × the Jacobian's size, unstable when one is above +tolerance
 * × size, else undecided with the reason. `rank` is the class dimension (rank S). `theorem`, when given, decides stability without the
 * eigenvalues past `maxDimension` (a 1000-species detailed-balanced chain).
 */
export function stability(kin: Kinetics, cls: CompatibilityClass, rank: number, x: readonly number[], tolerance: number, maxDimension: number, theorem: string | null): Stability {
  if (rank === 0) return { stable: true, leading: null, eigenvalues: { re: [], im: [] }, why: "nothing moves in the class" };
  if (theorem !== null && rank > maxDimension) {
    return { stable: true, leading: null, eigenvalues: null, why: `${theorem}; eigenvalues not computed (class dimension ${rank} > ${maxDimension})` };
  }
  const jr = reducedJacobian(kin, cls, x);
  const ev = eigenvalues(jr);
  if (ev === null) return { stable: null, leading: null, eigenvalues: null, why: "the Jacobian has non-finite entries" };
  const leading = Math.max(...ev.re);
  const size = Math.max(maxAbs(jr.flat()), ...ev.re.map(Math.abs), ...ev.im.map(Math.abs));
  const tol = tolerance * size;
  const out = { leading, eigenvalues: { re: [...ev.re], im: [...ev.im] } };
  if (leading < -tol) return { ...out, stable: true };
  if (leading > tol) return { ...out, stable: false };
  if (theorem !== null) return { ...out, stable: true, why: `the leading real part ${leading.toPrecision(3)} is within rounding of 0 (stabilityTolerance × the Jacobian's size ${size.toPrecision(3)}), so stability is the theorem's: ${theorem}` };
  return { ...out, stable: null, why: `the leading eigenvalue's real part ${leading.toPrecision(3)} is within ${tolerance} × the Jacobian's size (${size.toPrecision(3)}) of 0: linearisation does not decide` };
}

/** The state at x with its rates, fluxes, σ and stability; `why` says when fluxes were not solved on the cycle basis. */
export function describeState(
  kin: Kinetics, x: number[], reached: boolean, st: Stability, flux: FluxBasis, rateErrors: Float64Array, maxCurrentSolveWork: number, certificate: StateCertificate | undefined,
): { state: SteadyState; why: string | null } {
  const { forward, reverse } = rates(kin, x);
  const { partner } = flux.pairs;
  const sigma = entropyProduction(forward, reverse, partner, rateErrors);
  const direct = forward.map((f, r) => f - (reverse[r] ?? NaN));
  // J from the cycle currents on the least-cancelling reactions (cycle-fluxes.ts); v⁺ − v⁻ when no basis is at hand
  const solved = cycleFluxes(flux.cycles, flux.dimension, forward, reverse, flux.pairs, maxCurrentSolveWork);
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
    stable: st.stable,
    reached,
    leadingEigenvalue: st.leading,
    eigenvalues: st.eigenvalues,
    ...(st.why === undefined ? {} : { stabilityWhy: st.why }),
    ...(certificate === undefined ? {} : { certificate }),
  };
  return { state, why };
}

/** Stable first, then undecided, then unstable; the reached state first within its group; then by concentrations. */
export function stateOrder(a: SteadyState, b: SteadyState): number {
  const rank = (s: SteadyState): number => (s.stable === true ? 0 : s.stable === null ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (a.reached !== b.reached) return a.reached ? -1 : 1;
  for (let i = 0; i < a.concentrations.length; i++) {
    const d = (a.concentrations[i] ?? 0) - (b.concentrations[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Relative error bound of each reaction's rates as computed: v = k_eff Π_i x_i^α_i with
 * k_eff = k Π_Y [Y]^c_Y (effective-rates.ts), each power and product at most 2u, so
 * (2 · (internal + reservoir factors) + 1) u for the larger side (docs/steady-state.md).
 */
export function rateErrors(network: Network): Float64Array {
  const out = new Float64Array(network.reactions.length);
  for (const [r, reaction] of network.reactions.entries()) {
    const factors = Math.max(reaction.reactants.length + reaction.reservoirReactants.length, reaction.products.length + reaction.reservoirProducts.length);
    out[r] = (2 * factors + 1) * UNIT;
  }
  return out;
}

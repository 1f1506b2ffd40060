/**
 * Scaled control coefficients of metabolic control analysis (Kacser & Burns, Symp. Soc. Exp.
 * Biol. 27 (1973) 65; Heinrich & Rapoport, Eur. J. Biochem. 42 (1974) 89), from the responses to
 * each reaction's enzyme (both rate constants scaled together):
 *     C^J_{r,e} = ∂ ln J_r / ∂ ln e,   C^x_{i,e} = ∂ ln x_i / ∂ ln e,
 * with the summation theorems Σ_e C^J_{r,e} = 1 and Σ_e C^x_{i,e} = 0 (scaling every enzyme by λ
 * only rescales time) as the check: their largest defects are reported. A flux within the rounding
 * of its two rates (|v⁺ − v⁻| ≤ ZERO_FLUX_ULPS · ε (v⁺ + v⁻): a dead-end branch, a balanced
 * pair) is zero to rounding, and ∂ ln J is undefined there: it gets no row.
 */
import type { Network } from "../../network/types.js";
import type { Delta } from "./linear.js";
import type { ControlCoefficients } from "./types.js";

/** A net flux at most this many ulps of v⁺ + v⁻ is zero to rounding (the rates carry the state's own rounding). */
export const ZERO_FLUX_ULPS = 64;

/**
 * The coefficients from `enzyme[e]`, the response to δ ln κ⁺_e = δ ln κ⁻_e = 1, at the state
 * `x` with one-way rates `vPlus`, `vMinus` (those the responses were linearised at: `Linearised`).
 *
 *   const enzyme = network.reactions.map((r, k) => respond(network, lin, unit(k), r.reverse ? unit(k) : zeros));
 *   controlCoefficients(network, lin.x, lin.vPlus, lin.vMinus, enzyme).fluxSumDefect   // ≈ 1e-16
 */
export function controlCoefficients(network: Network, x: readonly number[], vPlus: readonly number[], vMinus: readonly number[], enzyme: readonly Delta[]): ControlCoefficients {
  const m = network.reactions.length;
  const flux: ControlCoefficients["flux"][number][] = [];
  const concentration: ControlCoefficients["concentration"][number][] = [];
  let fluxSumDefect = 0, concentrationSumDefect = 0;
  for (let r = 0; r < m; r++) {
    const plus = vPlus[r] ?? 0, minus = vMinus[r] ?? 0, J = plus - minus;
    if (!(Math.abs(J) > ZERO_FLUX_ULPS * Number.EPSILON * (Math.abs(plus) + Math.abs(minus)))) continue;
    const coefficients = enzyme.map((d) => (d.J[r] ?? 0) / J);
    const sum = coefficients.reduce((s, c) => s + c, 0);
    fluxSumDefect = Math.max(fluxSumDefect, Math.abs(sum - 1));
    flux.push({ reaction: r, coefficients, sum });
  }
  network.species.forEach((_, i) => {
    const xi = x[i] ?? 0;
    if (!(xi > 0)) return;
    const coefficients = enzyme.map((d) => (d.x[i] ?? 0) / xi);
    const sum = coefficients.reduce((s, c) => s + c, 0);
    concentrationSumDefect = Math.max(concentrationSumDefect, Math.abs(sum));
    concentration.push({ species: i, coefficients, sum });
  });
  return { flux, concentration, fluxSumDefect, concentrationSumDefect };
}

/**
 * How a param reaches the steady state, exactly. The compiler carries ∂value/∂p beside every rate
 * constant and reservoir value whose expression uses p (`RateConstant.sensitivity`,
 * `Reservoir.sensitivity`: forward-mode, exact up to rounding), so by the chain rule through the
 * effective constants κ⁺_r = k⁺_r Π_Y [Y]^α_Yr, κ⁻_r = k⁻_r Π_Y [Y]^β_Yr,
 *   ∂ ln κ⁺_r/∂p = (∂k⁺_r/∂p)/k⁺_r + Σ_Y α_Yr (∂[Y]/∂p)/[Y],
 *   ∂ ln κ⁻_r/∂p = (∂k⁻_r/∂p)/k⁻_r + Σ_Y β_Yr (∂[Y]/∂p)/[Y],
 * and the steady state's response to those is the exact implicit derivative (linear.ts).
 *
 * The one place a param enters that carries no sensitivity is an initial amount (`species X = p`):
 * it moves the compatibility class of a mass-action network with conservation laws. Initial
 * amounts are explicit expressions of p, so with the source (`recompile`) their derivative is the
 * central difference (x₀(p + h) − x₀(p − h)) / 2h, h = paramStep·|p| (paramStep when p = 0;
 * relative, so a small p stays positive; error O(h²)), and the
 * class's move is then differentiated exactly (linear.ts). Without the source the initial amounts
 * are taken as fixed, and the response says so.
 */
import type { Network, ParameterValue, Reservoir } from "../../network/types.js";

/** ∂ ln κ⁺_r/∂p and ∂ ln κ⁻_r/∂p per reaction, and the constants that are 0 while their derivative is not. */
export interface LogRateDerivatives {
  readonly dPlus: number[];
  readonly dMinus: number[];
  /** `k+(bind)` for a constant of value 0 with ∂k/∂p ≠ 0 (its log-derivative is infinite; taken as 0). */
  readonly vanishing: string[];
}

/**
 * The chain rule of the module comment for param `name`, from the network's sensitivities.
 *
 *   // kf = 2 * p, p = 3: sensitivity {p: 2}, value 6
 *   logRateDerivatives(network, "p").dPlus[0]   // 2 / 6 = 1/3
 *   logRateDerivatives(network, "q").dPlus[0]   // 0 (kf does not use q)
 */
export function logRateDerivatives(network: Network, name: string): LogRateDerivatives {
  const vanishing: string[] = [];
  const reservoirLog = (y: Reservoir | undefined): number => {
    const d = y?.sensitivity?.get(name) ?? 0;
    if (d === 0 || y === undefined) return 0;
    if (y.value === 0) { vanishing.push(`[${y.name}]`); return 0; }
    return d / y.value;
  };
  const constantLog = (value: number, s: ReadonlyMap<string, number> | undefined, what: string): number => {
    const d = s?.get(name) ?? 0;
    if (d === 0) return 0;
    if (value === 0) { vanishing.push(what); return 0; }
    return d / value;
  };
  const dPlus: number[] = [], dMinus: number[] = [];
  for (const r of network.reactions) {
    let p = constantLog(r.forward.value, r.forward.sensitivity, `k+(${r.id})`);
    for (const t of r.reservoirReactants) p += t.coefficient * reservoirLog(network.reservoirs[t.index]);
    dPlus.push(p);
    if (r.reverse === null) { dMinus.push(0); continue; }
    let q = constantLog(r.reverse.value, r.reverse.sensitivity, `k-(${r.id})`);
    for (const t of r.reservoirProducts) q += t.coefficient * reservoirLog(network.reservoirs[t.index]);
    dMinus.push(q);
  }
  return { dPlus, dMinus, vanishing: [...new Set(vanishing)] };
}

/**
 * ∂x₀_i/∂p of the initial amounts by central differences of the recompiled network (they are
 * explicit expressions of p); null when it cannot be recompiled or its species differ, and all
 * zeros when p does not enter them.
 *
 *   initialShift(network, "E0", 1, recompile, 1e-5)   // [1, 0, 0, 0] for `species E = E0, S, C, P`
 */
export function initialShift(network: Network, name: string, value: number, recompile: (v: readonly ParameterValue[]) => Network | string, step: number): number[] | null {
  const h = step * (value !== 0 ? Math.abs(value) : 1);
  const up = recompile([{ name, value: value + h }]), down = recompile([{ name, value: value - h }]);
  if (typeof up === "string" || typeof down === "string") return null;
  const n = network.species.length;
  if (up.species.length !== n || down.species.length !== n) return null;
  return network.species.map((_, i) => ((up.species[i]?.initial ?? NaN) - (down.species[i]?.initial ?? NaN)) / (2 * h));
}

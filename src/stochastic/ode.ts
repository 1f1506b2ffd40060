/**
 * The deterministic time course of a mass-action network, dx/dt = S v(x) with v_r = κ⁺_r Π x^α −
 * κ⁻_r Π x^β (reservoirs folded into κ), on a grid of output times, by ness's stiff integrator
 * (numeric/continuous/ode.ts, ROS2) restarted from each grid point: what `ness simulate --ode`
 * writes beside (or instead of) the stochastic runs.
 */
import { effectiveRates } from "../network/effective-rates.js";
import type { Network, Term } from "../network/types.js";
import { integrateStiff, type OdeStatus } from "../numeric/continuous/ode.js";

export interface TimeCourse {
  readonly times: number[];
  /** Per grid time, the concentrations. */
  readonly values: number[][];
  /** The integrator's status at the first grid step that did not end normally, else "end". */
  readonly status: OdeStatus;
}

export function timeCourse(network: Network, tEnd: number, points: number): TimeCourse {
  const eff = effectiveRates(network);
  const n = network.species.length;
  const rx = network.reactions.map((r) => ({ kf: eff.forward[r.index] ?? 0, kr: eff.reverse[r.index] ?? 0, reactants: r.reactants, products: r.products }));
  const mono = (terms: readonly Term[], x: readonly number[]) => terms.reduce((p, t) => p * Math.pow(x[t.index] ?? 0, t.coefficient), 1);
  /** ∂/∂x_j of Π x^c. */
  const dMono = (terms: readonly Term[], x: readonly number[], j: number) => {
    let d = 0;
    for (const t of terms) {
      if (t.index !== j) continue;
      d = t.coefficient * Math.pow(x[j] ?? 0, t.coefficient - 1);
      for (const u of terms) if (u.index !== j) d *= Math.pow(x[u.index] ?? 0, u.coefficient);
    }
    return d;
  };
  const system = {
    dimension: n,
    rhs(x: readonly number[]): number[] {
      const f = new Array<number>(n).fill(0);
      for (const r of rx) {
        const v = r.kf * mono(r.reactants, x) - r.kr * mono(r.products, x);
        for (const t of r.reactants) f[t.index] = (f[t.index] ?? 0) - t.coefficient * v;
        for (const t of r.products) f[t.index] = (f[t.index] ?? 0) + t.coefficient * v;
      }
      return f;
    },
    jacobian(x: readonly number[]): number[][] {
      const J = Array.from({ length: n }, () => new Array<number>(n).fill(0));
      for (const r of rx) {
        const species = new Set([...r.reactants, ...r.products].map((t) => t.index));
        for (const j of species) {
          const dv = r.kf * dMono(r.reactants, x, j) - r.kr * dMono(r.products, x, j);
          if (dv === 0) continue;
          for (const t of r.reactants) (J[t.index] ?? [])[j] = ((J[t.index] ?? [])[j] ?? 0) - t.coefficient * dv;
          for (const t of r.products) (J[t.index] ?? [])[j] = ((J[t.index] ?? [])[j] ?? 0) + t.coefficient * dv;
        }
      }
      return J;
    },
  };
  const times = Array.from({ length: points + 1 }, (_, k) => (k * tEnd) / points);
  let x = network.species.map((s) => s.initial);
  const values = [x];
  let status: OdeStatus = "end";
  for (let k = 1; k <= points; k++) {
    const dt = (times[k] ?? 0) - (times[k - 1] ?? 0);
    const r = integrateStiff(system, x, { tEnd: dt, rtol: 1e-8, atol: 1e-12, nonNegative: true, maxSteps: 100000 });
    if (r.status !== "end" && r.status !== "steady" && status === "end") status = r.status;
    x = r.y;
    values.push(x);
  }
  return { times, values, status };
}

/**
 * Gauss–Seidel on the balance equations, the fallback for sets whose elimination would not fit
 * (graphs without small separators: random, expander-like state spaces, where the fill of any
 * ordering is a large fraction of n², but which mix fast, so sweeps converge quickly).
 *
 * Each sweep sets x_j = (x_V s_j + Σ_i x_i q_ij) / out_j with out_j = Σ_k q_jk + e_j, positive
 * terms only, then normalises. For an absorption solve the chain is the restarted one of
 * src/numeric/frontal.ts: exits e lead to a virtual state V that re-enters at the rates s = p0,
 * x_V = Σ_j x_j e_j / Σ_j s_j, and z = x / x_V; iterating on this irreducible chain converges
 * at its mixing rate rather than at the (slow) rate of absorption. Accuracy is what the residual
 * says, not entrywise: the caller reports it.
 */
import { outOfRange } from "../checked.js";
import { accurateSum } from "./gth.js";
import type { Csr } from "./sparse.js";

/** The Gauss–Seidel iterate, the sweeps taken and the residual reached. */
export interface Sweeps {
  readonly x: Float64Array;
  readonly sweeps: number;
  /** Largest relative imbalance |inflow − outflow| / outflow over the states at the end. */
  readonly residual: number;
}

/** Gauss–Seidel sweeps until the relative balance residual is below `tol` or `maxSweeps`. */
export function gaussSeidel(
  rates: Csr, inRates: Csr, exit: Float64Array | null, source: Float64Array | null, tol = 1e-13, maxSweeps = 20_000,
): Sweeps {
  const n = rates.n;
  const out = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let s = exit ? exit[j] ?? outOfRange() : 0;
    for (let q = rates.ptr[j] ?? outOfRange(), stop = rates.ptr[j + 1] ?? outOfRange(); q < stop; q++) s += rates.val[q] ?? outOfRange();
    out[j] = s;
  }
  const outV = source ? accurateSum(source) : 0;
  // a restarted chain starts in V, so states it never reaches stay exactly 0
  const x = new Float64Array(n).fill(source ? 0 : 1 / n);
  let xV = source ? 1 : 0;
  const inflow = (j: number): number => {
    let acc = source ? xV * (source[j] ?? outOfRange()) : 0;
    for (let q = inRates.ptr[j] ?? outOfRange(), stop = inRates.ptr[j + 1] ?? outOfRange(); q < stop; q++) {
      acc += (x[inRates.idx[q] ?? outOfRange()] ?? outOfRange()) * (inRates.val[q] ?? outOfRange());
    }
    return acc;
  };
  const intoV = (): number => {
    let acc = 0;
    if (exit) for (let j = 0; j < n; j++) acc += (x[j] ?? outOfRange()) * (exit[j] ?? outOfRange());
    return acc;
  };
  let residual = Infinity, sweeps = 0;
  while (sweeps < maxSweeps && residual > tol) {
    sweeps++;
    for (let j = 0; j < n; j++) {
      const o = out[j] ?? outOfRange();
      if (o > 0) x[j] = inflow(j) / o;
    }
    if (source && outV > 0) xV = intoV() / outV;
    const s = accurateSum(x) + xV;
    for (let j = 0; j < n; j++) x[j] = (x[j] ?? outOfRange()) / s;
    xV /= s;
    if (sweeps % 10 === 0 || sweeps === maxSweeps) {
      residual = 0;
      for (let j = 0; j < n; j++) {
        const own = (x[j] ?? outOfRange()) * (out[j] ?? outOfRange()), acc = inflow(j);
        if (own > 0) residual = Math.max(residual, Math.abs(acc - own) / own);
      }
      if (source && xV > 0) residual = Math.max(residual, Math.abs(intoV() - xV * outV) / (xV * outV));
    }
  }
  if (source) for (let j = 0; j < n; j++) x[j] = xV > 0 ? (x[j] ?? outOfRange()) / xV : 0;
  return { x, sweeps, residual };
}

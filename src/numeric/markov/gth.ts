/**
 * GTH (Grassmann–Taksar–Heyman) elimination: Gaussian elimination on a Markov generator that
 * never subtracts. Eliminating state k censors the chain (the process watched only off k): each
 * pair of remaining states gains the rate of the detours through k,
 *
 *     R'_ij = R_ij + R_ik R_kj / D_k,      D_k = Σ_{j later} R_kj + e_k,
 *
 * and the diagonal D_k is recomputed as the sum of the remaining out-rates (plus e_k, the rate of
 * leaving the set for good) instead of being updated by subtraction. Every operation adds,
 * multiplies or divides positive numbers, so each result carries a relative error of a few
 * units in the last place per operation whatever the spread of the rates: this is what gives
 * stationary probabilities of 1e-14 to full relative accuracy beside ones of 1 - 1e-4.
 * Reference: Grassmann, Taksar & Heyman, Oper. Res. 33 (1985) 1107; O'Cinneide, Numer. Math.
 * 65 (1993) 109 (entrywise relative error bounds).
 */
import { outOfRange } from "../checked.js";

/**
 * Eliminates the first `p` of the `f` states of a dense front in place. `front` is row-major
 * with row width `f + 1`: entry (i, j) is the rate i → j (diagonal ignored), column f the exit
 * rate e_i. `rows` is f, or f + 1 when row f holds the rates out of a source (see frontal.ts).
 * After the call, D[dOff + k] is the censored out-rate of pivot k, and column k below the
 * diagonal holds l_ik = R_ik / D_k (the GTH multipliers); rows and columns p.. hold the
 * censored chain on the remaining states (the Schur complement), exits included.
 */
export function eliminateFront(front: Float64Array, f: number, p: number, D: Float64Array, dOff: number, rows = f): void {
  const w = f + 1;
  // Panels of eight pivots: the pivots' own rows are updated at once (their sums give D), the
  // rows below get the panel's columns only, and then one pass adds the eight rank-one updates
  // to the rest of each row: an eighth of the memory traffic of one pivot at a time.
  let k0 = 0;
  for (; k0 + 8 <= p; k0 += 8) {
    const k1 = k0 + 8;
    for (let k = k0; k < k1; k++) pivot(front, f, w, k, k1, rows, D, dOff);
    const r0 = k0 * w, r1 = r0 + w, r2 = r1 + w, r3 = r2 + w, r4 = r3 + w, r5 = r4 + w, r6 = r5 + w, r7 = r6 + w;
    for (let i = k1; i < rows; i++) {
      const rowI = i * w, c = rowI + k0;
      const l0 = front[c] ?? outOfRange(), l1 = front[c + 1] ?? outOfRange();
      const l2 = front[c + 2] ?? outOfRange(), l3 = front[c + 3] ?? outOfRange();
      const l4 = front[c + 4] ?? outOfRange(), l5 = front[c + 5] ?? outOfRange();
      const l6 = front[c + 6] ?? outOfRange(), l7 = front[c + 7] ?? outOfRange();
      if (l0 === 0 && l1 === 0 && l2 === 0 && l3 === 0 && l4 === 0 && l5 === 0 && l6 === 0 && l7 === 0) continue;
      for (let j = k1; j <= f; j++) {
        front[rowI + j] =
          (front[rowI + j] ?? outOfRange()) +
          (l0 * (front[r0 + j] ?? outOfRange()) + l1 * (front[r1 + j] ?? outOfRange()) +
            l2 * (front[r2 + j] ?? outOfRange()) + l3 * (front[r3 + j] ?? outOfRange()) +
            l4 * (front[r4 + j] ?? outOfRange()) + l5 * (front[r5 + j] ?? outOfRange()) +
            l6 * (front[r6 + j] ?? outOfRange()) + l7 * (front[r7 + j] ?? outOfRange()));
      }
    }
  }
  for (let k = k0; k < p; k++) pivot(front, f, w, k, rows, rows, D, dOff);
}

/**
 * One GTH step on pivot k: D_k from row k, multipliers l_ik = R_ik / D_k into column k; rows
 * k+1..rows-1 are updated in the columns before `stop` only when at or below `stop`, else fully.
 */
function pivot(front: Float64Array, f: number, w: number, k: number, stop: number, rows: number, D: Float64Array, dOff: number): void {
  const rowK = k * w;
  let d = 0;
  for (let j = k + 1; j <= f; j++) d += front[rowK + j] ?? outOfRange();
  D[dOff + k] = d;
  if (!(d > 0)) {
    // no way out of k (only the last state of a closed class): nothing to pass on
    for (let i = k + 1; i < rows; i++) front[i * w + k] = 0;
    return;
  }
  for (let i = k + 1; i < rows; i++) {
    const rowI = i * w;
    const a = front[rowI + k] ?? outOfRange();
    if (a === 0) continue;
    const l = a / d;
    front[rowI + k] = l;
    const last = i < stop ? f : stop - 1;
    for (let j = k + 1; j <= last; j++) front[rowI + j] = (front[rowI + j] ?? outOfRange()) + l * (front[rowK + j] ?? outOfRange());
  }
}

/**
 * The stationary distribution of an irreducible chain on n states given as a dense row-major
 * matrix of rates (rates[i*n + j] = rate i → j; the diagonal is ignored), by GTH. O(n³) time,
 * O(n²) memory: for small chains. Entrywise relative accuracy (see above).
 *
 *     gthStationary(2, Float64Array.of(0, 1, 3, 0))  // → [0.75, 0.25]
 */
export function gthStationary(n: number, rates: Float64Array): Float64Array {
  const w = n + 1;
  const front = new Float64Array(n * w);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) front[i * w + j] = rates[i * n + j] ?? outOfRange();
  const D = new Float64Array(n);
  eliminateFront(front, n, n - 1, D, 0);
  const pi = new Float64Array(n);
  pi[n - 1] = 1;
  for (let k = n - 2; k >= 0; k--) {
    let s = 0;
    for (let i = k + 1; i < n; i++) s += (pi[i] ?? outOfRange()) * (front[i * w + k] ?? outOfRange());
    if (s > HUGE) {
      // keep the later entries finite: rescale everything computed so far
      for (let i = k + 1; i < n; i++) pi[i] = (pi[i] ?? outOfRange()) / HUGE;
      s /= HUGE;
    }
    pi[k] = s;
  }
  return normalise(pi);
}

/** Back-substitution rescales when a value passes this, so ratios up to 1e±300 stay finite. */
export const HUGE = 1e250;

/** Σ x_i with Neumaier's compensation: relative error about ε, not n ε, for positive terms. */
export function accurateSum(x: ArrayLike<number>): number {
  let s = 0, c = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] ?? outOfRange(), t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

/** Divides by the (compensated) sum. */
export function normalise(x: Float64Array): Float64Array {
  const s = accurateSum(x);
  if (s > 0) for (let i = 0; i < x.length; i++) x[i] = (x[i] ?? outOfRange()) / s;
  return x;
}

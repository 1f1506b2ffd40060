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
  // Panels of eight pivots: the pivots' own rows are updated at once (their sums give D); then
  // each row below is visited once: its eight multipliers by a small triangular pass (the panel's
  // earlier pivots update its later panel columns, in pivot order as one pivot at a time would),
  // and one sweep adds the eight rank-one updates to the rest of the row, two rows at a time so
  // that each load of a pivot row serves both. Same operations in the same order as pivoting one
  // state at a time, with an eighth of the memory traffic.
  const l = new Float64Array(16);
  let k0 = 0;
  for (; k0 + 8 <= p; k0 += 8) {
    const k1 = k0 + 8;
    for (let k = k0; k < k1; k++) pivot(front, f, w, k, k1, D, dOff);
    let pending = -1; // a row whose multipliers are in l[0..8), waiting for a partner
    for (let i = k1; i < rows; i++) {
      if (!panelMultipliers(front, w, i * w, k0, D, dOff, l, pending < 0 ? 0 : 8)) continue;
      if (pending < 0) {
        pending = i;
        continue;
      }
      updatePair(front, f, w, k0, pending * w, i * w, l);
      pending = -1;
    }
    if (pending >= 0) updateOne(front, f, w, k0, pending * w, l);
  }
  for (let k = k0; k < p; k++) {
    pivot(front, f, w, k, rows, D, dOff);
  }
}

/**
 * One GTH step on pivot k: D_k from row k, multipliers l_ik = R_ik / D_k into column k, and the
 * rank-one update of the full rows k+1..stop-1.
 */
function pivot(front: Float64Array, f: number, w: number, k: number, stop: number, D: Float64Array, dOff: number): void {
  const rowK = k * w;
  let d = 0;
  for (let j = k + 1; j <= f; j++) d += front[rowK + j] ?? outOfRange();
  D[dOff + k] = d;
  if (!(d > 0)) {
    // no way out of k (only the last state of a closed class): nothing to pass on
    for (let i = k + 1; i < stop; i++) front[i * w + k] = 0;
    return;
  }
  for (let i = k + 1; i < stop; i++) {
    const rowI = i * w;
    const a = front[rowI + k] ?? outOfRange();
    if (a === 0) continue;
    const m = a / d;
    front[rowI + k] = m;
    for (let j = k + 1; j <= f; j++) front[rowI + j] = (front[rowI + j] ?? outOfRange()) + m * (front[rowK + j] ?? outOfRange());
  }
}

/**
 * The multipliers of the panel k0..k0+7 for the row starting at rowI (below the panel), written
 * into the row's panel columns and into l[at..at+8): pivot by pivot, l_ik = R_ik / D_k, then
 * R_ik' += l_ik R_kk' for the later panel columns k'. False when they are all zero.
 */
function panelMultipliers(front: Float64Array, w: number, rowI: number, k0: number, D: Float64Array, dOff: number, l: Float64Array, at: number): boolean {
  let any = false;
  for (let c = 0; c < 8; c++) {
    const k = k0 + c;
    const a = front[rowI + k] ?? outOfRange();
    const d = D[dOff + k] ?? outOfRange();
    if (a === 0 || !(d > 0)) {
      // a zero rate passes nothing on; no way out of k: the multiplier is 0 (see pivot)
      front[rowI + k] = 0;
      l[at + c] = 0;
      continue;
    }
    const m = a / d;
    front[rowI + k] = m;
    l[at + c] = m;
    any = true;
    const rowK = k * w;
    for (let j = k + 1; j < k0 + 8; j++) front[rowI + j] = (front[rowI + j] ?? outOfRange()) + m * (front[rowK + j] ?? outOfRange());
  }
  return any;
}

/** Adds the panel's eight rank-one updates (multipliers l[0..8)) to columns k0+8..f of one row. */
function updateOne(front: Float64Array, f: number, w: number, k0: number, rowI: number, l: Float64Array): void {
  const r0 = k0 * w, r1 = r0 + w, r2 = r1 + w, r3 = r2 + w, r4 = r3 + w, r5 = r4 + w, r6 = r5 + w, r7 = r6 + w;
  const l0 = l[0] ?? outOfRange(), l1 = l[1] ?? outOfRange(), l2 = l[2] ?? outOfRange(), l3 = l[3] ?? outOfRange();
  const l4 = l[4] ?? outOfRange(), l5 = l[5] ?? outOfRange(), l6 = l[6] ?? outOfRange(), l7 = l[7] ?? outOfRange();
  for (let j = k0 + 8; j <= f; j++) {
    front[rowI + j] =
      (front[rowI + j] ?? outOfRange()) +
      (l0 * (front[r0 + j] ?? outOfRange()) + l1 * (front[r1 + j] ?? outOfRange()) +
        l2 * (front[r2 + j] ?? outOfRange()) + l3 * (front[r3 + j] ?? outOfRange()) +
        l4 * (front[r4 + j] ?? outOfRange()) + l5 * (front[r5 + j] ?? outOfRange()) +
        l6 * (front[r6 + j] ?? outOfRange()) + l7 * (front[r7 + j] ?? outOfRange()));
  }
}

/** updateOne for two rows at once (multipliers l[0..8) for rowA, l[8..16) for rowB): each pivot-row load serves both. */
function updatePair(front: Float64Array, f: number, w: number, k0: number, rowA: number, rowB: number, l: Float64Array): void {
  const r0 = k0 * w, r1 = r0 + w, r2 = r1 + w, r3 = r2 + w, r4 = r3 + w, r5 = r4 + w, r6 = r5 + w, r7 = r6 + w;
  const a0 = l[0] ?? outOfRange(), a1 = l[1] ?? outOfRange(), a2 = l[2] ?? outOfRange(), a3 = l[3] ?? outOfRange();
  const a4 = l[4] ?? outOfRange(), a5 = l[5] ?? outOfRange(), a6 = l[6] ?? outOfRange(), a7 = l[7] ?? outOfRange();
  const b0 = l[8] ?? outOfRange(), b1 = l[9] ?? outOfRange(), b2 = l[10] ?? outOfRange(), b3 = l[11] ?? outOfRange();
  const b4 = l[12] ?? outOfRange(), b5 = l[13] ?? outOfRange(), b6 = l[14] ?? outOfRange(), b7 = l[15] ?? outOfRange();
  for (let j = k0 + 8; j <= f; j++) {
    const u0 = front[r0 + j] ?? outOfRange(), u1 = front[r1 + j] ?? outOfRange(), u2 = front[r2 + j] ?? outOfRange(), u3 = front[r3 + j] ?? outOfRange();
    const u4 = front[r4 + j] ?? outOfRange(), u5 = front[r5 + j] ?? outOfRange(), u6 = front[r6 + j] ?? outOfRange(), u7 = front[r7 + j] ?? outOfRange();
    front[rowA + j] = (front[rowA + j] ?? outOfRange()) + (a0 * u0 + a1 * u1 + a2 * u2 + a3 * u3 + a4 * u4 + a5 * u5 + a6 * u6 + a7 * u7);
    front[rowB + j] = (front[rowB + j] ?? outOfRange()) + (b0 * u0 + b1 * u1 + b2 * u2 + b3 * u3 + b4 * u4 + b5 * u5 + b6 * u6 + b7 * u7);
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

/**
 * The scaled cumulant generating function λ(s) = lim (1/t) ln E e^{s N_t} of a counting current:
 * the leading eigenvalue (Perron root, real) of the tilted generator
 *   L(s)_ij = Σ_{e: i → j} w_e e^{s g_e} (i ≠ j),   L(s)_ii = −Σ_{e from i} w_e
 * (Lebowitz & Spohn, J. Stat. Phys. 95 (1999) 333; Touchette, Phys. Rep. 478 (2009) 1). Dense, for
 * small chains: the eigenvalues of the matrix by Hessenberg QR (numeric/continuous/eigen.ts).
 * λ(0) = 0, λ'(0) = J, λ''(0) = 2D.
 */
import { outOfRange } from "../../numeric/checked.js";
import { eigenvalues } from "../../numeric/continuous/eigen.js";
import type { Jumps } from "./jumps.js";

/**
 * λ(s) at each s, or null at an s where the eigenvalues could not be computed. Assumes the chain
 * is irreducible on the states that carry the law (else λ is the largest over the classes).
 *
 *   // a Poisson counter at rate 2 (one state, one jump onto itself is not a jump: use two states)
 *   scgf(jumps, g, [0, 1])   // [0, λ(1)]
 */
export function scgf(j: Jumps, g: Float64Array, s: readonly number[]): (number | null)[] {
  return s.map((x) => leadingEigenvalue(tilted(j, g, x)));
}

/** The dense tilted generator L(s) as rows. */
export function tilted(j: Jumps, g: Float64Array, s: number): number[][] {
  const n = j.states;
  const rows = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let e = 0; e < j.from.length; e++) {
    const i = j.from[e] ?? outOfRange(), t = j.to[e] ?? outOfRange(), w = j.rate[e] ?? outOfRange();
    const row = rows[i] ?? outOfRange();
    row[i] = (row[i] ?? 0) - w;
    const ge = g[e] ?? outOfRange();
    row[t] = (row[t] ?? 0) + w * (ge === 0 ? 1 : Math.exp(s * ge));
  }
  return rows;
}

/**
 * The largest real part of the eigenvalues (the Perron root of a Metzler matrix); null when not
 * computed. The matrix is balanced first (a diagonal similarity D M D⁻¹ that equalises each state's
 * off-diagonal row and column sums, as LAPACK's gebal does): at large |s| the tilt e^{s g} makes
 * the entries differ by e^{±25}, and the QR iteration on the unbalanced matrix loses the root.
 */
function leadingEigenvalue(rows: number[][]): number | null {
  const ev = eigenvalues(balance(rows));
  if (ev === null || ev.re.length === 0) return null;
  return Math.max(...ev.re);
}

/** The s grid: `points` values evenly spaced on [centre − half, centre + half], so that s and 2·centre − s both lie on it. */
export function grid(centre: number, half: number, points: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < points; k++) out.push(centre - half + (2 * half * k) / Math.max(1, points - 1));
  return out;
}

/**
 * The largest |λ(s) − λ(2c − s)| over a grid symmetric about c (Gallavotti–Cohen: c = −1/2 for the
 * entropy current, −A/2 for the cycle current of a unicyclic network), relative to the larger of
 * the largest |λ| on the grid and `scale` (the largest escape rate: the size of the eigenvalues'
 * rounding, which near equilibrium is far above λ itself); null when a value is missing.
 */
export function symmetryDefect(values: readonly (number | null)[], scale = 0): number | null {
  let worst = 0, size = scale;
  for (let k = 0; k < values.length; k++) {
    const a = values[k], b = values[values.length - 1 - k];
    if (a === null || a === undefined || b === null || b === undefined) return null;
    worst = Math.max(worst, Math.abs(a - b));
    size = Math.max(size, Math.abs(a));
  }
  return size === 0 ? worst : worst / size;
}

/** Osborne's balancing by powers of two (exact scalings), a few sweeps. */
function balance(rows: number[][]): number[][] {
  const n = rows.length;
  const a = rows.map((r) => [...r]);
  for (let sweep = 0; sweep < 20; sweep++) {
    let changed = false;
    for (let i = 0; i < n; i++) {
      let r = 0, c = 0;
      for (let k = 0; k < n; k++) {
        if (k === i) continue;
        r += Math.abs(a[i]?.[k] ?? 0);
        c += Math.abs(a[k]?.[i] ?? 0);
      }
      if (r === 0 || c === 0) continue;
      let f = 1;
      const target = Math.sqrt(r * c);
      while (c * f < target / 2) f *= 2;
      while (c * f > target * 2) f /= 2;
      if (f === 1) continue;
      changed = true;
      // D_ii = f: column i times f, row i divided by f
      for (let k = 0; k < n; k++) {
        if (k === i) continue;
        const row = a[k] ?? [];
        row[i] = (row[i] ?? 0) * f;
        const own = a[i] ?? [];
        own[k] = (own[k] ?? 0) / f;
      }
    }
    if (!changed) break;
  }
  return a;
}

/**
 * What the CME's stationary law says species by species: each count's marginal distribution, its
 * mean, standard deviation and modes, beside the deterministic steady states (counts Ω c*) and
 * σ_CME/Ω beside the deterministic σ (per unit volume).
 */
import { outOfRange } from "../../numeric/checked.js";
import type { CmeGenerator, CountMarginal } from "./types.js";

/** Probabilities below this fraction of the largest are tails, never modes (rounding noise). */
const MODE_FLOOR = 1e-8;

/**
 * P(X_i = k) = Σ_{x: x_i = k} π(x) for every species i, with its mean, sd and modes (local
 * maxima at least MODE_FLOOR of the largest, the most probable first). Assumes π indexes the
 * generator's states.
 *
 *   marginals(g, pi)[0].probability[k]   // P(count of the first species = k)
 */
export function marginals(g: CmeGenerator, pi: ArrayLike<number>): CountMarginal[] {
  const names = g.source.species.map((s) => s.name);
  return g.bounds.map((b, i) => {
    const p = new Float64Array(b.cap + 1);
    for (let s = 0; s < g.states; s++) {
      const k = g.counts[s * g.species + i] ?? outOfRange();
      p[k] = (p[k] ?? outOfRange()) + (pi[s] ?? 0);
    }
    let mean = 0, second = 0;
    for (let k = 0; k < p.length; k++) {
      const q = p[k] ?? outOfRange();
      mean += k * q;
      second += k * k * q;
    }
    return { species: i, name: names[i] ?? `#${i}`, probability: Array.from(p), mean, sd: Math.sqrt(Math.max(0, second - mean * mean)), modes: modesOf(p) };
  });
}

/** Local maxima of p (plateaus count once, at their first count), above MODE_FLOOR·max, largest first. */
export function modesOf(p: ArrayLike<number>): number[] {
  let top = 0;
  for (let k = 0; k < p.length; k++) top = Math.max(top, p[k] ?? 0);
  const out: number[] = [];
  for (let k = 0; k < p.length; k++) {
    const q = p[k] ?? 0;
    if (!(q > top * MODE_FLOOR)) continue;
    let left = k - 1;
    while (left >= 0 && p[left] === q) left--;
    if (left >= 0 && (p[left] ?? 0) > q) continue;
    if (left !== k - 1) continue; // not the first count of a plateau
    let right = k + 1;
    while (right < p.length && p[right] === q) right++;
    if (right < p.length && (p[right] ?? 0) > q) continue;
    out.push(k);
  }
  return out.sort((a, b) => (p[b] ?? 0) - (p[a] ?? 0) || a - b);
}

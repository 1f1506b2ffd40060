/**
 * The Gallavotti–Cohen symmetry checked in exact rational arithmetic, where the rates are rational.
 * Equal spectra of L(s) and L(2c − s) follow from equal characteristic polynomials
 * p_s(λ) = det(λI − L(s)); both are of degree n in λ, so equality at n + 1 points is equality.
 *  - Entropy current (increment ±ln(κ⁺/κ⁻)): at s = 1 and 2c − s = −2 the entries of L are
 *    κ (κ⁺/κ⁻)^{±1} and κ (κ⁺/κ⁻)^{∓2}: rational.
 *  - A current of a unicyclic network with integer increments and one unit per turn of the cycle
 *    (k = ±1): in z = e^s the entries are κ z^g, and the symmetry is z ↦ e^{−A/k}/z with
 *    e^{−A} = Π κ⁻ / Π κ⁺ along the cycle: rational; checked at z = 2.
 * Null when a rate is not rational, an increment is not an integer, k ≠ ±1, or n > MAX_EXACT_STATES.
 */
import type { MeasuredCurrent, Network, Term } from "../../network/types.js";
import { oppositePairs } from "../../network/pairs.js";
import { add, div, equals, isZero, mul, neg, ONE, powInt, rational, sub, ZERO, type Rational } from "../../numeric/exact/rational.js";
import type { Jumps } from "./jumps.js";

/** Past this many states the exact determinants are not attempted. */
export const MAX_EXACT_STATES = 12;

/** See the module comment: true when the characteristic polynomials agree exactly, false when not. */
export function exactSymmetry(network: Network, j: Jumps, weights: MeasuredCurrent["weights"] | null, allowed: boolean): boolean | null {
  if (!allowed || j.states > MAX_EXACT_STATES) return null;
  const kappa = exactRates(network);
  if (kappa === null) return null;
  const { partner } = oppositePairs(network);
  const rateOf = (e: number): Rational | null => {
    const r = j.reaction[e] ?? -1;
    return (j.sign[e] === 1 ? kappa.forward[r] : kappa.reverse[r]) ?? null;
  };
  let a: (e: number) => Rational | null, b: (e: number) => Rational | null;
  if (weights === null) {
    // entropy current: ratio ρ_e = κ⁺/κ⁻ of the reaction, to the power ±1 (s = 1) and ∓2 (s = −2)
    const ratio = (e: number): Rational | null => {
      const r = j.reaction[e] ?? -1, p = partner[r] ?? -1;
      const up = kappa.forward[r] ?? null, down = p >= 0 ? kappa.forward[p] ?? null : kappa.reverse[r] ?? null;
      if (up === null || down === null || isZero(down)) return null;
      const q = div(up, down);
      return q === undefined ? null : j.sign[e] === 1 ? q : div(ONE, q) ?? null;
    };
    a = (e) => times(rateOf(e), power(ratio(e), 1));
    b = (e) => times(rateOf(e), power(ratio(e), -2));
  } else {
    const cycle = unicycle(network, j);
    if (cycle === null) return null;
    const per = new Map<number, number>();
    for (const w of weights) per.set(w.reaction, (per.get(w.reaction) ?? 0) + w.weight);
    let k = 0;
    for (const [r, c] of cycle.vector.entries()) k += c * (per.get(r) ?? 0);
    if (k !== 1 && k !== -1) return null;
    const g = (e: number): number => (per.get(j.reaction[e] ?? -1) ?? 0) * (j.sign[e] ?? 0);
    for (let e = 0; e < j.from.length; e++) if (!Number.isInteger(g(e))) return null;
    // e^{−A} = Π κ⁻/Π κ⁺ along the cycle's orientation
    let expMinusA: Rational = ONE;
    for (const [r, c] of cycle.vector.entries()) {
      if (c === 0) continue;
      const up = kappa.forward[r], down = kappa.reverse[r];
      if (up == null || down == null || isZero(down) || isZero(up)) return null;
      const q = c > 0 ? div(down, up) : div(up, down);
      if (q === undefined) return null;
      expMinusA = mul(expMinusA, q);
    }
    const z = rational(2n);
    const zPrime = k === 1 ? div(expMinusA, z) : div(ONE, mul(expMinusA, z));
    if (zPrime === undefined) return null;
    a = (e) => times(rateOf(e), power(z, g(e)));
    b = (e) => times(rateOf(e), power(zPrime, g(e)));
  }
  const La = tiltedExact(j, a, rateOf), Lb = tiltedExact(j, b, rateOf);
  if (La === null || Lb === null) return null;
  for (let x = 0; x <= j.states; x++) {
    const lam = rational(BigInt(x));
    const da = determinant(shift(La, lam)), db = determinant(shift(Lb, lam));
    if (!equals(da, db)) return false;
  }
  return true;
}

function times(a: Rational | null, b: Rational | null): Rational | null {
  return a === null || b === null ? null : mul(a, b);
}

function power(a: Rational | null, n: number): Rational | null {
  return a === null ? null : powInt(a, n) ?? null;
}

/** Exact effective rates κ = k Π [Y]^ν, null when any is not rational. */
function exactRates(network: Network): { forward: (Rational | null)[]; reverse: (Rational | null)[] } | null {
  const fold = (k: Rational | null, terms: readonly Term[]): Rational | null => {
    if (k === null) return null;
    let v = k;
    for (const t of terms) {
      const y = network.reservoirs[t.index]?.exact ?? null;
      const p = y === null ? undefined : powInt(y, t.coefficient);
      if (p === undefined) return null;
      v = mul(v, p);
    }
    return v;
  };
  const forward: (Rational | null)[] = [], reverse: (Rational | null)[] = [];
  for (const r of network.reactions) {
    const f = fold(r.forward.exact, r.reservoirReactants);
    if (f === null) return null;
    forward.push(f);
    if (r.reverse === null) reverse.push(null);
    else {
      const b = fold(r.reverse.exact, r.reservoirProducts);
      if (b === null) return null;
      reverse.push(b);
    }
  }
  return { forward, reverse };
}

/** The cycle vector of a unicyclic Markov network: Σ_r c_r (to − from) = 0, found from the one chord. */
function unicycle(network: Network, j: Jumps): { vector: number[] } | null {
  const n = j.states, m = network.reactions.length;
  // union–find spanning tree; the one reaction that closes a loop is the chord
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => { while (parent[x] !== x) x = parent[x] = parent[parent[x] ?? x] ?? x; return x; };
  const tree: number[] = [];
  let chord = -1;
  for (let r = 0; r < m; r++) {
    const e = [...Array(j.from.length).keys()].find((k) => j.reaction[k] === r);
    if (e === undefined) continue;
    const a = find(j.from[e] ?? 0), b = find(j.to[e] ?? 0);
    if (a === b) { if (chord >= 0) return null; chord = r; } else { parent[a] = b; tree.push(r); }
  }
  if (chord < 0) return null;
  // walk the tree path from the chord's head back to its tail
  const rx = network.reactions;
  const ends = (r: number): [number, number] => [rx[r]?.reactants[0]?.index ?? -1, rx[r]?.products[0]?.index ?? -1];
  const [u, v] = ends(chord);
  const vector = new Array<number>(m).fill(0);
  vector[chord] = 1;
  const path = treePath(tree.map((r) => [r, ...ends(r)] as const), v, u);
  if (path === null) return null;
  for (const [r, sign] of path) vector[r] = (vector[r] ?? 0) + sign;
  return { vector };
}

function treePath(edges: readonly (readonly [number, number, number])[], start: number, goal: number): [number, number][] | null {
  const seen = new Set<number>([start]);
  const stack: { at: number; path: [number, number][] }[] = [{ at: start, path: [] }];
  while (stack.length > 0) {
    const { at, path } = stack.pop() ?? { at: -1, path: [] };
    if (at === goal) return path;
    for (const [r, a, b] of edges) {
      const next = a === at ? b : b === at ? a : -1;
      if (next < 0 || seen.has(next)) continue;
      seen.add(next);
      stack.push({ at: next, path: [...path, [r, a === at ? 1 : -1]] });
    }
  }
  return null;
}

/** The tilted generator in rationals: off-diagonal Σ entry(e) over the jumps i → j, diagonal −Σ κ_e (untilted escape rate). */
function tiltedExact(j: Jumps, entry: (e: number) => Rational | null, rate: (e: number) => Rational | null): Rational[][] | null {
  const n = j.states;
  const L = Array.from({ length: n }, () => new Array<Rational>(n).fill(ZERO));
  for (let e = 0; e < j.from.length; e++) {
    const i = j.from[e] ?? 0, t = j.to[e] ?? 0, v = entry(e), w = rate(e);
    if (v === null || w === null) return null;
    const row = L[i] ?? [];
    row[t] = add(row[t] ?? ZERO, v);
    row[i] = sub(row[i] ?? ZERO, w);
  }
  return L;
}

/** λI − L. */
function shift(L: readonly (readonly Rational[])[], lam: Rational): Rational[][] {
  return L.map((row, i) => row.map((v, k) => (k === i ? sub(lam, v) : neg(v))));
}

/** The determinant by Gaussian elimination over the rationals (pivot: first non-zero). */
function determinant(M: Rational[][]): Rational {
  const n = M.length;
  const a = M.map((r) => [...r]);
  let det: Rational = ONE;
  for (let k = 0; k < n; k++) {
    const p = a.findIndex((row, i) => i >= k && !isZero(row[k] ?? ZERO));
    if (p < 0) return ZERO;
    if (p !== k) { [a[p], a[k]] = [a[k] ?? [], a[p] ?? []]; det = neg(det); }
    const rk = a[k] ?? [];
    const piv = rk[k] ?? ONE;
    det = mul(det, piv);
    for (let i = k + 1; i < n; i++) {
      const ri = a[i] ?? [];
      const f = div(ri[k] ?? ZERO, piv) ?? ZERO;
      if (isZero(f)) continue;
      for (let c = k; c < n; c++) ri[c] = sub(ri[c] ?? ZERO, mul(f, rk[c] ?? ZERO));
    }
  }
  return det;
}

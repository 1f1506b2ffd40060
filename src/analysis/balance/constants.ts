/**
 * The constants every detailed-balance check reads: per reaction ln K_r (reservoirs folded in),
 * the size of the terms it is made of, and K_r exactly when the inputs are rationals; and a
 * cycle's affinity Σ_r c_r ln K_r, in floating point or as an exact product.
 */
import { bigLogRatio, bigRatio, powInt } from "../../numeric/exact/rational.js";
import { reservoirColumn } from "../../network/stoichiometry.js";
import type { Network, RateConstant } from "../../network/types.js";

/** Relative tolerance of the floating-point verdict (see the module comment). */
export const TOLERANCE = 1e-9;

/** A positive fraction kept unreduced: reducing 10^5 of them costs more than the whole verdict. */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

/** The log equilibrium constants of the reactions, their error scales and exact values. */
export interface ReactionConstants {
  /** ln K_r, or +Infinity for a one-way reaction. */
  readonly lnK: Float64Array;
  /** K_r = kf/kr · Π_Y [Y]^(−S_Yr) as a number (exact value rounded once when rational). */
  readonly K: Float64Array;
  /** |ln kf| + |ln kr| + Σ_Y |S_Yr| |ln[Y]|: the size of the terms that make up ln K_r. */
  readonly scale: Float64Array;
  /** K_r exactly (not reduced: no gcd), when kf, kr and every reservoir it touches are rationals. */
  readonly exact: ExactConstants;
  readonly oneWay: number[];
}

/**
 * The exact K_r, worked out reaction by reaction on first use: an exact verdict on a large network
 * walks only some of its cycles, and parsing every literal exactly would cost more than the rest.
 */
export interface ExactConstants {
  /** 1 when K_r is known exactly (rational kf, kr and reservoirs), known without computing it. */
  readonly available: Uint8Array;
  /** K_r exactly (unreduced), or null when not available. */
  get(r: number): Fraction | null;
  /** Bits of K_r's numerator and denominator. */
  bits(r: number): number;
}

const isRational = (k: RateConstant): boolean => k.rational ?? k.exact !== null;

export function reactionConstants(network: Network): ReactionConstants {
  const m = network.reactions.length;
  const lnK = new Float64Array(m), scale = new Float64Array(m), K = new Float64Array(m);
  const available = new Uint8Array(m);
  const oneWay: number[] = [];
  for (const r of network.reactions) {
    const i = r.index;
    if (r.reverse === null) {
      oneWay.push(i);
      lnK[i] = Infinity;
      K[i] = Infinity;
      scale[i] = Infinity;
      continue;
    }
    let l = Math.log(r.forward.value) - Math.log(r.reverse.value);
    let s = Math.abs(Math.log(r.forward.value)) + Math.abs(Math.log(r.reverse.value));
    let kk = r.forward.value / r.reverse.value;
    let rational = isRational(r.forward) && isRational(r.reverse);
    if (r.reservoirReactants.length + r.reservoirProducts.length > 0) reservoirColumn(r).forEach((coef, y) => {
      const res = network.reservoirs[y]!;
      const ly = Math.log(res.value);
      l -= coef * ly;
      kk *= res.value ** -coef;
      s += Math.abs(coef * ly);
      rational &&= res.exact !== null && res.exact.num !== 0n;
    });
    lnK[i] = l;
    K[i] = kk;
    scale[i] = s;
    available[i] = rational ? 1 : 0;
  }
  return { lnK, K, scale, exact: lazyExact(network, available), oneWay };
}

function lazyExact(network: Network, available: Uint8Array): ExactConstants {
  const memo = new Map<number, Fraction | null>();
  const sizes = new Map<number, number>();
  const get = (i: number): Fraction | null => {
    if (!available[i]) return null;
    let q = memo.get(i);
    if (q !== undefined) return q;
    const r = network.reactions[i]!;
    const f = r.forward.exact, b = r.reverse?.exact;
    q = f && b && b.num > 0n ? { num: f.num * b.den, den: f.den * b.num } : null;
    if (q && r.reservoirReactants.length + r.reservoirProducts.length > 0) {
      reservoirColumn(r).forEach((coef, y) => {
        const p = powInt(network.reservoirs[y]!.exact!, -coef);
        q = q && p ? { num: q.num * p.num, den: q.den * p.den } : null;
      });
    }
    memo.set(i, q);
    return q;
  };
  const bits = (i: number): number => {
    let n = sizes.get(i);
    if (n === undefined) {
      const q = get(i);
      n = q ? bitLength(q.num) + bitLength(q.den) : 0;
      sizes.set(i, n);
    }
    return n;
  };
  return { available, get, bits };
}

/**
 * Π_r K_r^{c_r} exactly as a numerator and denominator (not reduced), or null when a K_r on the
 * cycle is not exact or the product would exceed MAX_EXACT_BITS.
 */
export function exactCycleProduct(exact: ExactConstants, cycle: ReadonlyMap<number, number>): { num: bigint; den: bigint } | null {
  const nums: bigint[] = [], dens: bigint[] = [];
  let bits = 0;
  for (const [r, c] of cycle) {
    const k = exact.get(r);
    if (!k) return null;
    bits += Math.abs(c) * exact.bits(r);
    if (bits > MAX_EXACT_BITS) return null;
    const e = BigInt(Math.abs(c));
    nums.push((c > 0 ? k.num : k.den) ** e);
    dens.push((c > 0 ? k.den : k.num) ** e);
  }
  return { num: productTree(nums), den: productTree(dens) };
}

/** Π xs multiplied in a balanced tree: long cycles cost M(n) log n, not the n² of a running product. */
function productTree(xs: bigint[]): bigint {
  if (xs.length === 0) return 1n;
  while (xs.length > 1) {
    const next: bigint[] = [];
    for (let i = 0; i + 1 < xs.length; i += 2) next.push(xs[i]! * xs[i + 1]!);
    if (xs.length % 2 === 1) next.push(xs[xs.length - 1]!);
    xs = next;
  }
  return xs[0]!;
}

/** Products larger than this many bits are not formed; the verdict falls back to the tolerance. */
export const MAX_EXACT_BITS = 4_000_000;

function bitLength(x: bigint): number {
  return (x < 0n ? -x : x).toString(16).length * 4;
}

/** ln(num/den) accurately, also when the ratio is within rounding of 1. */
export function logRatio(num: bigint, den: bigint): number {
  const diff = num - den;
  const small = (diff < 0n ? -diff : diff) * 1000n < den;
  // no gcd: the products of long cycles have tens of thousands of digits
  return small ? Math.log1p(bigRatio(diff, den)) : bigLogRatio(num, den);
}

/**
 * Sum of c_r ln K_r with one-way reactions (ln K = +∞): ±∞ when they all push the same way,
 * NaN when they oppose each other.
 */
export function cycleAffinity(lnK: Float64Array, cycle: ReadonlyMap<number, number>): number {
  let finite = 0, up = 0, down = 0;
  for (const [r, c] of cycle) {
    const l = lnK[r]!;
    if (l === Infinity) c > 0 ? up++ : down++;
    else finite += c * l;
  }
  if (up > 0 && down > 0) return NaN;
  return up > 0 ? Infinity : down > 0 ? -Infinity : finite;
}


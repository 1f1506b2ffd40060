/**
 * The constants every detailed-balance check reads: per reaction ln K_r (reservoirs folded in),
 * the rigorous bound on its rounding error, and K_r exactly when the inputs are rationals.
 * Opposite one-way reactions (`A -> B @ 2`, `B -> A @ 1`) are paired into one two-way reaction.
 *
 *   ln K_r = ln kf_r − ln kr_r − Σ_Y S_Yr ln[Y]
 *   e_r    = u · (2.01 t_r + κ_r s_r),  s_r = |ln kf| + |ln kr| + Σ_Y |S_Yr| |ln[Y]|,
 *            t_r = 2 + Σ_Y |S_Yr| values read, κ_r = 4 + 1.01 (q_r − 1) for q_r summands
 *
 * (docs/balance.md derives e_r.) e_r is kept as an integer count of units U = u/1024, rounded up,
 * so that sums of e_r along tree paths are exact and their differences cancel exactly.
 */
import { powInt } from "../../numeric/exact/rational.js";
import { reservoirColumn } from "../../network/stoichiometry.js";
import { oppositePairs } from "../../network/pairs.js";
import { reactionReader, twoWayAt, type ReactionReader } from "../../network/reaction-reader.js";
import type { Network } from "../../network/types.js";

/** The unit roundoff of IEEE double precision. */
export const UNIT_ROUNDOFF = 2 ** -53;
/** The unit in which per-reaction error bounds are counted (a power of two: scaling is exact). */
export const ERROR_UNIT = UNIT_ROUNDOFF / 1024;

/** A positive fraction kept unreduced: reducing 10^5 of them costs more than the whole verdict. */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

/** The log equilibrium constants of the reactions, their error bounds and exact values. */
export interface ReactionConstants {
  /** ln K_r, or +Infinity for a one-way reaction (unpaired). */
  readonly lnK: Float64Array;
  /** K_r = kf/kr · Π_Y [Y]^(−S_Yr) as a number. */
  readonly K: Float64Array;
  /** s_r = |ln kf| + |ln kr| + Σ_Y |S_Yr| |ln[Y]|: the size of the terms ln K_r is made of. */
  readonly scale: Float64Array;
  /** e_r / ERROR_UNIT, an integer: the bound on the error of lnK[r] (Infinity when one-way). */
  readonly errorUnits: Float64Array;
  /** 1 when the reaction is two-way for balance (written two-way, or paired). */
  readonly twoWay: Uint8Array;
  /** K_r exactly (not reduced: no gcd), when kf, kr and every reservoir it touches are rationals. */
  readonly exact: ExactConstants;
  /** One-way reactions left after pairing. */
  readonly oneWay: number[];
  /** Paired opposite one-way reactions: [forward, reverse]; the reverse one has ln K = −ln K of the forward. */
  readonly pairs: readonly (readonly [number, number])[];
  /** For each reaction the partner of its pair, or −1. */
  readonly partner: Int32Array;
}

/** The exact K_r, worked out reaction by reaction on first use. */
export interface ExactConstants {
  /** 1 when K_r is known exactly (rational kf, kr and reservoirs), known without computing it. */
  readonly available: Uint8Array;
  /** K_r exactly (unreduced), or null when not available. */
  get(r: number): Fraction | null;
  /** Bits of K_r's numerator and denominator. */
  bits(r: number): number;
}

/**
 * ln K_r, its error bound and exact value per reaction. With `pair` (what the balance verdict
 * uses) opposite one-way reactions become one two-way reaction; without it (the default, for the
 * currents) every one-way reaction keeps ln K = +∞.
 *
 *   reactionConstants(net("species A = 1, B\nA <-> B @ 2, 1")).lnK // [ln 2]
 */
export function reactionConstants(network: Network, pair = false): ReactionConstants {
  // read number by number (reaction-reader.ts): a compiled file's 10^5–10^6 reactions are not made
  const reader = reactionReader(network);
  const m = reader.count;
  const lnK = new Float64Array(m), scale = new Float64Array(m), K = new Float64Array(m), errorUnits = new Float64Array(m);
  const available = new Uint8Array(m), twoWay = new Uint8Array(m);
  const { pairs, partner } = pair ? oppositePairs(network) : { pairs: [], partner: new Int32Array(m).fill(-1) };
  const oneWay: number[] = [];
  for (let i = 0; i < m; i++) {
    const p = partner[i] ?? -1;
    if (p >= 0 && p < i) continue; // a pair's second member was filled in with its first
    const back = reverseOf(reader, partner, i);
    if (back < 0) {
      lnK[i] = Infinity; K[i] = Infinity; scale[i] = Infinity; errorUnits[i] = Infinity;
      oneWay.push(i);
      continue;
    }
    // values and rationality read without making rate objects (columns of a packed reaction)
    const direction = back === i ? 1 : 0; // its own reverse, or its partner's forward
    const kf = reader.rateValue(i, 0), kr = reader.rateValue(back, direction);
    const lf = Math.log(kf), lr = Math.log(kr);
    let l = lf - lr;
    let s = Math.abs(lf) + Math.abs(lr);
    let kk = kf / kr;
    let rational = reader.rateRational(i, 0) && reader.rateRational(back, direction);
    let reads = 2, summands = 2;
    // a loop, not forEach with a closure: a closure that assigns these six variables would make them
    // a context allocated on every iteration, its doubles boxed (~140 bytes a reaction, 70 MB for
    // the 500 000 transitions of bench/check.bench.ts), whether or not the reaction has reservoirs
    if (reader.hasReservoirs(i)) for (const [y, coef] of reservoirColumn(reader.reaction(i))) {
      const res = network.reservoirs[y];
      if (res === undefined) throw new Error(`reaction ${reader.reaction(i).id}: no reservoir ${y}`);
      const ly = Math.log(res.value);
      l -= coef * ly;
      kk *= res.value ** -coef;
      s += Math.abs(coef * ly);
      reads += Math.abs(coef);
      summands++;
      rational &&= res.exact !== null && res.exact.num !== 0n;
    }
    const kappa = 4 + 1.01 * (summands - 1);
    const units = Math.ceil((2.01 * reads + kappa * s) * 1024 * (1 + 2 ** -40));
    lnK[i] = l; K[i] = kk; scale[i] = s; errorUnits[i] = units; available[i] = rational ? 1 : 0; twoWay[i] = 1;
    if (p >= 0) {
      lnK[p] = -l; K[p] = 1 / kk; scale[p] = s; errorUnits[p] = units; available[p] = rational ? 1 : 0; twoWay[p] = 1;
    }
  }
  return { lnK, K, scale, errorUnits, twoWay, exact: lazyExact(network, reader, available, partner), oneWay, pairs, partner };
}

/**
 * The reaction that holds reaction i's reverse rate constant: i itself when written two-way (its
 * reverse), its partner in an opposite one-way pair (the partner's forward), else −1 (one-way).
 */
function reverseOf(reader: ReactionReader, partner: Int32Array, i: number): number {
  if (twoWayAt(reader, i)) return i;
  return partner[i] ?? -1;
}

function lazyExact(network: Network, reader: ReactionReader, available: Uint8Array, partner: Int32Array): ExactConstants {
  const memo = new Map<number, Fraction | null>();
  const sizes = new Map<number, number>();
  const own = (i: number): Fraction | null => {
    if (i < 0 || i >= reader.count) return null;
    const r = reader.reaction(i), b0 = reverseOf(reader, partner, i);
    const back = b0 < 0 ? null : reader.reaction(b0);
    const f = r.forward.exact, b = back === null ? null : back === r ? r.reverse!.exact : back.forward.exact;
    let q: Fraction | null = f && b && b.num > 0n ? { num: f.num * b.den, den: f.den * b.num } : null;
    if (q && r.reservoirReactants.length + r.reservoirProducts.length > 0) {
      reservoirColumn(r).forEach((coef, y) => {
        const v = network.reservoirs[y]?.exact;
        const p = v ? powInt(v, -coef) : null;
        q = q && p ? { num: q.num * p.num, den: q.den * p.den } : null;
      });
    }
    return q;
  };
  const get = (i: number): Fraction | null => {
    if (!available[i]) return null;
    let q = memo.get(i);
    if (q !== undefined) return q;
    const p = partner[i] ?? -1;
    if (p >= 0 && p < i) {
      const first = own(p);
      q = first ? { num: first.den, den: first.num } : null;
    } else q = own(i);
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

function bitLength(x: bigint): number {
  return (x < 0n ? -x : x).toString(16).length * 4;
}

/**
 * ln(1 + ½·10^(1−d)) for a value whose shortest decimal has d significant digits: the most that
 * rounding the written value can have moved its logarithm. Trailing zeros are not seen (1.50
 * reads as 2 digits), so this errs towards explaining a violation by rounding. An integer whose
 * shortest decimal does not end in 0 (1, 2, 17, 365) is taken as exact, precision 0: a count or a
 * value the author chose, not a rounded measurement (8000 or 3e8 are read as rounded to 1 digit).
 *
 *   writtenPrecision(0.5)   // ln 1.5: one significant digit
 *   writtenPrecision(1.25)  // ln 1.005
 *   writtenPrecision(2)     // 0: an integer, exact
 */
export function writtenPrecision(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 0;
  if (Number.isInteger(value) && /^[0-9]*[1-9]$/.test(String(value))) return 0;
  const mantissa = String(value).replace(/e.*$/, "").replace(".", "").replace(/^0+/, "").replace(/0+$/, "");
  return Math.log1p(0.5 * 10 ** (1 - Math.max(1, mantissa.length)));
}

/** Σ over the values a reaction's ln K is read from of their written precision (|S_Yr| per reservoir). */
export function reactionPrecision(network: Network, partner: Int32Array, i: number): number {
  const reader = reactionReader(network);
  if (i < 0 || i >= reader.count) return 0;
  const back = reverseOf(reader, partner, i);
  if (back < 0) return Infinity;
  let p = writtenPrecision(reader.rateValue(i, 0)) + writtenPrecision(reader.rateValue(back, back === i ? 1 : 0));
  if (reader.hasReservoirs(i)) reservoirColumn(reader.reaction(i)).forEach((coef, y) => {
    p += Math.abs(coef) * writtenPrecision(network.reservoirs[y]?.value ?? NaN);
  });
  return p;
}

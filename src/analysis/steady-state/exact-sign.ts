/**
 * The exact sign of the net rate along a one-dimensional class, for the network as its doubles
 * say. Every double is a dyadic rational m · 2^e, so along x(t) = x0 + t q (t, x0, q and the rate
 * constants all doubles)
 *
 *   g(t) = Σ_r w_r (k⁺_r Π_i x_i(t)^α_ir − k⁻_r Π_i x_i(t)^β_ir),  w_r = Σ_i S_ir q_i,
 *
 * is a dyadic rational too, and its sign is computed without rounding (BigInt mantissas, exponents
 * aligned). Floating evaluation cannot tell a double root from two simple roots 1e-7 apart (the
 * dip between them, ~1e-15 of the rates, is at rounding); the exact sign can, so the root
 * isolation of search.ts splits a critical point that is not a root into the roots around it.
 */
import type { CompatibilityClass } from "./class.js";
import type { Kinetics } from "./kinetics.js";

/** m · 2^e exactly. */
interface Dyadic {
  readonly m: bigint;
  readonly e: number;
}

const ZERO: Dyadic = { m: 0n, e: 0 };

/** A finite double as m · 2^e (m odd or 0). */
function fromDouble(v: number): Dyadic {
  if (v === 0 || !Number.isFinite(v)) return ZERO;
  let e = 0;
  let x = Math.abs(v);
  // scale into the integers by powers of two (exact), at most 1074 + 53 halvings or doublings
  while (!Number.isInteger(x)) {
    x *= 2;
    e--;
  }
  while (x > Number.MAX_SAFE_INTEGER) {
    x /= 2;
    e++;
  }
  const m = BigInt(x);
  return { m: v < 0 ? -m : m, e };
}

const mul = (a: Dyadic, b: Dyadic): Dyadic => ({ m: a.m * b.m, e: a.e + b.e });

function add(a: Dyadic, b: Dyadic): Dyadic {
  if (a.m === 0n) return b;
  if (b.m === 0n) return a;
  const e = Math.min(a.e, b.e);
  return { m: (a.m << BigInt(a.e - e)) + (b.m << BigInt(b.e - e)), e };
}

function pow(a: Dyadic, n: number): Dyadic {
  return n === 0 ? { m: 1n, e: 0 } : { m: a.m ** BigInt(n), e: a.e * n };
}

/**
 * The sign (−1, 0, 1) of g(t) = q · dx/dt at x0 + t q, computed exactly (module comment). Assumes
 * a one-dimensional class. Linear in the number of rate terms, with BigInts as long as the powers.
 *
 *   // X = 0;  0 <-> X @ 2.0000002, 5.0000003;  2 X <-> 3 X @ 4.0000001, 1
 *   exactNetRateSign(kin, cls, 1.00000005);   // −1: the dip between the roots 1 and 1 + 1e-7
 *   exactNetRateSign(kin, cls, 0.5);          //  1
 */
export function exactNetRateSign(kin: Kinetics, cls: CompatibilityClass, t: number): number {
  const [q] = cls.basis;
  if (q === undefined) return 0;
  const td = fromDouble(t);
  const x = q.map((qi, i) => add(fromDouble(cls.x0[i] ?? NaN), mul(td, fromDouble(qi))));
  const monomial = (k: number, terms: readonly { index: number; coefficient: number }[]): Dyadic =>
    terms.reduce((v, u) => mul(v, pow(x[u.index] ?? ZERO, u.coefficient)), fromDouble(k));
  let g = ZERO;
  for (const [r, column] of kin.columns.entries()) {
    let w = ZERO;
    for (const [i, s] of column) w = add(w, mul(fromDouble(s), fromDouble(q[i] ?? NaN)));
    if (w.m === 0n) continue;
    const fwd = kin.forward[r];
    const rev = kin.reverse[r];
    let net = fwd ? monomial(fwd.k, fwd.terms) : ZERO;
    if (rev) net = add(net, mul({ m: -1n, e: 0 }, monomial(rev.k, rev.terms)));
    g = add(g, mul(w, net));
  }
  return g.m > 0n ? 1 : g.m < 0n ? -1 : 0;
}

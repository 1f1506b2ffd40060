/**
 * The portable generator of the stochastic simulations: xoshiro128** (Blackman and Vigna 2018),
 * 32-bit words in Math.imul and shifts only, seeded through splitmix32. The same seed gives the
 * same stream of numbers on every machine and Node version (no Math.random, no platform floats
 * in the state), so a trajectory is reproduced from its seed alone.
 */

/** splitmix32 step: spreads a small seed over all 32 bits (used only to seed). */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** 2^-53, for doubles built from 53 random bits. */
const TWO_M53 = 1 / 9007199254740992;
const TWO_26 = 67108864;

export class Xoshiro128 {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `seed` is any integer (taken modulo 2^32); stream `stream` gives an independent run of it. */
  constructor(seed: number, stream = 0) {
    const st = { s: (seed >>> 0) ^ Math.imul(stream >>> 0, 0x632be5ab) };
    this.a = splitmix32(st);
    this.b = splitmix32(st);
    this.c = splitmix32(st);
    this.d = splitmix32(st);
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** A generator in the given state (the reference implementation's test vectors start from one). */
  static fromState(a: number, b: number, c: number, d: number): Xoshiro128 {
    const g = new Xoshiro128(0);
    g.restore(Uint32Array.of(a, b, c, d));
    return g;
  }

  /** The four state words, for a hot loop that runs the generator inline (see markov.ts). */
  save(): Uint32Array {
    return Uint32Array.of(this.a, this.b, this.c, this.d);
  }

  /** Continues from state words a hot loop has advanced. */
  restore(words: Uint32Array): void {
    this.a = words[0] ?? 0;
    this.b = words[1] ?? 0;
    this.c = words[2] ?? 0;
    this.d = words[3] ?? 0;
  }

  /** The next 32-bit unsigned integer. */
  next32(): number {
    const b = this.b;
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    this.c ^= this.a;
    this.d ^= b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return r;
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  uniform(): number {
    return ((this.next32() >>> 5) * TWO_26 + (this.next32() >>> 6)) * TWO_M53;
  }

  /** A uniform double in (0, 1]: safe under a logarithm. */
  positive(): number {
    return 1 - this.uniform();
  }

  /** An exponential deviate of rate 1. */
  exponential(): number {
    return -Math.log(this.positive());
  }

  /** A standard normal deviate (Marsaglia's polar method; the second deviate is dropped). */
  normal(): number {
    for (;;) {
      const u = 2 * this.uniform() - 1, v = 2 * this.uniform() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
    }
  }

  /** A Gamma(shape, 1) deviate (Marsaglia and Tsang 2000; shape < 1 by Gamma(shape+1)·U^(1/shape)). */
  gamma(shape: number): number {
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(this.positive(), 1 / shape);
    const d = shape - 1 / 3, c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = this.normal();
      const v0 = 1 + c * x;
      if (v0 <= 0) continue;
      const v = v0 * v0 * v0;
      const u = this.positive();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  }

  /** A Poisson(mean) deviate: by inversion for small means, by a Gamma split for large ones. */
  poisson(mean: number): number {
    let k = 0;
    let m = mean;
    // Ahrens–Dieter splitting: X ~ Poisson(m); with G ~ Gamma(n), if G > m then X ~ Binomial(n−1, m/G)
    while (m > 30) {
      const n = Math.floor(0.875 * m);
      const g = this.gamma(n);
      if (g > m) return k + this.binomial(n - 1, m / g);
      k += n;
      m -= g;
    }
    const limit = Math.exp(-m);
    let p = this.positive();
    while (p > limit) {
      k++;
      p *= this.positive();
    }
    return k;
  }

  /** A Binomial(n, p) deviate (by Beta splitting for large n). */
  binomial(n: number, p: number): number {
    let k = 0;
    let trials = n, q = p;
    while (trials > 40) {
      const i = 1 + (trials >> 1);
      const x = this.gamma(i), y = this.gamma(trials + 1 - i);
      const beta = x / (x + y);
      if (beta <= q) {
        k += i;
        trials -= i;
        q = (q - beta) / (1 - beta);
      } else {
        trials = i - 1;
        q = q / beta;
      }
    }
    for (let j = 0; j < trials; j++) if (this.uniform() < q) k++;
    return k;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

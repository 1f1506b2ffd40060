/**
 * Test-only known answers for two-variable polynomial systems, computed exactly and
 * independently of ness's solvers (no floating point decides anything here):
 *
 *   f(x, y) = g(x, y) = 0, coefficients exact rationals (doubles are converted exactly)
 *   R_y(x) = Res_y(f, g) = det Sylvester_y(f, g)   (BigInt: determinants of integer matrices at
 *                                                   deg + 1 integer points, Newton interpolation)
 *   R_x(y) = Res_x(f, g)                            (the same with the variables swapped)
 *
 * Every common root (x*, y*) has R_y(x*) = 0 and R_x(y*) = 0. The real roots of each resultant
 * are isolated by Sturm sequences of its square-free part and refined by exact bisection on
 * dyadic endpoints; each candidate pair of isolating intervals is then kept when exact rational
 * interval evaluation of f and g on the pair's box (width ~2^-90 relative) contains 0 for both,
 * and thrown out when it excludes 0 for either (which is a proof that no root lies there). The
 * kept pairs are the real solutions, located to ~1e-15 relative. A resultant that vanishes
 * identically means f and g share a factor (a curve of solutions): `continuum` is then true.
 *
 *   realSolutions([{ c: 1, x: 2, y: 0 }, { c: -1, x: 0, y: 0 }],        // x² − 1
 *                 [{ c: 1, x: 0, y: 1 }, { c: -1, x: 1, y: 0 }])        // y − x
 *   // → { continuum: false, points: [[-1, -1], [1, 1]], nonNegative: 1 }
 */

/** c · x^x · y^y with an exact rational c (a double is read exactly). */
export interface Term { readonly c: number | Q; readonly x: number; readonly y: number }

/** An exact rational n / d, d > 0. */
export interface Q { readonly n: bigint; readonly d: bigint }

const babs = (a: bigint): bigint => (a < 0n ? -a : a);
function gcd(a: bigint, b: bigint): bigint { a = babs(a); b = babs(b); while (b) [a, b] = [b, a % b]; return a; }
const q = (n: bigint, d: bigint = 1n): Q => { if (d < 0n) { n = -n; d = -d; } const g = gcd(n, d) || 1n; return { n: n / g, d: d / g }; };
const qadd = (a: Q, b: Q): Q => q(a.n * b.d + b.n * a.d, a.d * b.d);
const qsub = (a: Q, b: Q): Q => q(a.n * b.d - b.n * a.d, a.d * b.d);
const qmul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
const qdiv = (a: Q, b: Q): Q => q(a.n * b.d, a.d * b.n);
const qcmp = (a: Q, b: Q): number => { const s = a.n * b.d - b.n * a.d; return s > 0n ? 1 : s < 0n ? -1 : 0; };
const qnum = (a: Q): number => Number(a.n * 10n ** 40n / a.d) / 1e40;

/** The exact rational value of a finite double. */
export function exact(v: number | Q): Q {
  if (typeof v !== "number") return v;
  if (!Number.isFinite(v)) throw new RangeError(`not finite: ${v}`);
  let d = 1n, m = v;
  while (!Number.isInteger(m)) { m *= 2; d *= 2n; }
  return q(BigInt(m), d);
}

/** Polynomial in one variable with integer coefficients, constant first. */
type ZPoly = bigint[];

function trim(p: ZPoly): ZPoly { const r = [...p]; while (r.length > 0 && r[r.length - 1] === 0n) r.pop(); return r; }

/** Integer determinant by Bareiss' fraction-free elimination (row swaps for zero pivots). */
function det(m: bigint[][]): bigint {
  const a = m.map((r) => [...r]);
  const n = a.length;
  let sign = 1n, prev = 1n;
  for (let k = 0; k < n; k++) {
    let p = k;
    while (p < n && (a[p] as bigint[])[k] === 0n) p++;
    if (p === n) return 0n;
    if (p !== k) { [a[p], a[k]] = [a[k] as bigint[], a[p] as bigint[]]; sign = -sign; }
    const rk = a[k] as bigint[];
    for (let i = k + 1; i < n; i++) {
      const ri = a[i] as bigint[];
      for (let j = k + 1; j < n; j++) ri[j] = ((rk[k] as bigint) * (ri[j] as bigint) - (ri[k] as bigint) * (rk[j] as bigint)) / prev;
      ri[k] = 0n;
    }
    prev = rk[k] as bigint;
  }
  return sign * ((a[n - 1] as bigint[])[n - 1] as bigint);
}

/** Integer coefficients (denominators cleared) of the terms; `swap` exchanges x and y. */
function integerTerms(terms: readonly Term[], swap: boolean): { c: bigint; x: number; y: number }[] {
  const qs = terms.map((t) => ({ c: exact(t.c), x: swap ? t.y : t.x, y: swap ? t.x : t.y }));
  let l = 1n;
  for (const t of qs) l = (l * t.c.d) / gcd(l, t.c.d);
  return qs.map((t) => ({ c: (t.c.n * l) / t.c.d, x: t.x, y: t.y })).filter((t) => t.c !== 0n);
}

/** Coefficients in y of f(x0, y) for integer x0, constant first. */
function inY(terms: readonly { c: bigint; x: number; y: number }[], x0: bigint): ZPoly {
  const out: ZPoly = [];
  for (const t of terms) {
    while (out.length <= t.y) out.push(0n);
    out[t.y] = (out[t.y] as bigint) + t.c * x0 ** BigInt(t.x);
  }
  return out;
}

/** Res_y(f, g)(x) with integer coefficients (up to a positive rational factor), or [] if ≡ 0. */
export function resultantY(f: readonly Term[], g: readonly Term[], swap = false): ZPoly {
  const F = integerTerms(f, swap), G = integerTerms(g, swap);
  const m = Math.max(0, ...F.map((t) => t.y)), n = Math.max(0, ...G.map((t) => t.y));
  const degT = (ts: typeof F): number => Math.max(0, ...ts.map((t) => t.x + t.y));
  const D = degT(F) * degT(G) + 1; // deg R ≤ deg f · deg g (Bézout); one spare point
  const xs: bigint[] = [], vals: bigint[] = [];
  for (let k = 0; k <= D; k++) {
    const x0 = BigInt(k);
    const a = inY(F, x0), b = inY(G, x0);
    while (a.length <= m) a.push(0n);
    while (b.length <= n) b.push(0n);
    // Sylvester matrix of size m + n: n shifted rows of f's coefficients, m of g's (highest first)
    const size = m + n;
    const rows: bigint[][] = [];
    for (let i = 0; i < n; i++) rows.push(Array.from({ length: size }, (_, j) => (j - i >= 0 && j - i <= m ? (a[m - (j - i)] as bigint) : 0n)));
    for (let i = 0; i < m; i++) rows.push(Array.from({ length: size }, (_, j) => (j - i >= 0 && j - i <= n ? (b[n - (j - i)] as bigint) : 0n)));
    xs.push(x0);
    vals.push(size === 0 ? 1n : det(rows));
  }
  // Newton interpolation over Q, then clear denominators
  const coef: Q[] = vals.map((v) => q(v));
  for (let j = 1; j < coef.length; j++) for (let i = coef.length - 1; i >= j; i--) coef[i] = qdiv(qsub(coef[i] as Q, coef[i - 1] as Q), q((xs[i] as bigint) - (xs[i - j] as bigint)));
  let poly: Q[] = [q(0n)];
  for (let i = coef.length - 1; i >= 0; i--) {
    // poly = poly · (x − xs[i]) + coef[i]
    const next: Q[] = Array.from({ length: poly.length + 1 }, () => q(0n));
    poly.forEach((c, k) => { next[k + 1] = qadd(next[k + 1] as Q, c); next[k] = qsub(next[k] as Q, qmul(c, q(xs[i] as bigint))); });
    next[0] = qadd(next[0] as Q, coef[i] as Q);
    poly = next;
  }
  let l = 1n;
  for (const c of poly) l = (l * c.d) / gcd(l, c.d);
  return trim(poly.map((c) => (c.n * l) / c.d));
}

/** p(a/2^k)·2^(k·deg) exactly: its sign is the sign of p at the dyadic a/2^k. */
function signAt(p: ZPoly, a: bigint, k: bigint): number {
  let s = 0n;
  const deg = p.length - 1;
  // Horner on p(a / 2^k) · 2^(k deg) = Σ p_i a^i 2^(k (deg − i))
  for (let i = deg; i >= 0; i--) s = s * a + (p[i] as bigint) * (1n << (k * BigInt(deg - i)));
  return s > 0n ? 1 : s < 0n ? -1 : 0;
}

function derivative(p: ZPoly): ZPoly { return p.slice(1).map((c, i) => c * BigInt(i + 1)); }

/** Pseudo-remainder of a by b with a positive scaling (keeps the sign for Sturm). */
function remainder(a: ZPoly, b: ZPoly): ZPoly {
  let r = [...a];
  const db = b.length - 1, lb = b[db] as bigint;
  while (r.length - 1 >= db && r.length > 0) {
    const dr = r.length - 1, lr = r[dr] as bigint;
    const scale = lb < 0n ? -lb : lb; // positive
    const f = lb < 0n ? -lr : lr;
    r = r.map((c) => c * scale);
    for (let i = 0; i <= db; i++) r[dr - db + i] = (r[dr - db + i] as bigint) - f * (b[i] as bigint);
    r = trim(r);
    const g = r.reduce((acc, c) => gcd(acc, c), 0n);
    if (g > 1n) r = r.map((c) => c / g);
  }
  return r;
}

function polyGcd(a: ZPoly, b: ZPoly): ZPoly {
  let x = trim(a), y = trim(b);
  while (y.length > 0) { const r = remainder(x, y); x = y; y = r; }
  return x;
}

/** Exact division of a by b (b divides a). */
function divide(a: ZPoly, b: ZPoly): ZPoly {
  let r: Q[] = a.map((c) => q(c));
  const db = b.length - 1, out: Q[] = Array.from({ length: Math.max(0, a.length - db) }, () => q(0n));
  for (let i = a.length - 1; i >= db; i--) {
    const c = qdiv(r[i] as Q, q(b[db] as bigint));
    out[i - db] = c;
    for (let j = 0; j <= db; j++) r[i - db + j] = qsub(r[i - db + j] as Q, qmul(c, q(b[j] as bigint)));
  }
  r = out;
  let l = 1n;
  for (const c of r) l = (l * c.d) / gcd(l, c.d);
  return trim(r.map((c) => (c.n * l) / c.d));
}

/** Sturm's count of distinct real roots in (a/2^k, b/2^k]. */
function sturmCount(chain: readonly ZPoly[], a: bigint, b: bigint, k: bigint): number {
  const changes = (x: bigint): number => {
    let n = 0, last = 0;
    for (const p of chain) { const s = signAt(p, x, k); if (s !== 0) { if (last !== 0 && s !== last) n++; last = s; } }
    return n;
  };
  return changes(a) - changes(b);
}

/**
 * An isolating interval (lo, hi]·2^-k of one real root of a square-free integer polynomial;
 * `exact` when the root is hi itself. Intervals never straddle 0 (0 is always a split point).
 */
export interface RootInterval { readonly lo: bigint; readonly hi: bigint; readonly k: bigint; readonly exact: boolean }

/** The distinct real roots of p, isolated and refined to width 2^-k·|interval| ≤ 2^-bits (relative). */
export function realRoots(p: ZPoly, bits = 100): RootInterval[] {
  const P = trim(p);
  if (P.length <= 1) return [];
  const sf = divide(P, polyGcd(P, derivative(P)));
  const chain: ZPoly[] = [sf, derivative(sf)];
  while ((chain[chain.length - 1] as ZPoly).length > 1) {
    const r = remainder(chain[chain.length - 2] as ZPoly, chain[chain.length - 1] as ZPoly);
    if (r.length === 0) break;
    chain.push(r.map((c) => -c));
  }
  // Cauchy bound 1 + max |a_i / a_n|, as a power of two
  const lead = babs(sf[sf.length - 1] as bigint);
  let maxr = 0n;
  for (const c of sf.slice(0, -1)) if (babs(c) > maxr) maxr = babs(c);
  let e = 1n;
  while ((1n << e) * lead <= maxr + lead) e++;
  const K = BigInt(bits) + e + 4n;
  const out: RootInterval[] = [];
  const split = (a: bigint, b: bigint): void => { // roots in (a, b]·2^-K
    const n = sturmCount(chain, a, b, K);
    if (n === 0) return;
    if (n === 1 && b - a <= (1n << (K - BigInt(bits))) * (1n + (babs(a) >> K))) {
      out.push({ lo: a, hi: b, k: K, exact: signAt(sf, b, K) === 0 });
      return;
    }
    if (b - a <= 1n) { out.push({ lo: a, hi: b, k: K, exact: signAt(sf, b, K) === 0 }); return; }
    const m = (a + b) >> 1n;
    split(a, m);
    split(m, b);
  };
  split(-(1n << (K + e)), 0n);
  split(0n, 1n << (K + e));
  return out;
}

const mid = (r: RootInterval): Q => q(r.lo + r.hi, 2n << r.k);
const box = (r: RootInterval): [Q, Q] => [q(r.exact ? r.hi : r.lo, 1n << r.k), q(r.hi, 1n << r.k)];
const isZero = (r: RootInterval): boolean => r.exact && r.hi === 0n;
/** The root is ≥ 0: exactly hi ≥ 0, or in (lo, hi] with lo ≥ 0. */
const nonNegativeRoot = (r: RootInterval): boolean => (r.exact ? r.hi >= 0n : r.lo >= 0n);

/** [lo, hi] interval of rationals. */
type QI = [Q, Q];
const imul = (a: QI, b: QI): QI => { const p = [qmul(a[0], b[0]), qmul(a[0], b[1]), qmul(a[1], b[0]), qmul(a[1], b[1])]; p.sort(qcmp); return [p[0] as Q, p[3] as Q]; };
function ipow(a: QI, e: number): QI { let r: QI = [q(1n), q(1n)]; for (let i = 0; i < e; i++) r = imul(r, a); return r; }

/** Does the exact interval enclosure of f over the box contain 0? (false proves no root there) */
function mayVanish(f: readonly Term[], X: QI, Y: QI): boolean {
  let lo = q(0n), hi = q(0n);
  for (const t of f) {
    const c = exact(t.c);
    const m = imul(imul([c, c], ipow(X, t.x)), ipow(Y, t.y));
    lo = qadd(lo, m[0]); hi = qadd(hi, m[1]);
  }
  return qcmp(lo, q(0n)) <= 0 && qcmp(hi, q(0n)) >= 0;
}

export interface RealSolutions {
  /** f and g share a factor: the solutions form a curve (the points are then not computed). */
  readonly continuum: boolean;
  /** The distinct real solutions, sorted by x then y, to ~1e-15 relative. */
  readonly points: readonly (readonly [number, number])[];
  /** How many have x ≥ 0 and y ≥ 0 (decided exactly from the isolating intervals). */
  readonly nonNegative: number;
  /** Per point: is it non-negative (exactly), and which coordinates are exactly 0. */
  readonly signs: readonly { readonly nonNegative: boolean; readonly zeroX: boolean; readonly zeroY: boolean }[];
}

/** Every real common root of f and g (see the module comment). */
export function realSolutions(f: readonly Term[], g: readonly Term[]): RealSolutions {
  const ry = resultantY(f, g, false), rx = resultantY(f, g, true);
  if (ry.length === 0 || rx.length === 0) return { continuum: true, points: [], nonNegative: 0, signs: [] };
  const xs = realRoots(ry), ys = realRoots(rx);
  const points: [number, number][] = [];
  const signs: { nonNegative: boolean; zeroX: boolean; zeroY: boolean }[] = [];
  for (const a of xs) for (const b of ys) {
    const X: QI = box(a), Y: QI = box(b);
    if (!mayVanish(f, X, Y) || !mayVanish(g, X, Y)) continue;
    points.push([a.exact ? qnum(X[1]) : qnum(mid(a)), b.exact ? qnum(Y[1]) : qnum(mid(b))]);
    signs.push({ nonNegative: nonNegativeRoot(a) && nonNegativeRoot(b), zeroX: isZero(a), zeroY: isZero(b) });
  }
  return { continuum: false, points, nonNegative: signs.filter((s) => s.nonNegative).length, signs };
}

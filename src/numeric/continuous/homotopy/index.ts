/**
 * Homotopy continuation: every isolated complex root of a square polynomial system
 * F(x) = 0 (n equations, n unknowns, real double coefficients), each one certified, and every
 * start path accounted for.
 *
 *   system ─▶ total-degree start G_i = x_i^{d_i} − c_i, γ random (track.ts)
 *          ─▶ for each of the Π d_i start roots: track H = (1 − t)F + γ t G from t = 1 to 0
 *             in projective space (RK4 predictor, Newton corrector, path-jumping guard)
 *          ─▶ at t = 0: Newton; the valuation of X₀ (at infinity when X₀ ~ t^v, v > 0); or the
 *             Cauchy endgame for singular ends (endgame.ts)
 *          ─▶ classify: finite-regular, finite-singular (winding number), at-infinity,
 *             positive-dimensional (slice test, dimension.ts), failed (with the reason)
 *          ─▶ certify each regular root by the Krawczyk test in outward-rounded interval
 *             arithmetic, real and non-negative where provable, zero coordinates on a face
 *             (certify.ts, face.ts, ../../interval/)
 *          ─▶ deduplicate by certificates: disjoint boxes are distinct roots, never a distance
 *
 *     import { solvePolynomialSystem } from "../numeric/continuous/homotopy/index.js";
 *     // (x − 1)(x − 2)(x − 3) = 0 and y² − 2 = 0: exponent rows [x, y] with coefficients
 *     const r = solvePolynomialSystem([
 *       { exponents: [[3, 0], [2, 0], [1, 0], [0, 0]], coefficients: [1, -6, 11, -6] },
 *       { exponents: [[0, 2], [0, 0]], coefficients: [1, -2] },
 *     ], { seed: 1, onPath: (done, total) => progress(done, total) });
 *     r.bezout                // 6 paths
 *     r.complete              // true: every path ended classified, no two on one regular root
 *     r.allCertified          // true: every solution has a Krawczyk box
 *     r.solutions[0].certified // { unique: true, real: true, nonNegative: true|false, zeroCoordinates: [], box }
 *
 * What the result promises:
 * - `solutions`: each certified one (`certified.unique`) has a box proved to hold exactly one
 *   root; distinct entries have disjoint boxes, so they are distinct roots, however close
 *   (roots 1e-7 apart stay two). `real` is proved (a conjugation-symmetric box of a real system),
 *   `nonNegative` is proved (lower bounds ≥ 0, with coordinates whose box holds 0 proved exactly
 *   0 on a face, where an equation vanishes identically on it; `zeroCoordinates` lists them).
 *   The printed point is the box centre (imaginary part exactly 0 when real).
 *   An uncertified solution is a singular root: `multiplicity` paths end there (its
 *   multiplicity), located to about the endgame's accuracy (1e-8 relative), not certified.
 * - `complete` means every path is accounted for: a distinct certified root, a singular root,
 *   at infinity, or on a positive-dimensional set. By the theory of the total-degree homotopy
 *   with a random γ, every isolated root is then the end of some path. The classification "at
 *   infinity" (homogenising coordinate below 1e-10 of the point after Newton, or 1e-7 after the
 *   endgame) and the dimension test are numerical, not proved. A path's end is a finite root only
 *   when the affine Newton refinement of its dehomogenised end moves it by at most 1e-6
 *   relative: near a singular point at infinity (X₀ → 0 like t^{1/c}) Newton from the huge affine
 *   point can converge to some distant finite root, which used to count such paths as
 *   "path jumping" onto that root; they now go to the Cauchy endgame, which finds X₀ → 0.
 *   Before the endgame, the valuation test: when X₀/‖X‖ shrinks like t^v (v ≥ 1/32) with the
 *   estimates of four successive t ÷ 8 segments agreeing to 0.03, the path is at infinity (a
 *   badly scaled system can hold a path nearly still for decades of t before that regime, and
 *   the endgame's agreement test is then fooled). A singular end must have a residual within
 *   1e-6 of its terms' size at its scale; otherwise the path is retracked carefully and, if it
 *   ends off the solution set again, it failed.
 * - `components`: endpoints on positive-dimensional sets grouped by dimension (the local
 *   dimension from a random slice test), with the endpoints as witness points. Distinct
 *   components of the same dimension are not separated (no irreducible decomposition).
 * - `failures`: paths that could not be classified, with the reason ("step size underflow
 *   before t = 0.1", "winding number above 16", "path jumping: …" after a careful retrack).
 *
 * Input: one `{ exponents, coefficients }` per equation, exponents as rows (number[][]) or
 * flattened row after row (Int32Array, n per term). Malformed input (wrong lengths, negative
 * or fractional exponents, non-finite coefficients, a zero equation) is a RangeError naming the
 * equation and term. `evaluatePolynomialSystem(system, x)` gives residuals and the Jacobian at
 * a real or complex point. Systems of mass-action steady states are built by the caller
 * (analysis/steady-state/); this folder knows nothing of networks.
 *
 * Not done: polyhedral (BKK) start systems, so a sparse system pays the full Bézout count of
 * paths; exact rational coefficients (the certificate is for the double coefficients given);
 * certification of singular roots; extended precision when double precision cannot separate
 * two paths (such near-singular clusters are resolved by Newton from nearby points instead).
 */
export * from "./solve.js";
export { type Complex, type Polynomial, type PolynomialSystem } from "./system.js";
export { evaluatePolynomialSystem } from "./evaluate.js";
export type { Certificate } from "./certify.js";

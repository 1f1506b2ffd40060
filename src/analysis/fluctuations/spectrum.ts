/**
 * The relaxation spectrum of a Markov chain: the eigenvalues λ_k of the generator Q besides the
 * stationary 0, Re λ_k < 0 on an irreducible class, with relaxation times 1/|Re λ_k| (deeptime's
 * timescales; Noé & Clementi, Curr. Opin. Struct. Biol. 43 (2017) 141, for the discrete-time form
 * t_k = −τ / ln|λ_k(T(τ))| = 1/|Re λ_k| for T(τ) = e^{τQ}).
 *
 * Small chains: every eigenvalue of the dense generator (Hessenberg QR). Large ones, on the closed
 * class C carrying π: shift-invert at 0 with the stationary mode deflated. The left eigenvectors u
 * of −Q for μ ≠ 0 have Σ u = 0 (uᵀ(−Q) 1 = 0 = μ uᵀ1), so the operator
 *   B v = x − (Σ x) π,   xᵀ(−Q) = vᵀ (a left solve, x_g = 0 at the grounded state),
 * maps zero-sum vectors to zero-sum vectors, and B u = u / μ. Its eigenvalues of largest magnitude
 * are the 1/μ of the μ nearest 0, found by the implicitly restarted Arnoldi method
 * (numeric/continuous/arnoldi.ts) on the (|C| − 1)-dimensional zero-sum space; λ = −μ = −1/θ.
 * Each application is one left solve: two sweeps with the steady state's factorisation, or a
 * grounded absorption solve (solve.ts) without it.
 */
import { outOfRange } from "../../numeric/checked.js";
import { arnoldiLargest } from "../../numeric/continuous/arnoldi.js";
import { eigenvalues } from "../../numeric/continuous/eigen.js";
import type { LeftSolver } from "../../numeric/markov/solver.js";
import { mulberry32 } from "../../numeric/random.js";
import type { Jumps } from "./jumps.js";
import { tilted } from "./scgf.js";
import { stronglyConnectedComponents } from "../../numeric/markov/scc.js";
import { csrFromEdges, restrict } from "../../numeric/markov/sparse.js";
import { classSolver, covers, supportOf, type PoissonOptions } from "./solve.js";
import type { RelaxationMode } from "./types.js";

/** What the spectrum is computed with (PoissonOptions: the elimination's limits, passed on to its factorisation). */
export interface SpectrumOptions extends PoissonOptions {
  /** Number of modes (slowest first); default 10. */
  readonly modes?: number;
  /** Dense eigenvalues for chains of at most this many states; default 120. */
  readonly denseStates?: number;
  /** The steady state's factorised generator (SteadyState.solver). */
  readonly solver?: LeftSolver;
  /** Relative residual of the Arnoldi Ritz pairs (of B, see the module comment); default 1e-11. */
  readonly tolerance?: number;
  /** Krylov basis size; default max(2 modes + 1, modes + 16). */
  readonly basisSize?: number;
}

/** The slowest modes and how they were found. */
export interface RelaxationSpectrum {
  /** Eigenvalues λ of the generator besides 0, by relaxation rate −Re λ ascending, a pair's Im λ > 0 member first. */
  readonly modes: readonly RelaxationMode[];
  readonly method: string;
  /** False when Arnoldi stopped at its restart budget before every mode met the tolerance. */
  readonly converged: boolean;
  /** Largest relative residual ‖B x − θ x‖ / |θ| of the Ritz pairs (0 for the dense path). */
  readonly residual: number;
}

/** A left solve returned a non-finite vector (rates past the range of doubles): no spectrum. */
class NotFinite extends Error {}

const bySlowness = (a: RelaxationMode, b: RelaxationMode): number => b.re - a.re || b.im - a.im;

/**
 * The `modes` slowest relaxation modes of the chain `j` with stationary law `pi` (see the module
 * comment): dense for at most `denseStates` states, else shift-invert Arnoldi on the class carrying
 * pi (then: the modes nearest 0, which for every chain met in practice are the slowest; a mode with
 * small |Re λ| and large |Im λ| can be passed over). Null when the dense eigenvalues fail, when pi
 * is spread over several closed classes (sparse path), or when a solve is not finite.
 *
 *   // a ring of N states, rate k forward and k' back: λ_j = k(e^{2πij/N} − 1) + k'(e^{−2πij/N} − 1)
 *   relaxationSpectrum(ringJumps, uniform, { modes: 4 }).modes[0]   // { re: −(k + k')(1 − cos 2π/N), im: ±(k − k') sin 2π/N }
 */
export function relaxationSpectrum(j: Jumps, pi: ArrayLike<number>, options: SpectrumOptions = {}): RelaxationSpectrum | null {
  const want = options.modes ?? 10;
  if (j.states <= (options.denseStates ?? 120)) return denseSpectrum(j, want);
  const states = supportOf(pi, j.states);
  const c = states.length;
  if (c <= 1) return { modes: [], method: "one state", converged: true, residual: 0 };
  if (!covers(options.solver, j.states, states)) {
    // without the steady state's solver (on one closed class) the support must be one class
    const local = new Int32Array(j.states).fill(-1);
    states.forEach((s, r) => (local[s] = r));
    const sub = restrict(csrFromEdges(j.states, j.from, j.to, j.rate), states, local);
    if (stronglyConnectedComponents(sub.n, sub.ptr, sub.idx).count > 1) return null;
  }
  const cs = classSolver(j, pi, states, options.solver, options);
  const n = j.states, full = new Float64Array(n);
  const piLocal = Float64Array.from(states, (s) => pi[s] ?? outOfRange());
  let mass = 0;
  for (const p of piLocal) mass += p;
  const apply = (v: Float64Array): Float64Array => {
    for (let r = 0; r < c; r++) full[states[r] ?? outOfRange()] = v[r] ?? outOfRange();
    const y = cs.solver.leftSolve(full);
    const x = new Float64Array(c);
    let sum = 0;
    for (let r = 0; r < c; r++) {
      const value = y[states[r] ?? outOfRange()] ?? outOfRange();
      x[r] = value;
      sum += value;
    }
    if (!Number.isFinite(sum)) throw new NotFinite();
    const shift = sum / mass;
    for (let r = 0; r < c; r++) x[r] = (x[r] ?? outOfRange()) - shift * (piLocal[r] ?? outOfRange());
    return x;
  };
  // a start vector in the left eigenvectors' own scale, π ∘ (r − r̄) with Σ = 0: iterates stay π-scaled, so that a
  // grounded solve at a state of tiny π does not add a huge multiple of π that the projection cancels
  const rnd = mulberry32(0x5eed);
  const start = new Float64Array(c);
  let mean = 0;
  for (let r = 0; r < c; r++) {
    start[r] = rnd() - 0.5;
    mean += (piLocal[r] ?? outOfRange()) * (start[r] ?? outOfRange());
  }
  mean /= mass;
  for (let r = 0; r < c; r++) start[r] = (piLocal[r] ?? outOfRange()) * ((start[r] ?? outOfRange()) - mean);
  let found: ReturnType<typeof arnoldiLargest>;
  try {
    found = arnoldiLargest(apply, start, {
      wanted: Math.min(want, c - 1), dimension: c - 1,
      ...(options.tolerance === undefined ? {} : { tolerance: options.tolerance }),
      ...(options.basisSize === undefined ? {} : { basisSize: options.basisSize }),
    });
  } catch (e) {
    if (e instanceof NotFinite) return null;
    throw e;
  }
  const modes: RelaxationMode[] = found.re.map((x, k) => {
    const y = found.im[k] ?? outOfRange(), r2 = x * x + y * y;
    // λ = −1/θ = −conj(θ)/|θ|²
    return { re: -x / r2, im: y / r2 };
  });
  modes.sort(bySlowness);
  const residual = found.residual.reduce((a, b) => Math.max(a, b), 0);
  const how = cs.describe().method;
  return {
    modes: modes.slice(0, want),
    method: `shift-invert implicitly restarted Arnoldi on the ${c} states of the class carrying π (${found.applications} left solves, ${found.restarts} restarts; ${cs.reused ? how : `each by ${how}`})`,
    converged: found.converged,
    residual,
  };
}

/** Every eigenvalue of the dense generator besides the stationary zeros (|λ| ≤ 1e-12 × the largest rate), slowest `want`. */
function denseSpectrum(j: Jumps, want: number): RelaxationSpectrum | null {
  // the generator is the tilted generator at s = 0
  const rows = tilted(j, new Float64Array(j.from.length), 0);
  const ev = eigenvalues(rows);
  if (ev === null) return null;
  let scale = 0;
  for (const r of rows) for (const v of r) scale = Math.max(scale, Math.abs(v));
  const modes = ev.re.map((re, k) => ({ re, im: ev.im[k] ?? outOfRange() })).filter((x) => -x.re > 1e-12 * scale).sort(bySlowness);
  return { modes: modes.slice(0, want), method: `dense eigenvalues of the ${j.states}-state generator (Hessenberg QR)`, converged: true, residual: 0 };
}

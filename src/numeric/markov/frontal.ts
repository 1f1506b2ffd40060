/**
 * Sparse GTH elimination, multifrontal: the GTH recurrences of src/numeric/gth.ts applied in a
 * fill-reducing order (nested dissection, src/numeric/ordering.ts), one dense front per node of
 * the separator tree. A node's front holds its own states and its boundary (the later states its
 * subtree touches); children pass their censored chains on the boundary up as update matrices,
 * which are added in (extend-add) before the node's states are eliminated by dense GTH.
 *
 * Absorption uses the same elimination: the exits of the set lead to a virtual state V that jumps
 * back into the set at the rates p0 (the chain restarted from p0 each time it leaves). Every front
 * carries V as its last column (exit rates) and, when a source is given, its last row (rates
 * out of V). With x_V = 1 the back-substitution gives x_k = expected time in k before leaving the
 * set, started from p0, so only the column factors are stored either way.
 *
 * No pivoting is needed (a censored out-rate D_k is positive for every state but the last of a
 * closed class), so the pattern is fixed by the ordering, and every operation is still an
 * addition, product or quotient of positive numbers: relative accuracy entrywise, as for dense GTH.
 */
import { outOfRange } from "../checked.js";
import { accurateSum, eliminateFront, HUGE } from "./gth.js";
import { nestedDissection, type Dissection } from "./ordering.js";
import { symmetricPattern, transpose, type Csr } from "./sparse.js";

/** A sparse GTH factorisation: ordering, per-node boundaries, multipliers and censored out-rates. */
export interface GthFactor {
  readonly n: number;
  readonly order: Dissection;
  /** Boundary of each node, as new positions, ascending. */
  readonly boundary: readonly Int32Array[];
  /** True when the fronts carry the source row (an absorption solve). */
  readonly source: boolean;
  /** Where node t's multipliers start in `lower`. */
  readonly offset: Float64Array;
  /** Per node, packed: for pivot k, l_ik = R_ik / D_k for the front rows below k (source last). */
  readonly lower: Float64Array;
  /**
   * With `keepUpper` (closed classes only, no source): per node, packed at the offsets of `lower`,
   * for pivot k the censored rates R_kj to the later front states j at the time k is eliminated
   * (the rows of U in −Q = L U, negated). What a linear solve with the generator needs besides
   * `lower` and `D` (numeric/markov/left-solve.ts). Null otherwise.
   */
  readonly upper: Float64Array | null;
  /** Censored out-rate of each state, by new position. */
  readonly D: Float64Array;
  /** Entries stored in `lower`. */
  readonly stored: number;
  readonly largestFront: number;
}

/** When to use one dense front, where nested dissection stops, and the budgets. */
export interface FactorOptions {
  /** At most this many states: one dense front (plain GTH) instead of a dissection. */
  readonly denseLimit?: number;
  readonly leafSize?: number;
  /** Give up (return null) when factors, workspace and stack would take more doubles than this. */
  readonly maxEntries?: number;
  /** Give up (return null) when the fronts would take more multiply-adds than this. */
  readonly maxWork?: number;
  /**
   * A fill-reducing order computed before for the same pattern (`GthFactor.order` of an earlier
   * factorisation of these states): a new factorisation with other rates on the same graph skips
   * the nested dissection. Used only when it orders exactly `rates.n` states.
   */
  readonly order?: Dissection;
  /** Keep the upper factor too (`GthFactor.upper`), for later linear solves; ignored with a source or past maxEntries. */
  readonly keepUpper?: boolean;
}

/** 1.6e8 doubles: 1.28 GB, so that a solve stays within 2 GB with its inputs. */
export const MAX_ENTRIES = 1.6e8;
/** 3e11 multiply-adds: several minutes at the ~1 G/s of the dense kernel. */
export const MAX_WORK = 3e11;

/** Start of pivot k's multipliers in a node whose front has `h` rows (k < p ≤ h). */
const segment = (k: number, h: number): number => k * (h - 1) - (k * (k - 1)) / 2;

interface Symbolic {
  readonly boundary: Int32Array[];
  readonly offset: Float64Array;
  readonly largestFront: number;
  /** Multiply-adds of the dense eliminations, Σ_nodes Σ_k (f − k)². */
  readonly work: number;
  /** Largest total size of the pending update matrices. */
  readonly stackSize: number;
}

/**
 * Boundaries (later states a subtree touches), storage offsets and workspace sizes; null as soon
 * as the storage or the work passes its budget (so this pass stays within the budget too).
 */
function symbolic(rates: Csr, inRates: Csr, order: Dissection, extra: number, maxEntries: number, maxWork: number): Symbolic | null {
  const { perm, iperm, start, end, children } = order;
  const nodes = start.length;
  const boundary: Int32Array[] = new Array(nodes);
  const offset = new Float64Array(nodes + 1);
  const mark = new Int32Array(rates.n).fill(-1);
  const pending: Int32Array[] = [];
  let largestFront = 0, stack = 0, stackSize = 0, work = 0;
  const squares = (m: number): number => (m * (m + 1) * (2 * m + 1)) / 6;
  for (let t = 0; t < nodes; t++) {
    const s = start[t] ?? outOfRange(), e = end[t] ?? outOfRange(), kidCount = children[t] ?? outOfRange();
    const kids = pending.splice(pending.length - kidCount, kidCount);
    const b: number[] = [];
    const note = (h: number): void => {
      if (h >= e && mark[h] !== t) (mark[h] = t), b.push(h);
    };
    const noteRow = (a: Csr, v: number): void => {
      const stop = a.ptr[v + 1] ?? outOfRange();
      for (let q = a.ptr[v] ?? outOfRange(); q < stop; q++) note(iperm[a.idx[q] ?? outOfRange()] ?? outOfRange());
    };
    for (let g = s; g < e; g++) {
      const v = perm[g] ?? outOfRange();
      noteRow(rates, v);
      noteRow(inRates, v);
    }
    for (const kid of kids) {
      for (let q = 0; q < kid.length; q++) note(kid[q] ?? outOfRange());
      stack -= (kid.length + extra) * (kid.length + 1);
    }
    const bound = Int32Array.from(b).sort();
    boundary[t] = bound;
    const f = e - s + bound.length;
    largestFront = Math.max(largestFront, f);
    work += squares(f) - squares(f - (e - s));
    const next = (offset[t] ?? outOfRange()) + segment(e - s, f + extra);
    offset[t + 1] = next;
    if (next > maxEntries || work > maxWork) return null;
    pending.push(bound);
    stack += (bound.length + extra) * (bound.length + 1);
    stackSize = Math.max(stackSize, stack);
  }
  return { boundary, offset, largestFront, work, stackSize };
}

/**
 * Factors the chain with rates `rates` (row i → column j) by sparse GTH elimination. `exit`: the
 * rate of leaving the set from each state (null for a closed class); `source`: the rates of
 * re-entering it (the initial distribution p0, for an absorption solve; null otherwise).
 * Null when the symbolic pass finds the elimination over the memory or work budget.
 */
export function factorGth(rates: Csr, exit: Float64Array | null, source: Float64Array | null, options: FactorOptions = {}): GthFactor | null {
  const n = rates.n;
  const given = options.order !== undefined && options.order.perm.length === n ? options.order : null;
  const order = given ?? (n <= (options.denseLimit ?? 200) ? singleNode(n) : orderFor(rates, options.leafSize ?? 24));
  const { perm, iperm, start, end } = order;
  const extra = source ? 1 : 0;
  const inRates = transpose(rates);
  const maxEntries = options.maxEntries ?? MAX_ENTRIES;
  const plan = symbolic(rates, inRates, order, extra, maxEntries, options.maxWork ?? MAX_WORK);
  if (!plan) return null;
  const { boundary, offset, largestFront, stackSize } = plan;
  const stored = offset[start.length] ?? outOfRange();
  const workspace = stackSize + (largestFront + extra) * (largestFront + 1);
  if (stored + workspace > maxEntries) return null;
  // the upper factor only when it fits the budget too (a solve without it is still worth having)
  const keepUpper = options.keepUpper === true && extra === 0 && 2 * stored + workspace <= maxEntries;
  const lower = new Float64Array(stored);
  const upper = keepUpper ? new Float64Array(stored) : null;
  const D = new Float64Array(n);
  const pos = new Int32Array(n);
  const work = new Float64Array((largestFront + extra) * (largestFront + 1));
  const stack = new Float64Array(stackSize); // update matrices of the children still to be added
  const pendingRows: Int32Array[] = [];
  let top = 0;

  for (let t = 0; t < start.length; t++) {
    const s = start[t] ?? outOfRange(), e = end[t] ?? outOfRange(), p = e - s;
    const bound = boundary[t] ?? outOfRange();
    const f = p + bound.length, w = f + 1, h = f + extra;
    const front = work.subarray(0, h * w);
    front.fill(0);
    for (let k = 0; k < p; k++) pos[s + k] = k;
    for (let q = 0; q < bound.length; q++) pos[bound[q] ?? outOfRange()] = p + q;

    // original entries whose earlier end is one of this node's states (V is later than all)
    for (let k = 0; k < p; k++) {
      const v = perm[s + k] ?? outOfRange();
      for (let q = rates.ptr[v] ?? outOfRange(), stop = rates.ptr[v + 1] ?? outOfRange(); q < stop; q++) {
        const j = iperm[rates.idx[q] ?? outOfRange()] ?? outOfRange();
        if (j < s) continue;
        const a = k * w + (pos[j] ?? outOfRange());
        front[a] = (front[a] ?? outOfRange()) + (rates.val[q] ?? outOfRange());
      }
      for (let q = inRates.ptr[v] ?? outOfRange(), stop = inRates.ptr[v + 1] ?? outOfRange(); q < stop; q++) {
        const i = iperm[inRates.idx[q] ?? outOfRange()] ?? outOfRange();
        if (i < e) continue;
        const a = (pos[i] ?? outOfRange()) * w + k;
        front[a] = (front[a] ?? outOfRange()) + (inRates.val[q] ?? outOfRange());
      }
      if (exit) front[k * w + f] = (front[k * w + f] ?? outOfRange()) + (exit[v] ?? outOfRange());
      if (source) front[f * w + k] = (front[f * w + k] ?? outOfRange()) + (source[v] ?? outOfRange());
    }
    // extend-add the children's censored chains (the latest updates on the stack)
    for (let c = 0, kids = order.children[t] ?? outOfRange(); c < kids; c++) {
      const rows = pendingRows.pop() ?? outOfRange();
      const m = rows.length, cw = m + 1;
      top -= (m + extra) * cw;
      for (let r = 0; r < m + extra; r++) {
        const row = (r < m ? pos[rows[r] ?? outOfRange()] ?? outOfRange() : f) * w, src = top + r * cw;
        for (let c2 = 0; c2 < m; c2++) {
          const a = row + (pos[rows[c2] ?? outOfRange()] ?? outOfRange());
          front[a] = (front[a] ?? outOfRange()) + (stack[src + c2] ?? outOfRange());
        }
        front[row + f] = (front[row + f] ?? outOfRange()) + (stack[src + m] ?? outOfRange());
      }
    }

    eliminateFront(front, f, p, D, s, h);

    const base = offset[t] ?? outOfRange();
    for (let k = 0; k < p; k++) {
      const off = base + segment(k, h) - (k + 1);
      for (let i = k + 1; i < h; i++) lower[off + i] = front[i * w + k] ?? outOfRange();
      // row k right of the diagonal is left as it was when k was eliminated (the censored R_kj)
      if (upper) upper.set(front.subarray(k * w + k + 1, k * w + f), off + k + 1);
    }
    const m = bound.length;
    for (let r = 0; r < m + extra; r++) stack.set(front.subarray((p + r) * w + p, (p + r) * w + f + 1), top + r * (m + 1));
    top += (m + extra) * (m + 1);
    pendingRows.push(bound);
  }
  return { n, order, boundary, source: extra === 1, offset, lower, upper, D, stored, largestFront };
}

function singleNode(n: number): Dissection {
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  return { perm, iperm: perm.slice(), start: Int32Array.of(0), end: Int32Array.of(n), children: Int32Array.of(0) };
}

function orderFor(rates: Csr, leafSize: number): Dissection {
  const adj = symmetricPattern(rates);
  return nestedDissection(rates.n, adj.ptr, adj.idx, leafSize);
}

/**
 * Back-substitution x_k = Σ_{i>k} x_i l_ik (+ x_V l_Vk with a source), last to first, from the
 * given x (x_V = 1 when there is a source). Values growing past HUGE rescale everything computed
 * so far; the returned number is x_V after rescaling (1 when nothing grew).
 */
function backSubstitute(fac: GthFactor, x: Float64Array): number {
  const { start, end } = fac.order;
  const lo = fac.lower;
  let xV = fac.source ? 1 : 0;
  for (let t = start.length - 1; t >= 0; t--) {
    const s = start[t] ?? outOfRange(), p = (end[t] ?? outOfRange()) - s;
    const bound = fac.boundary[t] ?? outOfRange(), f = p + bound.length;
    const h = fac.source ? f + 1 : f;
    const base = fac.offset[t] ?? outOfRange();
    for (let k = p - 1; k >= 0; k--) {
      const off = base + segment(k, h) - (k + 1);
      let acc = x[s + k] ?? outOfRange();
      for (let i = k + 1; i < p; i++) acc += (x[s + i] ?? outOfRange()) * (lo[off + i] ?? outOfRange());
      for (let i = p; i < f; i++) acc += (x[bound[i - p] ?? outOfRange()] ?? outOfRange()) * (lo[off + i] ?? outOfRange());
      if (fac.source) acc += xV * (lo[off + f] ?? outOfRange());
      if (acc > HUGE) {
        for (let g = s + k + 1; g < fac.n; g++) x[g] = (x[g] ?? outOfRange()) / HUGE;
        acc /= HUGE;
        xV /= HUGE;
      }
      x[s + k] = acc;
    }
  }
  return xV;
}

/** The stationary distribution (normalised, original state order) of a factored closed class. */
export function stationaryFromFactor(fac: GthFactor): Float64Array {
  const x = new Float64Array(fac.n);
  x[fac.n - 1] = 1;
  backSubstitute(fac, x);
  const sum = accurateSum(x);
  const pi = new Float64Array(fac.n);
  const perm = fac.order.perm;
  for (let g = 0; g < fac.n; g++) pi[perm[g] ?? outOfRange()] = (x[g] ?? outOfRange()) / sum;
  return pi;
}

/**
 * Expected time z spent in each state (original order) before leaving the set, started from
 * the source rates p0 given to factorGth: the solution of zᵀ(−Q) = p0ᵀ, Q the generator restricted
 * to the set. All terms positive.
 */
export function occupationFromFactor(fac: GthFactor): Float64Array {
  const x = new Float64Array(fac.n);
  const xV = backSubstitute(fac, x);
  const z = new Float64Array(fac.n);
  const perm = fac.order.perm;
  for (let g = 0; g < fac.n; g++) z[perm[g] ?? outOfRange()] = (x[g] ?? outOfRange()) / xV;
  return z;
}

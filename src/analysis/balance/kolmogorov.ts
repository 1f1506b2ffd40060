/**
 * Kolmogorov's criterion for Markov networks in linear time. On a spanning forest of the state
 * graph log-potentials are laid down from each root in double-double arithmetic,
 *   φ(root) = 0,  φ(w) = φ(v) ± ln K_e  for the tree edge e between parent v and child w,
 * and each chord e = (u → v) closes one fundamental cycle whose affinity is the residual
 *   A_e = ln K_e + φ(u) − φ(v).
 * Beside φ each state carries root-path sums of the per-reaction error units ê_r (integers, so
 * exact) and counts of one-way and inexact transitions; with lca(u, v) from Tarjan's offline
 * algorithm each chord's bound B_e and its exactness are cycle-local without walking the cycle:
 *   B_e = U (ê_e + Ê(u) + Ê(v) − 2 Ê(lca)) + P(u) + P(v) + 2u|A_e| + (rounding of the residual),
 * P the bound on the potentials' own (second-order) error. Chords of rational constants are walked
 * for an exact product while the walk budget lasts; past it they are decided by the bound when
 * |A_e| > B_e, and undecided otherwise.
 */
import { outOfRange } from "../../numeric/checked.js";
import { denseCycle, fundamentalCycle, sparseCycle, type Cycle } from "../../network/digraph.js";
import type { IntVector } from "../structure/types.js";
import { markovEdges, markovForest, type MarkovEdges } from "../../network/markov-graph.js";
import { reservoirColumn } from "../../network/stoichiometry.js";
import { reactionReader } from "../../network/reaction-reader.js";
import { speciesName } from "../../network/species-list.js";
import type { Network } from "../../network/types.js";
import { ERROR_UNIT, reactionConstants, UNIT_ROUNDOFF as u, type ReactionConstants } from "./constants.js";
import { applyTolerance, judgeCycle, type Judgement } from "./judge.js";
import { lowestCommonAncestors } from "./lca.js";
import { summarise, type BalanceSettings, type JudgedCycle } from "./summary.js";
import type { DecisionMethod, DetailedBalance, Violation } from "./types.js";

const METHODS: readonly DecisionMethod[] = ["exact", "bound", "user-tolerance", "construction", "undecided"];
const BOUND = METHODS.indexOf("bound");

/** Detailed balance of a Markov network; null when a transition is not one state to one state. */
export function kolmogorovBalance(network: Network, settings: BalanceSettings): DetailedBalance | null {
  const edges = markovEdges(network);
  if (edges === null) return null;
  const m = edges.from.length;
  const k = reactionConstants(network, true);
  const forest = markovForest(edges);
  const p = potentials(network, edges, forest.order, forest.parent, forest.parentEdge, k);

  let q = 0;
  for (let e = 0; e < m; e++) if (!forest.isTree[e]) q++;
  const chords = new Int32Array(q);
  const ends = { a: new Int32Array(q), b: new Int32Array(q) };
  for (let e = 0, i = 0; e < m; e++) {
    if (forest.isTree[e]) continue;
    chords[i] = e;
    ends.a[i] = edges.from[e] ?? outOfRange();
    ends.b[i++] = edges.to[e] ?? outOfRange();
  }
  const lca = lowestCommonAncestors(forest.parent, ends.a, ends.b);

  const affinity = new Float64Array(q), bound = new Float64Array(q), method = new Uint8Array(q);
  let walked = 0;
  const walk = (e: number): Map<number, number> => {
    const c = fundamentalCycle(forest, edges.from, edges.to, e);
    walked += c.edges.length;
    return cycleMap(c);
  };
  const exactBits = (l: number): boolean => l <= Number.MAX_SAFE_INTEGER;
  const { depth } = forest;
  const { hi, lo, error, units, oneWay, inexact } = p;
  for (let i = 0; i < q; i++) {
    const e = chords[i] ?? outOfRange(), x = ends.a[i] ?? outOfRange(), y = ends.b[i] ?? outOfRange(), z = lca[i] ?? outOfRange();
    const length = 1 + (depth[x] ?? outOfRange()) + (depth[y] ?? outOfRange()) - 2 * (depth[z] ?? outOfRange());
    let j: Judgement;
    if ((k.twoWay[e] ? 0 : 1) + (oneWay[x] ?? outOfRange()) + (oneWay[y] ?? outOfRange()) - 2 * (oneWay[z] ?? outOfRange()) > 0) {
      // a one-way transition on the cycle: ±∞, or NaN when they oppose (sign only from a walk)
      j = walked < settings.walkBudget ? judgeCycle(k, walk(e), settings) : { affinity: NaN, decision: { method: "exact", bound: null } };
    } else if (p.construction !== null && p.construction(e, x, y, z)) {
      j = { affinity: 0, decision: { method: "construction", bound: null } };
    } else {
      const lx = lo[x] ?? outOfRange(), ly = lo[y] ?? outOfRange();
      const ux = units[x] ?? outOfRange(), uy = units[y] ?? outOfRange();
      // twoSum(φ_hi(x), −φ_hi(y)) and twoSum(s1, ln K_e), inline
      const hx = hi[x] ?? outOfRange(), nhy = -(hi[y] ?? outOfRange()), le = k.lnK[e] ?? outOfRange();
      const s1 = hx + nhy, b1 = s1 - hx, t1 = (hx - (s1 - b1)) + (nhy - b1);
      const s2 = s1 + le, b2 = s2 - s1, t2 = (s1 - (s2 - b2)) + (le - b2);
      const small = Math.abs(t1) + Math.abs(t2) + Math.abs(lx) + Math.abs(ly);
      const a = s2 + (t1 + t2 + (lx - ly));
      const cycleUnits = (k.errorUnits[e] ?? outOfRange()) + ux + uy - 2 * (units[z] ?? outOfRange());
      const b = ERROR_UNIT * cycleUnits + (error[x] ?? outOfRange()) + (error[y] ?? outOfRange()) + 2 * u * Math.abs(a) + 4 * u * small;
      const rational = (k.exact.available[e] ? 0 : 1) + (inexact[x] ?? outOfRange()) + (inexact[y] ?? outOfRange()) - 2 * (inexact[z] ?? outOfRange()) === 0;
      if (!exactBits(ux) || !exactBits(uy)) j = judgeCycle(k, walk(e), settings);
      else if (rational && walked + length <= settings.walkBudget) j = judgeCycle(k, walk(e), settings);
      else if (!Number.isFinite(a) || !Number.isFinite(b)) j = { affinity: a, decision: { method: "undecided", bound: Number.isFinite(b) ? b : null } };
      else if (Math.abs(a) > b && settings.acceptViolation === null) {
        // the common case of a driven network, without a judgement object (no tolerance to apply)
        affinity[i] = a;
        bound[i] = b;
        method[i] = BOUND;
        continue;
      } else if (Math.abs(a) > b) j = { affinity: a, decision: { method: "bound", bound: b } };
      else if (!rational) j = { affinity: 0, decision: { method: "bound", bound: b } };
      else j = { affinity: a, decision: { method: "undecided", bound: b } };
    }
    j = applyTolerance(j, settings.acceptViolation, length);
    affinity[i] = j.affinity;
    bound[i] = j.decision.bound ?? NaN;
    method[i] = METHODS.indexOf(j.decision.method);
  }

  const judged: JudgedCycle[] = [];
  const counts = Object.fromEntries(METHODS.map((x) => [x, 0])) as Record<DecisionMethod, number>;
  let maxBound: number | null = null;
  for (let i = 0; i < q; i++) {
    const mth = METHODS[method[i] ?? outOfRange()] ?? outOfRange();
    const a = affinity[i] ?? outOfRange(), bd = bound[i] ?? outOfRange();
    counts[mth]++;
    if (mth === "bound") maxBound = Math.max(maxBound ?? 0, bd);
    if (a === 0 && mth !== "undecided") continue;
    judged.push({ index: i, affinity: a, method: mth, bound: Number.isNaN(bd) ? null : bd });
  }
  const describe = (i: number, a: number): { violation: Violation; cycle: Map<number, number> } => {
    const c = fundamentalCycle(forest, edges.from, edges.to, chords[i] ?? outOfRange());
    return { violation: violation(network, edges, c, a), cycle: cycleMap(c) };
  };
  const basis = q <= settings.maxDiagnosedCycles ? Array.from(chords, (e) => cycleMap(fundamentalCycle(forest, edges.from, edges.to, e))) : null;
  return summarise(network, k, settings, {
    judged, counts, maxBound, describe, basis,
    cycle: (i) => cycleMap(fundamentalCycle(forest, edges.from, edges.to, chords[i] ?? outOfRange())), affinities: basis === null ? null : Array.from(affinity), walkedEdges: walked,
    freeEnergies: () => Array.from(p.hi, (h, v) => -(h + (p.lo[v] ?? 0)) + 0),
  });
}

interface Potentials {
  /** φ = hi + lo (double-double). */
  readonly hi: Float64Array;
  readonly lo: Float64Array;
  /** Bound on |φ − Σ_path ± ln K| from the rounding of lo. */
  readonly error: Float64Array;
  /** Σ_path ê_r (exact integers while below 2^53). */
  readonly units: Float64Array;
  /** One-way and inexact transitions on the root path. */
  readonly oneWay: Int32Array;
  readonly inexact: Int32Array;
  /** Whether chord e (u → v, lca z) closes a cycle balanced by construction; null without declared energies. */
  readonly construction: ((e: number, u: number, v: number, z: number) => boolean) | null;
}

function potentials(network: Network, edges: MarkovEdges, order: Int32Array, parent: Int32Array, parentEdge: Int32Array, k: ReactionConstants): Potentials {
  const n = edges.states;
  const hi = new Float64Array(n), lo = new Float64Array(n), error = new Float64Array(n), units = new Float64Array(n);
  const oneWay = new Int32Array(n), inexact = new Int32Array(n);
  const thermo = network.thermodynamics;
  const Y = network.reservoirs.length;
  const reader = reactionReader(network);
  const unconstructed = thermo ? new Int32Array(n) : null;
  const reservoirs = thermo && Y > 0 ? new Float64Array(n * Y) : null;
  for (let t = 0; t < order.length; t++) {
    const w = order[t] ?? outOfRange();
    const v = parent[w] ?? outOfRange(), e = parentEdge[w] ?? outOfRange();
    if (v < 0) continue;
    const sign = edges.from[e] === v ? 1 : -1;
    const two = k.twoWay[e] === 1;
    oneWay[w] = (oneWay[v] ?? outOfRange()) + (two ? 0 : 1);
    inexact[w] = (inexact[v] ?? outOfRange()) + (k.exact.available[e] ? 0 : 1);
    units[w] = (units[v] ?? outOfRange()) + (two ? k.errorUnits[e] ?? outOfRange() : 0);
    const hv = hi[v] ?? outOfRange(), lv = lo[v] ?? outOfRange(), ev = error[v] ?? outOfRange();
    if (two) {
      // twoSum(hv, ±ln K), inline: s + t = hv ± ln K exactly
      const b = sign * (k.lnK[e] ?? outOfRange());
      const s = hv + b, bb = s - hv, t = (hv - (s - bb)) + (b - bb);
      const lw = lv + t;
      hi[w] = s;
      lo[w] = lw;
      error[w] = ev + u * Math.abs(lw);
    } else {
      hi[w] = hv; lo[w] = lv; error[w] = ev;
    }
    if (unconstructed && thermo) unconstructed[w] = (unconstructed[v] ?? outOfRange()) + (thermo.constructed[e] ? 0 : 1);
    if (reservoirs) {
      reservoirs.copyWithin(w * Y, v * Y, v * Y + Y);
      // a loop, not forEach with a closure over w and sign (which would make them a context allocated on every iteration of the tree walk)
      if (reader.hasReservoirs(e)) for (const [y, c] of reservoirColumn(reader.reaction(e))) reservoirs[w * Y + y] = (reservoirs[w * Y + y] ?? outOfRange()) + sign * c;
    }
  }
  const construction = thermo && unconstructed ? (e: number, x: number, y: number, z: number): boolean => {
    if (!thermo.constructed[e] || (unconstructed[x] ?? outOfRange()) + (unconstructed[y] ?? outOfRange()) - 2 * (unconstructed[z] ?? outOfRange()) !== 0) return false;
    if (reservoirs === null) return true;
    const col = new Float64Array(Y);
    if (reader.hasReservoirs(e)) reservoirColumn(reader.reaction(e)).forEach((c, yy) => { col[yy] = c; });
    // S_res c = col(e) + R(u) − R(v): the chord forward, then the tree path v → u
    for (let yy = 0; yy < Y; yy++) if ((col[yy] ?? outOfRange()) + (reservoirs[x * Y + yy] ?? outOfRange()) - (reservoirs[y * Y + yy] ?? outOfRange()) !== 0) return false;
    return true;
  } : null;
  return { hi, lo, error, units, oneWay, inexact, construction };
}

/** Reaction → net number of crossings (+ forwards, − backwards). */
function cycleMap(c: Cycle): Map<number, number> {
  const map = new Map<number, number>();
  c.edges.forEach((e, i) => map.set(e, (map.get(e) ?? 0) + (c.signs[i] ?? 0)));
  return map;
}

/** Oriented along positive affinity, started at its lowest-numbered state: `A -> B -> C -> A`. */
function violation(network: Network, edges: MarkovEdges, c: Cycle, affinity: number): Violation {
  let vertices = c.vertices, cycleEdges = c.edges, signs = c.signs;
  if ((affinity < 0 || affinity === -Infinity) && vertices.length > 1) {
    vertices = [...vertices.slice(0, 1), ...vertices.slice(1).reverse()];
    cycleEdges = [...cycleEdges].reverse();
    signs = [...signs].reverse().map((s) => -s);
  }
  if (affinity < 0) affinity = -affinity;
  let start = 0;
  vertices.forEach((v, i) => { if (v < (vertices[start] ?? v)) start = i; });
  const rot = <T>(xs: readonly T[]): T[] => [...xs.slice(start), ...xs.slice(0, start)];
  vertices = rot(vertices);
  cycleEdges = rot(cycleEdges);
  signs = rot(signs);
  const support = sparseCycle(cycleEdges, signs);
  const names = vertices.map((v) => speciesName(network, v));
  // the dense vector (one entry per transition: 500 000 for a large chain) only when read
  const m = edges.from.length;
  let dense: IntVector | null = null;
  return {
    get cycle(): IntVector {
      dense ??= denseCycle(m, support);
      return dense;
    },
    support, affinity, words: [...names, ...names.slice(0, 1)].join(" -> "), reactions: cycleEdges,
  };
}

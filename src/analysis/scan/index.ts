/**
 * Parameter scans: every branch of steady states of a mass-action network as one param or
 * reservoir value p runs over [from, to], their folds and Hopf points, stability along them, and
 * how many stable states each part of the range has.
 *
 *   seeds (steady-state search at from, to and interior values) ─▶ trace each new seed both ways
 *   (continuation.ts) ─▶ stability, fold and Hopf brackets per branch ─▶ locate (locate.ts)
 *   ─▶ counts per interval, multistable ranges (summary.ts)
 */
import type { Network } from "../../network/types.js";
import { analyzeStructure } from "../structure/index.js";
import { analyzeSteadyStates } from "../steady-state/index.js";
import { correctAtParam, trace, type Tracer } from "./continuation.js";
import { parameterFamily, type Recompile } from "./family.js";
import { locateFold, locateHopf, spectrum } from "./locate.js";
import { buildModel, rank, reducedResidual, toReduced, toSpecies, type Model } from "./model.js";
import { countIntervals, multistableRanges } from "./summary.js";
import type { BranchEnd, FoldPoint, HopfPoint, ParameterScan, ScanBranch, ScanPoint } from "./types.js";

export type * from "./types.js";
export { networkWith, type Recompile } from "./family.js";

export interface ScanOptions {
  /** The param or reservoir to vary. */
  readonly param: string;
  readonly from: number;
  readonly to: number;
  /** At least this many steps across the range along a branch (the largest arclength step is 1/steps); default 100. */
  readonly steps?: number;
  /** Interior values where the steady-state search seeds branches, besides from and to; default 5. */
  readonly interiorSeeds?: number;
  /** The network's source recompiled with values overridden; needed to scan a param. */
  readonly recompile?: Recompile;
  readonly progress?: (detail: string) => void;
}

export type ScanOutcome = { readonly ok: true; readonly scan: ParameterScan } | { readonly ok: false; readonly why: string };

/**
 * Follows every branch of steady states G(z, p) = Qᵀ S (v⁺ − v⁻)(x0(p) + Q z) = 0 on the
 * compatibility class of the initial amounts as p = options.param runs over [from, to]:
 * branches are seeded by the steady-state analysis at from, to and `interiorSeeds` values between
 * (a seed already on a traced branch is skipped), traced by pseudo-arclength continuation, and
 * their folds (sign change of dp/ds; extended system G = 0, A v = 0, ⟨v, v₀⟩ = 1) and Hopf points
 * (sign change of Π_{i<j}(λ_i + λ_j) with a complex pair; A w = iω w) located to rounding. A
 * point is stable when every eigenvalue of A = Qᵀ J Q has real part below −1e-9 of A's largest
 * entry. Assumes mass action and finite positive rates on [from, to]; a branch that exists only
 * between seed values (an isola) is missed, which the notes say.
 *
 *   const { network } = compile("species X = 2\nreservoir A = 1, B = 1\nA + 2 X <-> 3 X @ 5.5, 1\nX <-> B @ 6.5, 2");
 *   const out = scanParameter(network!, { param: "A", from: 0.8, to: 1.3 });
 *   out.ok && out.scan.folds.map((f) => f.p);   // the two folds of the S-curve
 */
export function scanParameter(network: Network, options: ScanOptions): ScanOutcome {
  const { param, from, to } = options;
  if (network.kind !== "mass-action") return { ok: false, why: "a scan follows steady states of mass-action networks; a Markov network has one stationary law per closed class" };
  if (!Number.isFinite(from) || !Number.isFinite(to) || !(to > from)) return { ok: false, why: `the range must be finite with from < to (got ${from} to ${to})` };
  const family = parameterFamily(network, param, options.recompile);
  if (!family.ok) return { ok: false, why: family.why };
  if (family.kind === "reservoir" && from < 0) return { ok: false, why: `a reservoir's value is a concentration: the range must start at 0 or above, not ${from}` };
  const structure = analyzeStructure(network);
  const model = buildModel(network, structure.rank, (p) => family.at(p));
  const notes: string[] = [];
  if (rank(model) === 0) return { ok: false, why: "no reaction changes any concentration: there is nothing to follow" };

  const steps = Math.max(4, Math.round(options.steps ?? 100));
  const interior = Math.max(0, Math.round(options.interiorSeeds ?? 5));
  const seedValues = [from, to, ...Array.from({ length: interior }, (_, k) => from + ((to - from) * (k + 1)) / (interior + 1))];
  const seeds: { p: number; x: readonly number[] }[] = [];
  const unproved: number[] = [];
  for (const c of seedValues) {
    options.progress?.(`steady states at ${param} = ${fmt(c)}`);
    const net = family.at(c);
    if (net === null) {
      notes.push(`the network cannot be built at ${param} = ${fmt(c)}`);
      continue;
    }
    const found = analyzeSteadyStates(net, analyzeStructure(net));
    if (!found.complete) unproved.push(c);
    for (const s of found.states) seeds.push({ p: c, x: s.concentrations });
  }
  const sx = Math.max(1e-300, ...seeds.flatMap((s) => s.x.map(Math.abs)), ...network.species.map((s) => Math.abs(s.initial))) || 1;
  let biggestRate = 0;
  for (const seed of seeds) {
    const slice = model.slice(seed.p);
    const res = slice && reducedResidual(model, toReduced(model, slice, seed.x), seed.p);
    if (res) biggestRate = Math.max(biggestRate, ...res.scale.filter(Number.isFinite));
  }
  const tracer: Tracer = { model, from, to, sx, hmax: 1 / steps, maxPoints: 50 * steps + 1000, rateFloor: 1e-12 * biggestRate || 1e-300 };

  const traced: { us: number[][]; ts: number[][]; ends: [BranchEnd, BranchEnd] }[] = [];
  for (const [i, seed] of seeds.entries()) {
    const slice = model.slice(seed.p);
    if (slice === null) continue;
    const guess = [...toReduced(model, slice, seed.x).map((v) => v / sx), (seed.p - from) / (to - from)];
    const u = correctAtParam(tracer, guess, guess[guess.length - 1] ?? NaN) ?? guess;
    if (traced.some((b) => onBranch(tracer, b.us, u))) continue;
    options.progress?.(`branch ${traced.length + 1} from seed ${i + 1} of ${seeds.length}`);
    const forward = trace(tracer, u, 1);
    const backward = forward.end === "closed" ? { points: [], tangents: [], end: "closed" as const } : trace(tracer, u, -1);
    const seedTangent = forward.tangents[0] ?? backward.tangents[0]?.map((v) => -v) ?? [...u.map(() => 0)];
    traced.push({
      us: [...[...backward.points].reverse(), u, ...forward.points],
      ts: [...[...backward.tangents].reverse().map((t) => t.map((v) => -v)), seedTangent, ...forward.tangents],
      ends: [backward.end, forward.end],
    });
  }
  if (unproved.length > 0) notes.push(`the steady-state list is not proved complete at ${param} = ${unproved.map(fmt).join(", ")}, so a branch seeded only there may be missed`);
  if (seeds.length === 0) notes.push(`no steady state was found at any seed value, so there is no branch to follow`);
  notes.push(`branches are seeded at ${seedValues.length} values of ${param}; a closed branch lying wholly between them would be missed`);

  const folds: FoldPoint[] = [], hopfs: HopfPoint[] = [];
  const branches: ScanBranch[] = traced.map((b, index) => finishBranch(tracer, b, index, folds, hopfs));
  const intervals = countIntervals(branches, folds, hopfs, from, to);
  return {
    ok: true,
    scan: {
      param,
      kind: family.kind,
      from,
      to,
      species: network.species.map((s) => s.name),
      branches,
      folds,
      hopfs,
      intervals,
      multistable: multistableRanges(intervals, folds),
      seeds: seedValues,
      notes,
    },
  };
}

/** u lies on the traced branch: corrected from the branch's crossing of u's p-plane, it lands on u. */
function onBranch(tr: Tracer, us: readonly number[][], u: readonly number[]): boolean {
  const r = u.length - 1;
  const up = u[r] ?? NaN;
  const close = (a: readonly number[]): boolean => a.every((v, i) => Math.abs(v - (u[i] ?? NaN)) <= 1e-6);
  for (let k = 0; k < us.length; k++) {
    const a = us[k], b = us[k + 1];
    if (!a) continue;
    if (close(a)) return true;
    if (!b) continue;
    const pa = a[r] ?? NaN, pb = b[r] ?? NaN;
    if ((pa - up) * (pb - up) > 0 || pa === pb) continue;
    const w = (up - pa) / (pb - pa);
    const guess = a.map((v, i) => v + w * ((b[i] ?? NaN) - v));
    const hit = correctAtParam(tr, guess, up);
    if (hit && close(hit)) return true;
  }
  return false;
}

function pointAt(tr: Tracer, u: readonly number[]): { point: ScanPoint; psi: number; complex: boolean } {
  const r = u.length - 1;
  const z = u.slice(0, r).map((v) => v * tr.sx), p = tr.from + (tr.to - tr.from) * (u[r] ?? NaN);
  return pointOf(tr.model, z, p);
}

function pointOf(model: Model, z: readonly number[], p: number): { point: ScanPoint; psi: number; complex: boolean } {
  const slice = model.slice(p);
  const x = slice ? toSpecies(model, slice, z) : z.map(() => NaN);
  const sp = spectrum(model, z, p);
  if (sp === null) return { point: { p, x, stable: null, leadingEigenvalue: null }, psi: NaN, complex: false };
  const lead = Math.max(...sp.re);
  const tol = 1e-9 * sp.scale;
  return { point: { p, x, stable: lead < -tol ? true : lead > tol ? false : null, leadingEigenvalue: lead }, psi: sp.psi, complex: sp.im.some((v) => v !== 0) };
}

/** The branch's points with stability, and its folds and Hopf points located and inserted. */
function finishBranch(tr: Tracer, b: { us: number[][]; ts: number[][]; ends: [BranchEnd, BranchEnd] }, index: number, folds: FoldPoint[], hopfs: HopfPoint[]): ScanBranch {
  const r = (b.us[0]?.length ?? 1) - 1;
  const sp = tr.to - tr.from;
  const info = b.us.map((u) => pointAt(tr, u));
  const points: ScanPoint[] = [];
  for (let k = 0; k < info.length; k++) {
    const here = info[k];
    if (!here) continue;
    points.push(here.point);
    const next = info[k + 1];
    const ua = b.us[k], ub = b.us[k + 1], ta = b.ts[k], tb = b.ts[k + 1];
    if (!next || !ua || !ub || !ta || !tb) continue;
    // a located point belongs to this segment when it lies within the segment's length of its middle
    // (a fold's p lies beyond both ends' p, so p alone cannot say)
    const radius = Math.hypot(...ua.map((v, i) => v - (ub[i] ?? NaN)));
    const between = (z: readonly number[], p: number): boolean =>
      Math.hypot(...z.map((v, i) => v / tr.sx - ((ua[i] ?? NaN) + (ub[i] ?? NaN)) / 2), (p - tr.from) / sp - ((ua[r] ?? NaN) + (ub[r] ?? NaN)) / 2) <= radius + 1e-9;
    const tpa = ta[r] ?? NaN, tpb = tb[r] ?? NaN;
    if (tpa * tpb < 0) {
      // the fold: start where |dp/ds| is smaller, with the tangent's z-part as the null vector
      const [u, t] = Math.abs(tpa) <= Math.abs(tpb) ? [ua, ta] : [ub, tb];
      const z = u.slice(0, r).map((v) => v * tr.sx), p = tr.from + sp * (u[r] ?? NaN);
      const found = locateFold(tr.model, z, p, t.slice(0, r), tr.sx, sp);
      const at = found && between(found.z, found.p) ? found : { z, p };
      const pt = pointOf(tr.model, at.z, at.p).point;
      folds.push({ p: at.p, x: pt.x, branch: index, located: found !== null && at === found });
      points.push({ ...pt, stable: null, special: { kind: "fold", index: folds.length - 1 } });
    }
    if (here.psi * next.psi < 0 && (here.complex || next.complex)) {
      const u = Math.abs(here.psi) <= Math.abs(next.psi) ? ua : ub;
      const z = u.slice(0, r).map((v) => v * tr.sx), p = tr.from + sp * (u[r] ?? NaN);
      const found = locateHopf(tr.model, z, p, tr.sx, sp);
      if (found && between(found.z, found.p)) {
        const pt = pointOf(tr.model, found.z, found.p).point;
        hopfs.push({ p: found.p, x: pt.x, branch: index, frequency: found.frequency, located: true });
        points.push({ ...pt, stable: null, special: { kind: "hopf", index: hopfs.length - 1 } });
      }
    }
  }
  return { points, ends: b.ends };
}

function fmt(x: number): string {
  return String(Number(x.toPrecision(6)));
}

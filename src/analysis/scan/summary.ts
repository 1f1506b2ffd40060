/**
 * How many steady states, and how many stable ones, at each value of the range. Between two
 * consecutive special values (folds, Hopf points, branch ends inside the range) the count is
 * constant, so it is read once per interval, at its midpoint: every branch segment whose p-span
 * covers the midpoint is one state there, stable as its points are. Consecutive intervals with
 * the same counts are merged; a range with at least two stable states is multistable, and a
 * hysteresis loop when folds bound it on both sides.
 */
import type { CountInterval, FoldPoint, HopfPoint, MultistableRange, ScanBranch, ScanPoint } from "./types.js";

function segmentStability(a: ScanPoint, b: ScanPoint, m: number): boolean | null {
  if (a.special && !b.special) return b.stable;
  if (b.special && !a.special) return a.stable;
  if (a.stable === b.stable) return a.stable;
  return Math.abs(a.p - m) <= Math.abs(b.p - m) ? a.stable : b.stable;
}

/** States and stable states at p = m, over every branch. */
function countAt(branches: readonly ScanBranch[], m: number): { states: number; stable: number } {
  let states = 0, stable = 0;
  for (const b of branches) {
    for (let k = 0; k + 1 < b.points.length; k++) {
      const a = b.points[k], c = b.points[k + 1];
      if (!a || !c) continue;
      const lo = Math.min(a.p, c.p), hi = Math.max(a.p, c.p);
      // half-open, so a midpoint on a shared vertex is counted once
      if (!(lo <= m && m < hi)) continue;
      states++;
      if (segmentStability(a, c, m) === true) stable++;
    }
  }
  return { states, stable };
}

export function countIntervals(branches: readonly ScanBranch[], folds: readonly FoldPoint[], hopfs: readonly HopfPoint[], from: number, to: number): CountInterval[] {
  const lo = Math.min(from, to), hi = Math.max(from, to);
  const eps = 1e-12 * (hi - lo);
  const cuts = [lo, hi, ...folds.map((f) => f.p), ...hopfs.map((h) => h.p)];
  for (const b of branches) {
    for (const [i, end] of b.ends.entries()) {
      const pt = i === 0 ? b.points[0] : b.points[b.points.length - 1];
      if (end !== "range" && end !== "closed" && pt) cuts.push(pt.p);
    }
  }
  const sorted = cuts.filter((c) => c >= lo && c <= hi).sort((a, b) => a - b);
  const unique: number[] = [];
  for (const c of sorted) if (unique.length === 0 || c - (unique[unique.length - 1] ?? NaN) > eps) unique.push(c);
  const out: CountInterval[] = [];
  for (let i = 0; i + 1 < unique.length; i++) {
    const a = unique[i] ?? NaN, b = unique[i + 1] ?? NaN;
    const { states, stable } = countAt(branches, (a + b) / 2);
    const last = out[out.length - 1];
    if (last && last.states === states && last.stable === stable) out[out.length - 1] = { ...last, to: b };
    else out.push({ from: a, to: b, states, stable });
  }
  return out;
}

export function multistableRanges(intervals: readonly CountInterval[], folds: readonly FoldPoint[]): MultistableRange[] {
  const out: MultistableRange[] = [];
  for (const iv of intervals) {
    if (iv.stable < 2) continue;
    const last = out[out.length - 1];
    if (last && last.to === iv.from) out[out.length - 1] = { ...last, to: iv.to, stable: Math.min(last.stable, iv.stable) };
    else out.push({ from: iv.from, to: iv.to, stable: iv.stable, hysteresis: false });
  }
  const isFold = (p: number): boolean => folds.some((f) => Math.abs(f.p - p) <= 1e-9 * Math.max(1, Math.abs(p)));
  return out.map((m) => ({ ...m, hysteresis: isFold(m.from) && isFold(m.to) }));
}

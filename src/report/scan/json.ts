/**
 * The JSON scan report (docs/scan.schema.json): concentrations as objects keyed by species name,
 * like the main report; non-finite numbers are null.
 */
import type { ParameterScan } from "../../analysis/scan/types.js";

const num = (x: number | null): number | null => (x !== null && Number.isFinite(x) ? x : null);

export function toScanJson(scan: ParameterScan, source: string): unknown {
  const named = (x: readonly number[]): Record<string, number | null> => Object.fromEntries(scan.species.map((s, i) => [s, num(x[i] ?? NaN)]));
  return {
    schema: "ness.scan/1",
    source,
    param: scan.param,
    kind: scan.kind,
    from: scan.from,
    to: scan.to,
    species: scan.species,
    branches: scan.branches.map((b) => ({
      ends: b.ends,
      points: b.points.map((p) => ({ p: p.p, x: named(p.x), stable: p.stable, leadingEigenvalue: num(p.leadingEigenvalue), ...(p.special ? { special: p.special.kind } : {}) })),
    })),
    folds: scan.folds.map((f) => ({ p: f.p, x: named(f.x), branch: f.branch, located: f.located })),
    hopfs: scan.hopfs.map((hp) => ({ p: hp.p, x: named(hp.x), branch: hp.branch, frequency: hp.frequency, period: (2 * Math.PI) / hp.frequency, located: hp.located })),
    intervals: scan.intervals,
    multistable: scan.multistable,
    seeds: scan.seeds,
    notes: scan.notes,
  };
}

export function renderScanJson(scan: ParameterScan, source: string): string {
  return `${JSON.stringify(toScanJson(scan, source), null, 2)}\n`;
}

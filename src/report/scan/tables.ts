/**
 * What a scan report says, once, as plain text: the headline and the tables (counts per
 * interval, folds, Hopf points, branches). The Markdown and HTML emitters escape and lay it out.
 */
import type { BranchEnd, ParameterScan, ScanBranch } from "../../analysis/scan/types.js";
import { formatNumber } from "../model/format.js";

export interface ScanTable {
  readonly title: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** `l` or `r` per column. */
  readonly align: string;
  /** Said when there are no rows. */
  readonly empty: string;
}

/** Full precision for located points (they are solved to rounding), six digits elsewhere. */
const precise = (x: number): string => formatNumber(x, 12);

function range(scan: ParameterScan, from: number, to: number): string {
  return `${scan.param} in [${formatNumber(from)}, ${formatNumber(to)}]`;
}

/** One sentence: how many branches, folds and Hopf points, and where the network is multistable. */
export function scanHeadline(scan: ParameterScan): string {
  const n = (k: number, one: string, many = `${one}s`): string => `${k} ${k === 1 ? one : many}`;
  const parts = [n(scan.branches.length, "branch", "branches"), n(scan.folds.length, "fold"), n(scan.hopfs.length, "Hopf point")];
  const multi = scan.multistable.map((m) => `${m.stable === 2 ? "bistable" : `${m.stable} stable states`} for ${range(scan, m.from, m.to)}${m.hysteresis ? " (a hysteresis loop between two folds)" : ""}`);
  return `${parts.join(", ")}; ${multi.length > 0 ? multi.join("; ") : "at most one stable state at every value"}.`;
}

const END: Record<BranchEnd, string> = {
  range: "end of range",
  boundary: "leaves x ≥ 0",
  closed: "closed loop",
  stalled: "singular point",
  limit: "point budget",
};

function stabilityAlong(b: ScanBranch): string {
  const kinds = new Set(b.points.filter((p) => !p.special).map((p) => (p.stable === true ? "stable" : p.stable === false ? "unstable" : "undecided")));
  return [...kinds].join(", ");
}

export function scanTables(scan: ParameterScan): ScanTable[] {
  const xs = (x: readonly number[]): string[] => scan.species.map((_, i) => formatNumber(x[i] ?? NaN));
  return [
    {
      title: "Steady states per interval",
      headers: [`${scan.param} from`, "to", "states", "stable"],
      rows: scan.intervals.map((iv) => [formatNumber(iv.from, 10), formatNumber(iv.to, 10), String(iv.states), String(iv.stable)]),
      align: "rrrr",
      empty: "No interval: no branch was found.",
    },
    {
      title: "Folds (saddle-node points)",
      headers: [scan.param, ...scan.species, "branch", "located"],
      rows: scan.folds.map((f) => [precise(f.p), ...xs(f.x), String(f.branch + 1), f.located ? "to rounding" : "interpolated"]),
      align: `r${"r".repeat(scan.species.length)}rl`,
      empty: "No fold in the range.",
    },
    {
      title: "Hopf points",
      headers: [scan.param, ...scan.species, "ω", "period 2π/ω", "branch"],
      rows: scan.hopfs.map((hp) => [precise(hp.p), ...xs(hp.x), formatNumber(hp.frequency), formatNumber((2 * Math.PI) / hp.frequency), String(hp.branch + 1)]),
      align: `r${"r".repeat(scan.species.length)}rrr`,
      empty: "No Hopf point in the range.",
    },
    {
      title: "Branches",
      headers: ["branch", "points", `${scan.param} span`, "stability", "ends"],
      rows: scan.branches.map((b, i) => {
        const ps = b.points.map((p) => p.p);
        return [String(i + 1), String(b.points.length), ps.length > 0 ? `${formatNumber(Math.min(...ps))} to ${formatNumber(Math.max(...ps))}` : "", stabilityAlong(b), `${END[b.ends[0]]}; ${END[b.ends[1]]}`];
      }),
      align: "rrlll",
      empty: "No branch.",
    },
  ];
}

/**
 * The bifurcation diagram of a scan as inline SVG: one species' concentration against the scanned
 * value along every branch, stable stretches solid, unstable ones dashed, undecided ones dotted;
 * folds marked by circles, Hopf points by squares. No scripts or external fonts; every label escaped.
 */
import type { ParameterScan, ScanPoint } from "../../analysis/scan/types.js";
import { formatNumber, htmlEscape as h } from "../model/format.js";

const WIDTH = 720, HEIGHT = 440;
const LEFT = 78, RIGHT = 24, TOP = 40, BOTTOM = 56;
const STABLE = "#1f77b4", UNSTABLE = "#d62728", UNDECIDED = "#7f7f7f";

/**
 * The species drawn by default: the one whose concentration varies most along the branches,
 * relative to its largest value (the one whose S-curve shows).
 */
export function defaultSpecies(scan: ParameterScan): number {
  let best = 0, bestSpread = -1;
  for (let i = 0; i < scan.species.length; i++) {
    const xs = scan.branches.flatMap((b) => b.points.map((p) => p.x[i] ?? NaN)).filter(Number.isFinite);
    if (xs.length === 0) continue;
    const hi = Math.max(...xs.map(Math.abs));
    const spread = hi > 0 ? (Math.max(...xs) - Math.min(...xs)) / hi : 0;
    if (spread > bestSpread) [best, bestSpread] = [i, spread];
  }
  return best;
}

/** About five round tick values covering [lo, hi]. */
function ticks(lo: number, hi: number): number[] {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9 * step; t += step) out.push(Math.abs(t) < 1e-12 * step ? 0 : t);
  return out;
}

/**
 * Runs of consecutive points with one stability, each sharing its first point with the previous
 * run so the line is unbroken; a special point (fold, Hopf) ends a run and starts the next, which
 * takes the stability of the point after it.
 */
function runs(points: readonly ScanPoint[]): { stable: boolean | null; points: ScanPoint[] }[] {
  const out: { stable: boolean | null | undefined; points: ScanPoint[] }[] = [];
  for (const pt of points) {
    const run = out[out.length - 1];
    if (pt.special) {
      run?.points.push(pt);
      out.push({ stable: undefined, points: [pt] });
    } else if (run === undefined) out.push({ stable: pt.stable, points: [pt] });
    else if (run.stable === undefined || run.stable === pt.stable) {
      run.stable = pt.stable;
      run.points.push(pt);
    } else {
      const prev = run.points[run.points.length - 1];
      out.push({ stable: pt.stable, points: prev ? [prev, pt] : [pt] });
    }
  }
  return out.filter((r) => r.points.length > 1).map((r) => ({ stable: r.stable ?? null, points: r.points }));
}

/** The diagram of species `species` (default: defaultSpecies). */
export function bifurcationSvg(scan: ParameterScan, species = defaultSpecies(scan)): string {
  const name = scan.species[species] ?? `x${species}`;
  const ys = scan.branches.flatMap((b) => b.points.map((p) => p.x[species] ?? NaN)).filter(Number.isFinite);
  let ylo = ys.length > 0 ? Math.min(...ys) : 0, yhi = ys.length > 0 ? Math.max(...ys) : 1;
  const pad = (yhi - ylo || Math.abs(yhi) || 1) * 0.05;
  ylo -= pad;
  yhi += pad;
  const plotW = WIDTH - LEFT - RIGHT, plotH = HEIGHT - TOP - BOTTOM;
  const X = (p: number): number => LEFT + ((p - scan.from) / (scan.to - scan.from)) * plotW;
  const Y = (v: number): number => TOP + (1 - (v - ylo) / (yhi - ylo)) * plotH;
  const f = (v: number): string => v.toFixed(1);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" class="chart bifurcation" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${h(`bifurcation diagram: ${name} against ${scan.param}`)}" font-family="system-ui, sans-serif" font-size="12">`);
  parts.push(`<title>${h(`Steady states of ${name} as ${scan.param} runs from ${formatNumber(scan.from)} to ${formatNumber(scan.to)}`)}</title>`);
  parts.push(`<rect x="${LEFT}" y="${TOP}" width="${plotW}" height="${plotH}" fill="#fff" stroke="#999"/>`);
  for (const m of scan.multistable) {
    parts.push(`<rect x="${f(X(m.from))}" y="${TOP}" width="${f(X(m.to) - X(m.from))}" height="${plotH}" fill="#fff3e0"><title>${h(`${m.stable} stable states for ${scan.param} in [${formatNumber(m.from)}, ${formatNumber(m.to)}]`)}</title></rect>`);
  }
  for (const t of ticks(scan.from, scan.to)) {
    if (t < scan.from || t > scan.to) continue;
    parts.push(`<line x1="${f(X(t))}" y1="${TOP + plotH}" x2="${f(X(t))}" y2="${TOP + plotH + 5}" stroke="#555"/><text x="${f(X(t))}" y="${TOP + plotH + 18}" text-anchor="middle">${h(formatNumber(t, 4))}</text>`);
  }
  for (const t of ticks(ylo, yhi)) {
    if (t < ylo || t > yhi) continue;
    parts.push(`<line x1="${LEFT - 5}" y1="${f(Y(t))}" x2="${LEFT}" y2="${f(Y(t))}" stroke="#555"/><text x="${LEFT - 8}" y="${f(Y(t) + 4)}" text-anchor="end">${h(formatNumber(t, 4))}</text>`);
  }
  parts.push(`<text x="${LEFT + plotW / 2}" y="${HEIGHT - 14}" text-anchor="middle">${h(scan.param)}${scan.kind === "reservoir" ? " (reservoir)" : ""}</text>`);
  parts.push(`<text transform="translate(18 ${TOP + plotH / 2}) rotate(-90)" text-anchor="middle">${h(`[${name}]`)}</text>`);
  for (const b of scan.branches) {
    for (const run of runs(b.points)) {
      const colour = run.stable === true ? STABLE : run.stable === false ? UNSTABLE : UNDECIDED;
      const dash = run.stable === true ? "" : run.stable === false ? ` stroke-dasharray="6 4"` : ` stroke-dasharray="2 3"`;
      const d = run.points.map((pt) => `${f(X(pt.p))},${f(Y(pt.x[species] ?? NaN))}`).join(" ");
      parts.push(`<polyline class="${run.stable === true ? "stable" : run.stable === false ? "unstable" : "undecided"}" points="${d}" fill="none" stroke="${colour}" stroke-width="2"${dash}/>`);
    }
  }
  for (const fold of scan.folds) {
    parts.push(`<circle class="fold" cx="${f(X(fold.p))}" cy="${f(Y(fold.x[species] ?? NaN))}" r="5" fill="#fff" stroke="#000" stroke-width="1.5"><title>${h(`fold at ${scan.param} = ${formatNumber(fold.p, 10)}`)}</title></circle>`);
  }
  for (const hopf of scan.hopfs) {
    const cx = X(hopf.p), cy = Y(hopf.x[species] ?? NaN);
    parts.push(`<rect class="hopf" x="${f(cx - 5)}" y="${f(cy - 5)}" width="10" height="10" fill="#fff" stroke="#2ca02c" stroke-width="2"><title>${h(`Hopf point at ${scan.param} = ${formatNumber(hopf.p, 10)}, ω = ${formatNumber(hopf.frequency)}`)}</title></rect>`);
  }
  // legend
  const legend: [string, string, string][] = [["stable", STABLE, ""], ["unstable", UNSTABLE, "6 4"]];
  if (scan.branches.some((b) => b.points.some((p) => p.stable === null && !p.special))) legend.push(["undecided", UNDECIDED, "2 3"]);
  let lx = LEFT;
  for (const [label, colour, dash] of legend) {
    parts.push(`<line x1="${lx}" y1="20" x2="${lx + 26}" y2="20" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ""}/><text x="${lx + 32}" y="24">${label}</text>`);
    lx += 110;
  }
  parts.push(`<circle cx="${lx + 8}" cy="20" r="5" fill="#fff" stroke="#000" stroke-width="1.5"/><text x="${lx + 20}" y="24">fold</text>`);
  lx += 80;
  parts.push(`<rect x="${lx + 3}" y="15" width="10" height="10" fill="#fff" stroke="#2ca02c" stroke-width="2"/><text x="${lx + 20}" y="24">Hopf</text>`);
  parts.push(`</svg>`);
  return parts.join("\n");
}

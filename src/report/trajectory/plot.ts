/**
 * Inline SVG plots for trajectories: a line chart of several series against time (steps for a
 * jump process), and paired bars of an empirical against an exact distribution. Hand-written
 * like report/html/svg.ts: no scripts, every label escaped.
 */
import { formatNumber, htmlEscape } from "../model/format.js";

export interface Series {
  readonly label: string;
  readonly times: readonly number[];
  readonly values: readonly number[];
  /** Draw as steps (a jump process holds its value until the next jump). */
  readonly steps?: boolean;
  readonly dashed?: boolean;
}

const COLOURS = ["#4a6fa5", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];
const W = 720, H = 320, L = 70, R = 150, T = 34, B = 40;

/** A line chart; `yLabels` (for states) names integer y values instead of numbers. */
export function lineChart(title: string, series: readonly Series[], xUnit: string, yUnit: string, yLabels?: readonly string[]): string {
  const xs = series.flatMap((s) => s.times).filter(Number.isFinite);
  const ys = series.flatMap((s) => s.values).filter(Number.isFinite);
  const x0 = Math.min(0, ...xs), x1 = Math.max(...xs, x0 + 1e-300);
  let y0 = Math.min(...ys), y1 = Math.max(...ys);
  if (yLabels) {
    y0 = -0.5;
    y1 = yLabels.length - 0.5;
  } else if (y1 === y0) {
    y0 -= 1;
    y1 += 1;
  }
  const px = (x: number) => L + ((x - x0) / (x1 - x0 || 1)) * (W - L - R);
  const py = (y: number) => H - B - ((y - y0) / (y1 - y0 || 1)) * (H - T - B);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${htmlEscape(title)}">`,
    `<title>${htmlEscape(title)}</title>`,
    `<text x="0" y="16" font-size="14" font-weight="600" fill="#222">${htmlEscape(title)}</text>`,
    `<line x1="${L}" y1="${H - B}" x2="${W - R}" y2="${H - B}" stroke="#555"/>`,
    `<line x1="${L}" y1="${T}" x2="${L}" y2="${H - B}" stroke="#555"/>`,
    `<text x="${L}" y="${H - B + 16}" font-size="11" fill="#555">${htmlEscape(formatNumber(x0))}</text>`,
    `<text x="${W - R}" y="${H - B + 16}" font-size="11" fill="#555" text-anchor="end">${htmlEscape(formatNumber(x1))}</text>`,
    `<text x="${(L + W - R) / 2}" y="${H - 8}" font-size="11" fill="#555" text-anchor="middle">${htmlEscape(xUnit)}</text>`,
    `<text x="4" y="${T - 6}" font-size="11" fill="#555">${htmlEscape(yUnit)}</text>`,
  ];
  if (yLabels) yLabels.forEach((l, i) => out.push(`<text x="${L - 6}" y="${py(i) + 4}" font-size="11" text-anchor="end" fill="#222">${htmlEscape(l.slice(0, 10))}</text>`));
  else {
    out.push(`<text x="${L - 6}" y="${py(y1) + 4}" font-size="11" text-anchor="end" fill="#555">${htmlEscape(formatNumber(y1, 4))}</text>`);
    out.push(`<text x="${L - 6}" y="${py(y0) + 4}" font-size="11" text-anchor="end" fill="#555">${htmlEscape(formatNumber(y0, 4))}</text>`);
  }
  series.forEach((s, k) => {
    const colour = COLOURS[k % COLOURS.length] ?? "#333";
    const pts: string[] = [];
    s.times.forEach((t, i) => {
      const v = s.values[i] ?? NaN;
      if (!Number.isFinite(v)) return;
      if (s.steps && i > 0) pts.push(`${px(t).toFixed(1)},${py(s.values[i - 1] ?? v).toFixed(1)}`);
      pts.push(`${px(t).toFixed(1)},${py(v).toFixed(1)}`);
    });
    out.push(`<polyline fill="none" stroke="${colour}" stroke-width="1.3"${s.dashed ? ' stroke-dasharray="5,3"' : ""} points="${pts.join(" ")}"/>`);
    out.push(`<text x="${W - R + 8}" y="${T + 14 + 16 * k}" font-size="12" fill="${colour}">${htmlEscape(s.label.slice(0, 22))}</text>`);
  });
  out.push("</svg>");
  return out.join("\n");
}

/** Paired bars per label: `a` (first colour) against `b` (second), e.g. empirical vs exact. */
export function pairedBars(title: string, labels: readonly string[], a: readonly number[], b: readonly number[], aName: string, bName: string, unit: string): string {
  const rows = Math.min(labels.length, 40);
  const row = 30, top = 50, width = 640, label = 130, value = 150;
  const max = Math.max(1e-300, ...a.slice(0, rows).filter(Number.isFinite), ...b.slice(0, rows).filter(Number.isFinite));
  const plot = width - label - value;
  const height = top + rows * row + 30;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${htmlEscape(title)}">`,
    `<title>${htmlEscape(title)}</title>`,
    `<text x="0" y="16" font-size="14" font-weight="600" fill="#222">${htmlEscape(title)}</text>`,
    `<rect x="${label}" y="26" width="10" height="10" fill="${COLOURS[0]}"/><text x="${label + 14}" y="35" font-size="12">${htmlEscape(aName)}</text>`,
    `<rect x="${label + 160}" y="26" width="10" height="10" fill="${COLOURS[1]}"/><text x="${label + 174}" y="35" font-size="12">${htmlEscape(bName)}</text>`,
  ];
  for (let i = 0; i < rows; i++) {
    const y = top + i * row;
    const va = a[i] ?? NaN, vb = b[i] ?? NaN;
    out.push(`<text x="${label - 6}" y="${y + 16}" font-size="12" text-anchor="end">${htmlEscape((labels[i] ?? "").slice(0, 18))}</text>`);
    if (Number.isFinite(va)) out.push(`<rect x="${label}" y="${y + 2}" width="${Math.max(0.5, (va / max) * plot).toFixed(1)}" height="11" fill="${COLOURS[0]}"/>`);
    if (Number.isFinite(vb)) out.push(`<rect x="${label}" y="${y + 14}" width="${Math.max(0.5, (vb / max) * plot).toFixed(1)}" height="11" fill="${COLOURS[1]}"/>`);
    out.push(`<text x="${width - value + 6}" y="${y + 16}" font-size="11" fill="#222">${htmlEscape(`${formatNumber(va, 4)} / ${formatNumber(vb, 4)}`)}</text>`);
  }
  out.push(`<text x="${label}" y="${height - 8}" font-size="11" fill="#555">${htmlEscape(unit)}</text>`);
  out.push("</svg>");
  return out.join("\n");
}

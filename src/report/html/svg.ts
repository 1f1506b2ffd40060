/**
 * Hand-written inline SVG charts for the HTML report: a horizontal bar chart with a zero axis
 * (for probabilities, concentrations, cycle currents and affinities). No scripts, no external
 * fonts; every label is escaped and long ones are cut with the full text in a tooltip.
 */
import { formatNumber, htmlEscape } from "../model/format.js";

export interface BarChart {
  readonly title: string;
  readonly labels: readonly string[];
  /** Null or non-finite values get no bar, and their value is written in words. */
  readonly values: readonly (number | null)[];
  /** Axis caption: what the numbers are, with units. */
  readonly unit: string;
  /** At most this many bars, the largest |value| first when cut. Default 40. */
  readonly maxBars?: number;
  readonly colour?: string;
}

const WIDTH = 640;
const LABEL = 150;
const VALUE = 90;
const ROW = 22;
const TOP = 34;

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** An SVG bar chart, one row per label; negative values extend left of the zero line. */
export function barChart(chart: BarChart): string {
  const maxBars = chart.maxBars ?? 40;
  let rows = chart.labels.map((label, i) => ({ label, value: chart.values[i] ?? null }));
  const omitted = Math.max(0, rows.length - maxBars);
  if (omitted > 0) {
    rows = [...rows].sort((a, b) => size(b.value) - size(a.value)).slice(0, maxBars);
  }
  const finite = rows.map((r) => r.value).filter((v): v is number => v !== null && Number.isFinite(v));
  const lo = Math.min(0, ...finite), hi = Math.max(0, ...finite);
  const span = hi - lo || 1;
  const plot = WIDTH - LABEL - VALUE - 10;
  const x = (v: number) => LABEL + ((v - lo) / span) * plot;
  const height = TOP + rows.length * ROW + 30 + (omitted > 0 ? 16 : 0);
  const colour = chart.colour ?? "#4a6fa5";
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${htmlEscape(chart.title)}">`,
    `<title>${htmlEscape(chart.title)}</title>`,
    `<text x="0" y="16" font-size="14" font-weight="600" fill="#222">${htmlEscape(chart.title)}</text>`,
  ];
  rows.forEach((r, i) => {
    const y = TOP + i * ROW;
    out.push(`<g><title>${htmlEscape(`${r.label}: ${formatNumber(r.value)}`)}</title>`);
    out.push(`<text x="${LABEL - 6}" y="${y + 15}" font-size="12" text-anchor="end" fill="#222">${htmlEscape(cut(r.label, 22))}</text>`);
    if (r.value !== null && Number.isFinite(r.value)) {
      const a = x(Math.min(0, r.value)), b = x(Math.max(0, r.value));
      out.push(`<rect x="${a.toFixed(1)}" y="${y + 3}" width="${Math.max(0.5, b - a).toFixed(1)}" height="${ROW - 6}" fill="${colour}" rx="2"/>`);
    }
    const text = r.value === null || Number.isNaN(r.value) ? "undefined" : formatNumber(r.value);
    out.push(`<text x="${WIDTH - VALUE + 4}" y="${y + 15}" font-size="12" fill="#222">${htmlEscape(text)}</text></g>`);
  });
  const axisY = TOP + rows.length * ROW + 4;
  out.push(`<line x1="${x(0).toFixed(1)}" y1="${TOP - 2}" x2="${x(0).toFixed(1)}" y2="${axisY}" stroke="#555" stroke-width="1"/>`);
  out.push(`<text x="${LABEL}" y="${axisY + 16}" font-size="11" fill="#555">${svgUnits(htmlEscape(`${chart.unit}; axis from ${formatNumber(lo)} to ${formatNumber(hi)}`))}</text>`);
  if (omitted > 0) out.push(`<text x="${LABEL}" y="${axisY + 32}" font-size="11" fill="#555">${htmlEscape(`largest ${rows.length} of ${chart.labels.length} shown`)}</text>`);
  out.push("</svg>");
  return out.join("\n");
}

/** k_BT and k_B with the B lowered, as the HTML around the chart writes them (SVG text has no `<sub>`). */
function svgUnits(text: string): string {
  const b = `<tspan baseline-shift="sub" font-size="8">B</tspan>`;
  return text.replace(/\bk_B ?T\b/g, `k${b}T`).replace(/\bk_B\b/g, `k${b}`);
}

function size(v: number | null): number {
  return v === null || Number.isNaN(v) ? -1 : Math.abs(v);
}

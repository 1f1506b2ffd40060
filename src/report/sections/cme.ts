/**
 * The Chemical master equation section (only for a report made with --volume): how the state
 * space was projected and what it may have cut, each species' count distribution (a binned SVG
 * histogram in HTML), its modes against the deterministic steady states Ω c*, and σ_CME/Ω against
 * the deterministic σ. In JSON: `cme`. The histogram is drawn twice, in probability and in decades
 * (a minor mode can be 10⁻⁵ of the major one, as in Schlögl's model at Ω = 50).
 */
import type { Analysis, CmeSummary, CountMarginal } from "../../analysis/types.js";
import { formatNumber } from "../model/format.js";
import { chart, code, said, sub, text, wholeTable, type Block, type Inline, type Section } from "../model/section.js";
import type { JsonCme } from "../json/types.js";

/** Bars of a histogram: wide enough to see, few enough to read. */
const BINS = 40;
/** The log-scale histogram shows this many decades below its largest bin. */
const LOG_DECADES = 8;

/** The marginal in at most BINS bins of equal width, labelled by their count range. */
export function binned(m: CountMarginal): { labels: string[]; values: number[] } {
  const size = m.probability.length;
  const width = Math.max(1, Math.ceil(size / BINS));
  const labels: string[] = [], values: number[] = [];
  for (let lo = 0; lo < size; lo += width) {
    const hi = Math.min(size, lo + width) - 1;
    let p = 0;
    for (let k = lo; k <= hi; k++) p += m.probability[k] ?? 0;
    labels.push(width === 1 ? `${m.name} = ${lo}` : `${m.name} ${lo}–${hi}`);
    values.push(p);
  }
  return { labels, values };
}

/** For each mode (a count), the deterministic state whose Ω c*_i is nearest, and how far. */
function nearest(cme: CmeSummary, m: CountMarginal, mode: number): { state: number; at: number } | null {
  let best: { state: number; at: number } | null = null;
  for (const [s, d] of cme.deterministic.entries()) {
    const at = cme.volume * (d.concentrations[m.species] ?? NaN);
    if (Number.isFinite(at) && (best === null || Math.abs(at - mode) < Math.abs(best.at - mode))) best = { state: s, at };
  }
  return best;
}

function stability(s: boolean | null): string {
  return s === null ? "stability undecided" : s ? "stable" : "unstable";
}

export function cmeSection(analysis: Analysis): Section {
  const cme = analysis.cme ?? null;
  if (cme === null) return { id: "cme", title: "Chemical master equation", blocks: [] };
  const bounds: Inline = cme.bounds.map((b, i) => [i === 0 ? "" : ", ", code(cme.marginals[i]?.name ?? `#${b.species}`), ` ≤ ${b.cap} (${b.by === "conservation" ? "by a conservation law" : "by the mass tolerance"})`]);
  const blocks: Block[] = [
    text(["The chemical master equation at volume Ω = ", formatNumber(cme.volume), ` (counts x = Ω c): ${cme.states} states, ${cme.transitions} transitions, by finite state projection; bounds `, bounds,
      `. Cut mass (stationary probability on the states where the projection cuts a transition): ${cme.cutMass.toExponential(2)}, tolerance ${cme.massTolerance}`,
      cme.cutMass === 0 ? " (nothing is cut: conservation laws bound every species)." : "."]),
  ];
  const rows: Inline[][] = [];
  for (const m of cme.marginals) {
    const modes = m.modes.slice().sort((a, b) => a - b);
    for (const mode of modes) {
      const near = nearest(cme, m, mode);
      const d = near === null ? null : cme.deterministic[near.state];
      rows.push([code(m.name), `${mode}`, formatNumber(mode / cme.volume), near === null || d === null || d === undefined ? "none" : `${formatNumber(near.at / cme.volume)} (state ${near.state + 1}, ${stability(d.stable)})`]);
    }
  }
  blocks.push(wholeTable(["species", "mode (count)", "mode / Ω", "nearest deterministic steady state c*"], rows, "lrrl"));
  blocks.push(wholeTable(["species", "mean / Ω", "standard deviation / Ω", "modes"],
    cme.marginals.map((m) => [code(m.name), formatNumber(m.mean / cme.volume), formatNumber(m.sd / cme.volume), `${m.modes.length}${m.modes.length > 1 ? " (multimodal)" : ""}`]), "lrrl"));
  const detSigma = cme.deterministic.map((d, i) => `${formatNumber(d.entropyProduction)} (state ${i + 1}, ${stability(d.stable)})`);
  blocks.push(text(["Entropy production: σ_CME / Ω = ", formatNumber(cme.sigmaPerVolume), " (", sub("k", "B"), " per unit time and volume); deterministic σ: ",
    detSigma.length === 0 ? "no steady state" : detSigma.join(", "), ". They agree as Ω → ∞ at a unique stable state; with several, the CME weighs them by their probability."]));
  for (const m of cme.marginals) {
    const { labels, values } = binned(m);
    blocks.push(chart({ title: `Count distribution of ${m.name} at Ω = ${formatNumber(cme.volume)}`, labels, values, unit: "probability", maxBars: BINS + 1 }));
    // a minor mode may be orders of magnitude below the major one: the same bins in decades
    const top = Math.max(...values);
    const decades = values.map((v) => (v > 0 && top > 0 ? Math.max(0, Math.log10(v / top) + LOG_DECADES) : 0));
    blocks.push(chart({ title: `Count distribution of ${m.name}, log scale`, labels, values: decades, unit: `decades above 1e-${LOG_DECADES} of the largest bin`, maxBars: BINS + 1 }));
  }
  blocks.push(text(said(
    "The HTML report plots each species' count distribution.",
    ["Each histogram sums P(", code("count"), ") over its bins."],
  )));
  const json = (): { cme: JsonCme } => ({
    cme: {
      volume: cme.volume, states: cme.states, transitions: cme.transitions,
      bounds: cme.bounds.map((b) => ({ species: cme.marginals[b.species]?.name ?? `#${b.species}`, cap: b.cap, by: b.by })),
      cutMass: cme.cutMass, cutFlow: cme.cutFlow, massTolerance: cme.massTolerance,
      marginals: cme.marginals.map((m) => ({ species: m.name, mean: m.mean, sd: m.sd, modes: m.modes, probability: m.probability })),
      sigmaPerVolume: cme.sigmaPerVolume,
      deterministicSigma: cme.deterministic.map((d) => d.entropyProduction),
    },
  });
  return { id: "cme", title: "Chemical master equation", blocks, json };
}

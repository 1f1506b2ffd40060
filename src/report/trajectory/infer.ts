/**
 * The inference report (`ness infer`): the verdict on detailed balance first, then the rates with
 * their intervals, the test, the cycles, σ and the Kullback–Leibler bound, what lumping hides, the
 * exact values when a model is known, and the calibration when one was run. Markdown, HTML and
 * JSON (the JSON carries every number, `pValue` among them).
 */
import type { Calibration } from "../../stochastic/infer/calibrate.js";
import type { Coverage, Exact } from "../../stochastic/infer/exact.js";
import type { Inference, Interval } from "../../stochastic/infer/fit.js";
import { formatNumber as f } from "../model/format.js";
import { barChart } from "../html/svg.js";
import { toHtml, toMarkdown, type Part } from "./document.js";

export interface InferReport {
  readonly source: string;
  readonly format: string;
  readonly inference: Inference;
  readonly exact: Exact | null;
  readonly coverage: Coverage | null;
  readonly calibration: Calibration | null;
  /** Lumps the observer made: lump name → states it merges. */
  readonly lumps: ReadonlyMap<string, readonly string[]>;
}

/** The one-line verdict, as a new user reads it. */
export function verdictText(inf: Inference): { word: "driven" | "equilibrium" | "undecided"; text: string } {
  const t = inf.balanceTest;
  const alpha = 1 - inf.level;
  if (t === null) {
    const d = inf.kld.perJump;
    return d > 0
      ? { word: "undecided", text: `Without times no likelihood-ratio test: the sequence's irreversibility is ${f(d)} k_B per jump (a lower bound on the entropy produced)` }
      : { word: "undecided", text: "Without times no likelihood-ratio test, and the sequence shows no irreversibility" };
  }
  if (t.dof === 0) return { word: "equilibrium", text: "No evidence against detailed balance: the observed jumps form no cycle, and a chain without cycles is always balanced" };
  if (t.rejected) return { word: "driven", text: `Driven: detailed balance is rejected (likelihood ratio ${f(t.statistic)} on ${t.dof} cycle${t.dof === 1 ? "" : "s"}, ${pText(t.pValue)} < ${f(alpha)})` };
  return { word: "equilibrium", text: `No evidence against detailed balance (likelihood ratio ${f(t.statistic)} on ${t.dof} cycle${t.dof === 1 ? "" : "s"}, ${pText(t.pValue)} ≥ ${f(alpha)})` };
}

/** "p = 0.042" or "p < 1e-300". */
function pText(p: number): string {
  return p < 1e-300 ? "p < 1e-300" : `p = ${f(p, 3)}`;
}

function iv(i: Interval | null): string {
  return i === null ? "—" : `[${f(i.lo, 4)}, ${f(i.hi, 4)}]`;
}

function parts(r: InferReport, html: boolean): Part[] {
  const inf = r.inference;
  const names = inf.names;
  const pct = `${Math.round(inf.level * 100)}%`;
  const v = verdictText(inf);
  const out: Part[] = [
    { kind: "heading", level: 1, text: `Inference from ${r.source}` },
    { kind: "paragraph", text: v.text, strong: true, css: `verdict ${v.word}` },
    {
      kind: "paragraph",
      text: inf.hasTimes
        ? `${inf.jumps} jumps in ${f(inf.time)} time units over ${names.length} states (${inf.runs} run${inf.runs === 1 ? "" : "s"}, read as ${r.format}); every interval is at ${pct} confidence.`
        : `${inf.jumps} jumps over ${names.length} states (${inf.runs} run${inf.runs === 1 ? "" : "s"}), a state sequence without times.`,
      css: "meta",
    },
  ];
  if (inf.hasTimes) {
    out.push({ kind: "heading", level: 2, text: "Rates" });
    out.push({ kind: "paragraph", text: `Maximum likelihood: jumps i → j over the time spent in i. Interval: the exact Poisson (Garwood) interval given that time.${r.exact ? " Exact: the model's rate." : ""}` });
    const rows: string[][] = [];
    inf.edges.forEach((e, k) => {
      for (const [from, to, n, rate, i, exact] of [
        [e.a, e.b, e.forwardCount, e.forwardRate, e.forwardInterval, r.exact?.forward[k]],
        [e.b, e.a, e.reverseCount, e.reverseRate, e.reverseInterval, r.exact?.reverse[k]],
      ] as const) {
        const row = [e.label, `${names[from]} → ${names[to]}`, String(n), f(inf.dwell[from] ?? NaN), f(rate), iv(i)];
        if (r.exact) row.push(exact === undefined ? "—" : f(exact), exact === undefined || !Number.isFinite(exact) ? "—" : exact >= i.lo && exact <= i.hi ? "yes" : "no");
        rows.push(row);
      }
    });
    out.push({ kind: "table", headers: ["transition", "jump", "jumps", "time in source", "rate", `${pct} interval`, ...(r.exact ? ["exact", "covered"] : [])], rows, align: "llrrrr" + (r.exact ? "rl" : "") });
    if (r.exact && r.exact.unseen > 0) out.push({ kind: "paragraph", text: `${r.exact.unseen} transition${r.exact.unseen === 1 ? "" : "s"} of the model never happened in the trajectory; nothing about ${r.exact.unseen === 1 ? "it" : "them"} can be inferred beyond an upper bound.` });
    const t = inf.balanceTest;
    if (t) {
      out.push({ kind: "heading", level: 2, text: "Detailed balance" });
      out.push({
        kind: "paragraph",
        text: `Likelihood-ratio test of the best balanced model (k_ij = w_ij/π_i with w symmetric) against free rates: 2 Δln L = ${f(t.statistic)}, χ² with ${t.dof} degree${t.dof === 1 ? "" : "s"} of freedom (the independent cycles of the observed graph), ${pText(t.pValue)}; rejected at ${f(1 - inf.level)}: ${t.rejected ? "yes" : "no"}.`,
      });
    }
  }
  if (inf.cycles.length > 0) {
    out.push({ kind: "heading", level: 2, text: "Cycles" });
    const rows = inf.cycles.map((c, i) => {
      const words = [...c.states, c.states[0] ?? 0].map((s) => names[s]).join(" → ");
      const row = [i === inf.mostDriven ? `${words} (most driven)` : words, f(c.affinity), iv(c.interval)];
      if (r.exact) row.push(f(r.exact.affinities[i]));
      return row;
    });
    out.push({ kind: "paragraph", text: `Affinity ln(Π k forward / Π k backward) around each fundamental cycle, in k_B T; intervals from the bootstrap (${inf.entropyProduction?.draws ?? 0} draws).` });
    out.push({ kind: "table", headers: ["cycle", "affinity", `${pct} interval`, ...(r.exact ? ["exact"] : [])], rows, align: "lrr" + (r.exact ? "r" : "") });
  }
  out.push({ kind: "heading", level: 2, text: "Entropy production" });
  const s = inf.entropyProduction;
  const items: string[] = [];
  if (s) {
    items.push(`σ at the fitted rates (plug-in, Schnakenberg): ${f(s.estimate)} k_B per time unit`);
    items.push(`${pct} interval (parametric bootstrap, ${s.draws} draws${inf.balanceTest && !inf.balanceTest.rejected ? "; it reaches 0 because the test does not reject balance" : ""}): ${iv(s.interval)}`);
    if (r.exact?.entropyProduction != null) items.push(`exact σ of the model: ${f(r.exact.entropyProduction)}; covered by the interval: ${r.coverage?.sigma === null ? "—" : r.coverage?.sigma ? "yes" : "no"}`);
  }
  items.push(`Kullback–Leibler bound from the sequence alone (Roldán–Parrondo): ${f(inf.kld.perJump)} k_B per jump (pairs ${f(inf.kld.pairs)}, triples ${f(inf.kld.triples)})${inf.kld.perTime !== null ? `, ${f(inf.kld.perTime)} per time unit` : ""}`);
  out.push({ kind: "list", items });
  if (html && s?.interval) out.push({ kind: "svg", svg: barChart({ title: "Entropy production (k_B per time)", labels: ["estimate", "interval low", "interval high", ...(r.exact?.entropyProduction != null ? ["exact"] : []), "KLD bound"], values: [s.estimate, s.interval.lo, s.interval.hi, ...(r.exact?.entropyProduction != null ? [r.exact.entropyProduction] : []), inf.kld.perTime], unit: "k_B per time unit" }) });
  if (r.lumps.size > 0) {
    out.push({ kind: "heading", level: 2, text: "Lumped states" });
    out.push({ kind: "paragraph", text: `Observed as one state: ${[...r.lumps].map(([k, v]) => `${k} = {${v.join(", ")}}`).join("; ")}.` });
    out.push({
      kind: "list",
      items: [
        "What cannot be inferred: the rates inside a lump, the cycles hidden in it, and which of its states a jump leaves from; the lumped process is not Markov, so its fitted rates are those of the nearest Markov model, and neither the likelihood-ratio test nor the plug-in σ is guaranteed (either way) for the hidden process.",
        "What remains: the Kullback–Leibler divergence of the lumped sequence from its reversal, which lumping can only lower, so it stays a lower bound on σ of the hidden process: " + `${f(inf.kld.perJump)} k_B per observed jump${inf.kld.perTime !== null ? `, ${f(inf.kld.perTime)} per time unit` : ""}.`,
        "A drive that only shows in waiting times (a lumped sequence that is reversible, such as a cycle through a lump seen as back-and-forth) is not detected by this bound.",
      ],
    });
  }
  if (r.calibration) out.push(...calibrationParts(r.calibration));
  if (inf.notes.length > 0) {
    out.push({ kind: "heading", level: 2, text: "Notes" });
    out.push({ kind: "list", items: [...inf.notes] });
  }
  return out;
}

function frac([a, b]: readonly [number, number]): string {
  return b === 0 ? "—" : `${a} of ${b} (${f((100 * a) / b, 3)}%)`;
}

function calibrationParts(c: Calibration): Part[] {
  const pct = `${Math.round(c.level * 100)}%`;
  const rows = c.detection.map((d) => [String(d.jumps), `${d.rejected} of ${d.runs}`]);
  return [
    { kind: "heading", level: 2, text: "Calibration" },
    { kind: "paragraph", text: `${c.runs} simulated runs of ${c.jumps} jumps each, started from the exact stationary law; each inferred as above and held against the exact values (σ = ${f(c.exactEntropyProduction)}).` },
    {
      kind: "list",
      items: [
        `rate intervals covering the exact rate: ${frac(c.rateCoverage)} (stated ${pct})`,
        `σ intervals covering the exact σ: ${frac(c.sigmaCoverage)} (stated ${pct})`,
        `affinity intervals covering the exact affinity: ${frac(c.affinityCoverage)}`,
        c.balanced
          ? `the model is balanced: the test rejected in ${frac([c.rejections, c.runs])} of runs (its size; stated ${f(100 * (1 - c.level), 3)}%)`
          : `the model is driven: the test rejected in ${frac([c.rejections, c.runs])} of runs`,
        c.balanced ? "no drive to detect" : c.jumpsToDetect === null ? `the drive was not detected in ${pct} of runs by ${c.detection.at(-1)?.jumps ?? 0} jumps` : `jumps needed to detect the drive in ${pct} of runs: about ${c.jumpsToDetect} (first doubling from 100 that reached it)`,
      ],
    },
    ...(rows.length > 0 ? [{ kind: "table" as const, headers: ["jumps per run", "runs rejecting balance"], rows, align: "rr" }] : []),
  ];
}

export function inferMarkdown(r: InferReport): string {
  return toMarkdown(parts(r, false));
}

export function inferHtml(r: InferReport): string {
  return toHtml(`Inference from ${r.source}`, parts(r, true));
}

/** Every number of the report, non-finite values as strings ("Infinity"), `pValue` at the top of `detailedBalance`. */
export function inferJson(r: InferReport): string {
  const inf = r.inference;
  const num = (x: number | null | undefined) => (x === null || x === undefined ? null : Number.isFinite(x) ? x : String(x));
  const ivj = (i: Interval | null) => (i === null ? null : { lo: num(i.lo), hi: num(i.hi) });
  const v = verdictText(inf);
  const doc = {
    source: r.source,
    format: r.format,
    verdict: v.word,
    summary: v.text,
    level: inf.level,
    jumps: inf.jumps,
    time: num(inf.time),
    runs: inf.runs,
    states: inf.names.map((name, i) => ({ name, dwell: num(inf.dwell[i]) })),
    rates: inf.edges.flatMap((e, k) => [
      { transition: e.label, from: inf.names[e.a], to: inf.names[e.b], jumps: e.forwardCount, rate: num(e.forwardRate), interval: ivj(e.forwardInterval), exact: num(r.exact?.forward[k]) },
      { transition: e.label, from: inf.names[e.b], to: inf.names[e.a], jumps: e.reverseCount, rate: num(e.reverseRate), interval: ivj(e.reverseInterval), exact: num(r.exact?.reverse[k]) },
    ]),
    detailedBalance: inf.balanceTest ? { statistic: num(inf.balanceTest.statistic), dof: inf.balanceTest.dof, pValue: inf.balanceTest.pValue, rejected: inf.balanceTest.rejected } : null,
    cycles: inf.cycles.map((c, i) => ({ states: c.states.map((s) => inf.names[s]), affinity: num(c.affinity), interval: ivj(c.interval), exact: num(r.exact?.affinities[i]), mostDriven: i === inf.mostDriven })),
    entropyProduction: inf.entropyProduction
      ? { estimate: num(inf.entropyProduction.estimate), interval: ivj(inf.entropyProduction.interval), draws: inf.entropyProduction.draws, exact: num(r.exact?.entropyProduction), covered: r.coverage?.sigma ?? null }
      : null,
    kullbackLeibler: { perJump: num(inf.kld.perJump), perTime: num(inf.kld.perTime), pairs: num(inf.kld.pairs), triples: num(inf.kld.triples), droppedPairs: inf.kld.dropped },
    lumps: Object.fromEntries(r.lumps),
    calibration: r.calibration
      ? { ...r.calibration, exactEntropyProduction: num(r.calibration.exactEntropyProduction) }
      : null,
    notes: inf.notes,
  };
  return JSON.stringify(doc, null, 2) + "\n";
}

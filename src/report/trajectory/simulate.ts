/**
 * What `ness simulate` prints and plots: per-reaction event counts, the time-averaged occupations
 * (or concentrations) against the exact stationary law (or the deterministic steady state) from
 * ness's analysis, the currents, and σ estimated along the run against the exact σ; the HTML page
 * plots the first run's trajectory, the empirical against the exact distribution, and the ODE
 * course with the ensemble mean when both were asked for.
 */
import type { Analysis } from "../../analysis/types.js";
import type { Network } from "../../network/types.js";
import type { TimeCourse } from "../../stochastic/ode.js";
import type { Simulation } from "../../stochastic/simulate.js";
import { formatNumber as f } from "../model/format.js";
import { toHtml, toMarkdown, type Part } from "./document.js";
import { lineChart, pairedBars, type Series } from "./plot.js";

export interface SimulateReport {
  readonly source: string;
  readonly network: Network;
  readonly simulation: Simulation | null;
  readonly analysis: Analysis | null;
  readonly ode: TimeCourse | null;
  readonly seed: number;
  readonly notes: readonly string[];
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
}

function exactState(r: SimulateReport) {
  const a = r.analysis;
  return a ? (a.steadyStates.states[a.currentsAt?.state ?? 0] ?? null) : null;
}

/** The empirical law (pooled occupation, or mean concentration over runs) and the exact one. */
function distributions(r: SimulateReport): { empirical: number[]; exact: number[] } | null {
  const sim = r.simulation;
  if (!sim) return null;
  const exact = exactState(r)?.concentrations ?? [];
  if (sim.kind === "markov") return { empirical: sim.pooled.estimates.occupation, exact: [...exact] };
  const omega = sim.system.volume;
  return { empirical: r.network.species.map((_, i) => mean(sim.runs.map((run) => (run.meanCounts[i] ?? NaN) / omega))), exact: [...exact] };
}

function parts(r: SimulateReport, html: boolean): Part[] {
  const net = r.network;
  const sim = r.simulation;
  const state = exactState(r);
  const out: Part[] = [{ kind: "heading", level: 1, text: `Simulation of ${r.source}` }];
  if (r.notes.length > 0) out.push({ kind: "list", items: [...r.notes] });
  if (sim) {
    const runs = sim.runs;
    const events = runs.reduce((a, x) => a + x.events, 0), time = runs.reduce((a, x) => a + x.time, 0);
    out.push({ kind: "paragraph", text: `${runs.length} run${runs.length === 1 ? "" : "s"} (seed ${r.seed}): ${events} events in ${f(time)} time units in all${runs.some((x) => x.absorbed) ? "; a run reached a state with no way out and stopped there" : ""}.`, css: "meta" });
    const d = distributions(r);
    const isMarkov = sim.kind === "markov";
    if (d) {
      out.push({ kind: "heading", level: 2, text: isMarkov ? "Occupation" : "Mean concentrations" });
      out.push({ kind: "paragraph", text: isMarkov ? "Fraction of time in each state (all runs pooled) against the exact stationary law." : "Time-averaged count / Ω, averaged over runs, against the deterministic steady state (they differ by O(1/Ω) corrections, and while the runs are still transient)." });
      out.push({ kind: "table", headers: [isMarkov ? "state" : "species", "simulated", "exact"], rows: net.species.map((s, i) => [s.name, f(d.empirical[i]), f(d.exact[i])]), align: "lrr" });
      if (html) out.push({ kind: "svg", svg: pairedBars(isMarkov ? "Occupation: simulated against exact" : "Concentration: simulated against deterministic", net.species.map((s) => s.name), d.empirical, d.exact, "simulated", isMarkov ? "exact" : "deterministic", isMarkov ? "probability" : "concentration") });
    }
    out.push({ kind: "heading", level: 2, text: "Reactions" });
    const fwd = net.reactions.map((_, k) => runs.reduce((a, x) => a + ((isMarkov ? (x as { estimates: { forward: number[] } }).estimates.forward : (x as { forward: number[] }).forward)[k] ?? 0), 0));
    const rev = net.reactions.map((_, k) => runs.reduce((a, x) => a + ((isMarkov ? (x as { estimates: { reverse: number[] } }).estimates.reverse : (x as { reverse: number[] }).reverse)[k] ?? 0), 0));
    const currents = sim.kind === "markov" ? sim.pooled.estimates.currents : net.reactions.map((_, k) => mean(sim.runs.map((x) => x.fluxes[k] ?? NaN)));
    out.push({
      kind: "table",
      headers: ["reaction", "forward events", "reverse events", isMarkov ? "net current (simulated)" : "net flux / Ω (simulated)", "exact"],
      rows: net.reactions.map((x, k) => [x.id, String(fwd[k]), String(rev[k]), f(currents[k]), f(state?.fluxes[k])]),
      align: "lrrrr",
    });
    const sigma = sim.kind === "markov" ? sim.pooled.estimates.entropyProduction : mean(sim.runs.map((x) => x.entropyProduction));
    out.push({ kind: "heading", level: 2, text: "Entropy production" });
    out.push({
      kind: "paragraph",
      text: `Estimated along the run${runs.length > 1 ? "s" : ""} as (1/T) Σ over events of ln(a_fired / a_reverse)${isMarkov ? "" : " per volume"}: ${f(sigma)} k_B per time unit; exact at the steady state: ${f(state?.entropyProduction ?? null)}.`,
    });
    if (html) {
      const s = sim.sample;
      const series: Series[] = isMarkov
        ? [{ label: "state", times: s.times, values: s.states, steps: true }]
        : net.species.slice(0, 8).map((sp, i) => ({ label: sp.name, times: s.times, values: s.values.map((v) => v[i] ?? NaN), steps: true }));
      out.push({ kind: "svg", svg: lineChart(`Run 1, first ${s.times.length - 1} events`, series, "time", isMarkov ? "state" : "count / Ω", isMarkov ? net.species.map((x) => x.name) : undefined) });
    }
  }
  if (r.ode) {
    out.push({ kind: "heading", level: 2, text: "Deterministic time course" });
    const last = r.ode.values.at(-1) ?? [];
    const grid = sim?.kind === "mass-action" ? sim.grid : null;
    out.push({ kind: "paragraph", text: `Mass-action ODE by ness's stiff integrator (ROS2) on ${r.ode.times.length - 1} steps to t = ${f(r.ode.times.at(-1))}${r.ode.status !== "end" ? ` (integrator: ${r.ode.status})` : ""}${grid ? `, beside the mean of ${sim?.runs.length} stochastic runs` : ""}.` });
    out.push({
      kind: "table",
      headers: ["species", `ODE at t = ${f(r.ode.times.at(-1))}`, ...(grid ? ["SSA mean"] : [])],
      rows: net.species.map((s, i) => [s.name, f(last[i]), ...(grid ? [f(grid.mean[i]?.at(-1))] : [])]),
      align: grid ? "lrr" : "lr",
    });
    if (html) {
      const series: Series[] = net.species.slice(0, 6).flatMap((sp, i) => [
        { label: `${sp.name} (ODE)`, times: r.ode?.times ?? [], values: (r.ode?.values ?? []).map((v) => v[i] ?? NaN) },
        ...(grid ? [{ label: `${sp.name} (SSA mean)`, times: grid.times, values: grid.mean[i] ?? [], dashed: true }] : []),
      ]);
      out.push({ kind: "svg", svg: lineChart("Deterministic course" + (grid ? " and ensemble mean" : ""), series, "time", "concentration") });
    }
  }
  return out;
}

export function simulateMarkdown(r: SimulateReport): string {
  return toMarkdown(parts(r, false));
}

export function simulateHtml(r: SimulateReport): string {
  return toHtml(`Simulation of ${r.source}`, parts(r, true));
}

export function simulateJson(r: SimulateReport): string {
  const sim = r.simulation;
  const d = distributions(r);
  const num = (x: number | null | undefined) => (x === null || x === undefined ? null : Number.isFinite(x) ? x : String(x));
  const state = exactState(r);
  const doc = {
    source: r.source,
    seed: r.seed,
    notes: r.notes,
    runs: sim
      ? sim.runs.map((x) => ({
          time: num(x.time),
          events: x.events,
          absorbed: x.absorbed,
          ...("estimates" in x
            ? { occupation: x.estimates.occupation.map(num), forward: x.estimates.forward, reverse: x.estimates.reverse, currents: x.estimates.currents.map(num), entropyProduction: num(x.estimates.entropyProduction) }
            : { meanCounts: x.meanCounts.map(num), forward: x.forward, reverse: x.reverse, fluxes: x.fluxes.map(num), entropyProduction: num(x.entropyProduction) }),
        }))
      : [],
    species: r.network.species.map((s, i) => ({ name: s.name, simulated: num(d?.empirical[i]), exact: num(d?.exact[i]) })),
    exact: state ? { fluxes: state.fluxes.map(num), entropyProduction: num(state.entropyProduction) } : null,
    ode: r.ode ? { times: r.ode.times, values: r.ode.values, status: r.ode.status } : null,
    ensembleMean: sim?.kind === "mass-action" && sim.grid ? sim.grid : null,
  };
  return JSON.stringify(doc, null, 2) + "\n";
}

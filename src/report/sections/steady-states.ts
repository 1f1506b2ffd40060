/**
 * The Steady states section: how the states were found and whether the list is complete, then
 * one column per state (stable first): stability, the leading eigenvalue, entropy production,
 * amounts and fluxes (forward and reverse rates too when there is one state); a set of steady
 * states by its dimension and extreme points; the limit cycle reached when no state is. In JSON:
 * `steadyStates` (eigenvalues, certificate), `steadyStateSearch` (solver, paths, continua, attractor).
 */
import type { Analysis, SteadyState } from "../../analysis/types.js";
import { formatNumber } from "../model/format.js";
import { entropyReason, flowState, orderedStates } from "../model/index.js";
import { chart, code, rowsOf, said, strong, sub, table, text, wholeTable, type Block, type Inline, type Section } from "../model/section.js";
import { keyed, type ListingBudget, type NullNotes } from "../json/values.js";
import type { JsonSteadyState, JsonSteadyStateSearch } from "../json/types.js";

/** Every steady state found, as columns: `steadyStatesSection(analysis).blocks` has the summary, amounts and fluxes. */
export function steadyStatesSection(analysis: Analysis): Section {
  const net = analysis.network;
  const states = orderedStates(analysis);
  const search = analysis.steadyStates;
  const verdict = completeness(search);
  const blocks: Block[] = [text(said(
    ["Found by ", search.method, "; the list is ", verdict, "."],
    ["Found by ", search.method, "; the list is ", verdict, "."],
  ))];
  const species = net.species.map((x) => x.name);
  for (const c of search.continua ?? []) {
    blocks.push(text(said(
      [strong(`A set of steady states of dimension ${c.dimension}`), `: ${c.description}.`, c.extremePoints.length > 0 ? ` Its extreme points: ${c.extremePoints.map((p) => `(${p.map((v, i) => `${species[i] ?? i} = ${formatNumber(v)}`).join(", ")})`).join("; ")}.` : ""],
      [strong(`A set of steady states of dimension ${c.dimension}`), `: ${c.description}.`],
    )));
  }
  const cycle = search.attractor ?? null;
  if (cycle) {
    blocks.push(text(said(
      [strong("The dynamics reach a limit cycle"), `, period ${formatNumber(cycle.period)}: ${cycle.min.map((v, i) => `${species[i] ?? i} from ${formatNumber(v)} to ${formatNumber(cycle.max[i])} (mean ${formatNumber(cycle.mean[i])})`).join(", ")}; mean entropy production ${cycle.meanEntropyProduction === null ? "infinite (a one-way reaction carries flux)" : formatNumber(cycle.meanEntropyProduction)}. No steady state is reached.`],
      [strong("The dynamics reach a limit cycle"), `, period ${formatNumber(cycle.period)}.`],
    )));
  }
  const json = (nulls: NullNotes, budget: ListingBudget) => {
    const steadyStates = states.map((st, i) => stateJson(analysis, st, `steadyStates[${i}]`, nulls, budget));
    if (states.length === 0) nulls.notes.push("steadyStates is empty: no non-negative steady state was found (see the notes above for why).");
    const ids = net.reactions.map((r) => r.id);
    const steadyStateSearch: JsonSteadyStateSearch = {
      method: search.method,
      complete: search.complete,
      ...(search.solver === undefined ? {} : { solver: search.solver }),
      ...(search.certified === undefined ? {} : { certified: search.certified }),
      ...(search.paths === undefined ? {} : { paths: search.paths }),
      ...(search.dimension === undefined ? {} : { dimension: search.dimension }),
      ...(search.continua === undefined ? {} : { continua: search.continua.map((c, k) => ({ dimension: c.dimension, description: c.description, extremePoints: c.extremePoints.map((p, j) => keyed(species, p, nulls, `steadyStateSearch.continua[${k}].extremePoints[${j}]`, budget)) })) }),
      ...(search.attractor === undefined ? {} : {
        attractor: cycle === null ? null : {
          period: cycle.period,
          min: keyed(species, cycle.min, nulls, "steadyStateSearch.attractor.min", budget),
          max: keyed(species, cycle.max, nulls, "steadyStateSearch.attractor.max", budget),
          mean: keyed(species, cycle.mean, nulls, "steadyStateSearch.attractor.mean", budget),
          meanFluxes: keyed(ids, cycle.meanFluxes, nulls, "steadyStateSearch.attractor.meanFluxes", budget),
          meanEntropyProduction: cycle.meanEntropyProduction,
        },
      }),
    };
    return { steadyStates, steadyStateSearch };
  };
  if (states.length === 0) {
    blocks.push(text(said(
      [strong("No steady state."), " See the notes below for why (an inflow with no outflow grows without bound)."],
      [strong("No steady state."), " See the notes for why."],
    )));
    return { id: "steady-states", title: "Steady states", blocks, json };
  }
  const cols = states.map((_, i) => (states.length === 1 ? "steady state" : `state ${i + 1}`));
  const align = `l${"r".repeat(cols.length)}`;
  const stable = ["stable", ...states.map((s) => (s.stable === null ? `undecided${s.stabilityWhy === undefined ? "" : ` (${s.stabilityWhy})`}` : s.stable ? "yes" : "no"))];
  const sigma: Inline[] = [["entropy production (", sub("k", "B"), " per unit time)"], ...states.map((s) => {
    const why = entropyReason(analysis, s);
    return why === null ? formatNumber(s.entropyProduction) : `${why.startsWith("infinite") ? "∞" : "undefined"} (${why})`;
  })];
  blocks.push(wholeTable(["", ...cols], [
    stable,
    ["reached from the initial amounts", ...states.map((s) => (s.reached ? "yes" : "no"))],
    ["leading eigenvalue", ...states.map((s) => (s.leadingEigenvalue === null ? "not computed" : formatNumber(s.leadingEigenvalue)))],
    // the row only where some state has an interval certificate (not for a Markov law or a theorem's state)
    ...(states.some((s) => s.certificate !== undefined) ? [["certified", ...states.map((s) => certificateCell(s))]] : []),
    sigma,
  ], align));
  blocks.push(table([`${net.kind === "markov" ? "state (probability)" : "species (concentration)"}`, ...cols],
    rowsOf(net.species, (sp, i) => [code(sp.name), ...states.map((s) => formatNumber(s.concentrations[i]))]), align));
  const fluxes = table(["reaction (net flux)", ...cols], rowsOf(net.reactions, (r, i) => [code(r.id), ...states.map((s) => formatNumber(s.fluxes[i]))]), align);
  const [only] = states;
  if (only !== undefined && states.length === 1) {
    blocks.push(table(["reaction", "forward rate v⁺", "reverse rate v⁻", "net flux J = v⁺ − v⁻"],
      rowsOf(net.reactions, (r, i) => [code(r.id), formatNumber(only.forwardRates[i]), r.reverse === null ? "0 (one-way)" : formatNumber(only.reverseRates[i]), formatNumber(only.fluxes[i])]),
      "lrrr", "markdown"));
    blocks.push({ ...fluxes, only: "html" });
  } else {
    blocks.push(fluxes);
  }
  const first = flowState(analysis);
  if (first !== null) {
    const title = net.kind === "markov" ? "Stationary distribution" : "Steady-state concentrations";
    blocks.push(chart({ title: `${title}${states.length > 1 && first.reached ? " (the state reached from the initial amounts)" : ""}`, labels: net.species.map((s) => s.name), values: first.concentrations, unit: net.kind === "markov" ? "probability" : "concentration" }));
  }
  return { id: "steady-states", title: "Steady states", blocks, json };
}

/** "complete (certified)", or what is missing: failed paths with their reasons, uncertified states, a continuum. */
function completeness(search: Analysis["steadyStates"]): string {
  const paths = search.paths;
  const failed = paths && paths.failed > 0 ? `; ${paths.failed} of ${paths.total} homotopy paths failed (${paths.failures.map((f) => `${f.count} ${f.reason}`).join("; ")})` : "";
  if ((search.continua ?? []).length > 0) return `not a finite list: the steady states form a set (below)${failed}`;
  if (search.complete) return search.certified ? "complete (certified): every non-negative steady state in the compatibility class, each proved" : "complete (every non-negative steady state in the compatibility class)";
  return `not proved complete${failed}`;
}

function certificateCell(s: SteadyState): string {
  const c = s.certificate;
  if (c === undefined) return "no";
  return c.certified ? `yes (${c.method})` : `no (${c.detail})`;
}

function stateJson(analysis: Analysis, st: SteadyState, path: string, nulls: NullNotes, budget: ListingBudget): JsonSteadyState {
  const net = analysis.network;
  const species = net.species.map((x) => x.name);
  const ids = net.reactions.map((r) => r.id);
  return {
    concentrations: keyed(species, st.concentrations, nulls, `${path}.concentrations`, budget),
    fluxes: keyed(ids, st.fluxes, nulls, `${path}.fluxes`, budget),
    forwardRates: keyed(ids, st.forwardRates, nulls, `${path}.forwardRates`, budget),
    reverseRates: keyed(ids, st.reverseRates, nulls, `${path}.reverseRates`, budget),
    entropyProduction: nulls.num(st.entropyProduction, `${path}.entropyProduction`, entropyReason(analysis, st)),
    entropyProductionBound: Number.isFinite(st.entropyProductionBound) ? st.entropyProductionBound ?? null : null,
    stable: st.stable,
    reached: st.reached,
    leadingEigenvalue: st.leadingEigenvalue === null ? null : nulls.num(st.leadingEigenvalue, `${path}.leadingEigenvalue`),
    ...(st.eigenvalues === undefined ? {} : { eigenvalues: eigenvaluesJson(st.eigenvalues, `${path}.eigenvalues`, budget) }),
    ...(st.stabilityWhy === undefined ? {} : { stabilityWhy: st.stabilityWhy }),
    ...(st.certificate === undefined ? {} : { certificate: { ...st.certificate, zeroSpecies: st.certificate.zeroSpecies.slice(0, budget.first(st.certificate.zeroSpecies.length, `${path}.certificate.zeroSpecies`)).map((i) => species[i] ?? `#${i}`) } }),
  };
}

/** The Jacobian's eigenvalues, the first `summaryEntries` of them in a summary. */
function eigenvaluesJson(e: SteadyState["eigenvalues"], path: string, budget: ListingBudget): JsonSteadyState["eigenvalues"] {
  if (e === undefined || e === null) return e ?? null;
  const n = budget.first(e.re.length, path);
  return n === e.re.length ? e : { re: e.re.slice(0, n), im: e.im.slice(0, n) };
}

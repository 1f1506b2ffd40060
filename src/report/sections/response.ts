/**
 * The Response section: where the entropy goes (σ over the drives, with the efficiency of
 * free-energy transduction), scaled control coefficients with the summation theorems, the
 * affinity response (Onsager's matrix at equilibrium) with its asymmetry, the Einstein relation of
 * each force, and how σ and each measured current respond to every input. In JSON: `response`.
 */
import type { Analysis, Response } from "../../analysis/types.js";
import type { OnsagerMatrix } from "../../analysis/response/types.js";
import type { Network } from "../../network/types.js";
import { formatNumber, shorten } from "../model/format.js";
import { code, KBT, rowsOf, sub, table, text, wholeTable, type Block, type Section } from "../model/section.js";
import { keyed, type ListingBudget, type NullNotes } from "../json/values.js";
import type { JsonResponse } from "../json/types.js";

const TITLE = "Response";
/** Control coefficient tables are shown for at most this many reactions (columns). */
const MAX_COLUMNS = 12;
/** Share of the JSON listing cap the sensitivities may use. */
const SENSITIVITY_SHARE = 0.2;

/** `responseSection(analysis).blocks`: transduction, control coefficients, Onsager matrix, Einstein relation, sensitivities. */
export function responseSection(analysis: Analysis): Section {
  const r = analysis.response ?? null;
  const net = analysis.network;
  const json = (nulls: NullNotes, budget: ListingBudget) => (analysis.response === undefined ? {} : { response: r === null ? null : responseJson(net, r, nulls, budget) });
  if (r === null) return { id: "response", title: TITLE, blocks: [], json };
  const blocks: Block[] = [];
  const t = r.transduction;
  if (t !== null && t.drives.length > 0) {
    blocks.push(text(["Where the entropy goes: σ = ", sub("Σ", "b"), " ", sub("A", "b"), " ", sub("J", "b"), " over drives, cycles that each exchange matter with the reservoirs through one reaction of their own (affinity in ", KBT, ", power ", sub("A", "b"), " ", sub("J", "b"), " in ", sub("k", "B"), "T per time)."]));
    blocks.push(wholeTable(["drive (reservoir exchange)", "cycle", ["affinity (", KBT, ")"], "current", "power A·J"], rowsOf(t.drives, (d) => [code(d.exchange), code(shorten(d.words)), formatNumber(d.affinity), formatNumber(d.current), formatNumber(d.power)]), "llrrr"));
    if (t.efficiency !== null) {
      const how = t.efficiency > 0 ? "the other drives are run against their affinity" : "the other drives run downhill too, so no free energy is stored";
      blocks.push(text([`Efficiency of free-energy transduction (power stored by the other drives over the power of the largest): η = ${formatNumber(t.efficiency)} (${formatNumber(100 * t.efficiency, 4)}%): ${how}.`]));
    }
    if (t.ratio !== null) blocks.push(text([`Coupling: `, code(t.ratio.output), ` per `, code(t.ratio.input), ` = ${formatNumber(t.ratio.value)}.`]));
  }
  const c = r.control;
  if (c !== null && c.flux.length > 0 && net.reactions.length <= MAX_COLUMNS) {
    const ids = net.reactions.map((x) => x.id);
    blocks.push(text(["Flux control coefficients ", sub("C", "J"), " = ∂ ln J / ∂ ln e (each reaction's two rate constants scaled together, as by its enzyme), by implicit differentiation. ",
      `Summation theorems: Σ C^J = 1 (largest defect ${formatNumber(c.fluxSumDefect, 2)}), Σ C^x = 0 (largest defect ${formatNumber(c.concentrationSumDefect, 2)}).`]));
    blocks.push(table(["flux of", ...ids.map(code), "sum"], rowsOf(c.flux, (row) => [code(ids[row.reaction] ?? "?"), ...row.coefficients.map((v) => formatNumber(v, 4)), formatNumber(row.sum, 12)]), "l" + "r".repeat(ids.length + 1)));
    blocks.push(table([net.kind === "markov" ? "probability of" : "concentration of", ...ids.map(code), "sum"], rowsOf(c.concentration, (row) => [code(net.species[row.species]?.name ?? "?"), ...row.coefficients.map((v) => formatNumber(v, 4)), formatNumber(row.sum, 4)]), "l" + "r".repeat(ids.length + 1)));
  } else if (c !== null) {
    blocks.push(text(`Control coefficients: summation theorems Σ C^J = 1 (largest defect ${formatNumber(c.fluxSumDefect, 2)}) and Σ C^x = 0 (largest defect ${formatNumber(c.concentrationSumDefect, 2)}); the tables are shown for at most ${MAX_COLUMNS} reactions.`));
  }
  const o = r.onsager;
  if (o !== null && o.affinities === "emergent") {
    const what = o.equilibrium ? "At detailed balance this is Onsager's matrix, symmetric by reciprocity and positive semidefinite" : "Away from equilibrium it need not be symmetric; its asymmetry measures the drive";
    blocks.push(text([`Response of the emergent cycles' currents to their affinities, ∂j_a/∂A_b: each affinity moved alone through the reservoirs' chemical potentials μ_Y = G°_Y + ln[Y] (the least change that does it), each current read off the exchange with the reservoirs. ${what}: relative asymmetry ${formatNumber(o.asymmetry, 2)}.`]));
    blocks.push(table(["emergent cycle (reservoir exchange)", "cycle", ["affinity (", KBT, ")"], "current", ...o.cycles.map((_, i) => `∂/∂A${i + 1}`)],
      rowsOf(o.matrix, (row, i) => [code(o.exchanges?.[i] ?? ""), code(shorten(o.cycles[i] ?? "")), formatNumber(o.affinity?.[i] ?? null), formatNumber(o.current?.[i] ?? null), ...row.map((v) => formatNumber(v))]), "llrr" + "r".repeat(o.cycles.length)));
  } else if (o !== null) {
    const what = o.equilibrium ? "At detailed balance this is Onsager's matrix, symmetric by reciprocity" : "Away from equilibrium it need not be symmetric; its asymmetry measures the drive";
    blocks.push(text([`Response of the cycle currents to the cycle affinities, ∂J_c/∂A_c' (each affinity changed through its chord). ${what}: relative asymmetry ${formatNumber(o.asymmetry, 2)}.`]));
    blocks.push(table(["cycle", ...o.cycles.map((_, i) => `A${i + 1}`)], rowsOf(o.matrix, (row, i) => [code(shorten(o.cycles[i] ?? "")), ...row.map((v) => formatNumber(v))]), "l" + "r".repeat(o.cycles.length)));
  }
  for (const e of r.einstein) {
    blocks.push(text([`Einstein relation for the force `, code(e.force), ` on `, code(e.current), `: mobility μ = ∂J/∂F = ${formatNumber(e.mobility)}, D = ${formatNumber(e.diffusion)}, effective temperature D d/μ = ${formatNumber(e.effectiveTemperature)} against k_BT = ${formatNumber(e.kT)} (equal at equilibrium).`]));
  }
  const interesting = r.sensitivities.filter((s) => s.kind !== "enzyme");
  if (interesting.length > 0) {
    blocks.push(text(["How σ and each measured current respond to each input, ∂ / ∂ ln input (∂ / ∂ p for a param), by ", r.method, "."]));
    blocks.push(table(["input", "∂σ", ...net.currents.map((x) => ["∂J(", code(x.name), ")"])], rowsOf(interesting, (s) => [code(s.input), formatNumber(s.entropyProduction), ...s.currents.map((v) => formatNumber(v))]), "lr" + "r".repeat(net.currents.length)));
  }
  // notes are lower-case clauses (they also go to JSON): a sentence each here
  for (const n of r.notes) blocks.push(text(`${n.charAt(0).toUpperCase()}${n.slice(1)}${/[.!?]$/.test(n) ? "" : "."}`));
  return { id: "response", title: TITLE, blocks, json };
}

function responseJson(net: Network, r: Response, nulls: NullNotes, budget: ListingBudget): JsonResponse {
  const ids = net.reactions.map((x) => x.id), names = net.species.map((x) => x.name), cur = net.currents.map((x) => x.name);
  const size = ids.length + names.length + cur.length + 1;
  const listed = r.sensitivities.slice(0, budget.take(r.sensitivities, () => size, SENSITIVITY_SHARE));
  if (listed.length < r.sensitivities.length) nulls.notes.push(`response.sensitivities lists ${listed.length} of ${r.sensitivities.length} inputs (listing caps keep the report bounded).`);
  const c = r.control;
  const flux: { [reaction: string]: ReturnType<typeof keyed> } = Object.create(null) as { [reaction: string]: ReturnType<typeof keyed> };
  const conc: { [species: string]: ReturnType<typeof keyed> } = Object.create(null) as { [species: string]: ReturnType<typeof keyed> };
  if (c !== null && ids.length <= 200) {
    for (const row of c.flux) flux[ids[row.reaction] ?? "?"] = keyed(ids, row.coefficients, nulls, `response.controlCoefficients.flux.${ids[row.reaction]}`);
    for (const row of c.concentration) conc[names[row.species] ?? "?"] = keyed(ids, row.coefficients, nulls, `response.controlCoefficients.concentration.${names[row.species]}`);
  }
  const t = r.transduction;
  return {
    method: r.method,
    sensitivities: listed.map((s, i) => ({
      input: s.input, kind: s.kind,
      entropyProduction: nulls.num(s.entropyProduction, `response.sensitivities[${i}].entropyProduction`),
      currents: keyed(cur, s.currents, nulls, `response.sensitivities[${i}].currents`),
      fluxes: keyed(ids, s.fluxes, nulls, `response.sensitivities[${i}].fluxes`),
      concentrations: keyed(names, s.concentrations, nulls, `response.sensitivities[${i}].concentrations`),
    })),
    controlCoefficients: c === null ? null : { flux, concentration: conc, fluxSumDefect: c.fluxSumDefect, concentrationSumDefect: c.concentrationSumDefect },
    onsager: r.onsager === null ? null : onsagerJson(r.onsager),
    einstein: r.einstein.map((e, i) => ({
      force: e.force, current: e.current, kT: e.kT,
      mobility: nulls.num(e.mobility, `response.einstein[${i}].mobility`), diffusion: nulls.num(e.diffusion, `response.einstein[${i}].diffusion`),
      effectiveTemperature: nulls.num(e.effectiveTemperature, `response.einstein[${i}].effectiveTemperature`, e.effectiveTemperature === null ? "the mobility is 0" : null),
    })),
    transduction: t === null ? null : {
      drives: t.drives.map((d, i) => ({ words: d.words, exchange: d.exchange, affinity: nulls.num(d.affinity, `response.transduction.drives[${i}].affinity`), current: nulls.num(d.current, `response.transduction.drives[${i}].current`), power: nulls.num(d.power, `response.transduction.drives[${i}].power`) })),
      efficiency: t.efficiency,
      ratio: t.ratio === null ? null : { output: t.ratio.output, input: t.ratio.input, value: nulls.num(t.ratio.value, "response.transduction.ratio.value") },
    },
  };
}

/** The Onsager matrix in JSON: non-finite entries as null, the emergent cycles' exchanges, affinities and currents where there are any. */
function onsagerJson(o: OnsagerMatrix): NonNullable<JsonResponse["onsager"]> {
  const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
  return {
    affinities: o.affinities, cycles: o.cycles,
    ...(o.exchanges ? { exchanges: o.exchanges } : {}),
    ...(o.affinity ? { affinity: o.affinity.map(finite) } : {}),
    ...(o.current ? { current: o.current.map(finite) } : {}),
    matrix: o.matrix.map((row) => row.map(finite)), asymmetry: o.asymmetry, equilibrium: o.equilibrium,
  };
}

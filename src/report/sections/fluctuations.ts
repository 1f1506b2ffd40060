/**
 * The Fluctuations section: for each measured current (or each cycle current and the entropy
 * current) its mean J, diffusion coefficient D, Fano factor, uncertainty ratio D σ / J² and the
 * least σ it implies; a motor's velocity, D in length² per time and randomness; λ(s) charted with
 * its Gallavotti–Cohen check; the Markov kinetics; the linear noise covariance. In JSON:
 * `fluctuations` (null without a steady state).
 */
import type { Analysis, CurrentStatistics, Fluctuations } from "../../analysis/types.js";
import type { MarkovKinetics } from "../../analysis/fluctuations/types.js";
import type { Network } from "../../network/types.js";
import { formatNumber } from "../model/format.js";
import { chart, code, rowsOf, sub, table, text, wholeTable, type Block, type Section } from "../model/section.js";
import { keyed, type NullNotes } from "../json/values.js";
import type { JsonCurrentStatistics, JsonFluctuations } from "../json/types.js";

const TITLE = "Fluctuations";

/** `fluctuationsSection(analysis).blocks`: the statistics table, the motor table, λ(s) and the kinetics. */
export function fluctuationsSection(analysis: Analysis): Section {
  const f = analysis.fluctuations ?? null;
  const net = analysis.network;
  // absent from an analysis made without this stage (older producers): no field at all
  const json = (nulls: NullNotes) => (analysis.fluctuations === undefined ? {} : { fluctuations: f === null ? null : fluctuationsJson(net, f, nulls) });
  if (f === null) return { id: "fluctuations", title: TITLE, blocks: [], json };
  const blocks: Block[] = [];
  if (f.currents.length > 0) {
    blocks.push(text(["Long-time statistics of each counted current: mean J, diffusion coefficient D (half the growth rate of its variance), Fano factor 2D/J, ",
      "and the thermodynamic uncertainty ratio D σ / J², at least 1 for every current (Barato–Seifert); J²/D is the least entropy production that precision needs. ",
      "D comes from the stationary law and one Poisson equation with the generator."]));
    blocks.push(table(["current", "counts", "mean J", "diffusion D", "Fano 2D/J", "D σ / J²", ["σ ≥ J²/D (", sub("k", "B"), " per time)"]],
      rowsOf(f.currents, (c) => [code(c.name), code(c.definition), formatNumber(c.mean), formatNumber(c.diffusion), formatNumber(c.fano), ratioText(c), formatNumber(c.entropyBound)]), "llrrrrr"));
    blocks.push(text(turLine(f)));
    const motors = f.currents.filter((c) => c.step !== null);
    if (motors.length > 0) {
      blocks.push(wholeTable(["current", "step d", "velocity v = J d", "D d²", "randomness 2D/(v d)"], rowsOf(motors, (c) => {
        const u = c.step?.unit ?? "";
        return [code(c.name), `${formatNumber(c.step?.value ?? null)} ${u}`.trim(), `${formatNumber(c.velocity)} ${u}/time`.trim(), `${formatNumber(c.diffusionLength)} ${u}²/time`.trim(), formatNumber(c.randomness)];
      }), "lrrrr"));
    }
    for (const c of f.currents) {
      const gc = c.gallavottiCohen;
      if (gc === null) continue;
      const exact = gc.exact === true ? "; exactly, as equal characteristic polynomials in rational arithmetic" : gc.exact === false ? "; ✗ the exact check fails" : "";
      blocks.push(text([`Gallavotti–Cohen for `, code(c.name), `: λ(s) = λ(${formatNumber(2 * gc.centre)} − s), largest relative defect on the grid ${formatNumber(gc.defect, 2)}${exact}.`]));
    }
    const shown = f.currents.find((c) => c.scgf !== null);
    if (shown?.scgf) {
      blocks.push(chart({
        title: `Scaled cumulant generating function λ(s) of ${shown.name}`,
        labels: shown.scgf.s.map((s) => `s = ${formatNumber(s, 3)}`),
        values: shown.scgf.lambda,
        unit: "λ(s) per unit time (leading eigenvalue of the tilted generator)",
        maxBars: 60,
      }));
    }
  }
  const k = f.kinetics;
  if (k !== null) {
    const name = (i: number): string => net.species[i]?.name ?? `#${i}`;
    const times = k.relaxationRates === null ? (k.spectrumMethod ?? "not computed (over maxSparseSpectrumStates)") : k.relaxationRates.length === 0 ? "none (one state)" : k.relaxationRates.slice(0, 5).map((r) => formatNumber(1 / r)).join(", ");
    const passages = k.mfptAB !== null || k.mfptBA !== null || k.reactiveFlux !== null || net.species.length <= analysisOption(analysis, "maxKineticsStates", Infinity);
    blocks.push(text(["Markov kinetics: slowest relaxation times 1/|Re λ| ", times, ...(passages ? [". Between the most probable state ", code(k.setA.map(name).join(", ") || "-"), " (A) and the next ",
      code(k.setB.map(name).join(", ") || "-"), ` (B): mean first-passage time A → B ${formatNumber(k.mfptAB)}, B → A ${formatNumber(k.mfptBA)}; reactive flux A → B ${formatNumber(k.reactiveFlux)} per unit time (transition path theory), rate ${formatNumber(k.rateAB)}.`] : ["."])]));
    const pairs = (k.relaxationModes ?? []).slice(0, 5).filter((m) => m.im > 0);
    if (pairs.length > 0) blocks.push(text(["Oscillating relaxation modes (eigenvalues λ of the generator, in complex pairs): ", pairs.map((m) => `${formatNumber(m.re)} ± ${formatNumber(m.im)} i`).join(", "), "."]));
    if (k.spectrumMethod !== null && (k.relaxationModes?.length ?? 0) > 0 && !k.spectrumMethod.startsWith("dense")) blocks.push(text(["Relaxation spectrum: ", k.spectrumMethod, "."]));
  }
  const lna = f.linearNoise;
  if (lna !== null) {
    for (const s of lna.states) {
      blocks.push(text([`Linear noise approximation at volume Ω = ${formatNumber(lna.volume)}, steady state ${s.state + 1}: covariance of concentrations (Lyapunov equation A C + C Aᵀ + B/Ω = 0, relative residual ${formatNumber(s.residual, 2)}).`]));
      blocks.push(table(["", ...net.species.map((x) => code(x.name))], rowsOf(net.species, (x, i) => [code(x.name), ...(s.covariance[i] ?? []).map((v) => formatNumber(v))]), "l" + "r".repeat(net.species.length)));
    }
  }
  for (const n of f.notes) blocks.push(text(n));
  return { id: "fluctuations", title: TITLE, blocks, json };
}

/** A numeric option the analysis used, by name (the fallback when it is not listed). */
function analysisOption(analysis: Analysis, key: string, fallback: number): number {
  const o = analysis.options.find((x) => x.name === key);
  return typeof o?.value === "number" ? o.value : fallback;
}

function ratioText(c: CurrentStatistics): string {
  if (c.uncertaintyRatio === null) return "undefined";
  return `${formatNumber(c.uncertaintyRatio)} ${c.uncertaintyRatio >= 1 - 1e-9 ? "✓" : "✗"}`;
}

function turLine(f: Fluctuations): string {
  if (f.turHolds === null) return "Uncertainty relation: no current has a ratio (J = 0, or σ is infinite).";
  return f.turHolds ? `Uncertainty relation D σ / J² ≥ 1 holds for every current (σ = ${formatNumber(f.entropyProduction)}).` : "✗ The uncertainty relation D σ / J² ≥ 1 fails for a current: a number above is wrong.";
}

function fluctuationsJson(net: Network, f: Fluctuations, nulls: NullNotes): JsonFluctuations {
  const names = net.species.map((s) => s.name);
  const current = (c: CurrentStatistics, i: number): JsonCurrentStatistics => {
    const p = `fluctuations.currents[${i}]`;
    return {
      name: c.name, kind: c.kind, definition: c.definition,
      mean: nulls.num(c.mean, `${p}.mean`),
      diffusion: nulls.num(c.diffusion, `${p}.diffusion`),
      fano: nulls.num(c.fano, `${p}.fano`, c.fano === null ? "the mean is 0 or D is not defined" : null),
      uncertaintyRatio: nulls.num(c.uncertaintyRatio, `${p}.uncertaintyRatio`, c.uncertaintyRatio === null ? "the mean is 0, or σ or D is infinite or not defined" : null),
      entropyBound: nulls.num(c.entropyBound, `${p}.entropyBound`),
      step: c.step,
      velocity: c.step === null ? null : nulls.num(c.velocity, `${p}.velocity`),
      diffusionLength: c.step === null ? null : nulls.num(c.diffusionLength, `${p}.diffusionLength`),
      randomness: c.step === null ? null : nulls.num(c.randomness, `${p}.randomness`),
      scgf: c.scgf === null ? null : { s: c.scgf.s, lambda: c.scgf.lambda.map((v) => (v !== null && Number.isFinite(v) ? v : null)) },
      gallavottiCohen: c.gallavottiCohen,
    };
  };
  const k = f.kinetics;
  return {
    currents: f.currents.map(current),
    entropyProduction: nulls.num(f.entropyProduction, "fluctuations.entropyProduction"),
    turHolds: f.turHolds,
    kinetics: k === null ? null : kineticsJson(k, names, nulls),
    linearNoise: f.linearNoise === null ? null : {
      volume: f.linearNoise.volume,
      states: f.linearNoise.states.map((s) => {
        const cov: { [species: string]: ReturnType<typeof keyed> } = Object.create(null) as { [species: string]: ReturnType<typeof keyed> };
        names.forEach((n, i) => (cov[n] = keyed(names, s.covariance[i] ?? [], nulls, `fluctuations.linearNoise.covariance.${n}`)));
        return { state: s.state, covariance: cov, residual: s.residual };
      }),
    },
  };
}

/** The kinetics in JSON, with the modes as eigenvalues. */
function kineticsJson(k: MarkovKinetics, names: readonly string[], nulls: NullNotes): NonNullable<JsonFluctuations["kinetics"]> {
  return {
    relaxationRates: k.relaxationRates,
    relaxationModes: k.relaxationModes,
    spectrumMethod: k.spectrumMethod,
    setA: k.setA.map((i) => names[i] ?? `#${i}`), setB: k.setB.map((i) => names[i] ?? `#${i}`),
    mfptAB: nulls.num(k.mfptAB, "fluctuations.kinetics.mfptAB"), mfptBA: nulls.num(k.mfptBA, "fluctuations.kinetics.mfptBA"),
    reactiveFlux: nulls.num(k.reactiveFlux, "fluctuations.kinetics.reactiveFlux"), rateAB: nulls.num(k.rateAB, "fluctuations.kinetics.rateAB"),
  };
}

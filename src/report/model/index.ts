/**
 * The report model: what every emitter says, decided once. The verdict sentence, the order of
 * steady states, the most driven cycle and the reasons numbers are missing live here so that
 * Markdown, HTML and JSON never disagree. Pure functions of an `Analysis`; no physics computed.
 */
import type { Analysis, SteadyState, Violation } from "../../analysis/types.js";
import { decisionPhrases, plural } from "./balance.js";
import { formatNumber, shorten } from "./format.js";

export type VerdictKind = "equilibrium" | "driven" | "undecided" | "no-steady-state";

export interface Verdict {
  readonly kind: VerdictKind;
  /** One plain-text sentence (no markup); emitters add emphasis. */
  readonly headline: string;
  /** What follows the headline on the same line. */
  readonly detail: string;
  readonly mostDriven: Violation | null;
  readonly entropyProduction: number | null;
}

/** Steady states in report order: stable first, then undecided, then unstable (stable sort). */
export function orderedStates(analysis: Analysis): SteadyState[] {
  const rank = (s: SteadyState): number => (s.stable === true ? 0 : s.stable === null ? 1 : 2);
  return analysis.steadyStates.states.map((s, i) => ({ s, i })).sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i).map((x) => x.s);
}

/** The violation with the largest |affinity| (the analysis lists it first, but do not rely on it). */
export function mostDrivenCycle(analysis: Analysis): Violation | null {
  let best: Violation | null = null;
  for (const v of analysis.detailedBalance.violations) {
    if (best === null || magnitude(v.affinity) > magnitude(best.affinity)) best = v;
  }
  return best;
}

/** |x| for ordering cycles by how driven they are; an undefined affinity (NaN) sorts last. */
export function magnitude(x: number): number {
  return Number.isNaN(x) ? -1 : Math.abs(x);
}

/** Names of one-way reactions. */
export function oneWayNames(analysis: Analysis): string[] {
  return analysis.detailedBalance.oneWay.map((r) => analysis.network.reactions[r]?.id ?? `#${r}`);
}

/** Why a steady state's entropy production is missing, when it is. */
export function entropyReason(analysis: Analysis, state: SteadyState): string | null {
  const sigma = state.entropyProduction;
  if (sigma !== null && Number.isFinite(sigma)) return null;
  const carrying = analysis.detailedBalance.oneWay.filter((r) => (state.fluxes[r] ?? 0) !== 0);
  if (carrying.length > 0 || sigma === Infinity) {
    const names = carrying.map((r) => analysis.network.reactions[r]?.id ?? `#${r}`);
    return names.length > 0
      ? `infinite: one-way reaction${names.length > 1 ? "s" : ""} ${names.join(", ")} carr${names.length > 1 ? "y" : "ies"} flux with no reverse rate`
      : "infinite: a one-way reaction carries flux with no reverse rate";
  }
  return "undefined: the analysis could not compute it (see notes)";
}

/** Why an affinity is not a finite number. */
export function affinityReason(x: number): string | null {
  if (Number.isFinite(x)) return null;
  if (Number.isNaN(x)) return "undefined: the cycle's affinity could not be computed";
  return "infinite: a reaction on the cycle is one-way, so its reverse rate is 0";
}

/** How an emitter writes plain text and names (reaction ids, cycle words) inside the verdict. */
export interface VerdictStyle {
  readonly text: (s: string) => string;
  readonly name: (s: string) => string;
}

const PLAIN: VerdictStyle = { text: (s) => s, name: (s) => s };

/**
 * Decides the verdict sentence from detailed balance and the first steady state. `detail` is
 * written with `style` (escaped text, quoted names), so emitters can embed it as is.
 */
export function verdictOf(analysis: Analysis, style: VerdictStyle = PLAIN): Verdict {
  const t = style.text;
  const db = analysis.detailedBalance;
  const states = orderedStates(analysis);
  const first = flowState(analysis);
  const sigma = first?.entropyProduction ?? null;
  const mostDriven = mostDrivenCycle(analysis);
  const how = decisionPhrases(analysis).join("; ");
  const sigmaText = first === null ? "" : t(entropyText(analysis, first, states.indexOf(first), states.length));
  if (db.verdict === "holds") {
    const detail = `${t(`detailed balance holds (${how})`)}${sigmaText === "" ? t("; no steady state was found") : `; ${sigmaText}`}.`;
    return { kind: "equilibrium", headline: "Equilibrium", detail, mostDriven: null, entropyProduction: sigma };
  }
  const undecided = db.verdict === "undecided";
  const parts: string[] = [t(undecided ? `detailed balance is undecided for ${plural(db.undecided, "cycle")} (${how})` : `detailed balance fails (${how})`)];
  if (db.explainedByRounding === true) parts.push(t(roundingExplains(db.violations)));
  const oneWay = oneWayNames(analysis);
  if (oneWay.length > 0) parts.push(`${t(`one-way reaction${oneWay.length > 1 ? "s" : ""}`)} ${oneWay.map(style.name).join(", ")} ${t("can never balance")}`);
  if (sigmaText !== "") parts.push(sigmaText);
  if (mostDriven !== null) {
    const why = affinityReason(mostDriven.affinity);
    const aff = why === null ? `${formatNumber(mostDriven.affinity)} k_BT` : why;
    parts.push(`${t("most driven cycle")} ${style.name(shorten(mostDriven.words))} ${t(`with affinity ${aff}`)}`);
  }
  if (first === null) {
    parts.push(t("no steady state was found (see notes)"));
    const headline = undecided ? "Undecided, no steady state" : "Driven, no steady state";
    return { kind: undecided ? "undecided" : "no-steady-state", headline, detail: `${parts.join("; ")}.`, mostDriven, entropyProduction: null };
  }
  if (undecided) return { kind: "undecided", headline: "Undecided", detail: `${parts.join("; ")}.`, mostDriven, entropyProduction: sigma };
  return { kind: "driven", headline: "Driven", detail: `${parts.join("; ")}.`, mostDriven, entropyProduction: sigma };
}

/**
 * The verdict's word on violations the written digits explain: each cycle is closed by changing
 * its constants by at most the largest listed relative change, within what rounding the published
 * constants could cause.
 */
function roundingExplains(violations: Analysis["detailedBalance"]["violations"]): string {
  const changes = violations.map((v) => v.distance?.relativeChange ?? NaN).filter(Number.isFinite);
  const most = changes.length > 0 ? Math.max(...changes) : NaN;
  const by = Number.isFinite(most) ? ` (at most ${formatNumber(100 * most, 2)}% per rate constant)` : "";
  return `but every violation is within what the digits of the written rate constants can cause${by}`;
}

function entropyText(analysis: Analysis, state: SteadyState, position: number, count: number): string {
  const where = stateWhere(analysis, state, position, count);
  const reason = entropyReason(analysis, state);
  if (reason !== null) return `entropy production ${reason}${where}`;
  const sigma = state.entropyProduction ?? 0;
  if (sigma !== 0 && isRoundOff(state, sigma)) {
    const bound = formatNumber(state.entropyProductionBound ?? NaN, 2);
    // "0 to rounding" only beside a verdict that agrees; a drive whose σ is at rounding is said so
    if (analysis.detailedBalance.verdict === "holds") return `entropy production 0 to rounding (computed ${formatNumber(sigma)}, rounding bound ${bound}) k_B per unit time${where}`;
    return `but the entropy production at this state is below its rounding bound (computed ${formatNumber(sigma)}, bound ${bound} k_B per unit time)${where}`;
  }
  return `entropy production ${formatNumber(sigma)} k_B per unit time${where}`;
}

/**
 * Which state σ is taken at, when it matters: one of several, or one the dynamics do not reach
 * (then σ and the currents describe a state the system is not seen in, e.g. an oscillator's
 * unstable fixed point).
 */
function stateWhere(analysis: Analysis, state: SteadyState, position: number, count: number): string {
  const which = `steady state ${position + 1}${count > 1 ? ` of ${count}` : ""}`;
  if (state.reached) return count > 1 ? ` at ${which}, the one reached from the initial amounts` : "";
  const how = state.stable === false ? "unstable" : state.stable === null ? "stability undecided" : "stable, but another basin";
  const taken = analysis.currents === null ? "" : "; σ and the currents are taken there";
  return ` at ${which}, which the dynamics do not reach from the initial amounts (${how})${taken}`;
}

/**
 * σ is "0 to rounding" exactly when |σ| is at or below its own rounding bound
 * (`SteadyState.entropyProductionBound`, docs/steady-state.md "The error of σ"), whatever the
 * verdict: then the computed σ cannot be told from 0. Without a bound, never. A tiny σ above its
 * bound is printed as computed (a ring driven by 1e-8 k_BT has σ ≈ 1e-16 and a bound far below).
 */
export function isRoundOff(state: SteadyState, sigma: number): boolean {
  const bound = state.entropyProductionBound;
  return bound !== undefined && bound !== null && Math.abs(sigma) <= bound;
}

/**
 * The steady state whose σ and currents the report shows: the one the analysis took the currents
 * at (`currentsAt`), else the one reached from the initial amounts, else the first in report order.
 */
export function flowState(analysis: Analysis): SteadyState | null {
  const states = analysis.steadyStates.states;
  const at = analysis.currentsAt;
  if (at !== undefined && at !== null) {
    const s = states[at.state];
    if (s !== undefined) return s;
  }
  return states.find((s) => s.reached) ?? orderedStates(analysis)[0] ?? null;
}

/** Reactions on any cycle that breaks detailed balance (with a non-zero affinity), and the one-way ones. */
export function drivenReactions(analysis: Analysis): Set<number> {
  const out = new Set<number>(analysis.detailedBalance.oneWay);
  for (const v of analysis.detailedBalance.violations) v.cycle.forEach((c, r) => c !== 0 && out.add(r));
  return out;
}

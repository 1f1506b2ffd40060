/**
 * The JSON report (`ness report FILE --format json`), exactly per shared/CLI.md plus a few
 * additive fields. Keyed objects (species, reactions, reservoirs) are null-prototype objects, so
 * names such as `__proto__` or `constructor` are ordinary keys. A number that is infinite or
 * undefined becomes `null`, and `notes` says which one and why.
 */
import type { Analysis, Currents, SteadyState } from "../../analysis/types.js";
import type { Network, NetworkKind } from "../../network/types.js";
import { titleOf, where } from "../model/format.js";
import { affinityReason, entropyReason, orderedStates } from "../model/index.js";

/** A name-keyed map of numbers; `null` where the number is infinite or undefined. */
export type NumberMap = { readonly [name: string]: number | null };
/** A name-keyed map of integer coefficients, zero entries left out. */
export type CoefficientMap = { readonly [name: string]: number };

export interface JsonReaction {
  readonly id: string;
  readonly equation: string;
  readonly forward: number | null;
  /** Null for a one-way reaction. */
  readonly reverse: number | null;
  readonly labelGiven: boolean;
  /** `file:line` where the reaction is written. */
  readonly at: string;
}

export interface JsonStructure {
  readonly species: number;
  readonly reactions: number;
  readonly rank: number;
  readonly complexes: number;
  readonly linkageClasses: number;
  readonly strongLinkageClasses: number;
  readonly terminalStrongLinkageClasses: number;
  readonly deficiency: number;
  readonly reversible: boolean;
  readonly weaklyReversible: boolean;
  readonly conservationLaws: readonly CoefficientMap[];
  /** Σ l_i x_i(0) for each conservation law, same order. */
  readonly conservedTotals: readonly (number | null)[];
  /** Each conservation law as an equation: `A + B = 1`. */
  readonly conservationEquations: readonly string[];
  readonly cycles: readonly CoefficientMap[];
  readonly emergentCycles: number;
  readonly brokenConservationLaws: number;
}

export interface JsonViolation {
  readonly cycle: CoefficientMap;
  readonly affinity: number | null;
  readonly words: string;
  /** Reaction ids on the cycle, in the order of `words`. */
  readonly reactions: readonly string[];
  /** `file:line` of each of those reactions. */
  readonly at: readonly string[];
}

export interface JsonDetailedBalance {
  readonly holds: boolean;
  readonly method: "exact" | "tolerance";
  readonly tolerance: number | null;
  readonly oneWay: readonly string[];
  readonly violations: readonly JsonViolation[];
  /** How many basis cycles are driven; more than `violations.length` when only the most driven are listed. */
  readonly violationCount: number;
  readonly freeEnergies: NumberMap | null;
  readonly equilibriumConstants: NumberMap | null;
}

export interface JsonSteadyState {
  readonly concentrations: NumberMap;
  readonly fluxes: NumberMap;
  readonly forwardRates: NumberMap;
  readonly reverseRates: NumberMap;
  readonly entropyProduction: number | null;
  readonly stable: boolean | null;
  readonly reached: boolean;
  readonly leadingEigenvalue: number | null;
}

export interface JsonCycleCurrent {
  readonly chord: string;
  readonly cycle: CoefficientMap;
  readonly words: string;
  readonly affinity: number | null;
  readonly current: number | null;
}

export interface JsonCurrents {
  readonly tree: readonly string[];
  readonly cycles: readonly JsonCycleCurrent[];
  readonly cycleEntropyProduction: number | null;
}

export interface JsonReport {
  readonly schema: "ness.report/1";
  readonly title: string;
  readonly source: string;
  readonly kind: NetworkKind;
  readonly species: readonly string[];
  /** Initial amounts (probabilities for a Markov network). */
  readonly initial: NumberMap;
  /** Species whose initial amount ness inferred rather than read from the file. */
  readonly initialInferred: readonly string[];
  readonly reservoirs: NumberMap;
  readonly reactions: readonly JsonReaction[];
  readonly structure: JsonStructure;
  readonly detailedBalance: JsonDetailedBalance;
  readonly steadyStates: readonly JsonSteadyState[];
  readonly steadyStateSearch: { readonly method: string; readonly complete: boolean };
  readonly currents: JsonCurrents | null;
  readonly notes: readonly string[];
}

/** Collects the `notes` that explain every `null` number. */
class Finite {
  readonly notes: string[] = [];
  num(x: number | null, path: string, reason?: string | null): number | null {
    if (x !== null && Number.isFinite(x)) return x;
    const what = x === null ? "not available" : Number.isNaN(x) ? "undefined" : x > 0 ? "+infinite" : "-infinite";
    this.notes.push(`${path} is null: ${reason ?? what}.`);
    return null;
  }
}

function keyed(names: readonly string[], values: readonly (number | null)[], fin: Finite, path: string): NumberMap {
  const out: { [name: string]: number | null } = Object.create(null) as { [name: string]: number | null };
  names.forEach((name, i) => {
    out[name] = fin.num(values[i] ?? null, `${path}.${name}`);
  });
  return out;
}

function coefficients(names: readonly string[], vector: readonly number[]): CoefficientMap {
  const out: { [name: string]: number } = Object.create(null) as { [name: string]: number };
  vector.forEach((c, i) => {
    if (c !== 0) out[names[i] ?? `#${i}`] = c;
  });
  return out;
}

/** Builds the JSON report object (null-prototype maps; serialise with `renderJson`). */
export function toJsonReport(analysis: Analysis): JsonReport {
  const net = analysis.network;
  const fin = new Finite();
  const speciesNames = net.species.map((s) => s.name);
  const reactionIds = net.reactions.map((r) => r.id);
  const s = analysis.structure;
  const db = analysis.detailedBalance;
  const structure: JsonStructure = {
    species: s.species, reactions: s.reactions, rank: s.rank, complexes: s.complexes,
    linkageClasses: s.linkageClasses, strongLinkageClasses: s.strongLinkageClasses,
    terminalStrongLinkageClasses: s.terminalStrongLinkageClasses, deficiency: s.deficiency,
    reversible: s.reversible, weaklyReversible: s.weaklyReversible,
    conservationLaws: s.conservationLaws.map((l) => coefficients(speciesNames, l.vector)),
    conservedTotals: s.conservationLaws.map((l, i) => fin.num(l.total, `structure.conservedTotals[${i}]`)),
    conservationEquations: s.conservationLaws.map((l) => l.equation),
    cycles: s.cycles.map((c) => coefficients(reactionIds, c)),
    emergentCycles: s.emergentCycles, brokenConservationLaws: s.brokenConservationLaws,
  };
  const detailedBalance: JsonDetailedBalance = {
    holds: db.holds, method: db.method, tolerance: db.tolerance,
    oneWay: db.oneWay.map((r) => reactionIds[r] ?? `#${r}`),
    violations: db.violations.map((v, i) => ({
      cycle: coefficients(reactionIds, v.cycle),
      affinity: fin.num(v.affinity, `detailedBalance.violations[${i}].affinity`, affinityReason(v.affinity)),
      words: v.words,
      reactions: v.reactions.map((r) => reactionIds[r] ?? `#${r}`),
      at: v.reactions.map((r) => (net.reactions[r] === undefined ? "" : where(net.reactions[r]!))),
    })),
    violationCount: db.violationCount ?? db.violations.length,
    freeEnergies: db.freeEnergies === null ? null : keyed(speciesNames, db.freeEnergies, fin, "detailedBalance.freeEnergies"),
    equilibriumConstants: db.equilibriumConstants === null ? null : keyed(reactionIds, db.equilibriumConstants, fin, "detailedBalance.equilibriumConstants"),
  };
  if ((db.violationCount ?? 0) > db.violations.length) fin.notes.push(`detailedBalance.violations lists the ${db.violations.length} most driven of ${db.violationCount} driven cycles.`);
  const states = orderedStates(analysis);
  const steadyStates = states.map((st, i) => steadyState(analysis, st, `steadyStates[${i}]`, fin));
  if (states.length === 0) fin.notes.push("steadyStates is empty: no non-negative steady state was found (see the notes above for why).");
  // Every field is built before `notes`, which is last so that it sees every null.
  return {
    schema: "ness.report/1",
    title: titleOf(net),
    source: net.source,
    kind: net.kind,
    species: speciesNames,
    initial: keyed(speciesNames, net.species.map((x) => x.initial), fin, "initial"),
    initialInferred: net.species.filter((x) => !x.initialGiven).map((x) => x.name),
    reservoirs: keyed(net.reservoirs.map((r) => r.name), net.reservoirs.map((r) => r.value), fin, "reservoirs"),
    reactions: net.reactions.map((r, i) => ({
      id: r.id, equation: r.equation,
      forward: fin.num(r.forward.value, `reactions[${i}].forward`),
      reverse: r.reverse === null ? null : fin.num(r.reverse.value, `reactions[${i}].reverse`),
      labelGiven: r.labelGiven, at: where(r),
    })),
    structure, detailedBalance, steadyStates,
    steadyStateSearch: { method: analysis.steadyStates.method, complete: analysis.steadyStates.complete },
    currents: analysis.currents === null ? null : currents(net, analysis.currents, fin),
    notes: [...analysis.notes, ...fin.notes],
  };
}

function steadyState(analysis: Analysis, st: SteadyState, path: string, fin: Finite): JsonSteadyState {
  const net = analysis.network;
  const species = net.species.map((x) => x.name);
  const ids = net.reactions.map((r) => r.id);
  return {
    concentrations: keyed(species, st.concentrations, fin, `${path}.concentrations`),
    fluxes: keyed(ids, st.fluxes, fin, `${path}.fluxes`),
    forwardRates: keyed(ids, st.forwardRates, fin, `${path}.forwardRates`),
    reverseRates: keyed(ids, st.reverseRates, fin, `${path}.reverseRates`),
    entropyProduction: fin.num(st.entropyProduction, `${path}.entropyProduction`, entropyReason(analysis, st)),
    stable: st.stable,
    reached: st.reached,
    leadingEigenvalue: st.leadingEigenvalue === null ? null : fin.num(st.leadingEigenvalue, `${path}.leadingEigenvalue`),
  };
}

function currents(net: Network, c: Currents, fin: Finite): JsonCurrents {
  const ids = net.reactions.map((r) => r.id);
  return {
    tree: c.tree.map((r) => ids[r] ?? `#${r}`),
    cycles: c.cycles.map((cc, i) => ({
      chord: ids[cc.chord] ?? `#${cc.chord}`,
      cycle: coefficients(ids, cc.cycle),
      words: cc.words,
      affinity: fin.num(cc.affinity, `currents.cycles[${i}].affinity`, affinityReason(cc.affinity)),
      current: fin.num(cc.current, `currents.cycles[${i}].current`),
    })),
    cycleEntropyProduction: fin.num(c.cycleEntropyProduction, "currents.cycleEntropyProduction",
      c.cycleEntropyProduction === null ? "a cycle affinity or current is infinite or undefined" : null),
  };
}

/** The JSON report as text: two-space indented, one trailing newline. */
export function renderJson(analysis: Analysis): string {
  return `${JSON.stringify(toJsonReport(analysis), null, 2)}\n`;
}

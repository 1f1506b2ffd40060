/**
 * Hand-built Networks and Analyses for the emitter tests. The numbers come from
 * shared/reference/*.json (computed independently of ness) or from closed forms (a uniform
 * driven ring); nothing here runs ness's analyses, so the emitters are tested on their own.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Analysis, CycleCurrent, SteadyState, Violation } from "../../src/analysis/types.js";
import { reactionColumns } from "../../src/network/effective-rates.js";
import type { Complex, Network, NetworkKind, Reaction, Term } from "../../src/network/types.js";
import { REFERENCE_DIR } from "../helpers/paths.js";

export { REFERENCE_DIR };

export interface ReactionSpec {
  readonly id?: string;
  readonly equation: string;
  readonly forward: number;
  readonly reverse: number | null;
  readonly line?: number;
}

export interface NetworkSpec {
  readonly title?: string | null;
  readonly source: string;
  readonly kind: NetworkKind;
  readonly species: readonly (readonly [string, number, boolean?])[];
  readonly reservoirs?: readonly (readonly [string, number])[];
  readonly reactions: readonly ReactionSpec[];
}

const span = (file: string, line: number, column = 1, length = 1) => ({ file, offset: 0, line, column, length });

/** Builds a Network from equations such as `A + 2 ATP <-> B` (names must be declared in the spec). */
export function buildNetwork(spec: NetworkSpec): Network {
  const speciesIndex = new Map(spec.species.map(([n], i) => [n, i] as const));
  const reservoirs = spec.reservoirs ?? [];
  const reservoirIndex = new Map(reservoirs.map(([n], i) => [n, i] as const));
  const complexes: Complex[] = [];
  const complexKeys = new Map<string, number>();
  const complexOf = (terms: Term[]): number => {
    const sorted = [...terms].sort((a, b) => a.index - b.index);
    const key = sorted.map((t) => `${t.coefficient}*${t.index}`).join(",");
    const found = complexKeys.get(key);
    if (found !== undefined) return found;
    const label = sorted.length === 0 ? "0" : sorted.map((t) => `${t.coefficient === 1 ? "" : `${t.coefficient} `}${spec.species[t.index]?.[0]}`).join(" + ");
    complexes.push({ index: complexes.length, terms: sorted, label });
    complexKeys.set(key, complexes.length - 1);
    return complexes.length - 1;
  };
  const side = (text: string) => {
    const internal: Term[] = [];
    const external: Term[] = [];
    for (const part of text.split("+").map((p) => p.trim())) {
      if (part === "0" || part === "") continue;
      const m = /^(\d+)?\s*([A-Za-z_][A-Za-z0-9_]*)$/.exec(part);
      if (!m) throw new Error(`bad term ${part}`);
      const coefficient = m[1] ? Number(m[1]) : 1;
      const name = m[2] as string;
      const si = speciesIndex.get(name);
      if (si !== undefined) internal.push({ index: si, coefficient });
      else {
        const ri = reservoirIndex.get(name);
        if (ri === undefined) throw new Error(`undeclared ${name}`);
        external.push({ index: ri, coefficient });
      }
    }
    return { internal, external };
  };
  const reactions: Reaction[] = spec.reactions.map((r, i) => {
    const twoWay = r.equation.includes("<->");
    const [lhs, rhs] = r.equation.split(twoWay ? "<->" : "->") as [string, string];
    const L = side(lhs), R = side(rhs);
    const line = r.line ?? i + 2;
    return {
      id: r.id ?? `R${i + 1}`, labelGiven: r.id !== undefined, index: i,
      reactants: L.internal, products: R.internal,
      reservoirReactants: L.external, reservoirProducts: R.external,
      reactantComplex: complexOf(L.internal), productComplex: complexOf(R.internal),
      forward: { value: r.forward, exact: null, span: span(spec.source, line, 20) },
      reverse: r.reverse === null ? null : { value: r.reverse, exact: null, span: span(spec.source, line, 25) },
      equation: r.equation, span: span(spec.source, line, 1, r.equation.length),
    };
  });
  const total = spec.species.reduce((a, [, x]) => a + x, 0);
  const reservoirList = reservoirs.map(([name, value], index) => ({ name, index, value, exact: null, span: span(spec.source, 1) }));
  return {
    title: spec.title ?? null, source: spec.source, kind: spec.kind,
    species: spec.species.map(([name, initial, given], index) => ({
      name, index, initial: spec.kind === "markov" && total > 0 ? initial / total : initial,
      initialGiven: given ?? initial !== 0, span: span(spec.source, 1),
    })),
    reservoirs: reservoirList,
    reactions, complexes, asserts: [], thermodynamics: null,
    volume: null, currents: [], forces: [], params: new Map(),
    speciesIndex, reservoirIndex, reactionIndex: new Map(reactions.map((r) => [r.id, r.index] as const)),
    columns: reactionColumns(spec.species.length, reactions, reservoirList),
  };
}

/** Orients each reaction of a Markov cycle and walks it: `A -> B -> C -> A`. */
export function cycleWords(net: Network, cycle: readonly number[]): { words: string; reactions: number[] } {
  const edges = cycle.flatMap((c, r) => {
    if (c === 0) return [];
    const rx = net.reactions[r];
    if (rx === undefined) throw new Error(`cycle entry ${r} is past the last reaction`);
    const a = rx.reactants[0]?.index ?? -1, b = rx.products[0]?.index ?? -1;
    return [{ r, from: c > 0 ? a : b, to: c > 0 ? b : a, c }];
  });
  const [start, ...rest] = edges;
  if (net.kind !== "markov" || start === undefined) {
    const words = edges.map((e, i) => `${i === 0 ? (e.c < 0 ? "-" : "") : e.c < 0 ? "- " : "+ "}${Math.abs(e.c) === 1 ? "" : `${Math.abs(e.c)} `}${net.reactions[e.r]?.id}`).join(" ");
    return { words, reactions: edges.map((e) => e.r) };
  }
  // Walk from the first edge, each time along the first unused edge leaving where the last one ended.
  const order = [start];
  for (let last = start; ;) {
    const k = rest.findIndex((e) => e.from === last.to);
    const [next] = k < 0 ? [] : rest.splice(k, 1);
    if (next === undefined) break;
    order.push(next);
    last = next;
  }
  const names = [start.from, ...order.map((e) => e.to)].map((s) => net.species[s]?.name);
  return { words: names.join(" -> "), reactions: order.map((e) => e.r) };
}

/** Mass-action forward and reverse rates at concentrations x. */
export function rates(net: Network, x: readonly number[]): { fwd: number[]; rev: number[] } {
  const mono = (terms: readonly Term[], values: (i: number) => number) => terms.reduce((a, t) => a * values(t.index) ** t.coefficient, 1);
  const res = (i: number) => net.reservoirs[i]?.value ?? NaN;
  const sp = (i: number) => x[i] ?? NaN;
  return {
    fwd: net.reactions.map((r) => r.forward.value * mono(r.reactants, sp) * mono(r.reservoirReactants, res)),
    rev: net.reactions.map((r) => (r.reverse === null ? 0 : r.reverse.value * mono(r.products, sp) * mono(r.reservoirProducts, res))),
  };
}

export interface AnalysisNumbers {
  readonly rank: number; readonly complexes: number; readonly linkageClasses: number; readonly deficiency: number;
  readonly reversible?: boolean; readonly weaklyReversible?: boolean;
  readonly conservationLaws: readonly (readonly number[])[];
  readonly cycles: readonly (readonly number[])[];
  readonly emergentCycles: number; readonly brokenConservationLaws: number;
  readonly holds: boolean; readonly method?: "exact" | "tolerance";
  /** Affinity per cycle of `cycles` (0 when balanced). */
  readonly affinities: readonly number[];
  readonly states: readonly { readonly x: readonly number[]; readonly J?: readonly number[]; readonly sigma: number | null; readonly stable: boolean | null }[];
  readonly notes?: readonly string[];
}

/** Significant digits of a value's shortest decimal: 2.5 has 2, 0.005 has 1, 1e-7 has 1. */
function digits(x: number): number {
  const m = Math.abs(x).toExponential().split("e")[0] ?? "";
  return m.replace(".", "").length;
}

/**
 * docs/balance.md's distance from balance in closed form: relative change e^δ − 1 with
 * δ = |A| / (2 Σ_r |c_r|), rounding reach Σ_r |c_r| (p_f + p_r + Σ_Y |S_Yr| p_Y) with
 * p = ln(1 + ½·10^(1−d)) for a value written with d significant digits.
 */
export function distanceOf(net: Network, cycle: readonly number[], affinity: number): Violation["distance"] {
  const p = (v: number) => Math.log1p(0.5 * 10 ** (1 - digits(v)));
  let weight = 0;
  let reach = 0;
  cycle.forEach((c, r) => {
    const rx = net.reactions[r];
    if (c === 0 || rx === undefined) return;
    weight += Math.abs(c);
    const reservoirs = [...rx.reservoirReactants, ...rx.reservoirProducts].reduce((a, t) => a + t.coefficient * p(net.reservoirs[t.index]?.value ?? 1), 0);
    reach += Math.abs(c) * (p(rx.forward.value) + (rx.reverse === null ? 0 : p(rx.reverse.value)) + reservoirs);
  });
  const relativeChange = Number.isFinite(affinity) ? Math.expm1(Math.abs(affinity) / (2 * weight)) : Infinity;
  return { relativeChange, roundingAffinity: reach, explainedByRounding: Math.abs(affinity) <= reach };
}

/** The double-precision bound B_c (k_B T) fixtures decided "by bound" report; any small positive number. */
export const BOUND = 4.9e-15;

/** Assembles an Analysis from known numbers; currents use each cycle's last reaction as its chord. */
export function buildAnalysis(net: Network, n: AnalysisNumbers): Analysis {
  const states: SteadyState[] = n.states.map((s, i) => {
    const { fwd, rev } = rates(net, s.x);
    return {
      concentrations: s.x, fluxes: s.J ?? fwd.map((f, r) => f - (rev[r] ?? 0)), forwardRates: fwd, reverseRates: rev,
      entropyProduction: s.sigma, stable: s.stable, reached: i === 0, leadingEigenvalue: s.stable === null ? null : s.stable ? -1 : 1,
    };
  });
  const violations: Violation[] = n.cycles
    .map((cycle, i) => ({ cycle, affinity: n.affinities[i] ?? 0, ...cycleWords(net, cycle),
      decision: n.method === "tolerance" ? { method: "bound", bound: BOUND } as const : { method: "exact", bound: null } as const,
      distance: distanceOf(net, cycle, n.affinities[i] ?? 0) }))
    .filter((v) => v.affinity !== 0)
    .sort((a, b) => Math.abs(b.affinity) - Math.abs(a.affinity));
  const oneWay = net.reactions.filter((r) => r.reverse === null).map((r) => r.index);
  const x0 = net.species.map((s) => s.initial);
  const first = states[0];
  const cycleCurrents: CycleCurrent[] = n.cycles.map((cycle, i) => {
    let chord = cycle.length - 1;
    while (chord > 0 && cycle[chord] === 0) chord--;
    return { chord, cycle, words: cycleWords(net, cycle).words, affinity: n.affinities[i] ?? 0, current: (first?.fluxes[chord] ?? 0) / (cycle[chord] ?? 1) };
  });
  const chords = new Set(cycleCurrents.map((c) => c.chord));
  const sum = cycleCurrents.reduce((a, c) => a + c.affinity * c.current, 0);
  return {
    network: net,
    structure: {
      species: net.species.length, reactions: net.reactions.length, rank: n.rank, complexes: n.complexes,
      linkageClasses: n.linkageClasses, strongLinkageClasses: n.linkageClasses, terminalStrongLinkageClasses: n.linkageClasses,
      deficiency: n.deficiency, reversible: n.reversible ?? oneWay.length === 0, weaklyReversible: n.weaklyReversible ?? oneWay.length === 0,
      linkageClassMembers: linkageClasses(net),
      conservationLaws: n.conservationLaws.map((vector) => ({
        vector, total: vector.reduce((a, c, i) => a + c * (x0[i] ?? 0), 0),
        equation: `${vector.map((c, i) => (c === 0 ? "" : `${c === 1 ? "" : `${c} `}${net.species[i]?.name}`)).filter((t) => t).join(" + ")} = ${vector.reduce((a, c, i) => a + c * (x0[i] ?? 0), 0)}`,
      })),
      conservationLawCount: n.conservationLaws.length, conservationLawsListed: true,
      cycles: n.cycles, cycleCount: n.cycles.length, cyclesListed: true,
      emergentCycles: n.emergentCycles, brokenConservationLaws: n.brokenConservationLaws,
    },
    detailedBalance: {
      holds: n.holds, verdict: n.holds ? "holds" : "fails", method: n.method ?? "exact", tolerance: n.method === "tolerance" ? BOUND : null,
      decided: { exact: n.method === "tolerance" ? 0 : n.cycles.length, bound: n.method === "tolerance" ? n.cycles.length : 0, "user-tolerance": 0, construction: 0, undecided: 0 },
      undecided: 0, walkedEdges: 0, toleranceApplied: false, oneWay, pairs: [], violations, accepted: [], acceptedCount: 0, acceptViolation: null, undecidedCycles: [],
      explainedByRounding: null, culprits: null,
      freeEnergies: n.holds && first ? first.concentrations.map((c) => -Math.log(c)) : null,
      equilibriumConstants: n.holds ? net.reactions.map((r) => r.forward.value / (r.reverse?.value ?? NaN)) : null,
    },
    steadyStates: { states, method: "fixture", complete: true },
    currents: first ? { tree: net.reactions.map((r) => r.index).filter((r) => !chords.has(r)), cycles: cycleCurrents, cycleEntropyProduction: Number.isFinite(sum) ? sum : null } : null,
    notes: n.notes ?? [],
    options: [],
  };
}

function linkageClasses(net: Network): number[][] {
  const parent = net.complexes.map((_, i) => i);
  const up = (i: number): number => {
    const p = parent[i];
    if (p === undefined) throw new Error(`complex ${i} is past the last complex`);
    return p;
  };
  const find = (i: number): number => {
    let r = i;
    while (up(r) !== r) r = up(r);
    for (let j = i; up(j) !== r; ) { const next = up(j); parent[j] = r; j = next; }
    return r;
  };
  for (const r of net.reactions) parent[find(r.reactantComplex)] = find(r.productComplex);
  const groups = new Map<number, number[]>();
  net.complexes.forEach((_, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  });
  return [...groups.values()];
}

interface ReferenceJson {
  kind: NetworkKind; species: string[]; reservoirs: Record<string, number>;
  reactions: { id: string; equation: string; forward: number; reverse: number | null }[];
  structure: { rank: number; complexes: number; linkageClasses: number; deficiency: number; reversible: boolean; weaklyReversible: boolean;
    conservationLaws: Record<string, number>[]; cycles: Record<string, number>[]; emergentCycles: number; brokenConservationLaws: number };
  detailedBalance: { holds: boolean; violations: { cycle: Record<string, number>; affinity: number }[] };
  steadyStates: { concentrations: Record<string, number>; fluxes: Record<string, number>; entropyProduction: number; stable: boolean }[];
}

/** The reference network NAME as an Analysis, with initial amounts and line numbers read from NAME.crn. */
export function referenceAnalysis(name: string): Analysis {
  const ref = JSON.parse(readFileSync(join(REFERENCE_DIR, `${name}.json`), "utf8")) as ReferenceJson;
  const crn = readFileSync(join(REFERENCE_DIR, `${name}.crn`), "utf8").split("\n");
  const title = crn.map((l) => /^network\s+"(.*)"/.exec(l)?.[1]).find((t) => t !== undefined) ?? null;
  const initial = new Map<string, number>();
  for (const line of crn) {
    const m = /^(species|state)\s+(.*)$/.exec(line.replace(/#.*/, ""));
    if (m) for (const decl of (m[2] as string).split(",")) {
      const [n, v] = decl.split("=").map((s) => s.trim());
      if (v !== undefined) initial.set(n as string, Number(v));
    }
  }
  const reactionLines = crn.map((l, i) => (l.includes("@") ? i + 1 : 0)).filter((l) => l > 0);
  const net = buildNetwork({
    title, source: `reference/${name}.crn`, kind: ref.kind,
    species: ref.species.map((s) => [s, initial.get(s) ?? (ref.kind === "markov" && initial.size === 0 ? 1 : 0), initial.has(s)] as const),
    reservoirs: Object.entries(ref.reservoirs),
    reactions: ref.reactions.map((r, i) => ({ ...(r.id.startsWith("R") && /^R\d+$/.test(r.id) ? {} : { id: r.id }), equation: r.equation, forward: r.forward, reverse: r.reverse, line: reactionLines[i] ?? i + 1 })),
  });
  const byReaction = (m: Record<string, number>) => net.reactions.map((r) => m[r.id] ?? 0);
  const cycles = ref.structure.cycles.map(byReaction);
  const key = (m: Record<string, number>) => JSON.stringify(byReaction(m));
  const affinity = new Map(ref.detailedBalance.violations.map((v) => [key(v.cycle), v.affinity] as const));
  return buildAnalysis(net, {
    ...ref.structure,
    conservationLaws: ref.structure.conservationLaws.map((l) => ref.species.map((s) => l[s] ?? 0)),
    cycles, holds: ref.detailedBalance.holds, method: name === "driven-ring" ? "tolerance" : "exact",
    affinities: ref.structure.cycles.map((c) => affinity.get(key(c)) ?? 0),
    states: ref.steadyStates.map((s) => ({ x: ref.species.map((n) => s.concentrations[n] ?? NaN), J: byReaction(s.fluxes), sigma: s.entropyProduction, stable: s.stable })),
  });
}

export const REFERENCE_NAMES = ["a-b-equilibrium", "chemostat-triangle", "driven-ring", "enso-regimes", "futile-cycle", "proton-pump", "schlogl"] as const;

/** A uniform ring of n Markov states driven by rates kf (clockwise) and kr: every number in closed form. */
export function drivenRing(n: number, kf = 2, kr = 1): Analysis {
  const names = Array.from({ length: n }, (_, i) => `s${i}`);
  const net = buildNetwork({
    title: `Driven ring of ${n} states`, source: "generated/ring.crn", kind: "markov",
    species: names.map((s, i) => [s, i === 0 ? 1 : 0, i === 0] as const),
    reactions: names.map((s, i) => ({ equation: `${s} <-> ${names[(i + 1) % n]}`, forward: kf, reverse: kr })),
  });
  const A = n * Math.log(kf / kr);
  const J = (kf - kr) / n;
  return buildAnalysis(net, {
    rank: n - 1, complexes: n, linkageClasses: 1, deficiency: 0, conservationLaws: [names.map(() => 1)],
    cycles: [names.map(() => 1)], emergentCycles: 0, brokenConservationLaws: 0, holds: kf === kr,
    affinities: [A], states: [{ x: names.map(() => 1 / n), sigma: A * J, stable: true }],
  });
}

/** Species named like Object.prototype members, reaction labels too. */
export function awkwardNames(): Analysis {
  const net = buildNetwork({
    source: "weird/names.crn", kind: "mass-action",
    species: [["__proto__", 1], ["constructor", 0], ["toString", 0]],
    reservoirs: [["hasOwnProperty", 2]],
    reactions: [
      { id: "valueOf", equation: "__proto__ + hasOwnProperty <-> constructor", forward: 1, reverse: 1 },
      { id: "__defineGetter__", equation: "constructor <-> toString", forward: 1, reverse: 1 },
      { id: "prototype", equation: "toString <-> __proto__", forward: 1, reverse: 1 },
    ],
  });
  const x = [0.3, 0.4, 0.3];
  return buildAnalysis(net, {
    rank: 2, complexes: 3, linkageClasses: 1, deficiency: 0, conservationLaws: [[1, 1, 1]], cycles: [[1, 1, 1]],
    emergentCycles: 1, brokenConservationLaws: 1, holds: false, affinities: [Math.log(2)], states: [{ x, sigma: 0.1 * Math.log(2), stable: true }],
  });
}

/** A -> B, B -> A: one-way both ways, so the affinity and the entropy production are infinite. */
export function oneWayPair(): Analysis {
  const net = buildNetwork({
    title: "One-way pair", source: "one-way.crn", kind: "mass-action", species: [["A", 1], ["B", 0]],
    reactions: [{ equation: "A -> B", forward: 1, reverse: null }, { equation: "B -> A", forward: 1, reverse: null }],
  });
  return buildAnalysis(net, {
    rank: 1, complexes: 2, linkageClasses: 1, deficiency: 0, reversible: false, weaklyReversible: true,
    conservationLaws: [[1, 1]], cycles: [[1, 1]], emergentCycles: 0, brokenConservationLaws: 0, holds: false,
    affinities: [Infinity], states: [{ x: [0.5, 0.5], sigma: null, stable: true }],
    notes: ["Entropy production is infinite: one-way reactions R1, R2 carry flux."],
  });
}

/** 0 -> A: grows without bound, no steady state. */
export function unbounded(): Analysis {
  const net = buildNetwork({ source: "inflow.crn", kind: "mass-action", species: [["A", 0]], reactions: [{ equation: "0 -> A", forward: 1, reverse: null }] });
  return buildAnalysis(net, {
    rank: 1, complexes: 2, linkageClasses: 1, deficiency: 0, conservationLaws: [], cycles: [], emergentCycles: 0,
    brokenConservationLaws: 0, holds: false, affinities: [], states: [],
    notes: ["No steady state: A has an inflow (R1) and no outflow, so it grows without bound."],
  });
}

/**
 * Test helper: a mass-action Network and a minimal Structure from a compact description, for
 * the steady-state, currents and entropy tests (and for random networks in property tests).
 * Structure numbers that these tests do not read are filled from the description given.
 */
import { reactionColumns } from "../../src/network/effective-rates.js";
import type { Network, Reaction, Term } from "../../src/network/types.js";
import type { Structure } from "../../src/analysis/types.js";

export interface FixtureReaction {
  /** Internal species coefficients by name. */
  readonly lhs: Readonly<Record<string, number>>;
  readonly rhs: Readonly<Record<string, number>>;
  readonly kf: number;
  readonly kr: number | null;
  readonly resLhs?: Readonly<Record<string, number>>;
  readonly resRhs?: Readonly<Record<string, number>>;
  readonly id?: string;
}

export interface FixtureSpec {
  readonly species: Readonly<Record<string, number>>;
  readonly reservoirs?: Readonly<Record<string, number>>;
  readonly reactions: readonly FixtureReaction[];
  readonly kind?: "mass-action" | "markov";
}

const span = { file: "fixture", offset: 0, line: 1, column: 1, length: 1 };

export function fixtureNetwork(spec: FixtureSpec): Network {
  const names = Object.keys(spec.species);
  const resNames = Object.keys(spec.reservoirs ?? {});
  const speciesIndex = new Map(names.map((n, i) => [n, i]));
  const reservoirIndex = new Map(resNames.map((n, i) => [n, i]));
  const terms = (m: Readonly<Record<string, number>> | undefined, idx: Map<string, number>): Term[] =>
    Object.entries(m ?? {})
      .filter(([, c]) => c > 0)
      .map(([n, c]) => ({ index: idx.get(n)!, coefficient: c }))
      .sort((a, b) => a.index - b.index);
  const complexKeys: string[] = [];
  const complexTerms: Term[][] = [];
  const complexOf = (t: Term[]): number => {
    const key = t.map((u) => `${u.coefficient}*${u.index}`).join("+");
    let i = complexKeys.indexOf(key);
    if (i < 0) {
      i = complexKeys.length;
      complexKeys.push(key);
      complexTerms.push(t);
    }
    return i;
  };
  const label = (t: readonly Term[]): string =>
    t.length === 0 ? "0" : t.map((u) => `${u.coefficient === 1 ? "" : `${u.coefficient} `}${names[u.index]}`).join(" + ");
  const reactions: Reaction[] = spec.reactions.map((r, index) => {
    const reactants = terms(r.lhs, speciesIndex);
    const products = terms(r.rhs, speciesIndex);
    return {
      id: r.id ?? `R${index + 1}`,
      labelGiven: r.id !== undefined,
      index,
      reactants,
      products,
      reservoirReactants: terms(r.resLhs, reservoirIndex),
      reservoirProducts: terms(r.resRhs, reservoirIndex),
      reactantComplex: complexOf(reactants),
      productComplex: complexOf(products),
      forward: { value: r.kf, exact: null, span },
      reverse: r.kr === null ? null : { value: r.kr, exact: null, span },
      equation: `${label(reactants)} ${r.kr === null ? "->" : "<->"} ${label(products)}`,
      span,
    };
  });
  const reservoirs = resNames.map((name, index) => ({ name, index, value: spec.reservoirs![name]!, exact: null, span }));
  return {
    title: null,
    source: "fixture",
    kind: spec.kind ?? "mass-action",
    species: names.map((name, index) => ({ name, index, initial: spec.species[name]!, initialGiven: true, span })),
    reservoirs,
    reactions,
    complexes: complexTerms.map((t, index) => ({ index, terms: t, label: label(t) })),
    asserts: [],
    volume: null, currents: [], forces: [], params: new Map(),
    thermodynamics: null,
    speciesIndex,
    reservoirIndex,
    reactionIndex: new Map(reactions.map((r) => [r.id, r.index])),
    columns: reactionColumns(names.length, reactions, reservoirs),
  };
}

/** A Structure with the given rank, laws and deficiency facts; the rest zero. */
export function fixtureStructure(
  network: Network,
  facts: { rank: number; laws: number[][]; deficiency: number; weaklyReversible: boolean; cycles?: number[][] },
): Structure {
  return {
    species: network.species.length,
    reactions: network.reactions.length,
    rank: facts.rank,
    complexes: network.complexes.length,
    linkageClasses: 0,
    strongLinkageClasses: 0,
    terminalStrongLinkageClasses: 0,
    deficiency: facts.deficiency,
    reversible: network.reactions.every((r) => r.reverse !== null),
    weaklyReversible: facts.weaklyReversible,
    linkageClassMembers: [],
    conservationLaws: facts.laws.map((vector) => ({
      vector,
      total: vector.reduce((s, c, i) => s + c * network.species[i]!.initial, 0),
      equation: "",
    })),
    conservationLawCount: network.species.length - facts.rank,
    conservationLawsListed: facts.laws.length === network.species.length - facts.rank,
    cycles: facts.cycles ?? [],
    cycleCount: network.reactions.length - facts.rank,
    cyclesListed: (facts.cycles ?? []).length === network.reactions.length - facts.rank,
    emergentCycles: 0,
    brokenConservationLaws: 0,
  };
}

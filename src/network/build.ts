/**
 * Builds the immutable Network IR from checked parts: assigns indices, builds the name maps and
 * the complexes (the internal-species side of each reaction; reservoirs are folded into rates).
 */
import type { Assert, Complex, Force, MeasuredCurrent, Network, NetworkKind, Reaction, Reservoir, Species, Term, Thermodynamics } from "./types.js";

/** What the compiler hands over: the IR's records less what building assigns (indices, complexes). */
export type SpeciesInput = Omit<Species, "index">;
export type ReservoirInput = Omit<Reservoir, "index">;
export type ReactionInput = Omit<Reaction, "index" | "reactantComplex" | "productComplex">;

export interface NetworkInput {
  readonly title: string | null;
  readonly source: string;
  readonly kind: NetworkKind;
  readonly species: readonly SpeciesInput[];
  readonly reservoirs: readonly ReservoirInput[];
  readonly reactions: readonly ReactionInput[];
  readonly asserts: readonly Assert[];
  readonly thermodynamics?: Thermodynamics | null;
  readonly volume?: number | null;
  readonly currents?: readonly MeasuredCurrent[];
  readonly forces?: readonly Force[];
  readonly params?: ReadonlyMap<string, number>;
}

/** `2 A + B`, in species order; `0` for the empty complex. */
export function complexLabel(terms: readonly Term[], names: readonly { name: string }[]): string {
  if (terms.length === 0) return "0";
  return terms.map((t) => (t.coefficient === 1 ? names[t.index]!.name : `${t.coefficient} ${names[t.index]!.name}`)).join(" + ");
}

export function buildNetwork(input: NetworkInput): Network {
  const species = input.species.map((s, index) => Object.freeze({ name: s.name, index, initial: s.initial, initialGiven: s.initialGiven, span: s.span }));
  const reservoirs = input.reservoirs.map((r, index): Reservoir => Object.freeze({ name: r.name, index, value: r.value, exact: r.exact, ...(r.sensitivity ? { sensitivity: r.sensitivity } : {}), span: r.span }));
  const complexes: Complex[] = [];
  // most complexes are one species once (every Markov state): key those by number, the rest by text
  const single = new Map<number, number>();
  const byKey = new Map<string, number>();
  const complexOf = (terms: readonly Term[]): number => {
    const one = terms.length === 1 && terms[0]!.coefficient === 1;
    let key = "";
    if (!one) for (const t of terms) key += `${t.index}:${t.coefficient},`;
    let i = one ? single.get(terms[0]!.index) : byKey.get(key);
    if (i === undefined) {
      i = complexes.length;
      if (one) single.set(terms[0]!.index, i);
      else byKey.set(key, i);
      complexes.push(Object.freeze({ index: i, terms, label: complexLabel(terms, species) }));
    }
    return i;
  };
  const reactions: Reaction[] = new Array<Reaction>(input.reactions.length);
  for (let index = 0; index < input.reactions.length; index++) {
    const r = input.reactions[index]!;
    reactions[index] = Object.freeze({
      id: r.id,
      labelGiven: r.labelGiven,
      index,
      reactants: r.reactants,
      products: r.products,
      reservoirReactants: r.reservoirReactants,
      reservoirProducts: r.reservoirProducts,
      reactantComplex: complexOf(r.reactants),
      productComplex: complexOf(r.products),
      forward: r.forward,
      reverse: r.reverse,
      equation: r.equation,
      span: r.span,
    });
  }
  const speciesIndex = new Map<string, number>();
  for (const s of species) speciesIndex.set(s.name, s.index);
  const reservoirIndex = new Map<string, number>();
  for (const r of reservoirs) reservoirIndex.set(r.name, r.index);
  const reactionIndex = new Map<string, number>();
  for (const r of reactions) reactionIndex.set(r.id, r.index);
  return Object.freeze({
    title: input.title,
    source: input.source,
    kind: input.kind,
    species: Object.freeze(species),
    reservoirs: Object.freeze(reservoirs),
    reactions: Object.freeze(reactions),
    complexes: Object.freeze(complexes),
    asserts: Object.freeze([...input.asserts]),
    thermodynamics: input.thermodynamics ?? null,
    volume: input.volume ?? null,
    currents: Object.freeze([...(input.currents ?? [])]),
    forces: Object.freeze([...(input.forces ?? [])]),
    params: input.params ?? new Map<string, number>(),
    speciesIndex,
    reservoirIndex,
    reactionIndex,
  });
}

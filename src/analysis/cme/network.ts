/**
 * The CME generator as a Markov `Network`: one state per count vector, named `n_<c1>_<c2>…` with
 * the species' counts in declaration order, one transition per (state, reaction) pair, labelled
 * `<reaction>_<k>` (k its position), so every Markov analysis applies to it unchanged.
 */
import { buildNetwork, type ReactionInput, type SpeciesInput } from "../../network/build.js";
import type { Network, RateConstant, Term } from "../../network/types.js";
import { outOfRange } from "../../numeric/checked.js";
import type { CmeGenerator } from "./types.js";

/** `n_3_0_12`: the state with counts 3, 0, 12 of the species in declaration order. */
export function stateName(g: CmeGenerator, s: number): string {
  let name = "n";
  for (let i = 0; i < g.species; i++) name += `_${g.counts[s * g.species + i] ?? outOfRange()}`;
  return name;
}

/**
 * The Markov network of the CME: state s has initial probability 1 at the initial state, 0
 * elsewhere; transition e is `from <-> to @ forward, reverse` (one-way when the reaction is).
 * Spans point at the source reaction, so a diagnostic about a transition names its reaction.
 */
export function cmeNetwork(g: CmeGenerator): Network {
  const src = g.source;
  const span = src.species[0]?.span ?? src.reactions[0]?.span ?? { file: src.source, offset: 0, line: 1, column: 1, length: 0 };
  const names: string[] = new Array<string>(g.states);
  const terms: (readonly Term[])[] = new Array<readonly Term[]>(g.states);
  const species: SpeciesInput[] = new Array<SpeciesInput>(g.states);
  for (let s = 0; s < g.states; s++) {
    const name = stateName(g, s);
    names[s] = name;
    terms[s] = Object.freeze([Object.freeze({ index: s, coefficient: 1 })]);
    species[s] = { name, initial: s === g.initial ? 1 : 0, initialGiven: true, span };
  }
  const reactions: ReactionInput[] = new Array<ReactionInput>(g.from.length);
  const none: readonly Term[] = Object.freeze([]);
  for (let e = 0; e < g.from.length; e++) {
    const r = src.reactions[g.reaction[e] ?? outOfRange()] ?? outOfRange();
    const i = g.from[e] ?? outOfRange(), j = g.to[e] ?? outOfRange(), b = g.reverse[e] ?? outOfRange();
    const rate = (value: number): RateConstant => ({ value, exact: null, rational: false, span: r.span });
    reactions[e] = {
      id: `${r.id}_${e + 1}`,
      labelGiven: true,
      reactants: terms[i] ?? outOfRange(),
      products: terms[j] ?? outOfRange(),
      reservoirReactants: none,
      reservoirProducts: none,
      forward: rate(g.forward[e] ?? outOfRange()),
      reverse: b > 0 ? rate(b) : null,
      equation: `${names[i] ?? outOfRange()} ${b > 0 ? "<->" : "->"} ${names[j] ?? outOfRange()}`,
      span: r.span,
    };
  }
  const title = `CME of ${src.title ?? src.source} at volume ${g.volume}`;
  return buildNetwork({ title, source: src.source, kind: "markov", species, reservoirs: [], reactions, asserts: [], volume: g.volume });
}

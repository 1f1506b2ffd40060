/**
 * Opposite one-way reactions as one reversible pair, the one definition every analysis reads
 * (shared/LANGUAGE.md, "Meaning of the analyses"): `A -> B @ 2` and `B -> A @ 1`, with the same
 * complexes on both sides including reservoirs, are A ⇌ B with k⁺ = 2, k⁻ = 1. Their columns of
 * S and S_res are opposite, so the ODE is unchanged; balance, currents and the entropy production
 * treat them as one reaction whose net flux is v_first − v_second.
 */
import { EchelonBuilder } from "../numeric/exact/integer-matrix.js";
import { reactionReader, twoWayAt } from "./reaction-reader.js";
import type { Network, Reaction, Term } from "./types.js";

/** The pairs of a network: [first, second] in index order, and each reaction's partner. */
export interface ReactionPairs {
  /** [first, second] reaction indices, first < second, in order of the second. */
  readonly pairs: readonly (readonly [number, number])[];
  /** For each reaction the other member of its pair, or −1. */
  readonly partner: Int32Array;
}

/**
 * Opposite one-way reactions with the same complexes (reservoirs included), paired greedily in
 * index order: each one-way reaction pairs with the earliest unpaired one-way reaction that undoes
 * it. A reaction whose two sides are the same (`A -> A`) pairs with nothing. O(reactions).
 *
 *   const { network } = compile("species A = 1, B\nr1: A -> B @ 2\nr2: B -> A @ 1");
 *   oppositePairs(network!).pairs;     // [[0, 1]]
 *   oppositePairs(network!).partner;   // Int32Array [1, 0]
 */
export function oppositePairs(network: Network): ReactionPairs {
  const side = (complex: number, reservoirs: readonly Term[]): string =>
    `${complex}|${reservoirs.map((t) => `${t.index}*${t.coefficient}`).sort().join(",")}`;
  const key = (r: Reaction, flip: boolean): string => {
    const a = side(r.reactantComplex, r.reservoirReactants), b = side(r.productComplex, r.reservoirProducts);
    return flip ? `${b}>${a}` : `${a}>${b}`;
  };
  const waiting = new Map<string, number[]>();
  const pairs: [number, number][] = [];
  // read number by number (reaction-reader.ts): only a one-way reaction is made as an object
  const reader = reactionReader(network);
  const partner = new Int32Array(reader.count).fill(-1);
  // an index loop: a for-of over 10^5–10^6 reactions made an iterator result for each before it was optimised
  for (let i = 0; i < reader.count; i++) {
    if (twoWayAt(reader, i)) continue;
    const r = reader.reaction(i);
    const own = key(r, false), flipped = key(r, true);
    if (own === flipped) continue;
    const p = waiting.get(flipped)?.shift();
    if (p !== undefined) {
      pairs.push([p, r.index]);
      partner[p] = r.index;
      partner[r.index] = p;
      continue;
    }
    const list = waiting.get(own);
    if (list) list.push(r.index);
    else waiting.set(own, [r.index]);
  }
  return { pairs, partner };
}

/** The note every report gives when pairs were formed; null when there are none. */
export function pairsNote(network: Network, pairs: ReactionPairs): string | null {
  if (pairs.pairs.length === 0) return null;
  const reader = reactionReader(network);
  const id = (r: number): string => (r >= 0 && r < reader.count ? reader.reaction(r).id : `#${r}`);
  const shown = pairs.pairs.slice(0, 12).map(([f, b]) => `${id(f)} with ${id(b)}`);
  const more = pairs.pairs.length > 12 ? ` and ${pairs.pairs.length - 12} more` : "";
  return `opposite one-way reactions treated as one reversible reaction (net flux first minus second) for balance, currents and entropy production: ${shown.join(", ")}${more}`;
}

/**
 * The cycles of the network with each pair [f, b] as one reaction: c ↦ c − c_b (e_f + e_b) (the
 * pair cycle e_f + e_b is in ker S as S_b = −S_f), zero and dependent images dropped (exact
 * elimination), so dim = dim ker S − pairs when `cycles` is a basis of ker S.
 */
export function foldPairs(cycles: readonly (readonly number[])[], pairs: ReactionPairs, m: number): (readonly number[])[] {
  if (pairs.pairs.length === 0) return [...cycles];
  const span = new EchelonBuilder(m);
  const out: number[][] = [];
  for (const c of cycles) {
    const v = [...c];
    for (const [f, b] of pairs.pairs) {
      const cb = v[b] ?? 0;
      if (cb === 0) continue;
      v[f] = (v[f] ?? 0) - cb;
      v[b] = 0;
    }
    if (v.every((x) => x === 0)) continue;
    if (span.insert(v.map((x) => BigInt(x)))) out.push(v);
  }
  return out;
}

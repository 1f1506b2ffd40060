/**
 * Structural analysis: the numbers that depend only on the network's wiring, never on rates.
 *
 *   complex graph ─▶ linkage classes, strong / terminal classes, reversibility
 *   S (exact)     ─▶ rank, conservation laws (left kernel), cycles (kernel), deficiency
 *   [S; S_res]    ─▶ emergent cycles, broken conservation laws
 *
 * Everything is exact: integer elimination over BigInt for mass-action networks, graph counting
 * for Markov networks (whose S is an incidence matrix: rank = states − connected components).
 */
import { stronglyConnectedComponents } from "../../numeric/markov/scc.js";
import { weakComponents } from "../../network/digraph.js";
import type { Network } from "../../network/types.js";
import { markovExactStructure } from "./markov.js";
import { massActionExactStructure } from "./mass-action.js";
import type { ConservationLaw, IntVector, Structure } from "./types.js";
import { resolveOptions, type AnalyzeOptions } from "../options.js";
import { isTwoWay } from "../../network/packed.js";

/**
 * The structure of a network (shared/LANGUAGE.md, "Meaning of the analyses").
 *
 * - rank = rank S (internal species × reactions, exact);
 * - deficiency δ = n_complexes − linkage classes − rank;
 * - conservation laws: integer basis of {l : l·S = 0} (species − rank vectors), small entries,
 *   non-negative where possible, each with Σ l_i x_i(0) and an equation `A + B = 1`;
 * - cycles: integer basis of {c : S·c = 0} (reactions − rank vectors);
 * - emergent cycles = dim ker S − dim ker [S; S_res] = rank [S; S_res] − rank S;
 * - broken conservation laws = dim coker [S; S_res] − dim coker S = reservoirs − emergent cycles.
 * Assumes a compiled network (indices in range). For a Markov network states play species.
 * Bases whose dense listing would exceed `maxListedEntries` (default 2·10^7) entries are left
 * empty (`cyclesListed` / `conservationLawsListed` false); their sizes are always given
 * (`cycleCount`, `conservationLawCount`). Every listed vector is checked l·S = 0 / S·c = 0 in
 * BigInt, and kept exactly as decimal strings (`exact`, `exactCycles`) when an entry exceeds 2^53. The `basis*` budgets (structure/options.ts) choose
 * how readable the listed bases are, never their span.
 *
 *   const { network } = compile("species A = 1, B\nA <-> B @ 2, 1");
 *   const s = analyzeStructure(network!);
 *   // s.rank === 1, s.deficiency === 0, s.conservationLaws[0].equation === "A + B = 1"
 */
export function analyzeStructure(network: Network, options: AnalyzeOptions = {}): Structure {
  const resolved = resolveOptions(options);
  const graph = complexGraphNumbers(network);
  const exact = network.kind === "markov" ? markovExactStructure(network, resolved) : massActionExactStructure(network, resolved);
  const emergent = exact.fullRank - exact.rank;
  return {
    species: network.species.length,
    reactions: network.reactions.length,
    rank: exact.rank,
    complexes: network.complexes.length,
    linkageClasses: graph.linkageClasses,
    strongLinkageClasses: graph.strong,
    terminalStrongLinkageClasses: graph.terminal,
    deficiency: network.complexes.length - graph.linkageClasses - exact.rank,
    reversible: graph.reversible,
    weaklyReversible: graph.weaklyReversible,
    linkageClassMembers: graph.members,
    conservationLaws: exact.laws.map((l, k) => conservationLaw(network, l, exact.exactLaws?.[k] ?? null)),
    conservationLawCount: network.species.length - exact.rank,
    conservationLawsListed: exact.laws.length === network.species.length - exact.rank,
    cycles: exact.cycles,
    cycleCount: network.reactions.length - exact.rank,
    cyclesListed: exact.cycles.length === network.reactions.length - exact.rank,
    ...(exact.exactCycles ? { exactCycles: exact.exactCycles.map((c) => c.map(String)) } : {}),
    emergentCycles: emergent,
    brokenConservationLaws: network.reservoirs.length - emergent,
  };
}

interface ComplexGraphNumbers {
  linkageClasses: number;
  members: number[][];
  strong: number;
  terminal: number;
  reversible: boolean;
  weaklyReversible: boolean;
}

/** Linkage classes, strong and terminal strong classes and reversibility of the complex graph. */
function complexGraphNumbers(network: Network): ComplexGraphNumbers {
  const nc = network.complexes.length;
  const reactions = network.reactions;
  let ne = 0;
  // index loops: each runs once over every reaction, in the interpreter, where for…of allocates per item
  for (let k = 0; k < reactions.length; k++) ne += isTwoWay(reactions[k]!) ? 2 : 1;
  const from = new Int32Array(ne), to = new Int32Array(ne);
  // One-way edges a → b (a ≠ b) still waiting for an edge b → a.
  const wanted = new Set<number>();
  let e = 0;
  for (let k = 0; k < reactions.length; k++) {
    const r = reactions[k]!, a = r.reactantComplex, b = r.productComplex;
    from[e] = a;
    to[e++] = b;
    if (isTwoWay(r)) {
      from[e] = b;
      to[e++] = a;
    } else if (a !== b) wanted.add(b * nc + a);
  }
  if (wanted.size > 0) for (let k = 0; k < ne; k++) wanted.delete(from[k]! * nc + to[k]!);
  const weak = weakComponents(nc, from, to);
  const members: number[][] = Array.from({ length: weak.count }, () => []);
  for (let c = 0; c < nc; c++) members[weak.component[c]!]!.push(c);
  // CSR adjacency for Tarjan.
  const ptr = new Int32Array(nc + 1);
  for (let k = 0; k < ne; k++) ptr[from[k]! + 1]!++;
  for (let c = 0; c < nc; c++) ptr[c + 1]! += ptr[c]!;
  const idx = new Int32Array(ne);
  const fill = ptr.slice(0, nc);
  for (let k = 0; k < ne; k++) idx[fill[from[k]!]!++] = to[k]!;
  const scc = stronglyConnectedComponents(nc, ptr, idx);
  const leaves = new Uint8Array(scc.count);
  for (let k = 0; k < ne; k++) {
    const a = scc.component[from[k]!]!, b = scc.component[to[k]!]!;
    if (a !== b) leaves[a] = 1;
  }
  return {
    linkageClasses: weak.count,
    members,
    strong: scc.count,
    terminal: leaves.reduce((n, l) => n + (l ? 0 : 1), 0),
    reversible: wanted.size === 0,
    weaklyReversible: scc.count === weak.count,
  };
}

/**
 * A law with its total from the initial amounts and its equation, `2 A + B = 3`; with `exact`
 * (entries past 2^53) the equation and `exact` carry the integers exactly.
 */
function conservationLaw(network: Network, vector: IntVector, exact: readonly bigint[] | null): ConservationLaw {
  let total = 0;
  const terms: string[] = [];
  for (let i = 0; i < vector.length; i++) {
    const c = vector[i] ?? 0;
    if (c === 0) continue;
    const s = network.species[i];
    if (s === undefined) continue;
    total += c * s.initial;
    const e = exact?.[i];
    const size = e === undefined ? String(Math.abs(c)) : String(e < 0n ? -e : e);
    const mag = size === "1" ? s.name : `${size} ${s.name}`;
    terms.push(terms.length === 0 ? (c < 0 ? `-${mag}` : mag) : c < 0 ? `- ${mag}` : `+ ${mag}`);
  }
  const law = { vector, total, equation: `${terms.join(" ")} = ${formatTotal(total)}` };
  return exact === null ? law : { ...law, exact: exact.map(String) };
}

/** A total as a person reads it: 12 significant digits, so 0.1 + 0.2 prints as 0.3. */
function formatTotal(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(12))) : String(x);
}

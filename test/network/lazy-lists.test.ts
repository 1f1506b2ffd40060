/**
 * A compiled network's reactions and species made only when read (network/reaction-reader.ts,
 * network/species-list.ts): the reader answers what the reactions themselves say, the objects
 * are the same whichever way they are reached, and a balance verdict reads neither list.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { analyzeBalance } from "../../src/analysis/balance/index.js";
import { compile } from "../../src/compile/index.js";
import { isTwoWay, markUsed, PackedReaction, rateRational, rateValue, singleSpecies } from "../../src/network/packed.js";
import { PackedList, reactionReader } from "../../src/network/reaction-reader.js";
import { SpeciesList, speciesName } from "../../src/network/species-list.js";
import type { Network } from "../../src/network/types.js";

// packed lines, a line the ordinary path lowers (`2 * 1` is no plain rate), a reservoir, a param, a one-way reaction
const text = "param k = 2\nspecies A = 1, B, C\nreservoir ATP = 3\nj1: A + ATP <-> B @ 1.5, k\nB -> 2 C @ 2 * 1\n2 C <-> A @ 0.25, 4\nC -> B @ 0.1\n";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a compiled network's reaction reader", () => {
  it("answers every number as the reaction objects do, for packed and ordinary lines alike", () => {
    const network = compile(text, "lazy.crn").network!;
    const reader = reactionReader(network);
    expect(reader).toBeInstanceOf(PackedList);
    const fromReader = Array.from({ length: reader.count }, (_, i) => {
      const species = new Uint8Array(3), reservoirs = new Uint8Array(1);
      reader.markUsed(i, species, reservoirs);
      return [reader.rateValue(i, 0), reader.rateValue(i, 1), reader.rateRational(i, 0), reader.rateRational(i, 1), reader.singleSpecies(i, 0), reader.singleSpecies(i, 1), reader.hasReservoirs(i), reader.reservoirTerms(i, 0), reader.reservoirTerms(i, 1), [...species], [...reservoirs]];
    });
    const fromObjects = network.reactions.map((r) => {
      const species = new Uint8Array(3), reservoirs = new Uint8Array(1);
      markUsed(r, species, reservoirs);
      return [rateValue(r, 0), rateValue(r, 1), rateRational(r, 0), rateRational(r, 1), singleSpecies(r, 0), singleSpecies(r, 1), r.reservoirReactants.length + r.reservoirProducts.length > 0, r.reservoirReactants, r.reservoirProducts, [...species], [...reservoirs]];
    });
    expect(fromReader).toEqual(fromObjects);
    // the facts themselves, not only agreement: k⁻ of j1 is the param's 2, line 5 goes the ordinary way
    expect(fromObjects.map((x) => x.slice(0, 2))).toEqual([[1.5, 2], [2, NaN], [0.25, 4], [0.1, NaN]]);
    expect(network.reactions.map((r) => r instanceof PackedReaction)).toEqual([true, false, true, true]);
    expect(network.reactions.map(isTwoWay)).toEqual([true, false, true, false]);
  });

  it("hands out the very objects network.reactions holds, asked before or after the list is made", () => {
    const network = compile(text, "lazy.crn").network!;
    const reader = reactionReader(network);
    const early = reader.reaction(2);
    expect(Object.isFrozen(early)).toBe(true);
    expect(network.reactions[2]).toBe(early);
    expect(reader.reaction(0)).toBe(network.reactions[0]);
    expect(network.reactions).toBe(network.reactions);
    expect(Object.isFrozen(network.reactions)).toBe(true);
    expect(network.reactions.map((r) => [r.index, r.id])).toEqual([[0, "j1"], [1, "R2"], [2, "R3"], [3, "R4"]]);
  });

  it("gives the same network as compiling every line the ordinary way", () => {
    const lazy = compile(text, "lazy.crn").network!;
    const plain = compile(text, "lazy.crn", { fastPath: false }).network!;
    const read = (n: Network): unknown => ({
      reactions: n.reactions.map((r) => [r.id, r.reactantComplex, r.productComplex, r.reactants, r.products, r.forward.value, r.reverse?.value ?? null, r.span]),
      complexes: n.complexes.map((c) => c.label),
      species: n.species.map((s) => ({ ...s })),
      columns: n.columns,
    });
    expect(read(lazy)).toEqual(read(plain));
  });
});

describe("a compiled network's species", () => {
  it("are made when first read, as the file declares them, their names readable without them", () => {
    const network = compile("state a = 3, b, c = 1\na <-> b @ 1, 2\nb <-> c @ 1, 1\n", "s.crn").network!;
    const made = vi.spyOn(SpeciesList.prototype, "all");
    expect([0, 1, 2, 3, -1].map((i) => speciesName(network, i))).toEqual(["a", "b", "c", "#3", "#-1"]);
    expect(made).not.toHaveBeenCalled();
    // normalised to probabilities: a = 3/4, c = 1/4, b not given
    expect(network.species.map((s) => [s.name, s.index, s.initial, s.initialGiven, s.span.line, s.span.column])).toEqual([["a", 0, 0.75, true, 1, 7], ["b", 1, 0, false, 1, 14], ["c", 2, 0.25, true, 1, 17]]);
    expect(network.species.every((s) => Object.isFrozen(s))).toBe(true);
    expect(network.species).toBe(network.species);
  });
});

describe("a balance verdict of a compiled Markov network", () => {
  it("makes neither the reactions nor the species, driven or balanced, whatever it reports", () => {
    const lists = vi.spyOn(PackedList.prototype, "all"), species = vi.spyOn(SpeciesList.prototype, "all");
    const ring = (drive: number): string => `state s0 = 1, s1, s2, s3\ns0 <-> s1 @ ${2 * drive}, 1\ns1 <-> s2 @ 3, 1.5\ns2 <-> s3 @ 1, 1\ns3 <-> s0 @ 0.5, 1\n`;
    const driven = analyzeBalance(compile(ring(2), "ring.crn").network!);
    const balanced = analyzeBalance(compile(ring(0.5), "ring.crn").network!);
    expect([driven.verdict, balanced.verdict]).toEqual(["fails", "holds"]);
    // the violation names its states and reactions all the same (ln 4·3·1·0.5 / 1·1.5·1·1 = ln 4)
    expect(driven.violations[0]!.words).toContain("s0");
    expect(driven.violations[0]!.affinity).toBeCloseTo(Math.log(4), 12);
    expect(lists).not.toHaveBeenCalled();
    expect(species).not.toHaveBeenCalled();
  });
});

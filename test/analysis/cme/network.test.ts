/**
 * The CME as a Markov Network: its transitions are read from the generator's columns, so each
 * field is held here to what the generator says (states joined, propensities from stochastic mass
 * action, ids, equations), and the id and name indices to a Map built from the lists.
 */
import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/analysis/index.js";
import { cmeNetwork, projectCme } from "../../../src/analysis/cme/index.js";
import { effectiveRates } from "../../../src/network/effective-rates.js";
import { markovEdges } from "../../../src/network/markov-graph.js";
import { compiles } from "../../helpers/compile.js";

describe("cmeNetwork", () => {
  // Ω = 2: X starts at 2 molecules; dimerisation 2 X -> Y at a(x) = k Ω x(x−1)/Ω², one-way
  const source = compiles("species X = 1, Y = 0\nbirth: 0 <-> X @ 3, 1\ndim: 2 X -> Y @ 0.5");
  const p = projectCme(source, { volume: 2, maxStates: 60 });
  const g = p.generator;
  const network = cmeNetwork(g);

  it("gives each transition the generator's states, propensities, id and equation", () => {
    expect(network.kind).toBe("markov");
    expect(network.species.length).toBe(g.states);
    expect(network.reactions.length).toBe(g.from.length);
    const edges = markovEdges(network)!;
    const rates = effectiveRates(network);
    for (let e = 0; e < g.from.length; e++) {
      const r = network.reactions[e]!;
      const i = g.from[e]!, j = g.to[e]!;
      expect(r.index).toBe(e);
      expect([edges.from[e], edges.to[e]]).toEqual([i, j]);
      expect(r.reactants).toEqual([{ index: i, coefficient: 1 }]);
      expect(r.products).toEqual([{ index: j, coefficient: 1 }]);
      expect(r.reservoirReactants).toEqual([]);
      expect(r.forward.value).toBe(g.forward[e]);
      expect(rates.forward[e]).toBe(g.forward[e]);
      expect(rates.reverse[e]).toBe(g.reverse[e]);
      const source = g.reaction[e] === 0 ? "birth" : "dim";
      expect(r.id).toBe(`${source}_${e + 1}`);
      expect(r.labelGiven).toBe(true);
      const arrow = g.reverse[e]! > 0 ? "<->" : "->";
      expect(r.equation).toBe(`${network.species[i]!.name} ${arrow} ${network.species[j]!.name}`);
      expect(r.reverse === null).toBe(g.reverse[e] === 0);
      expect(r.span.line).toBe(g.reaction[e] === 0 ? 2 : 3);
      // the complexes are the states themselves
      expect(network.complexes[r.reactantComplex]!.terms).toEqual([{ index: i, coefficient: 1 }]);
    }
  });

  it("rates a dimerisation x(x − 1)/Ω and names the states by their counts", () => {
    const start = network.species.findIndex((s) => s.initial === 1);
    expect(network.species[start]!.name).toBe("n_2_0");
    const e = network.reactions.findIndex((r) => r.equation === "n_2_0 -> n_0_1");
    // k Ω x(x−1)/Ω² = 0.5 · 2 · 2 · 1 / 4
    expect(network.reactions[e]!.forward.value).toBe(0.5);
    expect(network.reactions[e]!.reverse).toBeNull();
  });

  it("finds every id and name as a Map of the lists would, and nothing else", () => {
    const ids = new Map(network.reactions.map((r) => [r.id, r.index]));
    expect(network.reactionIndex.size).toBe(ids.size);
    for (const [id, i] of ids) expect(network.reactionIndex.get(id)).toBe(i);
    expect([...network.reactionIndex]).toEqual([...ids]);
    for (const id of ["birth_0", "birth_01", "dim_1", `birth_${ids.size + 1}`, "birth", "_1", "R1"]) expect(network.reactionIndex.has(id)).toBe(false);
    const names = new Map(network.species.map((s) => [s.name, s.index]));
    expect(network.speciesIndex.size).toBe(names.size);
    for (const [name, i] of names) expect(network.speciesIndex.get(name)).toBe(i);
    expect(network.speciesIndex.get("n_99_0")).toBeUndefined();
  });

  it("starts the chain's analysis from the projection's solve, and only for that network", () => {
    const kept = projectCme(source, { volume: 2, maxStates: 60 }, true);
    const chain = cmeNetwork(kept.generator);
    const solver = kept.stationary.classes.find((c) => c.mass > 0)?.solver;
    expect(solver).toBeDefined();
    const reused = analyze(chain, { markovStationary: { network: chain, result: kept.stationary } });
    expect(reused.steadyStates.states[0]!.solver).toBe(solver);
    // the same numbers as solving again: the same jumps in the same order
    const own = analyze(chain);
    expect(own.steadyStates.states[0]!.solver).not.toBe(solver);
    expect(reused.steadyStates.states[0]!.concentrations).toEqual(own.steadyStates.states[0]!.concentrations);
    expect(reused.steadyStates.states[0]!.entropyProduction).toBe(own.steadyStates.states[0]!.entropyProduction);
    // offered for another network, it is not used
    const other = analyze(network, { markovStationary: { network: chain, result: kept.stationary } });
    expect(other.steadyStates.states[0]!.solver).not.toBe(solver);
  });
});

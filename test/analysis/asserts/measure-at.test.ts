import { describe, expect, it } from "vitest";
import { checkAsserts, lazyAnalyses, type Lazy } from "../../../src/analysis/asserts/index.js";
import { compile } from "../../../src/compile/index.js";
import type { Network } from "../../../src/network/types.js";

function compiled(text: string): Network {
  const { network, diagnostics } = compile(text, "t.crn");
  if (!network) throw new Error(diagnostics.map((d) => d.message).join("\n"));
  return network;
}

// A → B (catalysed by the reservoir E) and A → C: every point of the segment from (0, 1, 0) to
// (0, 0, 1) is a steady state, at any value of E
const segment = "reservoir E = 1\nspecies A = 1, B, C\nA + E -> B + E @ 1\nA -> C @ 2\n";

describe("asserts at other parameter values measure as the asserts at the written ones", () => {
  it("a count at another value of a reservoir is unevaluable on a continuum unless the dimension is stated", () => {
    const unstated = checkAsserts(compiled(`${segment}assert steady_states = 1 at E = 2\n`));
    expect(unstated.map((d) => d.code)).toEqual(["assert-unevaluable"]);
    expect(unstated[0]?.message).toMatch(/at E = 2: .*set of dimension 1/);
    expect(checkAsserts(compiled(`${segment}assert steady_state_dimension = 1\nassert steady_states = 1 at E = 2\n`))).toEqual([]);
  });

  it("a concentration at another value is read at the state reached there: B = E/(E + 2) of the initial A", () => {
    // from (1, 0, 0) the flows split k_B : k_C = E : 2, so B ends at E/(E + 2)
    expect(checkAsserts(compiled(`${segment}assert conc(B) = 0.5 +- 1e-9 at E = 2\n`))).toEqual([]);
    const wrong = checkAsserts(compiled(`${segment}assert conc(B) = 0.25 +- 1e-9 at E = 2\n`));
    expect(wrong.map((d) => d.code)).toEqual(["assert-failed"]);
  });
});

describe("a steady-state count from a list not proved complete is a lower bound", () => {
  // two listed states of a list the search could not prove complete: the true count N is ≥ 2
  const text = "species X = 1\nr1: X <-> 0 @ 1, 1\n";
  function verdicts(asserts: readonly string[]): string[] {
    const network = compiled(text + asserts.join("\n") + "\n");
    const real = lazyAnalyses(network);
    const listed = real.steadyStates();
    const incomplete = { ...listed, states: [listed.states[0]!, listed.states[0]!], complete: false, method: "multistart (fallback: test)" };
    const lazy: Lazy = { ...real, steadyStates: () => incomplete };
    return network.asserts.map((a) => {
      const d = checkAsserts({ ...network, asserts: [a] }, lazy)[0];
      return d === undefined ? "holds" : d.code;
    });
  }

  it("decides what every N ≥ 2 decides and leaves the rest unevaluable", () => {
    expect(verdicts(["assert steady_states >= 2", "assert steady_states > 1", "assert steady_states != 1", "assert steady_states >= 3"]))
      .toEqual(["holds", "holds", "holds", "assert-unevaluable"]);
    expect(verdicts(["assert steady_states = 1", "assert steady_states <= 1", "assert steady_states < 2"]))
      .toEqual(["assert-failed", "assert-failed", "assert-failed"]);
    expect(verdicts(["assert steady_states = 2", "assert steady_states <= 5", "assert steady_states != 2"]))
      .toEqual(["assert-unevaluable", "assert-unevaluable", "assert-unevaluable"]);
  });

  it("says the count is only a lower bound, and why", () => {
    const network = compiled(`${text}assert steady_states = 2\n`);
    const real = lazyAnalyses(network);
    const listed = real.steadyStates();
    const lazy: Lazy = { ...real, steadyStates: () => ({ ...listed, states: [listed.states[0]!, listed.states[0]!], complete: false, method: "multistart (fallback: test)" }) };
    expect(checkAsserts(network, lazy)[0]?.message).toMatch(/not proved complete \(multistart \(fallback: test\)\), so 2 is only a lower bound/);
  });

  it("a complete list is counted exactly", () => {
    expect(checkAsserts(compiled(`${text}assert steady_states = 1\n`))).toEqual([]);
  });
});

/**
 * Asserts on the reached state fail when no steady state is reached. The Brusselator with
 * a = 1, b = 3 (A -> X, 2 X + Y -> 3 X, B + X -> Y + D, X -> E, unit rates) has its one steady
 * state at X = a = 1, Y = b/a = 3, unstable for b > 1 + a²: the dynamics oscillate around it
 * (X between about 0.37 and 3.75) and never reach it, so `conc(X) = 1` must not "hold" there.
 */
import { describe, expect, it } from "vitest";
import { checkAsserts } from "../../src/analysis/asserts/index.js";
import { analyzeSteadyStates } from "../../src/analysis/steady-state/index.js";
import { analyzeStructure } from "../../src/analysis/structure/index.js";
import { compile } from "../../src/compile/index.js";
import { CODES } from "../../src/diagnostics.js";

const brusselator = (b: number, asserts: string): string => `network "Brusselator"
species X = 1, Y = 1
reservoir A = 1, B = ${b}, D = 1, E = 1
inflow:  A -> X @ 1
auto:    2 X + Y -> 3 X @ 1
convert: B + X -> Y + D @ 1
outflow: X -> E @ 1
${asserts}
`;

function failures(text: string): string[] {
  const { network, diagnostics } = compile(text, "brusselator.crn");
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  if (!network) throw new Error("does not compile");
  return checkAsserts(network).map((d) => `${d.code}@${d.span?.line}`);
}

const ASSERTS = "assert conc(X) = 1 +- 1e-9\nassert flux(outflow) = 1 +- 1e-9\nassert entropy_production > 0\nassert steady_states = 1";

describe("asserts at a state the system never reaches", () => {
  it("b = 3 > 1 + a²: the one steady state (X = 1, Y = 3) is unstable and not reached", () => {
    const { network } = compile(brusselator(3, ""), "b.crn");
    if (!network) throw new Error("does not compile");
    const ss = analyzeSteadyStates(network, analyzeStructure(network));
    expect(ss.states).toHaveLength(1);
    expect(ss.states[0]?.concentrations[0]).toBeCloseTo(1, 9);
    expect(ss.states[0]?.concentrations[1]).toBeCloseTo(3, 9);
    expect(ss.states.some((s) => s.reached)).toBe(false);
  });

  it("conc, flux and entropy_production fail as unevaluable there; steady_states still counts", () => {
    const nr = CODES.stateNotReached;
    expect(failures(brusselator(3, ASSERTS))).toEqual([`${nr}@8`, `${nr}@9`, `${nr}@10`]);
  });

  it("b = 1.5 < 1 + a²: the same state is a stable focus, reached, and the asserts hold", () => {
    expect(failures(brusselator(1.5, "assert conc(X) = 1 +- 1e-9\nassert flux(outflow) = 1 +- 1e-9\nassert steady_states = 1"))).toEqual([]);
  });
});

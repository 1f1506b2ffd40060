/**
 * Only true steady states are listed (issue 10 item 8): points that a relative residual alone
 * would accept, far out on a ray or where high powers make every rate tiny, are rejected; the
 * true states come from closed forms.
 */
import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/analysis/index.js";
import { compile } from "../../../src/compile/index.js";
import type { Network } from "../../../src/network/types.js";

function build(text: string): Network {
  const { network, diagnostics } = compile(text, "test.crn");
  if (network === null) throw new Error(diagnostics.map((d) => d.message).join("\n"));
  return network;
}
const rel = (a: number | undefined, b: number): number => (a === undefined ? NaN : Math.abs(a - b) / Math.abs(b));

describe("a listed steady state is a root to rounding", () => {
  it("6 A <-> B @ 1e15, 1: only the state 1e15 A⁶ = B, A + 6 B = 1", () => {
    const a = analyze(build("species A = 1, B\nr1: 6 A <-> B @ 1e15, 1\n"));
    expect(a.steadyStates.states).toHaveLength(1);
    const [A, B] = a.steadyStates.states[0]?.concentrations ?? [];
    expect(rel(A, 1 - 6 * (B ?? NaN))).toBeLessThan(1e-12);
    expect(rel(1e15 * (A ?? NaN) ** 6, B ?? NaN)).toBeLessThan(1e-12);
    const s = a.steadyStates.states[0];
    expect(Math.abs(s?.fluxes[0] ?? NaN)).toBeLessThan(1e-12 * (s?.forwardRates[0] ?? NaN));
  });

  it("1000 A <-> 1000 B @ 1, 2 with A + B = 1: A = 2^(1/1000) / (1 + 2^(1/1000)), not A = 1", () => {
    const a = analyze(build("species A = 1, B\nr1: 1000 A <-> 1000 B @ 1, 2\n"));
    const c = 2 ** (1 / 1000);
    expect(a.steadyStates.states).toHaveLength(1);
    expect(rel(a.steadyStates.states[0]?.concentrations[0], c / (1 + c))).toBeLessThan(1e-12);
  });

  for (const [x0, states] of [["A = 1, X = 1", [[1, 1], [2, 0]]], ["A = 0, X = 1", [[0.5, 0.5], [1, 0]]]] as const) {
    it(`A + 34 X <-> 35 X from ${x0}: X³⁴ (A − X) = 0 gives exactly A = X and X = 0`, () => {
      const a = analyze(build(`species ${x0}\nr1: A + 34 X <-> 35 X @ 1, 1\n`));
      const got = a.steadyStates.states.map((s) => s.concentrations);
      expect(got).toHaveLength(2);
      for (const want of states) expect(got.some((x) => x.every((v, i) => Math.abs(v - (want[i] ?? NaN)) <= 1e-12))).toBe(true);
    });
  }

  it("0 -> X0 fed at 2, X0 <-> X1: grows without bound, nothing listed or reached", () => {
    const a = analyze(build("species X0, X1\n0 -> X0 @ 2\nX0 <-> X1 @ 1, 1\n"));
    expect(a.steadyStates.states).toEqual([]);
    // x0 − x1 = 0 and 2 − x0 + x1 = 0 have no common root: the homotopy's one path goes to infinity, a proof
    expect(a.steadyStates.complete).toBe(true);
    expect(a.steadyStates.paths?.divergent).toBe(1);
    expect(a.notes.join("\n")).toMatch(/grow without bound/);
    expect(a.notes.join("\n")).not.toMatch(/oscillat/);
    expect(a.currentsAt).toBeNull();
  });
});

describe("the deficiency-zero note where the class has no positive point", () => {
  it("A + B = 0 forces A = B = 0: the theorem is said not to apply, not to have failed", () => {
    const a = analyze(build("species A = 0, B = 0, C = 1\nA <-> B @ 1, 2\nC <-> 0 @ 1, 1\n"));
    const notes = a.notes.join("\n");
    expect(notes).not.toMatch(/proves exactly one positive steady state/);
    expect(notes).toMatch(/this class has none \(the conservation law over A, B has total 0/);
    expect(a.steadyStates.states.map((s) => s.concentrations)).toEqual([[0, 0, 1]]);
  });
});

describe("which state the currents are taken at", () => {
  it("Brusselator a = 1, b = 3 oscillates: σ at steady state 1, unstable, not reached", () => {
    const a = analyze(build("species X = 1, Y = 1\nreservoir A = 1, B = 3, D = 1, E = 1\nin: A <-> X @ 1, 1e-3\nconv: B + X <-> Y + D @ 1, 1e-3\nauto: 2 X + Y <-> 3 X @ 1, 1e-3\nout: X <-> E @ 1, 1e-3\n"));
    expect(a.currentsAt?.reached).toBe(false);
    expect(a.currentsAt?.stable).toBe(false);
    expect(a.notes.join("\n")).toMatch(/currents and entropy production are taken at steady state 1, an unstable steady state/);
  });

  it("a reached state says so", () => {
    const a = analyze(build("species A = 1, B\nA <-> B @ 2, 1\n"));
    expect(a.currentsAt).toEqual({ state: 0, reached: true, stable: true });
  });
});

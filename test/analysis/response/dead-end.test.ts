import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/analysis/index.js";
import { compile } from "../../../src/compile/index.js";

// U <-> N is a dead end: at the steady state its net flux is 0 exactly (N has no other reaction),
// so ∂ ln J_fold is undefined; the computed v⁺ − v⁻ is only the rounding of two equal rates
const chaperone = `state U = 1, N, M, CM
reservoir ATP = 5e-3, ADP = 5e-4, Pi = 1e-3
fold:    U <-> N               @ 1, 0.01
misfold: U <-> M               @ 5, 0.05
bind:    M + ATP <-> CM + ADP  @ 200, 1
release: CM <-> U + Pi         @ 1, 0.01
`;

describe("control coefficients of a flux that is zero to rounding", () => {
  it("a dead-end branch gets no flux row, and the summation theorem holds on the others", () => {
    const { network } = compile(chaperone, "chaperone.crn");
    const control = analyze(network!).response?.control;
    expect(control).toBeTruthy();
    const rows = control!.flux.map((f) => network!.reactions[f.reaction]?.id);
    expect(rows).toEqual(["misfold", "bind", "release"]);
    expect(control!.fluxSumDefect).toBeLessThan(1e-12);
  });
});

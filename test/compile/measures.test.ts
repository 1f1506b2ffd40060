/**
 * `volume`, `current` and `force` statements, the new asserts (tur, onsager, bistable, `at`,
 * statistics of a current, steady_state_dimension) and compile overrides: what they lower to, and
 * the located errors for each way of getting them wrong.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/index.js";

const BASE = `state A = 1, B
param F = 0, kT = 4.1
r1: A <-> B @ 2, 1
r2: B <-> A @ 3, exp(F/kT)
`;

function errors(text: string): string[] {
  return compile(text, "t.crn").diagnostics.filter((d) => d.severity === "error").map((d) => `${d.span?.line}:${d.span?.column} ${d.code}: ${d.message}`);
}

describe("volume, current and force", () => {
  it("lower to the network's volume, measured currents and forces", () => {
    const { network, diagnostics } = compile(`${BASE}volume 2*25\ncurrent steps = r1 + r2 step 36 nm\ncurrent back = -2 r1 + 0.5*r2\nforce F on steps kT 4.114\n`, "t.crn");
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(network!.volume).toBe(50);
    expect(network!.currents.map((c) => [c.name, c.weights, c.step])).toEqual([
      ["steps", [{ reaction: 0, weight: 1 }, { reaction: 1, weight: 1 }], { value: 36, unit: "nm" }],
      ["back", [{ reaction: 0, weight: -2 }, { reaction: 1, weight: 0.5 }], null],
    ]);
    expect(network!.forces).toEqual([expect.objectContaining({ param: "F", value: 0, current: 0, kT: 4.114 })]);
    expect([...network!.params]).toEqual([["F", 0], ["kT", 4.1]]);
  });

  it("leaves species called volume, current or force alone", () => {
    const { network } = compile("species volume = 1, current, force\nvolume -> current @ 1\ncurrent + force -> volume @ 2\n", "t.crn");
    expect(network!.reactions.map((r) => r.equation)).toEqual(["volume -> current", "current + force -> volume"]);
    expect(network!.volume).toBeNull();
  });

  it("reports each mistake where it is", () => {
    expect(errors(`${BASE}volume 0`)).toEqual(["5:8 bad-volume: the volume must be a positive finite number; this one is 0"]);
    expect(errors(`${BASE}volume 2\nvolume 3`)).toEqual(["6:1 bad-volume: a second volume; the first is at line 5"]);
    expect(errors(`${BASE}current c = r1 + r9`)[0]).toMatch(/^5:18 bad-current: unknown reaction 'r9'; did you mean 'r1'\?/);
    expect(errors(`${BASE}current c = r1 + r1`)[0]).toMatch(/^5:18 bad-current: reaction 'r1' is already in this current/);
    expect(errors(`${BASE}current c = r1\ncurrent c = r2`)).toEqual(["6:9 bad-current: a current 'c' is already declared at line 5"]);
    expect(errors(`${BASE}current c = r1 step -1`)[0]).toMatch(/^5:21 bad-current: the step must be a positive finite number/);
    expect(errors(`${BASE}current c = r1\nforce F on d`)[0]).toMatch(/^6:12 bad-force: unknown current 'd'/);
    expect(errors(`${BASE}current c = r1\nforce A on c`)[0]).toMatch(/^6:7 bad-force: 'A' is a state, not a param/);
    expect(errors(`${BASE}current c = r1\nforce F on c kT 0`)[0]).toMatch(/^6:17 bad-force: kT must be a positive finite number/);
    expect(errors(`${BASE}current c = r1 r2`)[0]).toMatch(/^5:16 syntax-error/);
  });
});

describe("the new asserts", () => {
  it("lower to their targets", () => {
    const { network } = compile(`${BASE}current steps = r1 + r2\nassert tur\nassert not onsager\nassert randomness(steps) = 0.5 +- 0.01\nassert steady_states = 1 at F = 1.2, kT = 3\nassert bistable F from 1 to 2\nassert steady_state_dimension = 0\n`, "t.crn");
    expect(network!.asserts.map((a) => a.target)).toEqual([
      { kind: "tur", negated: false },
      { kind: "onsager", negated: true },
      { kind: "compare", quantity: { kind: "current-statistic", statistic: "randomness", current: 0 }, op: "=", value: 0.5, tolerance: 0.01 },
      { kind: "compare", quantity: { kind: "steady-states" }, op: "=", value: 1, tolerance: 0, at: [{ name: "F", value: 1.2 }, { name: "kT", value: 3 }] },
      { kind: "bistable", negated: false, param: "F", from: 1, to: 2 },
      { kind: "compare", quantity: { kind: "steady-state-dimension" }, op: "=", value: 0, tolerance: 0 },
    ]);
  });

  it("reports each mistake where it is", () => {
    expect(errors(`${BASE}assert bistable F from 2 to 1`)[0]).toMatch(/^5:17 bad-assert: the range must run from a smaller to a larger/);
    expect(errors(`${BASE}assert bistable A from 1 to 2`)[0]).toMatch(/^5:17 bad-assert: 'A' is a state .*only a param or a reservoir/);
    expect(errors(`${BASE}assert bistable`)[0]).toMatch(/^5:8 bad-assert: bistable needs the range/);
    expect(errors(`${BASE}assert tur = 1`)[0]).toMatch(/^5:12 bad-assert: 'tur' is a property/);
    expect(errors(`${BASE}assert flux(r1) > 0 at F`)[0]).toMatch(/^5:24 bad-assert: 'F' needs a value/);
    expect(errors(`${BASE}assert flux(r1) > 0 at F = 1, F = 2`)[0]).toMatch(/^5:31 bad-assert: 'F' is set twice/);
    expect(errors(`${BASE}assert diffusion(zz) > 1`)[0]).toMatch(/^5:18 bad-assert: unknown current 'zz'; declare it/);
    expect(errors(`${BASE}assert flux(r1) F from 1 to 2`)[0]).toMatch(/^5:17 bad-assert: a range .* goes only with bistable/);
  });
});

describe("compile overrides", () => {
  it("replace a param or reservoir value where it is declared, so every use sees it", () => {
    const text = "species A = 1, B\nreservoir X = 2\nparam k = 1, k2 = 2*k\nr1: A + X <-> B @ k2, 1\n";
    const { network } = compile(text, "t.crn", { overrides: new Map([["k", 5], ["X", 0.5]]) });
    expect(network!.reactions[0]!.forward.value).toBe(10);
    expect(network!.reservoirs[0]!.value).toBe(0.5);
    expect(network!.params.get("k2")).toBe(10);
  });

  it("refuse a name that is not a param or reservoir", () => {
    const r = compile("species A = 1, B\nparam k = 1\nr1: A <-> B @ k, 1\n", "t.crn", { overrides: new Map([["A", 2]]) });
    expect(r.network).toBeNull();
    expect(r.diagnostics[0]!.message).toMatch(/cannot set 'A': 'A' is a species .*not a param or reservoir/);
  });
});

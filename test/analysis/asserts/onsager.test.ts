import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkAsserts } from "../../../src/analysis/asserts/index.js";
import { compile } from "../../../src/compile/index.js";
import type { Network } from "../../../src/network/types.js";

function compiled(text: string): Network {
  const { network, diagnostics } = compile(text, "t.crn");
  if (!network) throw new Error(diagnostics.map((d) => d.message).join("\n"));
  return network;
}

// the proton circuit with its reservoirs at equilibrium: every emergent cycle's affinity is 0
// when NADH/NAD = 1/50 (pump: ln(50 · NADH/NAD) = 0) and ATP/(ADP Pi) = 10 (synthase: ln(10 ADP Pi/ATP) = 0)
const circuit = (reservoirs: string) => `species Hin = 1, Hout = 1
reservoir ${reservoirs}
pump:     Hin + NADH <-> Hout + NAD          @ 50, 1
leak:     Hout <-> Hin                       @ 0.2, 0.2
synthase: 3 Hout + ADP + Pi <-> 3 Hin + ATP  @ 5, 0.5
`;

describe("assert onsager on chemostatted mass-action networks (emergent cycles)", () => {
  it("holds at equilibrium, where the reservoirs impose no affinity", () => {
    const eq = circuit("NADH = 1e-2, NAD = 0.5, ADP = 1e-2, Pi = 1e-2, ATP = 1e-3");
    expect(checkAsserts(compiled(`${eq}assert detailed_balance\nassert onsager\n`))).toEqual([]);
    expect(checkAsserts(compiled(`${eq}assert not onsager\n`)).map((d) => d.code)).toEqual(["assert-failed"]);
  });

  it("fails on the driven circuit of networks/, whose two drives respond asymmetrically", () => {
    const driven = readFileSync(new URL("../../../networks/proton-circuit.crn", import.meta.url), "utf8");
    const failed = checkAsserts(compiled(`${driven}\nassert onsager\n`));
    expect(failed.map((d) => d.code)).toEqual(["assert-failed"]);
    expect(failed[0]?.message).toMatch(/not symmetric.*driven/);
    expect(checkAsserts(compiled(`${driven}\nassert not onsager\n`))).toEqual([]);
  });

  it("tur stays a Markov assert", () => {
    expect(checkAsserts(compiled(`${circuit("NADH = 1e-2, NAD = 1e-4, ADP = 1e-2, Pi = 1e-2, ATP = 1e-2")}assert tur\n`)).map((d) => d.code)).toEqual(["assert-unevaluable"]);
  });
});

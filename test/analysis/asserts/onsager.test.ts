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

describe("a failed assert detailed_balance on a long driven cycle", () => {
  /** A Markov ring of n states, every jump 2 one way and 1 back: one cycle, affinity n ln 2. */
  const ring = (n: number): string =>
    [`state ${Array.from({ length: n }, (_, i) => `s${i}`).join(", ")}`, ...Array.from({ length: n }, (_, i) => `s${i} <-> s${(i + 1) % n} @ 2, 1`), "assert detailed_balance", ""].join("\n");

  it("names a short cycle whole, with every line", () => {
    const [d] = checkAsserts(compiled(ring(5)));
    expect(d?.message).toContain("s0 -> s1 -> s2 -> s3 -> s4 -> s0 is driven");
    expect(d?.message).toContain("(reactions at lines 2, 3, 4, 5, 6)");
  });

  it("cuts a cycle of 2000 states to its ends, with the counts, in one short line", () => {
    const [d] = checkAsserts(compiled(ring(2000)));
    expect(d?.message.length).toBeLessThan(400);
    // the cycle's 2001 names: the first six and the last six, 1989 between
    expect(d?.message).toContain("the cycle s0 -> s1 -> s2 -> s3 -> s4 -> s5 -> … (1989 more) … -> s1995 -> s1996 -> s1997 -> s1998 -> s1999 -> s0, 2000 steps is driven");
    expect(d?.message).toContain(`affinity ${Number((2000 * Math.LN2).toPrecision(6))} k_BT`);
    expect(d?.message).toContain("(reactions at lines 2, 3, 4, 5, 6, 7, … 1996, 1997, 1998, 1999, 2000, 2001 (2000 in all))");
  });
});

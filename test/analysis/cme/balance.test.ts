/**
 * A detailed-balanced mass-action network has a detailed-balanced CME (Whittle 1986; Joshi 2015,
 * who also shows the converse can fail): on random networks balanced by construction from free
 * energies (with reservoirs), the Kolmogorov verdict of the projected CME must say balanced. The
 * projection keeps both directions of every transition inside its box, so every cycle it keeps
 * is a cycle of the full chain and the implication survives the truncation.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/analysis/index.js";
import { cmeNetwork, projectCme } from "../../../src/analysis/cme/index.js";
import { buildNetwork } from "../../../src/network/build.js";
import { randomNetwork } from "../random-networks.js";

describe("CME of a detailed-balanced network", () => {
  it("is detailed balanced (Kolmogorov), on random networks", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const { network } = randomNetwork(seed, { detailedBalanced: true, reservoirs: true });
        // give every species a few molecules at Ω = 2 so the chain moves
        const start = buildNetwork({ ...network, species: network.species.map((s) => ({ ...s, initial: 1.5, initialGiven: true })) });
        const p = projectCme(start, { volume: 2, maxStates: 600, massTolerance: 1e-3 });
        const cme = analyze(cmeNetwork(p.generator));
        expect(cme.detailedBalance.holds).toBe(true);
      }),
      { numRuns: 10 },
    );
  }, 300_000);
});

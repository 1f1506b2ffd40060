/**
 * The words of a failed `assert detailed_balance`: the driven cycle and its lines, whole when
 * short, cut to their ends with the counts when long. The affinity is the closed form n ln 2.
 */
import { describe, expect, it } from "vitest";
import { checkAsserts } from "../../../src/analysis/asserts/index.js";
import { net } from "../helpers.js";

describe("a failed assert detailed_balance on a long driven cycle", () => {
  /** A Markov ring of n states, every jump 2 one way and 1 back: one cycle, affinity n ln 2. */
  const ring = (n: number): string =>
    [`state ${Array.from({ length: n }, (_, i) => `s${i}`).join(", ")}`, ...Array.from({ length: n }, (_, i) => `s${i} <-> s${(i + 1) % n} @ 2, 1`), "assert detailed_balance", ""].join("\n");

  it("names a short cycle whole, with every line", () => {
    const [d] = checkAsserts(net(ring(5)));
    expect(d?.message).toContain("s0 -> s1 -> s2 -> s3 -> s4 -> s0 is driven");
    expect(d?.message).toContain("(reactions at lines 2, 3, 4, 5, 6)");
  });

  it("cuts a cycle of 2000 states to its ends, with the counts, in one short line", () => {
    const [d] = checkAsserts(net(ring(2000)));
    expect(d?.message.length).toBeLessThan(400);
    // the cycle's 2001 names: the first six and the last six, 1989 between
    expect(d?.message).toContain("the cycle s0 -> s1 -> s2 -> s3 -> s4 -> s5 -> … (1989 more) … -> s1995 -> s1996 -> s1997 -> s1998 -> s1999 -> s0, 2000 steps is driven");
    expect(d?.message).toContain(`affinity ${Number((2000 * Math.LN2).toPrecision(6))} k_BT`);
    expect(d?.message).toContain("(reactions at lines 2, 3, 4, 5, 6, 7, … 1996, 1997, 1998, 1999, 2000, 2001 (2000 in all))");
  });
});

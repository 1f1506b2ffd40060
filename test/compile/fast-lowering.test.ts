/**
 * Plain reaction lines are lowered straight from their scanned offsets (compile/fast-reaction.ts)
 * when nothing about them needs saying, else the ordinary way. Whatever the file, the network and
 * the diagnostics (codes, spans, messages, hints) must be those of reading every line with
 * chevrotain (`fastPath: false`).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/index.js";
import { reactionFields } from "../../src/network/build.js";
import type { Network } from "../../src/network/types.js";

/** The network as its fields read (a packed reaction's fields are getters, which toEqual does not see). */
function fields(n: Network | null): unknown {
  return n && { ...n, reactions: n.reactions.map(reactionFields), species: n.species.map((s) => ({ ...s, span: s.span })), complexes: n.complexes.map((c) => ({ index: c.index, terms: c.terms, label: c.label })) };
}

function same(text: string): void {
  const fast = compile(text, "f.crn");
  const slow = compile(text, "f.crn", { fastPath: false });
  expect(fast.diagnostics).toEqual(slow.diagnostics);
  expect(fields(fast.network)).toEqual(fields(slow.network));
  // what literal rates work out when read (exact values, spans) agrees too
  const exact = (r: typeof fast): unknown => r.network?.reactions.map((x) => [x.forward.exact, x.forward.rational, x.forward.span, x.reverse?.exact, x.reverse?.rational, x.reverse?.span]);
  expect(exact(fast)).toEqual(exact(slow));
}

const name = fc.constantFrom("A", "B", "C", "Y", "Z", "k", "q", "U", "R2", "__proto__");
const coefficient = fc.constantFrom("", "", "", "2 ", "1 ", "01 ", "3 ", "0 ", "2");
const side = fc.oneof(
  { weight: 1, arbitrary: fc.constant("0") },
  { weight: 5, arbitrary: fc.array(fc.tuple(coefficient, name).map(([c, n]) => c + n), { minLength: 1, maxLength: 3 }).chain((ts) => fc.constantFrom(" + ", "+", "  +  ").map((p) => ts.join(p))) },
);
const rate = fc.constantFrom("1", "2.5", "1e-3", "0", "0.36787944117144233", "k", "q", "A", "nope", "1e400", "3");
const label = fc.option(fc.constantFrom("r1", "r2", "R1", "R2", "R3", "x"), { nil: undefined });
const reaction = fc
  .tuple(label, side, fc.constantFrom(" -> ", " <-> ", "->", "  <->  "), side, fc.array(rate, { minLength: 1, maxLength: 3 }), fc.constantFrom("", " # c"))
  .map(([l, a, arrow, b, rs, c]) => `${l ? `${l}: ` : ""}${a}${arrow}${b} @ ${rs.join(", ")}${c}`);
const declaration = fc.constantFrom(
  "species A, B, C = 2", "state A, B, C", "reservoir Y = 2, Z = 0.5", "param k = 2", "param q = k * 3", "species U", "param k = 0",
  // lines the compiler takes from their offsets: duplicates, values it must refuse, sums of 0
  "species A = 1e400, B", "species A, A = 2", "species k", "state A = 0, B = 0", "state C = 0.5, U = 1.5e-3  # c",
  "species  A=1,B ,C= 00.5", "state A = 0.36787944117144233, B", "species A = 1, B = k",
);

describe("lowering plain reactions from their offsets", () => {
  it("gives chevrotain's network and diagnostics on random files (declarations anywhere, mistakes included)", () => {
    const file = fc.array(fc.oneof({ weight: 1, arbitrary: declaration }, { weight: 3, arbitrary: reaction }), { minLength: 1, maxLength: 10 }).map((ls) => ls.join("\n"));
    fc.assert(fc.property(file, same), { numRuns: 1500, seed: 23 });
  });

  it("gives chevrotain's network on mostly well-formed files (most of which compile)", () => {
    const good = fc.constantFrom("A", "B", "C", "Y", "2 A", "B + C", "A + Y", "0", "1 A", "C + 1 B", "2  A", "B  +  C",
      // a species or reservoir named twice on a side: its coefficients add up, in index order
      "A + A", "2 A + A", "C + 2 B + C", "Y + 2 Y + A", "B + Y + A + Y");
    const goodReaction = fc
      .tuple(good, fc.boolean(), good, fc.constantFrom("1", "2.5", "k", "1e-3", "0.36787944117144233"), fc.constantFrom("3", "q", "0.5"))
      .map(([a, two, b, f, r]) => `${a} ${two ? "<->" : "->"} ${b} @ ${two ? `${f}, ${r}` : f}`);
    const file = fc.array(goodReaction, { minLength: 1, maxLength: 8 }).map((ls) => `param k = 2\nparam q = k / 4\nspecies A = 1, B, C\nreservoir Y = 2\n${ls.join("\n")}`);
    let networks = 0;
    fc.assert(
      fc.property(file, (text) => {
        same(text);
        if (compile(text).network) networks++;
      }),
      { numRuns: 500, seed: 29 },
    );
    expect(networks).toBeGreaterThan(200);
  });

  it("on the shapes of the benchmarks: mass action with coefficients, and Markov jumps with reservoirs", () => {
    same("species S0 = 1, S1 = 1, S2 = 1\nr0: S0 + 2 S1 <-> S2 @ 1.4811, 1.468\nr1: S2 + 2 S0 <-> S1 @ 0.9258, 1.495\nr2: S1 -> 0 @ 2");
    same("state s0 = 1, s1, s2\nreservoir ATP = 2\ns0 <-> s1 @ 5.373957615772248, 0.18608259898906887\ns1 + ATP <-> s2 @ 1, 2\ns2 <-> s0 @ 3, 4\nassert not detailed_balance");
  });
});

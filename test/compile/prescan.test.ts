/**
 * Lines scanned ahead by another thread (compile/prescan.ts) must change nothing: the network and
 * the diagnostics are those of compiling alone, whatever the file, its line ends, the stretches
 * the thread reads it in, and whether it read the rate literals too. In process, the scan runs to
 * the end first (a file shorter than the ring never waits); test/cli/prescan.test.ts runs the real
 * thread on a file longer than the ring.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/index.js";
import { prescanBuffers, prescanLines, PrescanReader, type PrescanText } from "../../src/compile/prescan.js";
import { reactionFields } from "../../src/network/build.js";
import type { Network } from "../../src/network/types.js";

function fields(n: Network | null): unknown {
  return n && { ...n, reactions: n.reactions.map(reactionFields), species: n.species.map((s) => ({ ...s, span: s.span })), complexes: n.complexes.map((c) => ({ index: c.index, terms: c.terms, label: c.label })) };
}

/** `text` read `stretch` characters at a time, each stretch running on to just after an LF (as the worker's chunkAt). */
function stretches(text: string, stretch: number): PrescanText {
  return {
    length: text.length,
    chunkAt(from) {
      const lf = from + stretch >= text.length ? -1 : text.indexOf("\n", from + stretch);
      return text.slice(from, lf < 0 ? text.length : lf + 1);
    },
  };
}

/** Compiles `text` with a prescan that has run to the end; the reader, to count what it served. */
function withPrescan(text: string, stretch: number, ahead: number): { result: ReturnType<typeof compile>; reader: PrescanReader } {
  const buffers = prescanBuffers();
  prescanLines(stretches(text, stretch), buffers, ahead);
  const reader = new PrescanReader(buffers);
  return { result: compile(text, "f.crn", { scanned: reader.fill }), reader };
}

function same(text: string, stretch: number, ahead: number): PrescanReader {
  const alone = compile(text, "f.crn");
  const { result, reader } = withPrescan(text, stretch, ahead);
  expect(result.diagnostics).toEqual(alone.diagnostics);
  expect(fields(result.network)).toEqual(fields(alone.network));
  const exact = (r: typeof alone): unknown => r.network?.reactions.map((x) => [x.forward.exact, x.forward.rational, x.forward.span, x.reverse?.exact, x.reverse?.rational, x.reverse?.span]);
  expect(exact(result)).toEqual(exact(alone));
  return reader;
}

const name = fc.constantFrom("A", "B", "C", "Y", "k", "q", "R2", "not", "__proto__");
const coefficient = fc.constantFrom("", "", "2 ", "01 ", "0 ", "2");
const side = fc.oneof(
  { weight: 1, arbitrary: fc.constant("0") },
  { weight: 5, arbitrary: fc.array(fc.tuple(coefficient, name).map(([c, n]) => c + n), { minLength: 1, maxLength: 6 }).map((ts) => ts.join(" + ")) },
);
const rate = fc.constantFrom("1", "2.5", "1e-3", "0", "0.36787944117144233", "20137527074704766e-16", "k", "q", "nope", "1e400");
const reaction = fc
  .tuple(fc.option(fc.constantFrom("r1", "R1", "R3"), { nil: undefined }), side, fc.constantFrom(" -> ", " <-> ", "<->"), side, fc.array(rate, { minLength: 1, maxLength: 3 }), fc.constantFrom("", " # c", " ; A -> B @ 1"))
  .map(([l, a, arrow, b, rs, c]) => `${l ? `${l}: ` : ""}${a}${arrow}${b} @ ${rs.join(", ")}${c}`);
const line = fc.oneof(
  { weight: 6, arbitrary: reaction },
  { weight: 1, arbitrary: fc.constantFrom("species A, B, C = 2", "state A, B, C", "reservoir Y = 2", "param k = 2", "param q = k * 3", "# a comment", "", "  ", "A -> B", "assert detailed_balance") },
);
const ends = fc.constantFrom("\n", "\r\n", "\r");

describe("lines scanned ahead by another thread", () => {
  it("give the network and diagnostics of compiling alone, on random files, line ends and stretches", () => {
    const file = fc.tuple(fc.array(fc.tuple(line, ends), { minLength: 1, maxLength: 12 }), fc.boolean()).map(([ls, last]) => ls.map(([l, e]) => l + e).join("") + (last ? "A -> B @ 1" : ""));
    let served = 0;
    fc.assert(fc.property(file, fc.integer({ min: 1, max: 200 }), fc.constantFrom(0, 3, 1 << 20), (text, stretch, ahead) => {
      served += same(text, stretch, ahead).served;
    }), { numRuns: 1500, seed: 41 });
    // the lines compared were taken from the records, not scanned again
    expect(served).toBeGreaterThan(1000);
  });

  it("serve every plain reaction line, with its rate values when read ahead", () => {
    const lines = ["state a, b, c"];
    for (let i = 0; i < 3000; i++) lines.push(`${["a", "b", "c"][i % 3]} <-> ${["b", "c", "a"][i % 3]} @ ${1 + i / 7}, ${Math.exp(-i / 1000)}`);
    lines.push("a -> b @ 1, 2"); // scanned, but a one-way jump with two rates: the ordinary path words it
    const text = lines.join("\n") + "\n";
    // values read on every line, and on none
    for (const ahead of [0, 1 << 30]) {
      const reader = same(text, 4096, ahead);
      expect(reader.served).toBe(3001);
    }
  });

  it("leaves a line whose record does not fit (more terms or rates than it holds) to the compiler", () => {
    const text = "species A, B, C, D, E\nA + B + C + D + E -> 0 @ 1\nA -> B @ 1\n";
    const reader = same(text, 1 << 20, 0);
    expect(reader.served).toBe(1);
  });
});

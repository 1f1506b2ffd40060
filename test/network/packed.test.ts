/**
 * Packed reactions (network/packed.ts): what a plain reaction line compiles to. Each field reads
 * as the ordinary path's record does (test/compile/fast-lowering.test.ts holds the two paths to
 * that on random files); here, what is particular to reading fields from columns.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/index.js";
import { reactionFields, withChanges } from "../../src/network/build.js";
import { isTwoWay, PackedReaction, rateRational, rateValue } from "../../src/network/packed.js";

const text = "param k = 2\nstate a = 1, b, c\nreservoir ATP = 3\nj1: a + ATP <-> b @ 1.5, k\nb   ->   c @ 2e-3\nc <-> a @ 0.36787944117144233, 4\n";

describe("packed reactions", () => {
  const network = compile(text, "p.crn").network!;
  it("are what plain lines compile to, frozen, with their index and complexes", () => {
    expect(network.reactions.every((r) => r instanceof PackedReaction && Object.isFrozen(r))).toBe(true);
    expect(network.reactions.map((r) => [r.index, r.id, r.labelGiven])).toEqual([[0, "j1", true], [1, "R2", false], [2, "R3", false]]);
    expect(network.reactions.map((r) => [network.complexes[r.reactantComplex]!.label, network.complexes[r.productComplex]!.label])).toEqual([["a", "b"], ["b", "c"], ["c", "a"]]);
  });

  it("read their rate constants, spans and equations from the line, the same object every time", () => {
    const [j1, r2, r3] = network.reactions;
    expect(j1!.forward).toBe(j1!.forward);
    expect(j1!.span).toBe(j1!.span);
    expect([j1!.forward.value, j1!.forward.span.column, j1!.reverse!.value, j1!.reverse!.span]).toEqual([1.5, "j1: a + ATP <-> b @ ".length + 1, 2, { file: "p.crn", offset: text.indexOf("k\n"), line: 4, column: text.indexOf("k\n") - text.indexOf("j1") + 1, length: 1 }]);
    expect(j1!.reservoirReactants).toEqual([{ index: 0, coefficient: 1 }]);
    expect(r2!.reverse).toBeNull();
    expect(r2!.equation).toBe("b -> c"); // written with extra spaces: built, not sliced
    expect(r2!.span).toEqual({ file: "p.crn", offset: text.indexOf("b   ->"), line: 5, column: 1, length: "b   ->   c @ 2e-3".length });
    expect([r3!.forward.rational, r3!.reverse!.exact]).toEqual([false, { num: 4n, den: 1n }]);
  });

  it("give their rate values and the literal rule's verdict without making rate objects, as the objects say", () => {
    const fresh = compile(text, "p.crn").network!;
    // read from the columns first, then from the objects the getters make
    const read = fresh.reactions.map((r) => [rateValue(r, 0), rateValue(r, 1), rateRational(r, 0), rateRational(r, 1), isTwoWay(r)]);
    expect(read).toEqual([[1.5, 2, true, true, true], [2e-3, NaN, true, false, false], [0.36787944117144233, 4, false, true, true]]);
    expect(fresh.reactions.map((r) => [r.forward.value, r.reverse?.value ?? NaN, r.forward.rational ?? r.forward.exact !== null, r.reverse === null ? false : r.reverse.rational ?? r.reverse.exact !== null, r.reverse !== null])).toEqual(read);
    // the record path (a copy) answers the same from its objects
    expect(fresh.reactions.map((r) => reactionFields(r)).map((r) => [rateValue(r, 0), rateValue(r, 1), rateRational(r, 0), rateRational(r, 1)])).toEqual(read.map((x) => x.slice(0, 4)));
  });

  it("find their spans, equations and literals again on lines ending in LF, CR LF or CR, as the ordinary path reads them", () => {
    for (const end of ["\n", "\r\n", "\r"]) {
      const source = text.split("\n").join(end) + "x <-> y @ 1, 2.5";
      const withY = source.replace("state a = 1, b, c", "state a = 1, b, c, x, y");
      const packed = compile(withY, "p.crn").network!.reactions;
      const plain = compile(withY, "p.crn", { fastPath: false }).network!.reactions;
      expect(packed.every((r) => r instanceof PackedReaction)).toBe(true);
      const read = (r: (typeof packed)[number]): unknown => [r.span, r.equation, r.forward.span, r.forward.value, r.reverse?.span ?? null, r.reverse?.exact ?? null];
      expect(packed.map(read)).toEqual(plain.map(read));
    }
  });

  it("keep a side of several terms flat: its list made once when read, its complex shared with an equal side of either path", () => {
    // `@ 2 * 1` is no plain rate: that line goes the ordinary way, with a term list of its own
    const source = "species A = 1, B, C\nC -> B + 2 A @ 2 * 1\nA + 2 B -> C @ 1\nC -> 2 B + A @ 2\nB + A + B -> C @ 3\n2 A + B -> C @ 4\nC -> 2 A + B @ 1 + 1\n";
    const n = compile(source, "p.crn").network!;
    const [ordinary, r1, r2, r3, r4, later] = n.reactions;
    expect([ordinary instanceof PackedReaction, r1 instanceof PackedReaction, later instanceof PackedReaction]).toEqual([false, true, false]);
    expect(r1!.reactants).toBe(r1!.reactants);
    expect(Object.isFrozen(r1!.reactants)).toBe(true);
    expect([r1!.reactants, r3!.reactants]).toEqual([[{ index: 0, coefficient: 1 }, { index: 1, coefficient: 2 }], [{ index: 0, coefficient: 1 }, { index: 1, coefficient: 2 }]]);
    expect([r2!.productComplex, r3!.reactantComplex]).toEqual([r1!.reactantComplex, r1!.reactantComplex]);
    expect([r4!.reactantComplex, later!.productComplex]).toEqual([ordinary!.productComplex, ordinary!.productComplex]);
    expect(r4!.reactantComplex).not.toBe(r1!.reactantComplex);
    expect([n.complexes[r1!.reactantComplex]!.label, n.complexes[r4!.reactantComplex]!.label, n.complexes.length]).toEqual(["A + 2 B", "2 A + B", 3]);
  });

  it("are copied with changes through reactionFields, and the columns follow withChanges", () => {
    expect(network.columns.forward[0]).toBe(4.5); // 1.5 · [ATP]
    const doubled = withChanges(network, { reactions: network.reactions.map((r) => ({ ...reactionFields(r), forward: { ...r.forward, value: 2 * r.forward.value, exact: null, span: r.forward.span } })) });
    expect(doubled.reactions[0]!.equation).toBe("a + ATP <-> b");
    expect(Array.from(doubled.columns.forward)).toEqual([9, 4e-3, 2 * 0.36787944117144233]);
  });
});

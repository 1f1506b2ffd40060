import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/index.js";
import { ReactionIdIndex } from "../../src/compile/reaction-index.js";

describe("the network's reaction index", () => {
  const text = "species A = 1, B, C\nfwd: A -> B @ 1\nB -> C @ 2\nR9: C -> A @ 3\nC -> B @ 1\n";
  const net = compile(text).network!;

  it("finds labels and default names at their positions, as a Map of the ids in order would", () => {
    const ids = net.reactions.map((r) => r.id);
    expect(ids).toEqual(["fwd", "R2", "R9", "R4"]);
    const map = new Map(ids.map((id, i) => [id, i] as const));
    for (const id of [...ids, "R1", "R3", "R01", "R", "r2", "fwd2", "R5", "R0", "R-1"]) expect(net.reactionIndex.get(id)).toBe(map.get(id));
    expect(net.reactionIndex.has("R3")).toBe(false);
    expect(net.reactionIndex.size).toBe(4);
    expect([...net.reactionIndex]).toEqual([...map]);
    expect([...net.reactionIndex.keys()]).toEqual(ids);
    expect([...net.reactionIndex.values()]).toEqual([0, 1, 2, 3]);
    const seen: [string, number][] = [];
    net.reactionIndex.forEach((v, k) => seen.push([k, v]));
    expect(seen).toEqual([...map]);
  });

  it("does not take a labelled reaction's position for the default name of that position", () => {
    const index = new ReactionIdIndex(["a", null], new Map([["a", 0]]));
    expect(index.get("R1")).toBeUndefined();
    expect(index.get("R2")).toBe(1);
    expect(index.get("a")).toBe(0);
  });

  it("resolves a current over a default name and a label", () => {
    const r = compile("species A = 1, B\nf: A -> B @ 1\nB -> A @ 2\ncurrent flow = f + R2\n");
    expect(r.network?.currents[0]?.weights).toEqual([{ reaction: 0, weight: 1 }, { reaction: 1, weight: 1 }]);
  });
});

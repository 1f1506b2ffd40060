/** Reading trajectories: the three formats, what a repeated row means, and located errors for bad files. */
import { describe, expect, it } from "vitest";
import { KEY, parseNumber, readTrajectory } from "../../src/stochastic/infer/trajectory.js";

describe("trajectory formats", () => {
  it("reads the CSV of ness simulate, with runs kept apart", () => {
    const r = readTrajectory("run,time,state,reaction,direction\n1,0,A,,\n1,0.5,B,ab,f\n1,2,A,ab,r\n1,3,A,,\n2,0,B,,\n2,1,A,ab,r\n");
    if (!r.ok) throw new Error(r.error.message);
    const d = r.data;
    expect(d.names).toEqual(["A", "B"]);
    expect(d.runs).toBe(2);
    expect(d.jumps).toBe(3);
    // A: 0.5 (run 1) + 1 (run 1, 2 → 3); B: 1.5 (run 1) + 1 (run 2)
    expect(d.dwell).toEqual([1.5, 2.5]);
    expect(d.pairs.get(0 * KEY + 1)).toBe(1);
    expect(d.pairs.get(1 * KEY + 0)).toBe(2);
    expect(d.labels.get(0 * KEY + 1)).toBe("ab");
  });

  it("reads 'time state' lines and a bare state sequence", () => {
    const t = readTrajectory("# a comment\n0 X\n1.5 Y\n\n4 X\n");
    expect(t.ok && t.data.hasTimes && t.data.dwell).toEqual([1.5, 2.5]);
    const s = readTrajectory("X\nY\nY\nZ\nX\n");
    if (!s.ok) throw new Error(s.error.message);
    expect(s.data.hasTimes).toBe(false);
    expect(s.data.jumps).toBe(3);
    expect(s.data.repeats).toBe(1);
    expect(s.data.triples.size).toBe(2);
  });

  it("lumps states the observer cannot tell apart", () => {
    const r = readTrajectory("0 A\n1 B\n2 C\n3 A\n", { lump: new Map([["B", "BC"], ["C", "BC"]]) });
    expect(r.ok && r.data.names).toEqual(["A", "BC"]);
    expect(r.ok && r.data.jumps).toBe(2);
  });

  it("parses numbers as Number() does", () => {
    const enc = new TextEncoder();
    for (const s of ["0", "2.5", "-1e-3", "8940.03812894939", "0.000634963859925151", "1234567890123456789", "7.", ".25", "3E+2"]) expect(parseNumber(enc.encode(s), 0, s.length)).toBe(Number(s));
    expect(parseNumber(enc.encode("x1"), 0, 2)).toBeNaN();
  });
});

describe("bad trajectory files", () => {
  it.each([
    ["time,state\n0,A\n2,B\n1,A\n", 4, 1, "before the previous row's 2"],
    ["0 A\n1 Q\n", 2, 3, "unknown state 'Q'"],
    ["state,dwell\nA,1\nB,-0.5\n", 3, 3, "negative dwell"],
    ["# nothing\n\n", 2, null, "empty"],
    ["time,state\n0,A\nzero,B\n", 3, 1, "'zero' is not a time"],
    ["0 A extra\n", 1, 1, "found 3 fields"],
    ["time,A,B,reaction\n0,1,2,\n", 1, 1, "mass-action"],
    ["0 A\n1 A\n", 2, null, "no jumps"],
  ])("%j is located at line %i", (text, line, column, words) => {
    const r = readTrajectory(text, { states: text.includes("Q") ? ["A", "B"] : undefined });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.line).toBe(line);
    expect(r.error.column).toBe(column);
    expect(r.error.message).toContain(words);
  });
});

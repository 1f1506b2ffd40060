/**
 * `ness infer` as a new user tries it (issue 13, "Done when"): simulate the bundled kinesin motor,
 * infer from its trajectory, and read "driven" with σ's interval covering the exact σ; the same
 * on the equilibrium ion channel reads "no evidence against detailed balance". Bad files exit 1
 * with file:line:col.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/index.js";
import { runInfer } from "../../src/cli/infer.js";
import type { Io, Values } from "../../src/cli/io.js";
import { runSimulate } from "../../src/cli/simulate.js";
import { ROOT } from "../helpers/paths.js";

function capture(): Io & { out: string; err: string } {
  const io = { out: "", err: "", stderrIsTTY: false, stdout: (s: string) => void (io.out += s), stderr: (s: string) => void (io.err += s) };
  return io;
}

const dir = mkdtempSync(join(tmpdir(), "ness-infer-"));
const net = (name: string) => join(ROOT, "networks", name);

// the kinesin cycle's exact σ = J·A: A = ln(2e6·1e-3 · 100 · 50 / (20 · 1 · 1e4·1e-5·1e-3)), J by the matrix-tree theorem
const kAB = 2000, kBA = 20, kBC = 100, kCB = 1, kCA = 50, kAC = 1e-4;
const w = [kBA * kCA + kBC * kCA + kCB * kBA, kAB * kCB + kAC * kCB + kCA * kAB, kAC * kBC + kAB * kBC + kBA * kAC];
const Z = w[0]! + w[1]! + w[2]!;
const KINESIN_SIGMA = ((w[0]! / Z) * kAB - (w[1]! / Z) * kBA) * Math.log((kAB * kBC * kCA) / (kBA * kCB * kAC));

describe("ness infer", () => {
  it("reads the kinesin motor as driven, with σ's interval covering the exact σ", () => {
    const csv = join(dir, "kinesin.csv"), crn = join(dir, "inferred.crn");
    expect(runSimulate([net("kinesin-motor.crn")], { events: "200000", seed: "1", output: csv } as Values, capture())).toBe(0);
    const io = capture();
    expect(runInfer([csv], { format: "json", network: crn } as Values, io)).toBe(0);
    const r = JSON.parse(io.out) as { verdict: string; summary: string; detailedBalance: { pValue: number }; entropyProduction: { interval: { lo: number; hi: number | string } } };
    expect(r.verdict).toBe("driven");
    expect(r.summary).toMatch(/^Driven/);
    expect(r.detailedBalance.pValue).toBeLessThan(1e-10);
    expect(r.entropyProduction.interval.lo).toBeLessThanOrEqual(KINESIN_SIGMA);
    // E → D (at 1e-4 per second) is never seen in 2·10^5 jumps: σ is bounded from below only
    expect(r.entropyProduction.interval.hi).toBe("Infinity");
    // the inferred network is a network ness compiles
    const inferred = compile(readFileSync(crn, "utf8"), crn);
    expect(inferred.network?.kind).toBe("markov");
    const md = capture();
    expect(runInfer([csv], { model: net("kinesin-motor.crn") } as Values, md)).toBe(0);
    expect(md.out).toContain("**Driven");
    expect(md.out).toContain("covered by the interval: yes");
  });

  it("finds no evidence against detailed balance in the ion channel", () => {
    const csv = join(dir, "ion.csv");
    expect(runSimulate([net("ion-channel.crn")], { events: "100000", seed: "1", output: csv } as Values, capture())).toBe(0);
    const io = capture();
    expect(runInfer([csv], { format: "html" } as Values, io)).toBe(0);
    expect(io.out).toContain("No evidence against detailed balance");
    expect(io.out).toContain("<!DOCTYPE html>");
  });

  it("calibrates: coverage of the intervals and the jumps needed to detect the drive", () => {
    const io = capture();
    expect(runInfer([], { calibrate: net("kinesin-motor.crn"), runs: "20", jumps: "2000", format: "json", "max-jumps": "3200" } as Values, io)).toBe(0);
    const r = JSON.parse(io.out) as { calibration: { runs: number; rateCoverage: [number, number]; jumpsToDetect: number | null } };
    expect(r.calibration.runs).toBe(20);
    expect(r.calibration.rateCoverage[1]).toBeGreaterThan(0);
    // the kinesin cycle's affinity is 22 k_BT: a few hundred jumps show it
    expect(r.calibration.jumpsToDetect).not.toBeNull();
  });

  it("infers from a state sequence alone (the KLD bound) and says what lumping hides", () => {
    const seq = join(dir, "seq.txt");
    // B C A B A, repeated: A→B twice, B→A, B→C and C→A once each per period of five jumps
    const states = ["A", "B", "C"];
    const lines: string[] = [];
    let s = 0;
    for (let i = 0; i < 5000; i++) {
      s = i % 5 === 4 ? (s + 2) % 3 : (s + 1) % 3;
      lines.push(states[s]!);
    }
    writeFileSync(seq, lines.join("\n") + "\n");
    const io = capture();
    expect(runInfer([seq], { format: "json" } as Values, io)).toBe(0);
    const r = JSON.parse(io.out) as { verdict: string; detailedBalance: unknown; kullbackLeibler: { pairs: number; droppedPairs: number } };
    expect(r.detailedBalance).toBeNull();
    expect(r.verdict).toBe("undecided");
    // d₂ = p(AB) ln(p(AB)/p(BA)) + p(BA) ln(p(BA)/p(AB)) = (2/5 − 1/5) ln 2 (the last period is one jump short);
    // B→C and C→A were never reversed: left out, and said so
    expect(r.kullbackLeibler.pairs).toBeCloseTo((1999 / 4999) * Math.log(1999 / 1000) + (1000 / 4999) * Math.log(1000 / 1999), 12);
    expect(r.kullbackLeibler.droppedPairs).toBe(2);
    const csv = join(dir, "ion-lump.csv");
    runSimulate([net("ion-channel.crn")], { events: "20000", output: csv } as Values, capture());
    const lumped = capture();
    expect(runInfer([csv], { lump: ["OPEN=C2,O"] } as unknown as Values, lumped)).toBe(0);
    expect(lumped.out).toContain("## Lumped states");
    expect(lumped.out).toContain("What cannot be inferred");
  });

  it.each([
    ["time,state\n0,E\n2,T\n1,D\n", "bad1.csv:4:1: error: time 1 is before"],
    ["0 E\n1 X\n", "bad2.csv:2:3: error: unknown state 'X'"],
    ["state,dwell\nE,1\nT,-2\n", "bad3.csv:3:3: error: negative dwell"],
    ["", "bad4.csv:1: error: empty"],
  ])("a bad file %j is a located error, exit 1", (text, words) => {
    const name = words.split(":")[0]!;
    const path = join(dir, name);
    writeFileSync(path, text);
    const io = capture();
    expect(runInfer([path], { model: net("kinesin-motor.crn") } as Values, io)).toBe(1);
    expect(io.err).toContain(join(dir, words));
  });
});

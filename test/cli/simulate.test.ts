/** `ness simulate` in-process: CSV and JSONL rows, the summary against the exact law, --ode, usage errors. */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/commands.js";
import { runSimulate } from "../../src/cli/simulate.js";
import type { Io, Values } from "../../src/cli/io.js";
import { ROOT } from "../helpers/paths.js";

function capture(): Io & { out: string; err: string } {
  const io = { out: "", err: "", stderrIsTTY: false, stdout: (s: string) => void (io.out += s), stderr: (s: string) => void (io.err += s) };
  return io;
}

const dir = mkdtempSync(join(tmpdir(), "ness-simulate-"));
const net = (name: string) => join(ROOT, "networks", name);

describe("ness simulate", () => {
  it("is registered", async () => expect((await COMMANDS.get("simulate")?.())?.synopsis).toBe("simulate FILE"));

  it("writes every jump of the kinesin motor to CSV and summarises against the exact law", () => {
    const io = capture();
    const csv = join(dir, "k.csv"), html = join(dir, "k.html");
    expect(runSimulate([net("kinesin-motor.crn")], { events: "20000", seed: "2", output: csv, plot: html } as Values, io)).toBe(0);
    const lines = readFileSync(csv, "utf8").trim().split("\n");
    expect(lines[0]).toBe("time,state,reaction,direction");
    expect(lines[1]).toBe("0,E,,");
    expect(lines.length).toBe(1 + 1 + 20000 + 1);
    expect(io.out).toContain("## Occupation");
    expect(readFileSync(html, "utf8")).toContain("<svg");
  });

  it("is reproducible from its seed, and --runs adds a run column; JSONL is one object a line", () => {
    const a = join(dir, "a.csv"), b = join(dir, "b.csv"), j = join(dir, "r.jsonl");
    runSimulate([net("ion-channel.crn")], { events: "500", seed: "9", output: a } as Values, capture());
    runSimulate([net("ion-channel.crn")], { events: "500", seed: "9", output: b } as Values, capture());
    expect(readFileSync(a, "utf8")).toBe(readFileSync(b, "utf8"));
    runSimulate([net("ion-channel.crn")], { events: "10", runs: "2", output: j } as Values, capture());
    const rows = readFileSync(j, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { run: number; state: string });
    expect(rows.length).toBe(2 * 12);
    expect(rows.at(-1)!.run).toBe(2);
  });

  it("simulates mass action at a volume and integrates the ODE beside the ensemble mean", () => {
    const io = capture();
    const out = join(dir, "b.csv");
    expect(runSimulate([net("brusselator.crn")], { time: "2", volume: "100", ode: true, runs: "4", points: "20", output: out } as Values, io)).toBe(0);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines[0]).toBe("time,X,Y,mean_X,mean_Y");
    expect(lines.length).toBe(22);
    expect(io.out).toContain("initial counts are round(initial × Ω) at Ω = 100: X 100, Y 100");
    expect(io.out).toContain("Deterministic time course");
  });

  it.each([
    [["networks/brusselator.crn"], {}, "give its volume"],
    [["networks/kinesin-motor.crn"], { time: "-1" }, "--time must be a positive time"],
    [["networks/kinesin-motor.crn"], { output: "x.txt" }, "-o must name a .csv or .jsonl file"],
    [[], {}, "name one network file"],
  ])("%j %j is a usage error", (paths, values, words) => {
    const io = capture();
    expect(runSimulate(paths.map((p) => join(ROOT, p)), values as Values, io)).toBe(2);
    expect(io.err).toContain(words);
  });
});

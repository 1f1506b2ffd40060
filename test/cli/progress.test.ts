import { describe, expect, it } from "vitest";
import { PLAIN_EVERY_MS, PLAIN_FIRST_MS, progressReporter } from "../../src/cli/progress.js";

function io(tty: boolean): { err: string[]; io: { stdout: (s: string) => void; stderr: (s: string) => void; stderrIsTTY: boolean } } {
  const err: string[] = [];
  return { err, io: { stdout: () => undefined, stderr: (s) => err.push(s), stderrIsTTY: tty } };
}

describe("progress on stderr", () => {
  it("shows each stage with the elapsed time on a terminal, and clears the line at the end", () => {
    let now = 0;
    const t = io(true);
    const p = progressReporter(t.io, "big.crn", 0, () => now);
    now = 1500;
    p("steady states");
    p.done();
    expect(t.err[0]).toBe("\r\x1b[2Kbig.crn: steady states… (1.5 s)");
    expect(t.err[1]).toBe("\r\x1b[2K");
  });

  it("shows a stage's own updates at most ten times a second", () => {
    let now = 0;
    const t = io(true);
    const p = progressReporter(t.io, "big.crn", 0, () => now);
    p("steady states: start 1 of 9");
    now = 50;
    p("steady states: start 2 of 9");
    now = 150;
    p("steady states: start 3 of 9");
    p("currents");
    expect(t.err.map((s) => s.replace(/^\r\x1b\[2K/, ""))).toEqual(["big.crn: steady states: start 1 of 9… (0.0 s)", "big.crn: steady states: start 3 of 9… (0.1 s)", "big.crn: currents… (0.1 s)"]);
  });

  it("prints nothing for a short run when stderr is not a terminal (pipes, CI logs)", () => {
    const t = io(false);
    const p = progressReporter(t.io, "big.crn");
    p("structure");
    p.done();
    expect(t.err).toEqual([]);
  });

  it("prints a plain line now and then for a long run when stderr is not a terminal", () => {
    let now = 0;
    const t = io(false);
    const p = progressReporter(t.io, "big.crn", 0, () => now);
    now = PLAIN_FIRST_MS - 1;
    p("structure");
    now = PLAIN_FIRST_MS;
    p("steady states: homotopy path 3 of 729");
    now = PLAIN_FIRST_MS + PLAIN_EVERY_MS - 1;
    p("steady states: homotopy path 400 of 729");
    now = PLAIN_FIRST_MS + PLAIN_EVERY_MS;
    p("currents");
    p.done();
    expect(t.err).toEqual([`big.crn: steady states: homotopy path 3 of 729 (${PLAIN_FIRST_MS / 1000} s)\n`, `big.crn: currents (${(PLAIN_FIRST_MS + PLAIN_EVERY_MS) / 1000} s)\n`]);
  });

  it("waits for the delay before showing anything", () => {
    let now = 0;
    const t = io(true);
    const p = progressReporter(t.io, "small.crn", 1000, () => now);
    now = 200;
    p("structure");
    p.done();
    expect(t.err).toEqual([]);
  });
});

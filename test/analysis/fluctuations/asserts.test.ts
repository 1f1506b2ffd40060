/** The fluctuation asserts evaluated by `ness check`: statistics against closed forms, tur, onsager. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { compiles } from "../../helpers/compile.js";
import { checkAsserts } from "../../../src/analysis/asserts/index.js";

describe("fluctuation asserts", () => {
  it("networks/myosin-v.crn holds its figures, and a wrong D fails at its line", () => {
    const text = readFileSync("networks/myosin-v.crn", "utf8");
    expect(checkAsserts(compiles(text, "networks/myosin-v.crn"))).toEqual([]);
    const wrong = compiles(text.replace("2105.93 +- 0.01", "2105.8 +- 0.01"), "m.crn");
    const d = checkAsserts(wrong);
    expect(d.map((x) => x.code)).toEqual(["assert-failed"]);
    expect(d[0]!.span!.line).toBe(text.split("\n").findIndex((l) => l.startsWith("assert diffusion")) + 1);
  });

  it("assert onsager holds at detailed balance and fails on a driven network; assert not tur fails", () => {
    const eq = "state A = 1, B, C\nr1: A <-> B @ 2, 1\nr2: B <-> C @ 3, 1\nr3: C <-> A @ 1, 6\nassert onsager";
    expect(checkAsserts(compiles(eq))).toEqual([]);
    const driven = "state A = 1, B, C, D\nr1: A <-> B @ 2, 1\nr2: B <-> C @ 3, 1\nr3: C <-> A @ 1, 1\nr4: B <-> D @ 1, 2\nr5: D <-> C @ 5, 1\nassert onsager\nassert not tur";
    expect(checkAsserts(compiles(driven)).map((x) => x.code)).toEqual(["assert-failed", "assert-failed"]);
  });

  it("a statistic of a mass-action network is unevaluable, with its reason", () => {
    const d = checkAsserts(compiles("species A = 1, B\nr: A <-> B @ 1, 2\ncurrent c = r\nassert mean(c) > 0"));
    expect(d.map((x) => x.code)).toEqual(["assert-unevaluable"]);
  });
});

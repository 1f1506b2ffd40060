/**
 * The Fluctuations section's kinetics: the relaxation modes of a driven ring past the dense limit
 * (shift-invert Arnoldi) as eigenvalues in JSON (`kinetics.relaxationModes`, beside the rates),
 * the oscillating pairs and the method in Markdown, and the JSON still valid against the schema.
 */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/index.js";
import { compile } from "../../src/compile/index.js";
import { renderMarkdown } from "../../src/report/markdown/index.js";
import { toJsonReport } from "../../src/report/json/index.js";
import { SCHEMA_PATH } from "../helpers/paths.js";

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as object);

function drivenRing(N: number, k: number, kb: number) {
  const lines = [`state ${Array.from({ length: N }, (_, i) => (i === 0 ? "s0 = 1" : `s${i}`)).join(", ")}`];
  for (let i = 0; i < N; i++) lines.push(`t${i}: s${i} <-> s${(i + 1) % N} @ ${k}, ${kb}`);
  return analyze(compile(lines.join("\n"), "ring.crn").network!);
}

describe("the Fluctuations section's relaxation modes", () => {
  const N = 150, k = 2, kb = 1;
  const analysis = drivenRing(N, k, kb);
  // the slowest pair: −(k + k')(1 − cos 2π/N) ± (k − k') sin(2π/N) i
  const re = -(k + kb) * 2 * Math.sin(Math.PI / N) ** 2, im = (k - kb) * Math.sin((2 * Math.PI) / N);

  it("JSON carries the eigenvalues beside the rates, and validates", () => {
    const json = toJsonReport(analysis) as unknown as { fluctuations: { kinetics: { relaxationRates: number[]; relaxationModes: { re: number; im: number }[] } } };
    const kin = json.fluctuations.kinetics;
    expect(kin.relaxationModes).toHaveLength(10);
    expect(kin.relaxationModes[0]!.re).toBeCloseTo(re, 12);
    expect(kin.relaxationModes[0]!.im).toBeCloseTo(im, 12);
    expect(kin.relaxationModes[1]!.im).toBeCloseTo(-im, 12);
    expect(kin.relaxationRates[0]).toBe(-kin.relaxationModes[0]!.re);
    expect(validate(json)).toBe(true);
  });

  it("Markdown lists the oscillating pairs and how the spectrum was found", () => {
    const md = renderMarkdown(analysis);
    expect(md).toContain("Oscillating relaxation modes");
    expect(md).toMatch(/Relaxation spectrum: shift-invert implicitly restarted Arnoldi on the 150 states/);
  });

  it("a small chain keeps the dense spectrum and says nothing more", () => {
    const md = renderMarkdown(drivenRing(5, 1, 1));
    expect(md).toContain("slowest relaxation times");
    expect(md).not.toContain("Relaxation spectrum:");
    expect(md).not.toContain("Oscillating relaxation modes"); // a symmetric ring relaxes without oscillation
  });
});

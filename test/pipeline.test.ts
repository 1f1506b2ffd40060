/**
 * The whole pipeline on seeded random networks written as text: compile, analyze, and every
 * emitter. Nothing throws; the JSON validates against docs/report.schema.json; no NaN or
 * Infinity leaks into any output; S·J = 0 at every reported steady state.
 */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../src/analysis/index.js";
import { compile } from "../src/compile/index.js";
import { renderHtml } from "../src/report/html/index.js";
import { renderJson } from "../src/report/json/index.js";
import { renderMarkdown } from "../src/report/markdown/index.js";
import { renderDiagram } from "../src/report/mermaid/index.js";
import { SCHEMA_PATH } from "./helpers/paths.js";

const schema = JSON.parse(readFileSync(SCHEMA_PATH, "utf8"));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

const rate = fc.constantFrom("1", "2", "0.5", "1e-3", "3.7", "exp(1)", "10");
const name = (prefix: string, n: number) => fc.integer({ min: 0, max: n - 1 }).map((i) => `${prefix}${i}`);

/** A mass-action network: species X0.., reservoirs F, W, random sides, both arrows. */
const massAction = fc.integer({ min: 1, max: 4 }).chain((n) => {
  const term = fc.tuple(fc.constantFrom("", "2 "), fc.oneof(name("X", n), fc.constantFrom("F", "W"))).map(([c, s]) => c + s);
  const side = fc.oneof({ weight: 1, arbitrary: fc.constant("0") }, { weight: 4, arbitrary: fc.uniqueArray(term, { minLength: 1, maxLength: 2, selector: (t) => t.replace(/^2 /, "") }).map((ts) => ts.join(" + ")) });
  const reaction = fc.tuple(side, fc.constantFrom("->", "<->"), side, rate, rate).map(([l, a, r, k1, k2]) => `${l} ${a} ${r} @ ${a === "->" ? k1 : `${k1}, ${k2}`}`);
  return fc.array(reaction, { minLength: 1, maxLength: 5 }).map((rs) => [`species ${Array.from({ length: n }, (_, i) => `X${i} = ${i + 1}`).join(", ")}`, "reservoir F = 2, W = 0.5", ...rs].join("\n"));
});

/** A Markov network on states S0.. with random jumps. */
const markov = fc.integer({ min: 2, max: 5 }).chain((n) => {
  const jump = fc.tuple(name("S", n), fc.constantFrom("->", "<->"), name("S", n), rate, rate).filter(([a, , b]) => a !== b).map(([a, arrow, b, k1, k2]) => `${a} ${arrow} ${b} @ ${arrow === "->" ? k1 : `${k1}, ${k2}`}`);
  return fc.array(jump, { minLength: 1, maxLength: 7 }).map((js) => [`state ${Array.from({ length: n }, (_, i) => `S${i}`).join(", ")}`, ...js].join("\n"));
});

let compiled = 0;

function runPipeline(text: string): void {
  const { network, diagnostics } = compile(text, "random.crn");
  if (!network) {
    // the only refusal these generators can provoke: a reaction that changes nothing (A -> A, 0 -> 0)
    expect(diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toContain("empty-reaction");
    return;
  }
  compiled++;
  const analysis = analyze(network);
  const json = renderJson(analysis);
  const parsed = JSON.parse(json);
  if (!validate(parsed)) throw new Error(`schema: ${JSON.stringify(validate.errors)}\n${text}`);
  const outputs = [json, renderMarkdown(analysis), renderHtml(analysis, ""), ...(["species", "complexes", "states"] as const).map((v) => renderDiagram(analysis, v))];
  for (const out of outputs) expect(out).not.toMatch(/\bNaN\b|(?<![∞\w])-?Infinity\b/);
  for (const state of analysis.steadyStates.states) {
    // docs/steady-state.md: a listed state has |dx_i/dt| ≤ acceptTolerance (1e-8) · Σ_r |S_ir| (v⁺_r + v⁻_r), per species
    for (let i = 0; i < network.species.length; i++) {
      let dx = 0, w = 0;
      for (const r of network.reactions) {
        const j = state.fluxes[r.index] ?? NaN, both = (state.forwardRates[r.index] ?? NaN) + (state.reverseRates[r.index] ?? NaN);
        let c = 0;
        for (const t of r.products) if (t.index === i) c += t.coefficient;
        for (const t of r.reactants) if (t.index === i) c -= t.coefficient;
        dx += c * j;
        w += Math.abs(c) * both;
      }
      expect(Math.abs(dx)).toBeLessThanOrEqual(1e-8 * w);
    }
  }
}

describe("the pipeline on random networks", () => {
  it("mass action", () => {
    fc.assert(fc.property(massAction, runPipeline), { numRuns: 150, seed: 2026 });
  });

  it("Markov", () => {
    fc.assert(fc.property(markov, runPipeline), { numRuns: 150, seed: 2026 });
  });

  it("compiled most of the generated networks", () => {
    expect(compiled).toBeGreaterThan(250);
  });
});

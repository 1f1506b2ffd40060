/**
 * The architecture of docs/design.md holds: dependency-cruiser, with the rules in
 * .dependency-cruiser.cjs (no circles, stages layered, numeric/ a leaf, analysis concepts entered
 * through their index.ts), finds no violation in src/. A second cruise over a deliberately broken
 * tree shows that each rule does catch what it forbids.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/paths.js";

const config = createRequire(import.meta.url)(join(ROOT, ".dependency-cruiser.cjs"));

async function violations(cwd: string): Promise<string[]> {
  const options = { ...config.options, ruleSet: config, validate: true, baseDir: cwd, tsConfig: { fileName: join(cwd, "tsconfig.json") } };
  const result = await cruise(["src"], options);
  const output = result.output as ICruiseResult;
  expect(output.summary.totalCruised).toBeGreaterThan(cwd === ROOT ? 100 : 3);
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

describe("architecture", () => {
  it("src/ has no import circle and no import against the layering", async () => {
    expect(await violations(ROOT)).toEqual([]);
  }, 120_000);

  it("each rule catches what it forbids", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ness-arch-"));
    try {
      cpSync(join(ROOT, "src"), join(dir, "src"), { recursive: true });
      cpSync(join(ROOT, "tsconfig.json"), join(dir, "tsconfig.json"));
      const add = (path: string, text: string) => writeFileSync(join(dir, "src", path), text);
      add("numeric/markov/bad.ts", 'import { analyze } from "../../analysis/index.js";\nexport const a = analyze;\n');
      add("analysis/structure/bad.ts", 'import { cycleSum } from "../currents/common.js";\nexport const b = cycleSum;\n');
      add("compile/bad.ts", 'import { renderJson } from "../report/json/index.js";\nexport const c = renderJson;\n');
      add("network/circle-a.ts", 'import { d } from "./circle-b.js";\nexport const e = () => d;\n');
      add("network/circle-b.ts", 'import { e } from "./circle-a.js";\nexport const d = () => e;\n');
      const found = (await violations(dir)).join("\n");
      expect(found).toMatch(/numeric-is-a-leaf: src\/numeric\/markov\/bad\.ts/);
      expect(found).toMatch(/concept-entry-point-between-concepts: src\/analysis\/structure\/bad\.ts/);
      expect(found).toMatch(/layer-compile: src\/compile\/bad\.ts → src\/report\/json\/index\.ts/);
      expect(found).toMatch(/no-circular: src\/network\/circle-a\.ts/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

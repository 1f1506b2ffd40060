/** Every example network's Markdown, JSON and mermaid output matches the committed golden file. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXPECTED, goldenOutputs, networkFiles } from "../scripts/golden.js";

describe("golden outputs (npm run golden rewrites them after an intended change)", () => {
  it.each(networkFiles())("%s", (file) => {
    for (const [name, text] of goldenOutputs(file)) {
      const path = join(EXPECTED, name);
      expect(existsSync(path), `${path} is missing: run npm run golden`).toBe(true);
      expect(text, `${path} is stale: run npm run golden and review the diff`).toBe(readFileSync(path, "utf8"));
    }
  });
});

/**
 * Golden outputs of the example networks: for every networks/NAME.crn, the committed Markdown,
 * JSON and mermaid reports in networks/expected/. `npm run golden` rewrites them after an
 * intended change; test/golden.test.ts fails on any difference.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { analyze } from "../src/analysis/index.js";
import { recompiler } from "../src/cli/io.js";
import { compile } from "../src/compile/index.js";
import { renderJson } from "../src/report/json/index.js";
import { renderMarkdown } from "../src/report/markdown/index.js";
import { defaultView, renderDiagram } from "../src/report/mermaid/index.js";

export const NETWORKS = "networks";
export const EXPECTED = join(NETWORKS, "expected");

/** The three outputs of one network, keyed by file name in networks/expected/. */
export function goldenOutputs(file: string): Map<string, string> {
  const path = join(NETWORKS, file);
  const text = readFileSync(path, "utf8");
  const { network } = compile(text, path);
  if (!network) throw new Error(`${path} does not compile`);
  // as `ness report` does: the response to params recompiles the file with each one changed
  const analysis = analyze(network, { recompile: recompiler(path, text) });
  const stem = file.replace(/\.crn$/, "");
  return new Map([
    [`${stem}.md`, renderMarkdown(analysis)],
    [`${stem}.json`, renderJson(analysis)],
    [`${stem}.mmd`, renderDiagram(analysis, defaultView(network))],
  ]);
}

export function networkFiles(): string[] {
  return readdirSync(NETWORKS).filter((f) => f.endsWith(".crn")).sort();
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  mkdirSync(EXPECTED, { recursive: true });
  let written = 0;
  for (const file of networkFiles()) {
    for (const [name, text] of goldenOutputs(file)) {
      writeFileSync(join(EXPECTED, name), text);
      written++;
    }
  }
  console.log(`wrote ${written} golden files to ${EXPECTED}/`);
}

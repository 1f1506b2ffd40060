/**
 * Files the CLI hands to pure emitters: mermaid's browser bundle, inlined into HTML reports so
 * they render with no network at all.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

let cached: string | undefined;

export function mermaidScript(): string {
  if (cached === undefined) {
    const require = createRequire(import.meta.url);
    cached = readFileSync(require.resolve("mermaid/dist/mermaid.min.js"), "utf8");
  }
  return cached;
}

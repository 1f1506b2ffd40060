/**
 * Files the CLI hands to pure emitters: mermaid's browser bundle, inlined into HTML reports so
 * they render with no network at all. Read once by the command that needs it and passed on (no
 * module-level cache: a command run owns what it read).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** Mermaid's browser bundle (about 3 MB), read from the installed package. */
export function readMermaidScript(): string {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve("mermaid/dist/mermaid.min.js"), "utf8");
}

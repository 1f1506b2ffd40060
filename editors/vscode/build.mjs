// Builds the extension: the TextMate grammar copied from grammar/ (one source, never a hand-kept
// copy) and src/extension.ts bundled with its language client by esbuild into dist/extension.js.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
mkdirSync(join(here, "syntaxes"), { recursive: true });
copyFileSync(join(here, "../../grammar/ness.tmLanguage.json"), join(here, "syntaxes/ness.tmLanguage.json"));
await build({
  entryPoints: [join(here, "src/extension.ts")],
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node18",
  external: ["vscode"],
  outfile: join(here, "dist/extension.js"),
  minify: true,
  logLevel: "warning",
});

/**
 * Bundles the command line for start-up speed, after tsc has written dist/ (`npm run build`,
 * `npm ci` through `prepare`). Resolving ~300 of ness's own ES modules plus chevrotain's lodash-es
 * files took `ness --help` about 0.7 s CPU on a quiet machine; a handful of chunks take a fraction.
 *
 * In:  dist/cli/main.js (the CLI), dist/lsp/worker.js (the language server's analysis thread) and
 *      dist/cli/prescan-worker.js (the thread that scans a large file ahead of the compiler), the
 *      tsc output, so the bundle runs exactly the code the library entry dist/index.js runs.
 * Out: dist/bundle/main.js, dist/bundle/worker.js, dist/bundle/prescan-worker.js and shared chunks
 *      beside them (ES modules, code splitting: each command's `import()` in cli/commands.ts and
 *      cli/main.ts stays a lazy chunk).
 *
 * Everything the modules find from their own location still resolves, because dist/bundle/ is two
 * folders below the package root like dist/cli/:
 *   - cli/help.ts reads ../../package.json;
 *   - lsp/server.ts starts new URL("./worker.js", import.meta.url): dist/bundle/worker.js;
 *   - cli/prescan.ts starts new URL("./prescan-worker.js", import.meta.url): dist/bundle/prescan-worker.js;
 *   - cli/assets.ts resolves mermaid/dist/mermaid.min.js from node_modules;
 *   - playground/bundle.ts bundles ../playground/{worker,ui}.js, i.e. dist/playground/ (tsc output),
 *     with esbuild at run time (esbuild itself stays external: it is a native binary).
 * CommonJS dependencies bundled (ml-matrix, graphology) may call require() on Node built-ins: each
 * output file gets a module-local `require` made by createRequire.
 *
 * bin/ness.js runs dist/bundle/main.js, or dist/cli/main.js when tsc has rebuilt dist/ since the
 * bundle was made (a plain `tsc -p tsconfig.build.json` never runs stale bundled code).
 */
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "dist", "bundle");

rmSync(OUT, { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  entryPoints: { main: "dist/cli/main.js", worker: "dist/lsp/worker.js", "prescan-worker": "dist/cli/prescan-worker.js" },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // whitespace and syntax only: identifiers keep their names (stack traces stay readable, and
  // chevrotain names a parser by its class's name)
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: false, // identifiers keep their names, so a stack trace (NESS_DEBUG=1) still reads
  // esbuild: a native binary. vscode-languageserver: CommonJS that cli/lsp.ts imports dynamically,
  // whose named exports a bundle would lose (esbuild gives such an import only `default`); Node's
  // own loader finds them, and only `ness lsp` loads it.
  external: ["esbuild", "vscode-languageserver", "vscode-languageserver/*"],
  banner: { js: 'import { createRequire as __nessRequire } from "node:module"; const require = __nessRequire(import.meta.url);' },
  logLevel: "warning",
});

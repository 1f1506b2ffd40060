/**
 * The playground's two browser bundles, made by esbuild when `ness site` runs: the compiler,
 * analyses and report (worker.ts, for the Web Worker) and the page's script (ui.ts). They are
 * built from this folder's own modules: the compiled .js in dist/ when ness is installed, the .ts
 * sources when run from a clone with tsx, so the playground always runs the same code as the CLI.
 * They are found as ../playground/NAME from this module's location, which names this folder both
 * from here and from the bundled CLI (dist/bundle/, scripts/bundle-cli.mjs), whose chunks sit one
 * folder beside dist/playground/.
 *
 * esbuild targets the browser: an import of a Node built-in anywhere below these entries fails the
 * build (it cannot be resolved), so nothing that needs Node can slip into the page.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

export interface PlaygroundBundles {
  /** worker.ts and everything it imports, as one classic script. */
  readonly worker: string;
  /** ui.ts, as one classic script. */
  readonly ui: string;
}

interface Esbuild {
  buildSync(options: Record<string, unknown>): { outputFiles?: { text: string }[]; errors: { text: string }[] };
}

/** The entry module `name` of this folder: .js when compiled, .ts when run from source. */
function entry(name: string): string | null {
  for (const ext of [".js", ".ts"]) {
    const path = fileURLToPath(new URL(`../playground/${name}${ext}`, import.meta.url));
    if (existsSync(path)) return path;
  }
  return null;
}

/** Both bundles, or why they cannot be made (esbuild missing, an entry missing, a build error). */
export function bundlePlayground(): { ok: true; bundles: PlaygroundBundles } | { ok: false; reason: string } {
  let esbuild: Esbuild;
  try {
    esbuild = createRequire(import.meta.url)("esbuild") as Esbuild;
  } catch {
    return { ok: false, reason: "esbuild is not installed (npm install esbuild)" };
  }
  const out: Record<string, string> = {};
  for (const name of ["worker", "ui"]) {
    const path = entry(name);
    if (path === null) return { ok: false, reason: `the playground's ${name} module is missing from ${fileURLToPath(new URL("../playground/", import.meta.url))}` };
    try {
      const result = esbuild.buildSync({
        entryPoints: [path], bundle: true, write: false, platform: "browser", format: "iife",
        target: "es2020", minify: true, legalComments: "none", charset: "utf8", logLevel: "silent",
      });
      const text = result.outputFiles?.[0]?.text;
      if (text === undefined) return { ok: false, reason: `esbuild wrote no ${name} bundle` };
      out[name] = text;
    } catch (e) {
      const errors = (e as { errors?: { text: string }[] }).errors;
      return { ok: false, reason: `the ${name} bundle failed: ${errors?.map((x) => x.text).join("; ") ?? (e as Error).message}` };
    }
  }
  return { ok: true, bundles: { worker: out.worker ?? "", ui: out.ui ?? "" } };
}

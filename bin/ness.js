#!/usr/bin/env node
// The installed `ness` command. It runs the bundled CLI, dist/bundle/main.js (scripts/bundle-cli.mjs,
// made after tsc by `npm run build` and by `npm ci` through `prepare`): a few chunks start much faster
// than ~300 separate modules. When tsc has rebuilt dist/ since the bundle was made (a plain
// `tsc -p tsconfig.build.json`), or there is no bundle, it runs tsc's own dist/cli/main.js instead,
// so it never runs stale code.
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { faultsAreDear, relaunch, relaunchEnv, relaunchFlags } from "./relaunch.js";

// a large input runs in a child with huge pages for malloc and a larger first old generation,
// where first-touched pages are dear (relaunch.js says why and when)
const env = relaunchEnv(process.argv.slice(2), process.env, process.platform);
const status = env === null || !faultsAreDear(process.env) ? null : await relaunch(fileURLToPath(import.meta.url), env, relaunchFlags(process.argv.slice(2)));
if (status !== null) process.exit(status);

const modified = (relative) => statSync(new URL(relative, import.meta.url), { throwIfNoEntry: false })?.mtimeMs;
const bundled = modified("../dist/bundle/main.js");
const compiled = modified("../dist/cli/main.js");
const entry = bundled !== undefined && (compiled === undefined || bundled >= compiled) ? "../dist/bundle/main.js" : "../dist/cli/main.js";
const { main, quietOnClosedPipe } = await import(entry);

// this process's own streams: a reader that closes the pipe early (`ness check networks | head -1`)
// ends ness quietly with the run's own exit status, not an EPIPE stack trace (docs/cli.md)
quietOnClosedPipe(process.stdout);
quietOnClosedPipe(process.stderr);

process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stderrIsTTY: Boolean(process.stderr.isTTY),
});

#!/usr/bin/env node
// The installed `ness` command: runs the compiled CLI from dist/ (built by `npm ci` through `prepare`).
import { main, quietOnClosedPipe } from "../dist/cli/main.js";

// this process's own streams: a reader that closes the pipe early (`ness check networks | head -1`)
// ends ness quietly with the run's own exit status, not an EPIPE stack trace (docs/cli.md)
quietOnClosedPipe(process.stdout);
quietOnClosedPipe(process.stderr);

process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stderrIsTTY: Boolean(process.stderr.isTTY),
});

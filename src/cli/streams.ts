/**
 * Where the CLI's output goes and the exit statuses: what every command and the dispatcher share.
 * Apart from io.ts (which loads the compiler and the SBML importer) so that main.ts and the help
 * load nothing else: `ness --help` and `ness --version` start without the compiler.
 */
export interface Io {
  stdout(s: string): void;
  stderr(s: string): void;
  readonly stderrIsTTY: boolean;
}

/**
 * A reader that stops early (`ness check networks | head -1`) closes the pipe; Node then emits an
 * EPIPE 'error' on the stream, which, unhandled, ends the process with a stack trace. ness instead
 * drops the rest of that stream's output and finishes the run: the exit status is the run's own
 * (docs/cli.md), so `set -o pipefail` still sees a failed check. Any other write error (a full
 * disk, ENOSPC; a device error) means the output was not written: one line on stderr (unless
 * stderr is the stream that failed) and exit status 2, as for an unwritable `-o OUT`, never a
 * stack trace. Installed by bin/ness.js, which owns the process's streams (main() only writes
 * through Io), and only on a stream whose errors nobody handles yet.
 */
export function quietOnClosedPipe(stream: NodeJS.WritableStream, onFailure: (e: NodeJS.ErrnoException) => void = failedWrite(stream)): void {
  if (stream.listenerCount("error") > 0) return;
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE" && e.code !== "ERR_STREAM_DESTROYED") onFailure(e);
  });
}

/** The default for a failed write: say so on stderr (when it is another stream) and end with status 2. */
function failedWrite(stream: NodeJS.WritableStream): (e: NodeJS.ErrnoException) => void {
  return (e) => {
    if (stream !== process.stderr) {
      try {
        process.stderr.write(`ness: cannot write the output: ${e.code ?? "error"} (${e.message})\n`);
      } catch {
        // stderr is gone too: the exit status is all that is left to say it
      }
    }
    process.exit(EXIT.usage);
  };
}

/** Parsed command-line options. */
export type Values = Record<string, string | boolean | undefined>;

/** Exit statuses of CLI.md. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/**
 * `ness fmt PATH... [--check]`: rewrites network files in the canonical layout (src/format), or,
 * with --check, lists the files that would change and exits 1 (for CI). A file whose formatted
 * text would compile to a different network is left alone and reported: that would be a bug of
 * the formatter, and a user's file is worth more than its layout.
 */
import { writeFileSync } from "node:fs";
import { format, sameNetwork } from "../format/index.js";
import type { Command } from "./command.js";
import { EXIT, expandPaths, readText, type Io, type Values } from "./io.js";

const HELP = `usage: ness fmt PATH... [--check]

Rewrites every network file (a folder means every .crn below it) in the one canonical layout:
one space between tokens, labels, equations and '@' in columns within a block of reactions,
comments and line endings kept. The formatted file compiles to the identical network.

options:
  --check     change nothing; list the files that are not formatted and exit 1 if there are any
  -h, --help  this text

exit status: 0 formatted (or, with --check, already formatted), 1 a file would change (--check)
or could not be formatted safely, 2 bad usage or an unreadable path
`;

export const fmtCommand: Command = {
  synopsis: "fmt PATH...",
  summary: "rewrite network files in the canonical layout (--check: only list them, for CI)",
  options: { check: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  help: HELP,
  run: runFmt,
};

function runFmt(paths: readonly string[], values: Values, io: Io): number {
  if (paths.length === 0) {
    io.stderr(`ness fmt: name at least one file or folder\n\n${HELP}`);
    return EXIT.usage;
  }
  const { files, missing } = expandPaths(paths);
  for (const m of missing) io.stderr(`ness fmt: ${m}: no such file or folder\n`);
  let status: number = missing.length > 0 ? EXIT.usage : EXIT.ok;
  const worse = (s: number): void => {
    status = Math.max(status, s);
  };
  let changed = 0;
  for (const file of files) {
    const read = readText(file);
    if (!read.ok) {
      io.stderr(`ness fmt: ${read.message}\n`);
      worse(EXIT.usage);
      continue;
    }
    const formatted = format(read.text);
    if (formatted === read.text) continue;
    if (!sameNetwork(read.text, formatted, file)) {
      io.stderr(`ness fmt: ${file}: left as it is: its formatted text would not compile to the same network (please report this)\n`);
      worse(EXIT.failed);
      continue;
    }
    changed++;
    if (values.check) {
      io.stdout(`${file}\n`);
      worse(EXIT.failed);
      continue;
    }
    try {
      writeFileSync(file, formatted);
      io.stdout(`formatted ${file}\n`);
    } catch (e) {
      io.stderr(`ness fmt: cannot write ${file}: ${(e as Error).message}\n`);
      worse(EXIT.usage);
    }
  }
  if (values.check && changed > 0) io.stderr(`ness fmt --check: ${changed} of ${files.length} file${files.length === 1 ? "" : "s"} not formatted; run 'ness fmt ${paths.join(" ")}'\n`);
  return status;
}

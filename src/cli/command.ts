/**
 * A command of the CLI that lives in its own module: its options (node:util parseArgs), its help
 * text, the one line the main help lists, and the function that runs it. `commands.ts` lists them;
 * `main.ts` parses arguments and dispatches. The original commands (check, report, ...) keep their
 * entries in main.ts and help.ts.
 */
import type { ParseArgsConfig } from "node:util";
import type { Io, Values } from "./io.js";

export interface Command {
  /** `simulate FILE` as the main help's command column shows it. */
  readonly synopsis: string;
  /** One line for the main help. */
  readonly summary: string;
  readonly options: NonNullable<ParseArgsConfig["options"]>;
  /** The whole `ness <command> --help` text. */
  readonly help: string;
  run(positionals: readonly string[], values: Values, io: Io): number | Promise<number>;
}

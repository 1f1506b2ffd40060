/**
 * `ness`: the command line (CLI.md). Parses arguments with node:util's parseArgs, dispatches to a
 * command, and returns the exit status: 0 ok, 1 a file does not compile or an assert fails,
 * 2 bad usage or an unreadable path. Holds no analysis of its own.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { HELP, VERSION } from "./help.js";
import { EXIT, type Io, type Values } from "./streams.js";
import { COMMANDS, LISTED } from "./commands.js";
import { suggest } from "../compile/suggest.js";

export { EXIT, quietOnClosedPipe, type Io } from "./streams.js";

const OPTIONS: Record<string, ParseArgsConfig["options"]> = {
  check: { format: { type: "string" }, summary: { type: "string" }, quiet: { type: "boolean" }, "balance-tolerance": { type: "string" }, volume: { type: "string" }, help: { type: "boolean", short: "h" } },
  report: { format: { type: "string" }, output: { type: "string", short: "o" }, "balance-tolerance": { type: "string" }, volume: { type: "string" }, stationary: { type: "string" }, full: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  diagram: { view: { type: "string" }, output: { type: "string", short: "o" }, "balance-tolerance": { type: "string" }, help: { type: "boolean", short: "h" } },
  import: { output: { type: "string", short: "o" }, help: { type: "boolean", short: "h" } },
  site: { output: { type: "string", short: "o" }, "balance-tolerance": { type: "string" }, volume: { type: "string" }, help: { type: "boolean", short: "h" } },
  repair: { output: { type: "string", short: "o" }, fix: { type: "string", multiple: true }, weight: { type: "string", multiple: true }, help: { type: "boolean", short: "h" } },
  export: { format: { type: "string" }, output: { type: "string", short: "o" }, volume: { type: "string" }, help: { type: "boolean", short: "h" } },
};

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    (command === undefined ? io.stderr : io.stdout)(mainHelp());
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === "--version" || command === "-V") {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const load = COMMANDS.get(command);
  const extra = load ? await load() : undefined;
  const options = extra?.options ?? OPTIONS[command];
  const help = extra?.help ?? HELP[command];
  if (!options) {
    io.stderr(`ness: unknown command '${command}'\n\n${mainHelp()}`);
    return EXIT.usage;
  }
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: [...rest], options, allowPositionals: true, strict: true }) as { values: Values; positionals: string[] });
  } catch (e) {
    io.stderr(`ness ${command}: ${optionError(e, options)}\nrun 'ness ${command} --help' for its usage\n`);
    return EXIT.usage;
  }
  if (values.help) {
    io.stdout(help!);
    return EXIT.ok;
  }
  try {
    if (extra) return await extra.run(positionals, values, io);
    // each built-in command's module loads when it runs (`ness check` does not load the report)
    switch (command) {
      case "check": return (await import("./check.js")).runCheck(positionals, values, io);
      case "report": return (await import("./report.js")).runReport(positionals, values, io);
      case "diagram": return (await import("./report.js")).runDiagram(positionals, values, io);
      case "import": return (await import("./report.js")).runImport(positionals, values, io);
      case "site": return (await import("./site.js")).runSite(positionals, values, io);
      case "repair": return (await import("./repair.js")).runRepair(positionals, values, io);
      default: return (await import("./report.js")).runExport(positionals, values, io);
    }
  } catch (e) {
    // An internal fault, never bad input: say so plainly; the stack only on request.
    io.stderr(`ness ${command}: internal error: ${(e as Error).message}\nplease report this with the input file${process.env.NESS_DEBUG ? `\n${(e as Error).stack}` : " (set NESS_DEBUG=1 for details)"}\n`);
    return EXIT.failed;
  }
}

/**
 * What was wrong with the options, in our words (node's parseArgs speaks of "positional arguments"
 * and "-- \"--x\""): an unknown option with the nearest known one and the list, a missing value,
 * a value given to a switch.
 */
function optionError(e: unknown, options: NonNullable<ParseArgsConfig["options"]>): string {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  const name = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? "";
  const known = Object.keys(options).map((o) => `--${o}`);
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const bare = name.replace(/^-+/, "").replace(/=.*$/, "");
    const near = suggest(bare, Object.keys(options));
    return `unknown option '${name}'${near === undefined ? "" : `; did you mean '--${near}'?`} (the options are ${known.join(", ")})`;
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    return /does not take an argument/.test(message) ? `option '${name}' takes no value` : `option '${name}' needs a value: ${name} VALUE`;
  }
  return message;
}

/** The main help, with a line for each command of commands.ts after the built-in ones (none loaded). */
function mainHelp(): string {
  const main = HELP.main ?? "";
  const lines = LISTED.map((c) => `  ${c.synopsis.padEnd(21)} ${c.summary}\n`).join("");
  const at = main.indexOf("\n\nRun 'ness <command> --help'");
  return at < 0 ? main + lines : `${main.slice(0, at + 1)}${lines}${main.slice(at + 1)}`;
}

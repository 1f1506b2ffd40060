/**
 * The help text of every command, and the usage error that prints it (exit status 2).
 */
import { createRequire } from "node:module";
import { EXIT, type Io } from "./streams.js";

/** The package's version, from package.json (dist/cli/ and src/cli/ are both two levels down). */
export const VERSION: string = (createRequire(import.meta.url)("../../package.json") as { version: string }).version;

export const HELP: Record<string, string> = {
  main: `ness ${VERSION}: the reaction-network analysis compiler

usage: ness <command> [options]

commands:
  check PATH...         compile networks (a folder means every .crn below it) and check their asserts
  report FILE           the full analysis: structure, detailed balance, steady states, currents
  diagram FILE          a mermaid diagram of the network
  import MODEL.xml      convert an SBML model to a network file
  export FILE           write a network as SBML Level 3 Version 2
  repair FILE           the network with the nearest thermodynamically consistent rate constants
  site PATH...          every network's reports (HTML, Markdown, JSON, mermaid) and an index page

Run 'ness <command> --help' for a command's options. Exit status: 0 ok, 1 a network does not
compile or an assert fails, 2 bad usage or an unreadable path.
`,
  check: `usage: ness check PATH... [--format text|github] [--summary FILE] [--quiet] [--balance-tolerance T]

Compiles every network file (a folder means every .crn below it; .xml and .sbml files named
directly are imported from SBML) and evaluates its asserts. Diagnostics are printed as
'file:line:col: error CODE: message' with the source line and a caret.

options:
  --format text|github  text (default), or GitHub Actions workflow commands (::error file=...)
  --summary FILE        append a Markdown summary (for $GITHUB_STEP_SUMMARY)
  --quiet               print only errors and warnings, no per-file lines
  --balance-tolerance T accept detailed-balance violations up to T, for the verdict and the
                        asserts without their own 'within': an affinity in k_BT (0.05) or a
                        uniform relative change of the rate constants on a cycle (1%)

exit status: 0 every file compiles and every assert holds; 1 an error or a failed assert;
2 bad usage or an unreadable path.
`,
  report: `usage: ness report FILE [--format md|json|html] [-o OUT] [--full] [--balance-tolerance T]

The full analysis of one network (.crn, or SBML .xml/.sbml): structure, conservation laws,
detailed balance, steady states, currents and entropy production.

options:
  --format md|json|html  Markdown (default), JSON (CLI.md's schema ness.report/1), or one
                         self-contained HTML page
  -o, --output OUT       write to OUT instead of standard output
  --full                 JSON: list every state, transition and value of a big network; past
                         5000 species plus reactions the JSON is otherwise a summary (each
                         listing keeps 20 entries, counts stay exact; its 'listing' says so)
  --balance-tolerance T  accept detailed-balance violations up to T: an affinity in k_BT
                         (0.05) or a uniform relative change of the cycle's constants (1%)

exit status: 0 written; 1 the file does not compile; 2 bad usage or an unreadable path.
`,
  diagram: `usage: ness diagram FILE [--view species|complexes|states] [--balance-tolerance T]

A mermaid flowchart on standard output: the species-reaction graph (species, the default for
mass action), the complex graph (complexes), or the graph of states with net currents drawn in
the direction of net flow (states, the default for Markov networks; for mass action, the
complex graph with net fluxes).

exit status: 0 written; 1 the file does not compile; 2 bad usage or an unreadable path.
`,
  site: `usage: ness site PATH... [-o DIR] [--balance-tolerance T]

Writes, for every network (a folder means every .crn below it), its report as HTML, Markdown,
JSON and a mermaid diagram into DIR (default: reports), and DIR/index.html linking them all
with each network's verdict. This is what 'npm start' runs on the bundled networks.
--balance-tolerance T as for report.

exit status: 0 all written; 1 a network does not compile (the others are still written);
2 bad usage or an unreadable path.
`,
  import: `usage: ness import MODEL.xml [-o MODEL.crn]

Converts an SBML Level 2 or 3 model with mass-action kinetic laws to a network file. Laws that
are not mass action are named with their reaction and left out, and the output says so.

exit status: 0 converted (warnings allowed); 1 the model cannot be converted; 2 bad usage.
`,
  repair: `usage: ness repair FILE [-o OUT] [--fix LABEL[,LABEL...]] [--weight LABEL=W[,...]]

Writes the network (.crn, or SBML .xml/.sbml, imported first) with the nearest thermodynamically
consistent rate constants: least squares in ln k, sum of w_r (change of ln k_r)^2 over every
constant, subject to zero affinity on every cycle (docs/balance.md). Only the changed constants
are replaced, where they were written (a param's name or an expression by the new literal at
that use); each changed line ends in '# repaired: kf OLD → NEW (×FACTOR)'. The output is checked
to be balanced before it is written. A network already balanced is written unchanged.

options:
  -o, --output OUT        write to OUT instead of standard output
  --fix LABEL[,LABEL...]  keep these reactions' constants as they are (repeatable)
  --weight LABEL=W[,...]  weight w_r of a reaction (default 1); a heavier one moves less (repeatable)

exit status: 0 written; 1 the file does not compile, or it cannot be repaired (a one-way
reaction on a cycle, or a driven cycle of fixed reactions only); 2 bad usage or an unreadable path.
`,
  export: `usage: ness export FILE --format sbml [-o OUT]

Writes a network as SBML Level 3 Version 2 (mass-action laws in MathML, reservoirs as boundary
species).

exit status: 0 written; 1 the file does not compile; 2 bad usage or an unreadable path.
`,
};

/**
 * A usage error: the message and the command's help on stderr; returns 2. Commands of their own
 * module (commands.ts) pass their help text.
 */
export function usage(io: Io, command: string, message: string, help: string | undefined = HELP[command]): number {
  io.stderr(`ness ${command}: ${message}\n\n${help ?? `Run 'ness ${command} --help' for its options.\n`}`);
  return EXIT.usage;
}

/**
 * `ness lsp [--stdio]`: the language server (src/lsp/) over standard input and output, for
 * editors (editors/vscode/, docs/editors.md). Runs until the client closes the connection.
 */
import type { Command } from "./command.js";
import { EXIT, type Io, type Values } from "./io.js";

const HELP = `usage: ness lsp [--stdio]

Runs the ness language server over standard input and output (the Language Server Protocol):
diagnostics as you type with the codes of 'ness check', hover, go to definition, references,
rename, completion, quick fixes for "did you mean", semantic highlighting, formatting, and the
detailed-balance verdict on the 'network' line. Editors start it; see docs/editors.md.

options:
  --stdio     talk over standard input and output (the default and only transport)
  -h, --help  this text
`;

export const lspCommand: Command = {
  synopsis: "lsp [--stdio]",
  summary: "the language server for editors (diagnostics, hover, rename, verdict)",
  options: { stdio: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  help: HELP,
  run: runLsp,
};

async function runLsp(positionals: readonly string[], _values: Values, io: Io): Promise<number> {
  if (positionals.length > 0) {
    io.stderr(`ness lsp: takes no files (the editor opens them)\n\n${HELP}`);
    return EXIT.usage;
  }
  // loaded only here: the server's dependencies are not needed by the other commands
  const [{ createConnection, ProposedFeatures }, { startServer }] = await Promise.all([import("vscode-languageserver/node.js"), import("../lsp/server.js")]);
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  const closed = new Promise<void>((resolve) => connection.onExit(() => resolve()));
  startServer(connection);
  await closed;
  return EXIT.ok;
}

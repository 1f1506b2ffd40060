/**
 * The commands that live in modules of their own (see command.ts). One entry per command, each a
 * loader: a command's module (and what it imports) is loaded only when that command runs, so
 * `ness check` does not pay for the language server or the simulator. LISTED holds the main help's
 * line of each, in the main help's order, so `ness --help` loads none of them either
 * (test/cli/commands.test.ts checks each line against its loaded command's synopsis and summary).
 */
import type { Command } from "./command.js";

export const COMMANDS: ReadonlyMap<string, () => Promise<Command>> = new Map<string, () => Promise<Command>>([
  ["cme", async () => (await import("./cme.js")).cmeCommand],
  ["fmt", async () => (await import("./fmt.js")).fmtCommand],
  ["lsp", async () => (await import("./lsp.js")).lspCommand],
  ["scan", async () => (await import("./scan.js")).scanCommand],
  ["simulate", async () => (await import("./simulate.js")).simulateCommand],
  ["infer", async () => (await import("./infer.js")).inferCommand],
]);

/** The main help's line of each command of COMMANDS, in the same order: its synopsis and summary. */
export const LISTED: readonly Pick<Command, "synopsis" | "summary">[] = [
  { synopsis: "cme FILE --volume Ω", summary: "the chemical master equation of a network as a Markov network file" },
  { synopsis: "fmt PATH...", summary: "rewrite network files in the canonical layout (--check: only list them, for CI)" },
  { synopsis: "lsp [--stdio]", summary: "the language server for editors (diagnostics, hover, rename, verdict)" },
  { synopsis: "scan FILE --param P", summary: "follow steady states as a value changes: folds, Hopf points, bistability" },
  { synopsis: "simulate FILE", summary: "exact stochastic simulation (Gillespie) of a network, with --ode the deterministic course" },
  { synopsis: "infer TRAJ", summary: "rates, a detailed-balance test and σ with intervals from an observed jump trajectory" },
];

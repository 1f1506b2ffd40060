/**
 * The commands that live in modules of their own (see command.ts). One entry per command, each a
 * loader: a command's module (and what it imports) is loaded only when that command runs, so
 * `ness check` does not pay for the language server or the simulator. The order is the order of
 * the main help, which loads them all.
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

/**
 * The commands that live in modules of their own (see command.ts). One import and one entry per
 * command; the order is the order of the main help.
 */
import type { Command } from "./command.js";
import { cmeCommand } from "./cme.js";
import { fmtCommand } from "./fmt.js";
import { lspCommand } from "./lsp.js";
import { scanCommand } from "./scan.js";
import { simulateCommand } from "./simulate.js";
import { inferCommand } from "./infer.js";

export const COMMANDS: ReadonlyMap<string, Command> = new Map<string, Command>([
  ["cme", cmeCommand],
  ["fmt", fmtCommand],
  ["lsp", lspCommand],
  ["scan", scanCommand],
  ["simulate", simulateCommand],
  ["infer", inferCommand],
]);

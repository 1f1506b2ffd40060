/**
 * The commands that live in modules of their own (see command.ts). One import and one entry per
 * command; the order is the order of the main help.
 */
import type { Command } from "./command.js";

export const COMMANDS: ReadonlyMap<string, Command> = new Map<string, Command>([
]);

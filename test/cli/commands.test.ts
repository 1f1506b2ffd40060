/**
 * The main help lists the commands of commands.ts from its own table (LISTED), so `ness --help`
 * loads none of their modules: each line must be the loaded command's own synopsis and summary,
 * in the same order as COMMANDS.
 */
import { describe, expect, it } from "vitest";
import { COMMANDS, LISTED } from "../../src/cli/commands.js";

describe("the main help's table of commands", () => {
  it("has one line per command, in COMMANDS' order", () => {
    expect(LISTED.length).toBe(COMMANDS.size);
  });

  it.each([...COMMANDS.keys()].map((name, i) => [name, i] as const))("says what %s's own module says", async (name, i) => {
    const command = await COMMANDS.get(name)!();
    expect(LISTED[i]).toEqual({ synopsis: command.synopsis, summary: command.summary });
    expect(command.synopsis.split(" ")[0]).toBe(name);
  });
});

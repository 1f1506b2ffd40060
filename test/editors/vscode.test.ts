/**
 * The VS Code extension builds (grammar copied from grammar/, client bundled by esbuild),
 * type-checks, and packages to a .vsix with @vscode/vsce with the network unreachable.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/paths.js";

const EXT = join(ROOT, "editors/vscode");
const bin = (name: string): string => join(ROOT, "node_modules/.bin", name);
/** Any request to the outside fails fast: a proxy nobody listens on, and npm told to stay offline. */
const OFFLINE = { ...process.env, HTTP_PROXY: "http://127.0.0.1:9", HTTPS_PROXY: "http://127.0.0.1:9", http_proxy: "http://127.0.0.1:9", https_proxy: "http://127.0.0.1:9", npm_config_offline: "true" };

function run(command: string, args: string[]): string {
  const r = spawnSync(command, args, { cwd: EXT, encoding: "utf8", env: OFFLINE, input: "" });
  expect(r.stderr + r.stdout, `${command} ${args.join(" ")}`).not.toMatch(/ERROR/);
  expect(r.status).toBe(0);
  return r.stdout;
}

describe("editors/vscode", () => {
  it("builds, type-checks and packages to a .vsix offline", () => {
    run(process.execPath, ["build.mjs"]);
    run(bin("tsc"), ["-p", "tsconfig.json"]);
    const vsix = join(mkdtempSync(join(tmpdir(), "ness-vsix-")), "ness.vsix");
    run(bin("vsce"), ["package", "--no-dependencies", "--allow-missing-repository", "-o", vsix]);
    const listing = run("unzip", ["-Z1", vsix]).split("\n");
    expect(listing).toEqual(expect.arrayContaining(["extension/package.json", "extension/dist/extension.js", "extension/syntaxes/ness.tmLanguage.json", "extension/language-configuration.json"]));
    expect(listing.some((f) => f.startsWith("extension/src/") || f.startsWith("extension/node_modules/"))).toBe(false);
    // the packaged grammar is the one of grammar/, byte for byte
    const grammar = run("unzip", ["-p", vsix, "extension/syntaxes/ness.tmLanguage.json"]);
    expect(grammar).toBe(readFileSync(join(ROOT, "grammar/ness.tmLanguage.json"), "utf8"));
    // the client is bundled in; only the editor's own API is left to require
    const bundle = run("unzip", ["-p", vsix, "extension/dist/extension.js"]);
    expect(bundle).toContain('require("vscode")');
    expect(bundle).not.toMatch(/require\("vscode-languageclient/);
    expect(bundle).toContain('"lsp","--stdio"');
    const manifest = JSON.parse(run("unzip", ["-p", vsix, "extension/package.json"])) as {
      main: string; contributes: { languages: { id: string; extensions: string[] }[]; grammars: { scopeName: string }[]; commands: { command: string }[] };
    };
    expect(manifest.main).toBe("./dist/extension.js");
    expect(manifest.contributes.languages[0]).toMatchObject({ id: "ness", extensions: [".crn"] });
    expect(manifest.contributes.grammars[0]!.scopeName).toBe((JSON.parse(grammar) as { scopeName: string }).scopeName);
    expect(manifest.contributes.commands.map((c) => c.command)).toContain("ness.openReport");
  });
});

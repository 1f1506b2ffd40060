/**
 * The VS Code extension: starts `ness lsp --stdio` (the language server of src/lsp/) through
 * vscode-languageclient for `.crn` files, and adds "ness: Open HTML report", which runs
 * `ness report FILE --format html -o TMP` and shows the page in a webview or the browser.
 *
 * Which ness: the setting `ness.server.path` (an executable, or a `bin/ness.js` run with this
 * editor's Node), else the workspace's node_modules/.bin/ness, else `ness` on the PATH.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

/** The command line that runs ness: the program and the arguments before ness's own. */
export function nessCommand(setting: string, workspaceFolders: readonly string[], nodePath: string): { command: string; args: string[] } {
  if (setting.endsWith(".js")) return { command: nodePath, args: [setting] };
  if (setting !== "") return { command: setting, args: [] };
  for (const folder of workspaceFolders) {
    const local = join(folder, "node_modules", ".bin", process.platform === "win32" ? "ness.cmd" : "ness");
    if (existsSync(local)) return { command: local, args: [] };
  }
  return { command: "ness", args: [] };
}

function resolveNess(): { command: string; args: string[] } {
  const setting = vscode.workspace.getConfiguration("ness").get<string>("server.path") ?? "";
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  return nessCommand(setting, folders, process.execPath);
}

function startClient(): LanguageClient {
  const ness = resolveNess();
  const run = { command: ness.command, args: [...ness.args, "lsp", "--stdio"], transport: TransportKind.stdio };
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = { documentSelector: [{ language: "ness" }] };
  const client = new LanguageClient("ness", "ness language server", serverOptions, clientOptions);
  void client.start();
  return client;
}

async function openReport(context: vscode.ExtensionContext, arg?: unknown): Promise<void> {
  const uri = typeof arg === "string" ? vscode.Uri.parse(arg) : arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (uri === undefined || uri.scheme !== "file") {
    void vscode.window.showErrorMessage("ness: open a saved .crn file first");
    return;
  }
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (doc?.isDirty) await doc.save();
  const ness = resolveNess();
  const out = join(mkdtempSync(join(tmpdir(), "ness-report-")), `${basename(uri.fsPath, ".crn")}.html`);
  const failed = await new Promise<string | null>((resolve) => {
    execFile(ness.command, [...ness.args, "report", uri.fsPath, "--format", "html", "-o", out], (error, _stdout, stderr) => resolve(error ? stderr || error.message : null));
  });
  if (failed !== null) {
    void vscode.window.showErrorMessage(`ness report: ${failed.split("\n")[0]}`);
    return;
  }
  if (vscode.workspace.getConfiguration("ness").get<string>("report.openIn") === "browser") {
    await vscode.env.openExternal(vscode.Uri.file(out));
    return;
  }
  const panel = vscode.window.createWebviewPanel("nessReport", `Report: ${basename(uri.fsPath)}`, vscode.ViewColumn.Beside, { enableScripts: true });
  panel.webview.html = readFileSync(out, "utf8");
  context.subscriptions.push(panel);
}

export function activate(context: vscode.ExtensionContext): void {
  // the client lives in a box the subscriptions own, so a restart replaces it without module state
  const box = { client: startClient() };
  context.subscriptions.push(
    { dispose: () => void box.client.stop() },
    vscode.commands.registerCommand("ness.openReport", (arg?: unknown) => openReport(context, arg)),
    vscode.commands.registerCommand("ness.restartServer", async () => {
      await box.client.stop();
      box.client = startClient();
    }),
  );
}

export function deactivate(): void {
  // the client is stopped by the subscription registered in activate
}

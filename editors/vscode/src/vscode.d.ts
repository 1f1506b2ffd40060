/**
 * The part of the VS Code API this extension uses (the extension host supplies the module at run
 * time; @types/vscode is not a dependency of the project). Kept to what extension.ts calls.
 */
declare module "vscode" {
  export interface Disposable { dispose(): unknown }
  export class Uri {
    static parse(value: string): Uri;
    static file(path: string): Uri;
    readonly scheme: string;
    readonly fsPath: string;
    toString(): string;
  }
  export interface TextDocument { readonly uri: Uri; readonly isDirty: boolean; save(): Thenable<boolean> }
  export interface TextEditor { readonly document: TextDocument }
  export interface WorkspaceConfiguration { get<T>(section: string): T | undefined }
  export interface WorkspaceFolder { readonly uri: Uri }
  export interface Webview { html: string }
  export interface WebviewPanel extends Disposable { readonly webview: Webview }
  export enum ViewColumn { Active = -1, Beside = -2, One = 1 }
  export interface ExtensionContext { readonly subscriptions: Disposable[] }
  export namespace workspace {
    function getConfiguration(section?: string): WorkspaceConfiguration;
    const workspaceFolders: readonly WorkspaceFolder[] | undefined;
    const textDocuments: readonly TextDocument[];
  }
  export namespace window {
    const activeTextEditor: TextEditor | undefined;
    function showErrorMessage(message: string): Thenable<string | undefined>;
    function createWebviewPanel(viewType: string, title: string, column: ViewColumn, options?: { enableScripts?: boolean }): WebviewPanel;
  }
  export namespace commands {
    function registerCommand(command: string, callback: (...args: never[]) => unknown): Disposable;
  }
  export namespace env {
    function openExternal(target: Uri): Thenable<boolean>;
  }
}

/**
 * The language server (`ness lsp --stdio`): vscode-languageserver over a connection, on the same
 * compiler as `ness check`.
 *
 *   didOpen/didChange ─▶ nextState (re-lex changed lines) ─debounce─▶ compile ─▶ publishDiagnostics
 *                                                         └─settle──▶ analysis worker ─▶ code lens refresh
 *
 * Typing never waits for the analysis: it runs in a worker thread (worker.ts) started once the
 * text has settled, and is terminated as soon as the text changes again. The compile is debounced
 * too (by 40 ms, or by as long as the document's last compile took if that is longer), so a burst
 * of keystrokes costs one compile.
 */
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { ResponseError, TextDocumentSyncKind, type Connection, type InitializeResult } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { compileState, nextState, toLspDiagnostic, type DocumentState } from "./document.js";
import { definition, formatting, prepareRename, quickFixes, references, rename } from "./edits.js";
import { codeLenses, completion, documentSymbols, hover, SEMANTIC_LEGEND, semanticTokens } from "./features.js";
import type { WorkerReply, WorkerRequest } from "./worker.js";

export interface ServerOptions {
  /** Milliseconds of quiet before compiling (diagnostics). */
  readonly compileDelay?: number;
  /** Milliseconds of quiet before starting the analysis. */
  readonly analysisDelay?: number;
}

interface Open {
  doc: TextDocument;
  state: DocumentState;
  compileTimer: NodeJS.Timeout | null;
  analysisTimer: NodeJS.Timeout | null;
  worker: Worker | null;
  /** How long this document's last compile took: the debounce is never shorter (see update). */
  lastCompileMs: number;
}

function fileOf(uri: string): string {
  try {
    return uri.startsWith("file:") ? fileURLToPath(uri) : uri;
  } catch {
    return uri;
  }
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const compileDelay = options.compileDelay ?? 40;
  const analysisDelay = options.analysisDelay ?? 400;
  const open = new Map<string, Open>();
  let lensRefresh = false;

  const publish = (o: Open): void => {
    const started = performance.now();
    const result = compileState(o.state);
    const ms = performance.now() - started;
    o.lastCompileMs = ms;
    const file = o.state.file;
    const diagnostics = result.diagnostics.filter((d) => d.span === undefined || d.span.file === file).map(toLspDiagnostic);
    void connection.sendDiagnostics({ uri: o.state.uri, version: o.state.version, diagnostics });
    void connection.sendNotification("ness/compiled", { uri: o.state.uri, version: o.state.version, milliseconds: ms, relexedLines: o.state.index.relexed });
    if (result.network !== null) scheduleAnalysis(o);
  };

  const cancelAnalysis = (o: Open): void => {
    if (o.analysisTimer) clearTimeout(o.analysisTimer);
    o.analysisTimer = null;
    if (o.worker) void o.worker.terminate();
    o.worker = null;
  };

  const scheduleAnalysis = (o: Open): void => {
    cancelAnalysis(o);
    o.analysisTimer = setTimeout(() => {
      o.analysisTimer = null;
      const state = o.state;
      const request: WorkerRequest = { text: state.text, file: state.file };
      const worker = new Worker(new URL("./worker.js", import.meta.url), { workerData: request });
      o.worker = worker;
      const finish = (reply: WorkerReply): void => {
        if (o.worker !== worker) return; // cancelled: a newer version is on its way
        o.worker = null;
        void worker.terminate();
        if (reply.ok) {
          state.summary = reply.summary;
          state.summaryVersion = state.version;
        } else state.analysisError = reply.message;
        void connection.sendNotification("ness/analysis", { uri: state.uri, version: state.version, verdict: reply.ok ? reply.summary.verdict : null, error: reply.ok ? null : reply.message });
        if (lensRefresh) void connection.sendRequest("workspace/codeLens/refresh").catch(() => undefined);
      };
      worker.once("message", (m: WorkerReply) => finish(m));
      worker.once("error", (e) => finish({ ok: false, message: e.message }));
    }, analysisDelay);
  };

  const update = (uri: string, doc: TextDocument): void => {
    const previous = open.get(uri);
    const state = nextState(uri, fileOf(uri), doc.version, doc.getText(), previous?.state);
    const o: Open = previous ?? { doc, state, compileTimer: null, analysisTimer: null, worker: null, lastCompileMs: 0 };
    o.doc = doc;
    o.state = state;
    open.set(uri, o);
    cancelAnalysis(o);
    if (o.compileTimer) clearTimeout(o.compileTimer);
    // a file whose compile takes longer than the debounce waits as long as one compile takes, so
    // typing into a large file is not interrupted by a compile per keystroke
    o.compileTimer = setTimeout(() => {
      o.compileTimer = null;
      publish(o);
    }, Math.max(compileDelay, o.lastCompileMs));
  };

  /** The state a request reads: compiled now if its debounced compile has not run yet. */
  const stateOf = (uri: string): DocumentState | undefined => {
    const o = open.get(uri);
    if (o === undefined) return undefined;
    if (o.state.compiled === null) {
      if (o.compileTimer) clearTimeout(o.compileTimer);
      o.compileTimer = null;
      publish(o);
    }
    return o.state;
  };

  connection.onInitialize((params): InitializeResult => {
    lensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        completionProvider: {},
        documentSymbolProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true },
        codeActionProvider: { codeActionKinds: ["quickfix"] },
        codeLensProvider: {},
        documentFormattingProvider: true,
      },
      serverInfo: { name: "ness" },
    };
  });

  connection.onDidOpenTextDocument(({ textDocument: t }) => update(t.uri, TextDocument.create(t.uri, t.languageId, t.version, t.text)));
  connection.onDidChangeTextDocument(({ textDocument: t, contentChanges }) => {
    const o = open.get(t.uri);
    if (o === undefined) return;
    update(t.uri, TextDocument.update(o.doc, contentChanges, t.version));
  });
  connection.onDidCloseTextDocument(({ textDocument: t }) => {
    const o = open.get(t.uri);
    if (o === undefined) return;
    cancelAnalysis(o);
    if (o.compileTimer) clearTimeout(o.compileTimer);
    open.delete(t.uri);
    void connection.sendDiagnostics({ uri: t.uri, diagnostics: [] });
  });

  const withState = <T>(uri: string, f: (s: DocumentState) => T, none: T): T => {
    const s = stateOf(uri);
    return s === undefined ? none : f(s);
  };
  connection.onHover(({ textDocument, position }) => withState(textDocument.uri, (s) => hover(s, position), null));
  connection.onDefinition(({ textDocument, position }) => withState(textDocument.uri, (s) => definition(s, position), null));
  connection.onReferences(({ textDocument, position, context }) => withState(textDocument.uri, (s) => references(s, position, context.includeDeclaration), []));
  connection.onPrepareRename(({ textDocument, position }) => withState(textDocument.uri, (s) => prepareRename(s, position), null));
  connection.onRenameRequest(({ textDocument, position, newName }) => {
    const s = stateOf(textDocument.uri);
    if (s === undefined) return null;
    const r = rename(s, position, newName);
    if (!r.ok) return new ResponseError(-32803, r.message); // RequestFailed
    return { changes: { [s.uri]: r.edits } };
  });
  connection.onCompletion(({ textDocument }) => withState(textDocument.uri, completion, []));
  connection.onDocumentSymbol(({ textDocument }) => withState(textDocument.uri, documentSymbols, []));
  connection.languages.semanticTokens.on(({ textDocument }) => withState(textDocument.uri, semanticTokens, { data: [] }));
  connection.onCodeAction(({ textDocument, context }) => withState(textDocument.uri, (s) => quickFixes(s, context.diagnostics), []));
  connection.onCodeLens(({ textDocument }) => withState(textDocument.uri, codeLenses, []));
  connection.onDocumentFormatting(({ textDocument }) => withState(textDocument.uri, formatting, []));
  connection.onShutdown(() => {
    for (const o of open.values()) cancelAnalysis(o);
  });

  connection.listen();
}

/**
 * The analysis worker: compiles and analyzes one version of a document in a worker thread, so a
 * large network's steady states never hold up typing. The server starts one per settled edit and
 * terminates it the moment the text changes again (server.ts): cancelling is killing the thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import { analyze } from "../analysis/index.js";
import { compile } from "../compile/index.js";
import { summarize, type AnalysisSummary } from "./verdict.js";

export interface WorkerRequest {
  readonly text: string;
  readonly file: string;
}

export type WorkerReply = { readonly ok: true; readonly summary: AnalysisSummary } | { readonly ok: false; readonly message: string };

function run(request: WorkerRequest): WorkerReply {
  try {
    const { network } = compile(request.text, request.file);
    if (network === null) return { ok: false, message: "does not compile" };
    return { ok: true, summary: summarize(analyze(network)) };
  } catch (e) {
    return { ok: false, message: `internal error: ${(e as Error).message}` };
  }
}

if (parentPort !== null) parentPort.postMessage(run(workerData as WorkerRequest));

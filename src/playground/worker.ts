/**
 * The playground's compiler, bundled for the browser (esbuild, at `ness site` time): in a Web
 * Worker it answers `{ id, text }` with `{ id, result }` (or `{ id, error }` for an internal
 * fault), so a slow analysis never blocks typing; loaded as a plain script (where a worker cannot
 * be made) it leaves `evaluate` on `globalThis.nessPlayground` for the page to call itself.
 */
import { evaluate, type PlaygroundResult } from "./evaluate.js";

/** A request from the page, and the answer: the id says which text it answers. */
export interface PlaygroundRequest { readonly id: number; readonly text: string }
export type PlaygroundAnswer = { readonly id: number; readonly result: PlaygroundResult } | { readonly id: number; readonly error: string };

/** One request answered; an exception is an internal fault, reported as such, never thrown on. */
export function answer(request: PlaygroundRequest): PlaygroundAnswer {
  try {
    return { id: request.id, result: evaluate(request.text) };
  } catch (e) {
    return { id: request.id, error: e instanceof Error ? e.message : String(e) };
  }
}

interface WorkerScope {
  onmessage: ((e: { data: PlaygroundRequest }) => void) | null;
  postMessage(message: PlaygroundAnswer): void;
}

const scope = globalThis as unknown as WorkerScope & { WorkerGlobalScope?: unknown; nessPlayground?: unknown };
if (typeof scope.WorkerGlobalScope !== "undefined") {
  scope.onmessage = (e) => scope.postMessage(answer(e.data));
} else {
  scope.nessPlayground = { answer };
}

/**
 * Starts the thread that scans a large file's reaction lines ahead of the compiler
 * (compile/prescan.ts says what it does and why it cannot change a result). Only for a file of
 * PRESCAN_BYTES or more whose text is Latin-1 (one byte a character, so the thread's columns are
 * the compiler's): the thread costs ~45 ms to start, paid back from about 10^4 lines.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { prescanBuffers, PrescanReader } from "../compile/prescan.js";

/** Files at least this large are scanned ahead. */
export const PRESCAN_BYTES = 1 << 20;

export interface Prescan {
  readonly reader: PrescanReader;
  /** Resolves once the thread runs (tests wait for it; the CLI does not). */
  readonly online: Promise<void>;
  /** Stops the thread; the process never waits for it. */
  close(): void;
}

/** A running prescan of `latin1` (a text's bytes in shared memory), or null on a machine of one core (a second thread would only take turns with the compiler) or when no thread could be started. */
export function startPrescan(latin1: Uint8Array, cores = availableParallelism()): Prescan | null {
  if (cores < 2) return null;
  const buffers = prescanBuffers();
  let worker: Worker;
  try {
    worker = new Worker(new URL("./prescan-worker.js", import.meta.url), { workerData: { bytes: latin1, buffers } });
  } catch {
    return null;
  }
  // a thread that fails only stops answering: the compiler scans every line itself
  worker.on("error", () => undefined);
  worker.unref();
  const reader = new PrescanReader(buffers);
  const online = new Promise<void>((resolve) => {
    worker.once("online", resolve);
    worker.once("exit", () => resolve());
  });
  return {
    reader,
    online,
    close() {
      reader.close();
      void worker.terminate();
    },
  };
}

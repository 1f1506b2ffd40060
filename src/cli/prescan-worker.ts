/**
 * The prescan thread (cli/prescan.ts starts it): decodes the shared Latin-1 bytes of the file the
 * compiler is reading a stretch at a time and scans its reaction lines ahead into the ring (compile/prescan.ts).
 */
import { workerData } from "node:worker_threads";
import { CHUNK, prescanLines, type PrescanBuffers } from "../compile/prescan.js";

const { bytes, buffers } = workerData as { bytes: Uint8Array; buffers: PrescanBuffers };
const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), n = latin1.length;
prescanLines({
  length: n,
  chunkAt(from) {
    const lf = from + CHUNK >= n ? -1 : latin1.indexOf(10, from + CHUNK);
    return latin1.toString("latin1", from, lf < 0 ? n : lf + 1);
  },
}, buffers);

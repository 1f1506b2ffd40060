/**
 * The real prescan thread (cli/prescan.ts, the built dist/ that `npm test` builds first) on a file
 * longer than its ring: the thread wraps around the ring, falls behind and skips ahead, and the
 * network and diagnostics are still those of compiling alone.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { decodeUtf8 } from "../../src/cli/decode.js";
import { compile } from "../../src/compile/index.js";
import { RING_LINES } from "../../src/compile/prescan.js";
import { reactionFields } from "../../src/network/build.js";
import { ROOT } from "../helpers/paths.js";

describe("the prescan thread", () => {
  it("serves lines of a file three rings long, and changes nothing", async () => {
    const { startPrescan } = (await import(pathToFileURL(join(ROOT, "dist", "cli", "prescan.js")).href)) as typeof import("../../src/cli/prescan.js");
    const n = 1000, lines = [`# a ${n}-state ring × 50 jumps a state, written by test/cli/prescan.test.ts`, `state ${Array.from({ length: n }, (_, i) => `s${i}`).join(", ")}`];
    for (let k = 0; lines.length < 3 * RING_LINES; k++) {
      const i = k % n, j = (i + 1 + (k % 7)) % n;
      lines.push(k % 11 === 0 ? `j${k}: s${i} -> s${j} @ ${Math.exp(Math.sin(k))}` : `s${i} <-> s${j} @ ${Math.exp(Math.sin(k))}, ${(k % 13) + 0.25}`);
    }
    lines.push("assert not detailed_balance");
    const bytes = Buffer.from(lines.join("\r\n") + "\n"), shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
    shared.set(bytes);
    const { text, latin1 } = decodeUtf8(shared);
    expect(latin1?.buffer).toBe(shared.buffer);
    expect(startPrescan(latin1!, 1)).toBeNull(); // one core: no second thread
    const prescan = startPrescan(latin1!, 2);
    expect(prescan).not.toBeNull();
    await prescan!.online;
    let result;
    try {
      result = compile(text, "ring.crn", { scanned: prescan!.reader.fill });
    } finally {
      prescan!.close();
    }
    const alone = compile(text, "ring.crn");
    expect(prescan!.reader.served).toBeGreaterThan(0);
    expect(result.diagnostics).toEqual(alone.diagnostics);
    expect(result.network).not.toBeNull();
    const rows = (r: typeof alone): unknown[] => r.network!.reactions.map((x) => [reactionFields(x), x.forward.rational, x.reverse?.rational]);
    expect(rows(result)).toEqual(rows(alone));
  }, 60_000);
});

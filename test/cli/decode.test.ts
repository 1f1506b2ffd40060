/**
 * readText's decoding (cli/decode.ts) must give exactly the string `Buffer.toString("utf8")`
 * gives, whatever the bytes: ASCII and Latin-1 texts by the faster way, everything else as before.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeUtf8, latin1Length } from "../../src/cli/decode.js";
import { readText } from "../../src/cli/io.js";

/** Decodes a copy of `bytes` (decodeUtf8 may rewrite them), in plain and in shared memory; whether the text was Latin-1. */
function same(bytes: Buffer): boolean {
  const utf8 = bytes.toString("utf8");
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
  shared.set(bytes);
  const results = [decodeUtf8(Buffer.from(bytes)), decodeUtf8(shared)];
  for (const r of results) {
    expect(r.text).toBe(utf8);
    // one byte a character
    if (r.latin1 !== null) expect(Buffer.from(r.latin1).toString("latin1")).toBe(utf8);
  }
  expect(results[1]!.latin1 === null || results[1]!.latin1.buffer === shared.buffer).toBe(true);
  expect(latin1Length(bytes)).toBe(results[0]!.latin1 === null ? -1 : utf8.length);
  return results[0]!.latin1 !== null;
}

describe("decoding a file's bytes", () => {
  it("gives toString('utf8') on worked cases: ASCII, Latin-1, past U+00FF, BOM, invalid UTF-8", () => {
    const cases: [Buffer, boolean][] = [
      [Buffer.from("species A = 1\nA -> 0 @ 2\n"), true],
      [Buffer.from("# 500×500 torus, µ = 2, é\nA -> B @ 1\n"), true],
      [Buffer.from("# → and α\nA -> B @ 1\n"), false],
      [Buffer.from("\ufeffspecies A\n"), false],
      [Buffer.from([0x41, 0xc3]), false], // a lead byte at the very end
      [Buffer.from([0x41, 0xc0, 0x80, 0x42]), false], // an overlong NUL
      [Buffer.from([0xc3, 0x41]), false], // a lead byte before ASCII
      [Buffer.from([0x80, 0x41]), false], // a stray continuation byte
      [Buffer.alloc(0), true],
    ];
    for (const [bytes, latin1] of cases) expect(same(bytes)).toBe(latin1);
  });

  it("keeps a character that straddles a 64 KiB stretch whole", () => {
    for (const at of [65534, 65535, 65536, 131071]) {
      const s = "a".repeat(at) + "×µ" + "b".repeat(10) + "é";
      expect(same(Buffer.from(s))).toBe(true);
      expect(decodeUtf8(Buffer.from(s)).latin1).toEqual(Buffer.from(s, "latin1"));
    }
  });

  it("gives toString('utf8') on random texts and random bytes", () => {
    const char = fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 0, max: 0x7f }) },
      { weight: 3, arbitrary: fc.integer({ min: 0x80, max: 0xff }) },
      { weight: 1, arbitrary: fc.integer({ min: 0x100, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff) },
    ).map((c) => String.fromCodePoint(c));
    fc.assert(fc.property(fc.array(char, { maxLength: 60 }), (cs) => {
      same(Buffer.from(cs.join("")));
    }), { numRuns: 2000, seed: 7 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (b) => {
      same(Buffer.from(b));
    }), { numRuns: 2000, seed: 8 });
  });

  it("hands a large Latin-1 network file's bytes on in shared memory, and no other", () => {
    const dir = mkdtempSync(join(tmpdir(), "ness-decode-"));
    try {
      const big = "# 2 × 2\n" + "A -> B @ 1\n".repeat(200_000), write = (name: string, text: string): string => {
        writeFileSync(join(dir, name), text);
        return join(dir, name);
      };
      const read = (path: string): { text: string; shared?: Uint8Array } => {
        const r = readText(path);
        if (!r.ok) throw new Error(r.message);
        return r;
      };
      const latin1 = read(write("big.crn", big));
      expect(latin1.text).toBe(big);
      expect(latin1.shared?.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(Buffer.from(latin1.shared!).toString("latin1")).toBe(big);
      for (const [name, text] of [["arrow.crn", big.replace("×", "→")], ["small.crn", "# 2 × 2\nA -> B @ 1\n"], ["big.xml", big]] as const) {
        const r = read(write(name, text));
        expect(r.text).toBe(text);
        expect(r.shared).toBeUndefined();
      }
      expect(readText(dir)).toEqual({ ok: false, message: `${dir}: cannot read: is a folder` });
      expect(readText(join(dir, "none.crn"))).toEqual({ ok: false, message: `${join(dir, "none.crn")}: cannot read: no such file` });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

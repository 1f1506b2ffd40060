/**
 * readText's decoding (cli/decode.ts) must give exactly the string `Buffer.toString("utf8")`
 * gives, whatever the bytes: ASCII and Latin-1 texts by the faster way, everything else as before.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeUtf8, latin1Bytes } from "../../src/cli/decode.js";

function same(bytes: Buffer): void {
  const plain = decodeUtf8(bytes), shared = decodeUtf8(bytes, true);
  const utf8 = bytes.toString("utf8");
  expect(plain.text).toBe(utf8);
  expect(shared.text).toBe(utf8);
  expect(plain.shared).toBeNull();
  if (shared.shared !== null) {
    // one byte a character, in memory another thread can read
    expect(shared.shared.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Buffer.from(shared.shared).toString("latin1")).toBe(utf8);
  }
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
    for (const [bytes, latin1] of cases) {
      same(bytes);
      expect(decodeUtf8(bytes, true).shared !== null).toBe(latin1);
    }
  });

  it("keeps a character that straddles a 64 KiB stretch whole", () => {
    for (const at of [65534, 65535, 65536, 131071]) {
      const s = "a".repeat(at) + "×µ" + "b".repeat(10) + "é";
      same(Buffer.from(s));
      expect(latin1Bytes(Buffer.from(s))).toEqual(Buffer.from(s, "latin1"));
    }
  });

  it("gives toString('utf8') on random texts and random bytes", () => {
    const char = fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 0, max: 0x7f }) },
      { weight: 3, arbitrary: fc.integer({ min: 0x80, max: 0xff }) },
      { weight: 1, arbitrary: fc.integer({ min: 0x100, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff) },
    ).map((c) => String.fromCodePoint(c));
    fc.assert(fc.property(fc.array(char, { maxLength: 60 }), (cs) => same(Buffer.from(cs.join("")))), { numRuns: 2000, seed: 7 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (b) => same(Buffer.from(b))), { numRuns: 2000, seed: 8 });
  });
});

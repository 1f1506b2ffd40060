/**
 * A file's UTF-8 bytes as a string, exactly as `Buffer.toString("utf8")` gives it, but cheaper for
 * the files ness reads: ASCII throughout (generated networks), or ASCII with a few characters of
 * Latin-1 (a `×` or `µ` in a comment).
 *
 * Why: Node decodes UTF-8 into a string on V8's heap, which on a 32 MB file costs ~110 ms, much
 * of it first touches of fresh heap pages (~2.7 ms a MB on the project's VM, docs/benchmarks.md);
 * a Latin-1 decode of the same bytes makes an external string in malloc's memory (huge pages when
 * ness runs relaunched, bin/relaunch.js) in ~30 ms. ASCII bytes are their own Latin-1; a text
 * whose every other character is U+0080–U+00FF (two bytes, lead C2 or C3) is rewritten to Latin-1
 * first. Anything else (a character past U+00FF, a byte-order mark, invalid UTF-8) is decoded as
 * before.
 */
import { isAscii } from "node:buffer";

/** Bytes are checked for ASCII this many at a time: a non-ASCII stretch is rewritten byte by byte. */
const STRETCH = 1 << 16;

export interface Decoded {
  readonly text: string;
  /** The text's Latin-1 bytes (one a character) in shared memory, when asked for and the text is Latin-1 (for cli/prescan.ts); else null. */
  readonly shared: Uint8Array | null;
}

export function decodeUtf8(bytes: Uint8Array, share = false): Decoded {
  if (isAscii(bytes)) {
    const shared = share ? sharedBytes(bytes.length) : null;
    shared?.set(bytes);
    return { text: asBuffer(bytes).toString("latin1"), shared };
  }
  const latin1 = latin1Bytes(bytes, share);
  if (latin1 === null) return { text: asBuffer(bytes).toString("utf8"), shared: null };
  return { text: asBuffer(latin1).toString("latin1"), shared: share ? latin1 : null };
}

/**
 * The Latin-1 bytes of UTF-8 `bytes` whose characters are all below U+0100 (in shared memory when
 * `shared`), or null when one is not, or the UTF-8 is invalid.
 */
export function latin1Bytes(bytes: Uint8Array, shared = false): Uint8Array | null {
  const n = bytes.length;
  const out = shared ? sharedBytes(n) : Buffer.allocUnsafe(n);
  let i = 0, o = 0;
  while (i < n) {
    const end = Math.min(i + STRETCH, n);
    if (isAscii(bytes.subarray(i, end))) {
      out.set(bytes.subarray(i, end), o);
      o += end - i;
      i = end;
      continue;
    }
    // byte by byte to the stretch's end, and on past it to the next ASCII byte (never inside a character)
    while (i < end || (i < n && bytes[i]! >= 0x80)) {
      const c = bytes[i]!;
      if (c < 0x80) {
        out[o++] = c;
        i++;
        continue;
      }
      const next = i + 1 < n ? bytes[i + 1]! : 0;
      // U+0080–U+00BF is C2 80–BF, U+00C0–U+00FF is C3 80–BF
      if ((c !== 0xc2 && c !== 0xc3) || (next & 0xc0) !== 0x80) return null;
      out[o++] = ((c & 0x03) << 6) | (next & 0x3f);
      i += 2;
    }
  }
  return out.subarray(0, o);
}

function sharedBytes(n: number): Uint8Array {
  return new Uint8Array(new SharedArrayBuffer(n));
}

function asBuffer(b: Uint8Array): Buffer {
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

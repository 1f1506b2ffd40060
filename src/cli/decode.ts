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
 * first, in place. Anything else (a character past U+00FF, a byte-order mark, invalid UTF-8) is
 * decoded as before.
 */
import { isAscii } from "node:buffer";

/** Bytes are checked for ASCII this many at a time: a non-ASCII stretch is rewritten byte by byte. */
const STRETCH = 1 << 16;

export interface Decoded {
  readonly text: string;
  /** The text's Latin-1 bytes, one a character (a view of the bytes decoded, rewritten in place), or null when the text is not Latin-1. */
  readonly latin1: Uint8Array | null;
}

/**
 * The text of UTF-8 `bytes`. A Latin-1 text that is not ASCII is rewritten to Latin-1 in place
 * (it only shrinks), so the caller's buffer, when in shared memory, can be handed to the thread
 * that scans a large file ahead (cli/prescan.ts) without another copy.
 */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  if (isAscii(bytes)) return { text: asBuffer(bytes).toString("latin1"), latin1: bytes };
  // a first pass only reads (a text that is not Latin-1 is left as it was), a second rewrites
  if (latin1Pass(bytes, false) < 0) return { text: asBuffer(bytes).toString("utf8"), latin1: null };
  const latin1 = bytes.subarray(0, latin1Pass(bytes, true));
  return { text: asBuffer(latin1).toString("latin1"), latin1 };
}

/** The number of characters of UTF-8 `bytes` when every one is below U+0100, else −1 (one too high, or invalid UTF-8). */
export function latin1Length(bytes: Uint8Array): number {
  return latin1Pass(bytes, false);
}

/**
 * latin1Length of `bytes`; with `write`, also rewrites them as Latin-1 in place, from the front
 * (each character takes at most the bytes it had), which only a text latin1Length accepts may have.
 */
function latin1Pass(bytes: Uint8Array, write: boolean): number {
  const n = bytes.length;
  let i = 0, o = 0;
  while (i < n) {
    const end = Math.min(i + STRETCH, n);
    if (isAscii(bytes.subarray(i, end))) {
      if (write && o !== i) bytes.copyWithin(o, i, end);
      o += end - i;
      i = end;
      continue;
    }
    // byte by byte to the stretch's end, and on past it to the next ASCII byte (never inside a character)
    while (i < end || (i < n && bytes[i]! >= 0x80)) {
      const c = bytes[i]!;
      if (c < 0x80) {
        if (write) bytes[o] = c;
        o++;
        i++;
        continue;
      }
      // U+0080–U+00BF is C2 80–BF, U+00C0–U+00FF is C3 80–BF
      const next = i + 1 < n ? bytes[i + 1]! : 0;
      if ((c !== 0xc2 && c !== 0xc3) || (next & 0xc0) !== 0x80) return -1;
      if (write) bytes[o] = ((c & 0x03) << 6) | (next & 0x3f);
      o++;
      i += 2;
    }
  }
  return o;
}

function asBuffer(b: Uint8Array): Buffer {
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

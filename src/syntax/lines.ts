/**
 * Where the lines of a text end (LF, CR LF or CR), as forEachStatement (parse.ts) and the
 * prescan thread (compile/prescan.ts) both find them; apart so that thread loads no chevrotain.
 */

/** The first position of `ch` in `text` at or after `from`, or the text's length. */
export function indexOrEnd(text: string, ch: string, from: number): number {
  const i = text.indexOf(ch, from);
  return i < 0 ? text.length : i;
}

/** Where the next line starts after a line ending at `end`, the first LF or CR at or after its start being at `nextLF`, `nextCR` (a CR LF ends a line once). */
export function nextLineStart(end: number, nextLF: number, nextCR: number): number {
  return end === nextCR && nextLF === end + 1 ? end + 2 : end + 1;
}

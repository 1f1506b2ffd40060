/**
 * Strings → their index in the order they were added, by open addressing (network/hash-slots.ts)
 * on a hash of their characters. A string is found on the characters of a longer text (a line) without slicing it
 * out, and a table of 10^5–10^6 names holds two typed arrays and the strings, not a Map entry per
 * name that the garbage collector copies from generation to generation. The compiler's name table
 * (name-index.ts) and its reaction labels (reactions.ts) are kept in one each.
 *
 *   const t = new StringTable();
 *   t.add("A"); t.add("ATP");
 *   t.find("2 A + ATP", 6, 9);   // 1
 *   t.find("2 A + ATP", 2, 4);   // -1: "A " is not in it
 */
import { HashSlots, mix } from "../network/hash-slots.js";

export class StringTable {
  /** The strings, by index. */
  readonly strings: string[] = [];
  readonly #slots = new HashSlots();

  get size(): number {
    return this.strings.length;
  }

  /** The index of `t[start, end)`, or −1 when it is not in the table. */
  find(t: string, start: number, end: number): number {
    const h = hashChars(t, start, end), slots = this.#slots;
    for (let at = slots.start(h); ; at = slots.next(at)) {
      const i = slots.entry(at);
      if (i < 0) return -1;
      if (slots.hash(i) === h && sameChars(this.strings[i]!, t, start, end)) return i;
    }
  }

  /** Adds `s`, which the caller knows is not in the table; its index. */
  add(s: string): number {
    return this.#place(s, hashChars(s, 0, s.length));
  }

  /** Adds `s` unless it is in the table, hashing it once: its new index, or −1 when it was there. */
  addIfNew(s: string): number {
    const h = hashChars(s, 0, s.length), slots = this.#slots;
    for (let at = slots.start(h); ; at = slots.next(at)) {
      const i = slots.entry(at);
      if (i < 0) return this.#place(s, h);
      if (slots.hash(i) === h && sameChars(this.strings[i]!, s, 0, s.length)) return -1;
    }
  }

  #place(s: string, h: number): number {
    const index = this.strings.length;
    this.strings.push(s);
    this.#slots.place(index, h);
    return index;
  }
}

/** Whether `s` is the characters t[start, end). */
function sameChars(s: string, t: string, start: number, end: number): boolean {
  if (s.length !== end - start) return false;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== t.charCodeAt(start + i)) return false;
  return true;
}

/** A 32-bit FNV-1a hash of the characters t[start, end), finished by MurmurHash3's mixer. */
function hashChars(t: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
  return mix(h) | 0;
}

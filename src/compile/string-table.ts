/**
 * Strings → their index in the order they were added, by open addressing on a hash of their
 * characters. A string is found on the characters of a longer text (a line) without slicing it
 * out, and a table of 10^5–10^6 names holds two typed arrays and the strings, not a Map entry per
 * name that the garbage collector copies from generation to generation. The compiler's name table
 * (name-index.ts) and its reaction labels (reactions.ts) are kept in one each.
 *
 *   const t = new StringTable();
 *   t.add("A"); t.add("ATP");
 *   t.find("2 A + ATP", 6, 9);   // 1
 *   t.find("2 A + ATP", 2, 4);   // -1: "A " is not in it
 */
import { mix } from "../network/build.js";

export class StringTable {
  /** The strings, by index. */
  readonly strings: string[] = [];
  /** Per slot an index + 1, 0 when empty; the size a power of two, at most half full. */
  #slots = new Int32Array(1024);
  /** Each string's hash by index, so growing never reads the strings again. */
  #hashes = new Int32Array(512);

  get size(): number {
    return this.strings.length;
  }

  /** The index of `t[start, end)`, or −1 when it is not in the table. */
  find(t: string, start: number, end: number): number {
    const h = hashChars(t, start, end);
    const slots = this.#slots, mask = slots.length - 1;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const i = slots[at]! - 1;
      if (i < 0) return -1;
      if (this.#hashes[i] === h && sameChars(this.strings[i]!, t, start, end)) return i;
    }
  }

  /** Adds `s`, which the caller knows is not in the table; its index. */
  add(s: string): number {
    const h = hashChars(s, 0, s.length);
    const index = this.strings.length;
    this.strings.push(s);
    if (index >= this.#hashes.length) {
      const grown = new Int32Array(2 * this.#hashes.length);
      grown.set(this.#hashes);
      this.#hashes = grown;
    }
    this.#hashes[index] = h;
    if (2 * this.strings.length > this.#slots.length) this.#grow();
    else this.#place(index, h);
    return index;
  }

  #place(index: number, h: number): void {
    const slots = this.#slots, mask = slots.length - 1;
    let at = h & mask;
    while (slots[at] !== 0) at = (at + 1) & mask;
    slots[at] = index + 1;
  }

  #grow(): void {
    this.#slots = new Int32Array(this.#slots.length * 2);
    for (let i = 0; i < this.strings.length; i++) this.#place(i, this.#hashes[i]!);
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

/**
 * Strings → their index in the order they were added, by open addressing (network/hash-slots.ts)
 * on a hash of their characters. A string is found on the characters of a longer text (a line)
 * without slicing it out, and a table of 10^5–10^6 names holds typed arrays and the strings, not a
 * Map entry per name that the garbage collector copies from generation to generation. A short
 * name (at most 8 characters below 256: `s249999`, `S123`, `r42`) is compared by its characters
 * packed into two ints beside its hash, not by reading its string: a lookup in a large table then
 * misses the cache twice (its slot, its key), not four times (1M lookups in 250 000 names: ~200 →
 * ~65 ms). The compiler's name table (name-index.ts) and its reaction labels (reactions.ts) are
 * kept in one each.
 *
 *   const t = new StringTable();
 *   t.add("A"); t.add("ATP");
 *   t.find("2 A + ATP", 6, 9);   // 1
 *   t.find("2 A + ATP", 2, 4);   // -1: "A " is not in it
 */
import { HashSlots, mix } from "../network/hash-slots.js";
import { grown } from "../numeric/grown.js";

export class StringTable {
  /** The strings, by index. */
  readonly strings: string[] = [];
  readonly #slots = new HashSlots();
  /**
   * Per entry i, at KEY·i: its hash, its length, and (for a string of at most 8 characters, each
   * below 256) those characters packed four to an int, so a lookup compares four ints in one
   * place instead of reading the string (two more cache misses in a table of 10^5–10^6 names);
   * the length is LONG for any other string, which is compared character by character.
   */
  #keys = new Int32Array(KEY * 512);
  /** The packed characters of the last string hashed (`#hash`), when it packs. */
  #k0 = 0;
  #k1 = 0;
  #packs = false;

  get size(): number {
    return this.strings.length;
  }

  /** The index of `t[start, end)`, or −1 when it is not in the table. */
  find(t: string, start: number, end: number): number {
    const h = this.#hash(t, start, end), slots = this.#slots;
    for (let at = slots.start(h); ; at = slots.next(at)) {
      const i = slots.entry(at);
      if (i < 0) return -1;
      if (this.#is(i, h, t, start, end)) return i;
    }
  }

  /** Adds `s`, which the caller knows is not in the table; its index. */
  add(s: string): number {
    return this.#place(s, this.#hash(s, 0, s.length));
  }

  /** Adds `s` unless it is in the table, hashing it once: its new index, or −1 when it was there. */
  addIfNew(s: string): number {
    const h = this.#hash(s, 0, s.length), slots = this.#slots;
    for (let at = slots.start(h); ; at = slots.next(at)) {
      const i = slots.entry(at);
      if (i < 0) return this.#place(s, h);
      if (this.#is(i, h, s, 0, s.length)) return -1;
    }
  }

  /** Whether entry i is t[start, end), whose hash is h (and whose packed characters `#hash` has just made). */
  #is(i: number, h: number, t: string, start: number, end: number): boolean {
    const keys = this.#keys, o = KEY * i;
    if (keys[o] !== h) return false;
    if (this.#packs) return keys[o + 1] === end - start && keys[o + 2] === this.#k0 && keys[o + 3] === this.#k1;
    return keys[o + 1] === LONG && sameChars(this.strings[i]!, t, start, end);
  }

  #place(s: string, h: number): number {
    const index = this.strings.length;
    this.strings.push(s);
    if (KEY * index + KEY > this.#keys.length) this.#keys = grown(this.#keys, 2 * this.#keys.length);
    const keys = this.#keys, o = KEY * index;
    keys[o] = h;
    keys[o + 1] = this.#packs ? s.length : LONG;
    keys[o + 2] = this.#k0;
    keys[o + 3] = this.#k1;
    this.#slots.place(index, h);
    return index;
  }

  /**
   * A 32-bit FNV-1a hash of the characters t[start, end), finished by MurmurHash3's mixer; on the
   * way, their packing (`#k0`, `#k1`, `#packs`: at most 8 characters, each below 256).
   */
  #hash(t: string, start: number, end: number): number {
    let h = 0x811c9dc5 | 0, k0 = 0, k1 = 0, wide = 0;
    for (let i = start; i < end; i++) {
      const c = t.charCodeAt(i), k = i - start;
      h = Math.imul(h ^ c, 0x01000193);
      wide |= c;
      if (k < 4) k0 |= c << (8 * k);
      else if (k < 8) k1 |= c << (8 * (k - 4));
    }
    this.#k0 = k0;
    this.#k1 = k1;
    this.#packs = end - start <= 8 && wide < 256;
    return mix(h) | 0;
  }
}

/** Ints per entry in StringTable's keys: hash, length (or LONG), two of packed characters. */
const KEY = 4;
/** The length kept for a string that does not pack (longer than 8, or a character from 256 on). */
const LONG = -1;

/** Whether `s` is the characters t[start, end). */
function sameChars(s: string, t: string, start: number, end: number): boolean {
  if (s.length !== end - start) return false;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== t.charCodeAt(start + i)) return false;
  return true;
}

/**
 * The probing half of an open-addressing hash table whose entries live elsewhere, by index (the
 * compiler's names and labels, compile/string-table.ts; the IR's complexes, build.ts): per slot an
 * entry index, per entry its 32-bit hash, linear probing, at most half full. The caller compares
 * its own entries, so a lookup allocates nothing:
 *
 *   for (let at = slots.start(h); ; at = slots.next(at)) {
 *     const i = slots.entry(at);
 *     if (i < 0) break;                            // not there: slots.place(newIndex, h)
 *     if (slots.hash(i) === h && same(i)) return i;
 *   }
 */
export class HashSlots {
  /** Entry index + 1 per slot, 0 when empty; the size a power of two. */
  #slots: Int32Array;
  /** Each placed entry's hash by entry index, so growing never reads the entries again. */
  #hashes = new Int32Array(512);
  #placed = 0;

  /** `expected`: about how many entries there will be (the table starts big enough for them). */
  constructor(expected = 0) {
    let size = 1024;
    while (size < 2 * expected && size < 1 << 22) size *= 2;
    this.#slots = new Int32Array(size);
  }

  /** The first slot to look at for hash `h`. */
  start(h: number): number {
    return h & (this.#slots.length - 1);
  }

  next(at: number): number {
    return (at + 1) & (this.#slots.length - 1);
  }

  /** The entry at slot `at`, or −1 when the slot is empty (where a probe ends). */
  entry(at: number): number {
    return this.#slots[at]! - 1;
  }

  /** The hash entry `index` was placed with. */
  hash(index: number): number {
    return this.#hashes[index]!;
  }

  /** Places entry `index`, not placed before, with hash `h` (a 32-bit integer). */
  place(index: number, h: number): void {
    if (index >= this.#hashes.length) {
      let size = 2 * this.#hashes.length;
      while (index >= size) size *= 2;
      const grown = new Int32Array(size);
      grown.set(this.#hashes);
      this.#hashes = grown;
    }
    this.#hashes[index] = h;
    if (2 * ++this.#placed > this.#slots.length) this.#grow();
    this.#put(index + 1, h);
  }

  #put(code: number, h: number): void {
    const slots = this.#slots, mask = slots.length - 1;
    let at = h & mask;
    while (slots[at] !== 0) at = (at + 1) & mask;
    slots[at] = code;
  }

  #grow(): void {
    const old = this.#slots;
    this.#slots = new Int32Array(old.length * 2);
    for (let k = 0; k < old.length; k++) {
      const code = old[k]!;
      if (code !== 0) this.#put(code, this.#hashes[code - 1]!);
    }
  }
}

/**
 * MurmurHash3's finaliser: every input bit reaches every output bit. FNV's multiplier alone leaves
 * the low bits (the ones a power-of-two table keeps) depending only on the inputs' low bits, and
 * the old `h ^ (h >>> 15)` brought only some high bits down.
 */
export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Where a complex's hash starts (FNV-1a's offset basis): h = termsHashStep(h, index, coefficient) per term, then mix(h). */
export const TERMS_HASH_SEED = 0x811c9dc5 | 0;

/** One term of a complex's hash: the term lists of build.ts and the packed lists of packed.ts hash alike. */
export function termsHashStep(h: number, index: number, coefficient: number): number {
  return Math.imul(Math.imul(h ^ index, 0x01000193) ^ coefficient, 0x01000193);
}

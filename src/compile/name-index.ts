/**
 * The species (or states) and reservoirs of a file by name: one open-addressing table on a hash of
 * each name's characters, filled as the declarations are read. The compiler's fast path finds a
 * name on a line's characters without slicing a string out of it (`find`); the IR's speciesIndex
 * and reservoirIndex are read-only views of the same table (`species`, `reservoirs`), so a file of
 * 10^5–10^6 states hashes and stores each name once, not in two Maps and a table besides.
 *
 *   const names = new NameIndex();
 *   names.add("species", "A"); names.add("reservoir", "ATP");
 *   names.find("2 A + ATP", 2, 3);     // 1: species 0
 *   names.find("2 A + ATP", 6, 9);     // -1: reservoir 0
 *   names.species.get("A");            // 0
 */
import { mix } from "../network/build.js";

/** i + 1 for species i, −(i + 1) for reservoir i, 0 for neither. */
export type NameCode = number;

export class NameIndex {
  /** The names in declaration order, species (states) and reservoirs apart. */
  readonly speciesNames: string[] = [];
  readonly reservoirNames: string[] = [];
  /** Per slot a NameCode, 0 when empty; the size a power of two, at most half full. */
  #slots = new Int32Array(1024);
  /** Each name's hash by species index and by reservoir index, so growing never rereads names. */
  #speciesHash = new Int32Array(1024);
  #reservoirHash = new Int32Array(16);
  readonly species: ReadonlyMap<string, number> = new KindView(this, 1);
  readonly reservoirs: ReadonlyMap<string, number> = new KindView(this, -1);

  /** Registers a name not registered before (the caller checks); its index among its kind. */
  add(kind: "species" | "reservoir", name: string): number {
    const h = hash(name, 0, name.length);
    const list = kind === "species" ? this.speciesNames : this.reservoirNames;
    const index = list.length;
    list.push(name);
    if (kind === "species") this.#speciesHash = keep(this.#speciesHash, index, h);
    else this.#reservoirHash = keep(this.#reservoirHash, index, h);
    if (2 * (this.speciesNames.length + this.reservoirNames.length) > this.#slots.length) this.#grow();
    this.#place(kind === "species" ? index + 1 : -(index + 1), h);
    return index;
  }

  /** The code of the name `t[start, end)` (0 when it names neither a species nor a reservoir). */
  find(t: string, start: number, end: number): NameCode {
    const slots = this.#slots, mask = slots.length - 1;
    for (let h = hash(t, start, end) & mask; ; h = (h + 1) & mask) {
      const code = slots[h]!;
      if (code === 0) return 0;
      const name = this.name(code);
      if (name.length === end - start && t.startsWith(name, start)) return code;
    }
  }

  /** The name a code stands for. */
  name(code: NameCode): string {
    return (code > 0 ? this.speciesNames[code - 1] : this.reservoirNames[-code - 1]) ?? "";
  }

  #place(code: NameCode, h: number): void {
    const slots = this.#slots, mask = slots.length - 1;
    let at = h & mask;
    while (slots[at] !== 0) at = (at + 1) & mask;
    slots[at] = code;
  }

  #grow(): void {
    this.#slots = new Int32Array(this.#slots.length * 2);
    for (let i = 0; i < this.speciesNames.length; i++) this.#place(i + 1, this.#speciesHash[i]!);
    for (let i = 0; i < this.reservoirNames.length; i++) this.#place(-(i + 1), this.#reservoirHash[i]!);
  }
}

/** `hashes` with `h` at `index`, grown (doubled) when it has no room. */
function keep(hashes: Int32Array<ArrayBuffer>, index: number, h: number): Int32Array<ArrayBuffer> {
  let out = hashes;
  if (index >= hashes.length) {
    out = new Int32Array(2 * hashes.length);
    out.set(hashes);
  }
  out[index] = h;
  return out;
}

/** A 32-bit FNV-1a hash of the characters t[start, end), finished by MurmurHash3's mixer. */
function hash(t: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
  return mix(h) | 0;
}

/** The names of one kind (sign 1 species, −1 reservoirs) → index, in declaration order. */
class KindView implements ReadonlyMap<string, number> {
  // private fields, so a view serialises as a Map does (to {}), not as the whole table
  readonly #index: NameIndex;
  readonly #sign: 1 | -1;

  constructor(index: NameIndex, sign: 1 | -1) {
    this.#index = index;
    this.#sign = sign;
  }

  get #names(): readonly string[] {
    return this.#sign > 0 ? this.#index.speciesNames : this.#index.reservoirNames;
  }

  get size(): number {
    return this.#names.length;
  }

  get(name: string): number | undefined {
    const code = this.#index.find(name, 0, name.length);
    return code * this.#sign > 0 ? code * this.#sign - 1 : undefined;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  *entries(): MapIterator<[string, number]> {
    const names = this.#names;
    for (let i = 0; i < names.length; i++) yield [names[i]!, i];
  }

  *keys(): MapIterator<string> {
    yield* this.#names;
  }

  *values(): MapIterator<number> {
    for (let i = 0; i < this.#names.length; i++) yield i;
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }

  forEach(f: (value: number, key: string, map: ReadonlyMap<string, number>) => void, thisArg?: unknown): void {
    const names = this.#names;
    for (let i = 0; i < names.length; i++) f.call(thisArg, i, names[i]!, this);
  }
}

/**
 * A name → position map over a list whose i-th name can be worked out from i (a default reaction
 * id `R<n>`, a CME transition `<reaction>_<k>`), so that 10^5–10^6 names are not hashed into a
 * Map up front. A subclass says how many names there are, the name at a position, and how to
 * find a name; iteration is in position order, as a Map built from the list would give it.
 */
export abstract class PositionIndex implements ReadonlyMap<string, number> {
  abstract get size(): number;
  /** The name at position i (0 ≤ i < size). */
  protected abstract nameAt(i: number): string;
  /** The position of `name`, or undefined. */
  abstract get(name: string): number | undefined;

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  *entries(): MapIterator<[string, number]> {
    for (let i = 0; i < this.size; i++) yield [this.nameAt(i), i];
  }

  *keys(): MapIterator<string> {
    for (let i = 0; i < this.size; i++) yield this.nameAt(i);
  }

  *values(): MapIterator<number> {
    for (let i = 0; i < this.size; i++) yield i;
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }

  forEach(f: (value: number, key: string, map: ReadonlyMap<string, number>) => void, thisArg?: unknown): void {
    for (let i = 0; i < this.size; i++) f.call(thisArg, i, this.nameAt(i), this);
  }
}

/**
 * Ordering by value without a comparator: the Kruskal step of the busiest spanning forest
 * (analysis/steady-state/circulation.ts) and the listing of the largest violations (balance) sort
 * 10⁵–10⁶ positive doubles, where a closure per comparison costs more than the analysis.
 */
import { outOfRange } from "../checked.js";

/**
 * The indices i with values[i] > 0, largest value first, ties by ascending index: the order of a
 * stable sort by (b − a), by a least-significant-digit radix sort of the values' bit patterns (a
 * positive double, +∞ included, orders as its 64 bits; complemented for largest first): eight
 * passes of one byte, O(n). Zero, negative and NaN values are left out.
 *
 *   descendingOrder(Float64Array.of(1, 3, 0, 3, 2))   // Int32Array [1, 3, 4, 0]
 */
export function descendingOrder(values: Float64Array): Int32Array {
  let count = 0;
  for (let k = 0; k < values.length; k++) if ((values[k] ?? outOfRange()) > 0) count++;
  let order = new Int32Array(count), spare = new Int32Array(count);
  for (let k = 0, c = 0; k < values.length; k++) if ((values[k] ?? outOfRange()) > 0) order[c++] = k;
  if (count === 0) return order;
  const bits = new Uint32Array(values.buffer, values.byteOffset, 2 * values.length);
  const little = new Uint8Array(Float64Array.of(1).buffer)[7] === 0x3f; // the high word second
  const bucket = new Int32Array(257);
  for (let pass = 0; pass < 8; pass++) {
    const word = (pass < 4) === little ? 0 : 1, shift = 8 * (pass % 4);
    const digit = (k: number): number => (~(bits[2 * k + word] ?? outOfRange()) >>> shift) & 255;
    bucket.fill(0);
    for (let i = 0; i < count; i++) {
      const d = digit(order[i] ?? outOfRange()) + 1;
      bucket[d] = (bucket[d] ?? outOfRange()) + 1;
    }
    if ((bucket[digit(order[0] ?? outOfRange()) + 1] ?? outOfRange()) === count) continue; // one digit for all: nothing moves
    for (let d = 0; d < 256; d++) bucket[d + 1] = (bucket[d + 1] ?? outOfRange()) + (bucket[d] ?? outOfRange());
    for (let i = 0; i < count; i++) {
      const k = order[i] ?? outOfRange(), d = digit(k);
      const at = bucket[d] ?? outOfRange();
      bucket[d] = at + 1;
      spare[at] = k;
    }
    [order, spare] = [spare, order];
  }
  return order;
}

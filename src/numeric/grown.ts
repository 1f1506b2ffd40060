/**
 * A typed array copied into a new one of `size` entries (≥ its length), the rest zero: how the
 * compiler's columns (packed reactions, names, declarations) grow.
 */
export function grown(a: Int32Array, size: number): Int32Array<ArrayBuffer>;
export function grown(a: Float64Array, size: number): Float64Array<ArrayBuffer>;
export function grown(a: Uint8Array, size: number): Uint8Array<ArrayBuffer>;
export function grown(a: Int32Array | Float64Array | Uint8Array, size: number): Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer> | Uint8Array<ArrayBuffer> {
  const out = a instanceof Int32Array ? new Int32Array(size) : a instanceof Float64Array ? new Float64Array(size) : new Uint8Array(size);
  out.set(a);
  return out;
}

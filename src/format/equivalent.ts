/**
 * Whether two texts compile to the same network: the check behind "formatting never changes what
 * a file means". Spans (where things were written) may differ, and so may the spacing inside an
 * assert's echoed text; everything else (names, order, stoichiometry, every rate constant, exact
 * values, asserts) must be identical, and the two must have the same diagnostic codes.
 */
import { compile } from "../compile/index.js";
import { reactionFields, ReactionRecord } from "../network/build.js";
import { ColumnReaction } from "../network/packed.js";
import type { Reaction } from "../network/types.js";

/** A compiled reaction: its fields may be getters (a packed one's are), which Object.keys does not list. */
const isReaction = (x: object): x is Reaction => x instanceof ColumnReaction || x instanceof ReactionRecord;

export function sameNetwork(before: string, after: string, file = "<input>"): boolean {
  const a = compile(before, file), b = compile(after, file);
  const codes = (r: typeof a): string => r.diagnostics.map((d) => `${d.severity}:${d.code}`).join(",");
  return codes(a) === codes(b) && equal(a.network, b.network, "");
}

/** Keys whose values say where something was written, not what it is. */
const POSITION_KEYS: ReadonlySet<string> = new Set(["span", "spans", "line", "column", "offset"]);

function equal(x: unknown, y: unknown, key: string): boolean {
  if (POSITION_KEYS.has(key)) return true;
  if (key === "text" && typeof x === "string" && typeof y === "string") return x.replace(/\s+/g, "") === y.replace(/\s+/g, "");
  if (Object.is(x, y)) return true;
  if (typeof x !== "object" || typeof y !== "object" || x === null || y === null) return false;
  // compared field by field whichever way each was lowered (a reformatted line may leave the fast path)
  if (isReaction(x) && isReaction(y)) return equal(reactionFields(x), reactionFields(y), key);
  // an object that says what it is in toJSON (a complex, whose label is a getter) is compared by that
  const own = (v: object): unknown => (typeof (v as { toJSON?: unknown }).toJSON === "function" ? (v as { toJSON(): unknown }).toJSON() : v);
  if (own(x) !== x || own(y) !== y) return equal(own(x), own(y), key);
  if (Object.getPrototypeOf(x) !== Object.getPrototypeOf(y)) return false;
  if (x instanceof Map && y instanceof Map) {
    if (x.size !== y.size) return false;
    return [...x].every(([k, v]) => y.has(k) && equal(v, y.get(k), ""));
  }
  if (x instanceof Set && y instanceof Set) return x.size === y.size && [...x].every((v) => y.has(v));
  if (ArrayBuffer.isView(x) && ArrayBuffer.isView(y)) {
    const a = new Uint8Array(x.buffer, x.byteOffset, x.byteLength), b = new Uint8Array(y.buffer, y.byteOffset, y.byteLength);
    return a.length === b.length && a.every((v, i) => v === b[i]);
  }
  const kx = Object.keys(x), ky = Object.keys(y);
  if (kx.length !== ky.length) return false;
  return kx.every((k) => Object.prototype.hasOwnProperty.call(y, k) && equal((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], k));
}

/**
 * How numbers and vectors enter the JSON report. A number that is infinite or undefined becomes
 * `null` and a note naming the field says why; keyed objects are null-prototype objects, so
 * names such as `__proto__` or `constructor` are ordinary keys.
 */
import type { CoefficientMap, NumberMap } from "./types.js";

/** Collects the `notes` that explain every `null` number, in the order the fields are made. */
export class NullNotes {
  readonly notes: string[] = [];

  /** `x` when finite; else null, with a note `path is null: reason` (the reason defaults to what x is). */
  num(x: number | null, path: string, reason?: string | null): number | null {
    if (x !== null && Number.isFinite(x)) return x;
    const what = x === null ? "not available" : Number.isNaN(x) ? "undefined" : x > 0 ? "+infinite" : "-infinite";
    this.notes.push(`${path} is null: ${reason ?? what}.`);
    return null;
  }
}

/** `{name: value}` for parallel lists of names and values, each value through `nulls.num`. */
export function keyed(names: readonly string[], values: readonly (number | null)[], nulls: NullNotes, path: string): NumberMap {
  const out: { [name: string]: number | null } = Object.create(null) as { [name: string]: number | null };
  names.forEach((name, i) => {
    out[name] = nulls.num(values[i] ?? null, `${path}.${name}`);
  });
  return out;
}

/** `{name: coefficient}` of an integer vector, zero entries left out. */
export function coefficients(names: readonly string[], vector: readonly number[]): CoefficientMap {
  const out: { [name: string]: number } = Object.create(null) as { [name: string]: number };
  vector.forEach((c, i) => {
    if (c !== 0) out[names[i] ?? `#${i}`] = c;
  });
  return out;
}

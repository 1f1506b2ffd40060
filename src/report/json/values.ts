/**
 * How numbers and vectors enter the JSON report. A number that is infinite or undefined becomes
 * `null` and a note naming the field says why; keyed objects are null-prototype objects, so
 * names such as `__proto__` or `constructor` are ordinary keys.
 */
import type { CoefficientMap, ExactCoefficientMap, NumberMap } from "./types.js";

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

/**
 * `{name: coefficient}` like `coefficients`, but an entry beyond 2^53 in magnitude is written as
 * its exact decimal string from `exact` (the analysis keeps such entries exactly), so no digit is
 * lost: `exactCoefficients(["A"], [2 ** 60], ["1152921504606846976"])` is `{A: "1152921504606846976"}`.
 */
export function exactCoefficients(names: readonly string[], vector: readonly number[], exact: readonly string[] | undefined): ExactCoefficientMap {
  if (exact === undefined) return coefficients(names, vector);
  const out: { [name: string]: number | string } = Object.create(null) as { [name: string]: number | string };
  vector.forEach((c, i) => {
    if (c === 0) return;
    const key = names[i] ?? `#${i}`;
    const digits = exact[i];
    out[key] = Number.isSafeInteger(c) || digits === undefined ? c : digits;
  });
  return out;
}

/** Entries that are not zero: what one listed vector costs in the JSON report. */
export function nonZero(vector: readonly number[]): number {
  let n = 0;
  for (const c of vector) if (c !== 0) n++;
  return n;
}

/**
 * How many entries (vector coefficients, names) the JSON report may still list. Each listing may
 * use at most `share` of the whole cap, and no more than is left, so one huge listing cannot crowd
 * out the others and the report stays far below the longest string JavaScript can make.
 */
export class ListingBudget {
  private left: number;

  constructor(readonly cap: number) {
    this.left = cap;
  }

  /** How many of `items`, from the first, fit in `share` of the cap; their cost is taken from the budget. */
  take<T>(items: readonly T[], cost: (item: T) => number, share: number): number {
    const allowed = Math.min(this.left, Math.floor(this.cap * share));
    let used = 0;
    let n = 0;
    for (const item of items) {
      const c = Math.max(1, cost(item));
      if (used + c > allowed) break;
      used += c;
      n++;
    }
    this.left -= used;
    return n;
  }
}

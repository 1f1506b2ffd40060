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

/**
 * `{name: value}` for parallel lists of names and values, each value through `nulls.num`. With a
 * `budget` whose report is a summary, only the entries `budget.largest` picks (largest magnitude
 * first), and the cut is recorded under `path`.
 */
export function keyed(names: readonly string[], values: ArrayLike<number | null>, nulls: NullNotes, path: string, budget?: ListingBudget): NumberMap {
  const out: { [name: string]: number | null } = Object.create(null) as { [name: string]: number | null };
  const picked = budget?.largest(values, names.length, path) ?? null;
  // the field's path is made only for a null (a note): not once per entry of a 10⁵-entry map
  const put = (i: number): void => {
    const name = names[i] ?? `#${i}`;
    const v = i < values.length ? values[i] ?? null : null;
    out[name] = v !== null && Number.isFinite(v) ? v : nulls.num(v, `${path}.${name}`);
  };
  if (picked !== null) for (const i of picked) put(i);
  else for (let i = 0; i < names.length; i++) put(i);
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
 * `{name: coefficient}` of a vector given by its nonzero entries (reactions ascending): the same
 * object as `coefficients` of its dense vector, in time proportional to the entries.
 * Example: supportCoefficients(["r1", "r2", "r3"], { reactions: [0, 2], coefficients: [1, -1] }) is {r1: 1, r3: -1}.
 */
export function supportCoefficients(names: readonly string[], support: { readonly reactions: readonly number[]; readonly coefficients: readonly number[] }): CoefficientMap {
  const out: { [name: string]: number } = Object.create(null) as { [name: string]: number };
  for (let i = 0; i < support.reactions.length; i++) {
    const r = support.reactions[i] ?? -1;
    const c = support.coefficients[i] ?? 0;
    if (c !== 0) out[names[r] ?? `#${r}`] = c;
  }
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
 *
 * A summary (`summaryEntries` not null: a network past `JsonOptions.summaryAbove`) lists, in each
 * per-species or per-reaction listing, at most `summaryEntries` entries (the first names, the
 * largest values) and records the listing's path in `cut`; counts elsewhere stay exact.
 */
export class ListingBudget {
  private left: number;
  /** The listings a summary cut, by JSON path, in the order they were made. */
  readonly cut: string[] = [];

  constructor(readonly cap: number, readonly summaryEntries: number | null = null) {
    this.left = cap;
  }

  /** How many of `n` items, from the first, a listing by name shows: all, or `summaryEntries` in a summary (the cut recorded at `path`). */
  first(n: number, path: string): number {
    if (this.summaryEntries === null || n <= this.summaryEntries) return n;
    this.cut.push(path);
    return this.summaryEntries;
  }

  /**
   * The indices a listing of `n` values shows: null for all of them, in order; in a summary past
   * `summaryEntries`, that many of the largest magnitude, largest first (a non-finite or missing
   * value counts as largest, ties by index), with the cut recorded at `path`.
   * Example: with summaryEntries 2, largest([0.1, -3, 2], 3, "x") is [1, 2].
   */
  largest(values: ArrayLike<number | null>, n: number, path: string): number[] | null {
    const k = this.summaryEntries;
    if (k === null || n <= k) return null;
    this.cut.push(path);
    const size = (i: number): number => {
      const v = i < values.length ? values[i] : null;
      return v === null || v === undefined || !Number.isFinite(v) ? Infinity : Math.abs(v);
    };
    // the k best so far, in order; a new index enters by insertion (k is small: O(n k) at worst)
    const best: number[] = [];
    const sizes: number[] = [];
    for (let i = 0; i < n; i++) {
      const m = size(i);
      if (best.length === k && !(m > (sizes[k - 1] ?? -1))) continue;
      let at = best.length === k ? k - 1 : best.length;
      while (at > 0 && m > (sizes[at - 1] ?? Infinity)) {
        best[at] = best[at - 1] ?? 0;
        sizes[at] = sizes[at - 1] ?? 0;
        at--;
      }
      best[at] = i;
      sizes[at] = m;
    }
    return best;
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

/**
 * A typed array's values as a plain packed array, for results the IR hands out as number[].
 * `Array.from(typed)` goes through the iterator: on code that runs once (a report's steady state,
 * still in the interpreter) each value is boxed on the way, ~20 MB for the five arrays of a
 * 40 000-state steady state. Pushing in an index loop keeps the doubles unboxed, and the array
 * packed (not holey as `new Array(n)` would make it, whose reads `x[i] ?? …` box again).
 *
 *   numbers(Float64Array.of(0.5, 2))   // → [0.5, 2]
 */
export function numbers(a: Float64Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.length; i++) out.push(a[i] as number);
  return out;
}

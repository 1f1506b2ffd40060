/**
 * The one way numeric/ reads an array at an index that is in range by construction (a CSR row
 * pointer, a permutation, a front entry): `a[i] ?? outOfRange()`. Reaching it means a bug in
 * ness, never bad input, so it throws instead of defaulting. In optimised code the check is
 * free: V8 types an in-bounds typed-array load as a number and drops the dead branch.
 *
 *     const j = perm[g] ?? outOfRange();
 */
export function outOfRange(): never {
  throw new Error("internal error: an index that is in range by construction is not");
}

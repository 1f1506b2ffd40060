/**
 * Forward-mode derivatives of compiled values with respect to params: a value's sensitivity is
 * the map p ↦ ∂value/∂p over the params its expression depends on, carried beside the double as
 * the expression is evaluated (evaluate.ts) and combined by the chain rule at every operation.
 *
 * A param's own value has sensitivity 1 to itself plus what its definition has (param b = a^2
 * gives b {b: 1, a: 2a}): an override of `a` changes `b` (its expression is evaluated again with
 * the new `a`), an override of `b` replaces it whatever `a` is, so each entry is the derivative
 * that recompiling with `overrides` changes. A value that depends on no param has none
 * (`undefined`), so literals cost nothing.
 */

/** ∂value/∂p per param p; undefined when the value depends on no param. */
export type Sensitivity = ReadonlyMap<string, number> | undefined;

/**
 * The sensitivity of a·x + b·y from those of x and y (the chain rule of every operation):
 *
 *   linear(sx, 2, sy, -1)   // ∂(2x − y)/∂p = 2 ∂x/∂p − ∂y/∂p
 *
 * A coefficient that is 0 drops its side (so 0 · ∞ never makes a NaN from an unused side).
 */
export function linear(x: Sensitivity, a: number, y: Sensitivity, b: number): Sensitivity {
  const useX = x !== undefined && x.size > 0 && a !== 0;
  const useY = y !== undefined && y.size > 0 && b !== 0;
  if (!useX && !useY) return undefined;
  const out = new Map<string, number>();
  if (useX) for (const [p, d] of x) out.set(p, a * d);
  if (useY) for (const [p, d] of y) out.set(p, (out.get(p) ?? 0) + b * d);
  return out;
}

/** The sensitivity of c·x. */
export function scaled(x: Sensitivity, c: number): Sensitivity {
  return linear(x, c, undefined, 0);
}

/** A param's sensitivity: 1 to itself, and its definition's to the params that one uses. */
export function ofParam(name: string, definition: Sensitivity): Sensitivity {
  const out = new Map<string, number>([[name, 1]]);
  if (definition) for (const [p, d] of definition) if (p !== name) out.set(p, d);
  return out;
}

/**
 * The sensitivity of x^y for x = `base`, y = `power`, value v = x^y:
 *   ∂v = y x^(y−1) ∂x + v ln x ∂y.
 * The ∂x coefficient is 0 when y = 0 (x^0 = 1); the ∂y coefficient is 0 when v = 0 (0^y for y > 0)
 * and NaN when x < 0 (x^y is then defined at integers y only: no derivative in y).
 */
export function power(sx: Sensitivity, base: number, sy: Sensitivity, exponent: number, value: number): Sensitivity {
  const dx = exponent === 0 ? 0 : exponent * Math.pow(base, exponent - 1);
  const dy = value === 0 ? 0 : base > 0 ? value * Math.log(base) : NaN;
  return linear(sx, dx, sy, dy);
}

/** A copy of `s` for a record that says it is absent when empty (`{ ...x, ...field(s) }`). */
export function field(s: Sensitivity): { sensitivity?: ReadonlyMap<string, number> } {
  return s !== undefined && s.size > 0 ? { sensitivity: s } : {};
}

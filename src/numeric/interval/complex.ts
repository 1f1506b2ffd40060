/**
 * Complex intervals as rectangles re + i·im, each part a real outward-rounded interval.
 * Rectangles are convex, which is what the Krawczyk test needs: the integral mean value form
 * F(x) − F(m) = ∫₀¹ J(m + s(x − m)) ds · (x − m) stays inside a rectangle enclosure of J.
 *
 *     cmul(cpoint(0, 1), cpoint(0, 1))   // ⊇ −1 + 0i
 */
import { add as iadd, hull as ihull, inInterior as iin, intersect as icap, mul as imul, neg as ineg, point, sub as isub, type Interval } from "./interval.js";

export interface ComplexInterval {
  readonly re: Interval;
  readonly im: Interval;
}

export const cpoint = (re: number, im: number): ComplexInterval => ({ re: point(re), im: point(im) });
export const cadd = (a: ComplexInterval, b: ComplexInterval): ComplexInterval => ({ re: iadd(a.re, b.re), im: iadd(a.im, b.im) });
export const csub = (a: ComplexInterval, b: ComplexInterval): ComplexInterval => ({ re: isub(a.re, b.re), im: isub(a.im, b.im) });
export const cneg = (a: ComplexInterval): ComplexInterval => ({ re: ineg(a.re), im: ineg(a.im) });

/** (a + bi)(c + di) = (ac − bd) + (ad + bc)i, each product and sum rounded outward. */
export function cmul(x: ComplexInterval, y: ComplexInterval): ComplexInterval {
  return {
    re: isub(imul(x.re, y.re), imul(x.im, y.im)),
    im: iadd(imul(x.re, y.im), imul(x.im, y.re)),
  };
}

/** x^n by repeated multiplication (n ≥ 0). */
export function cpow(x: ComplexInterval, n: number): ComplexInterval {
  let p = cpoint(1, 0);
  for (let k = 0; k < n; k++) p = cmul(p, x);
  return p;
}

export const chull = (a: ComplexInterval, b: ComplexInterval): ComplexInterval => ({ re: ihull(a.re, b.re), im: ihull(a.im, b.im) });

/** a ∩ b, or undefined when disjoint. */
export function cintersect(a: ComplexInterval, b: ComplexInterval): ComplexInterval | undefined {
  const re = icap(a.re, b.re), im = icap(a.im, b.im);
  return re && im ? { re, im } : undefined;
}

/** a lies in the interior of b (both parts strictly inside). */
export const cinInterior = (a: ComplexInterval, b: ComplexInterval): boolean => iin(a.re, b.re) && iin(a.im, b.im);

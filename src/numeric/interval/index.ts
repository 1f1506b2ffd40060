/**
 * Verified arithmetic: outward-rounded real and complex intervals and exact dyadic rationals,
 * for certifying roots (src/numeric/continuous/homotopy/certify.ts runs the Krawczyk test on
 * them). Outward rounding is emulated by stepping each correctly rounded result one ulp out
 * (round.ts), since JavaScript cannot set rounding modes.
 *
 *     import { interval, mul } from "../interval/index.js";
 *     mul(interval(0.1), interval(3))   // contains the exact product of the double 0.1 and 3
 */
export * from "./round.js";
export * from "./interval.js";
export * from "./complex.js";
export * from "./dyadic.js";

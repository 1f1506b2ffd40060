/**
 * Two simple roots 1e-7 apart are two steady states (issue 10 item 8). One species X with
 *
 *   r0: 0 <-> X @ k0, k1      r1: 2 X <-> 3 X @ k2, k3
 *
 * has dx/dt = k0 − k1 x + k2 x² − k3 x³. Asking for −(x − a)(x − b)(x − c) with a = 1,
 * b = 1 + 1e-7, c = 2 and k3 = 1 gives, by expanding,
 *   k2 = a + b + c = 4.0000001,  k1 = ab + bc + ca = 5.0000003,  k0 = abc = 2.0000002.
 * Below a dx/dt > 0, between a and b dx/dt < 0, between b and c > 0, above c < 0: a and c are
 * stable, b is unstable. The rates are held as doubles (relative error ≤ u/2 = 1.1e-16 each), which
 * moves dx/dt near x = 1 by at most u/2 (k0 + k1 + k2 + k3) ≈ 6.7e-16 while |dx/dt'| there is
 * (b − a)(c − a) = 1e-7: each root moves by at most ~6.7e-9, far less than the 1e-7 gap. So the
 * listed roots must lie within 1e-8 of a and b, be two states, and the floating isolation (which sees
 * the ~2.5e-15 dip between them as a double root at rounding) must not merge them.
 */
import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/analysis/index.js";
import { net } from "../helpers.js";

describe("roots 1e-7 apart", () => {
  it("−(x − 1)(x − 1 − 1e-7)(x − 2): three states, stable, unstable, stable, complete", () => {
    const a = analyze(net("species X = 0.5\nr0: 0 <-> X @ 2.0000002, 5.0000003\nr1: 2 X <-> 3 X @ 4.0000001, 1\n"));
    const states = [...a.steadyStates.states].sort((u, v) => (u.concentrations[0] ?? NaN) - (v.concentrations[0] ?? NaN));
    expect(states.map((s) => s.stable)).toEqual([true, false, true]);
    const [x1, x2, x3] = states.map((s) => s.concentrations[0] ?? NaN);
    expect(Math.abs((x1 ?? NaN) - 1)).toBeLessThan(1e-8);
    expect(Math.abs((x2 ?? NaN) - (1 + 1e-7))).toBeLessThan(1e-8);
    expect(Math.abs((x3 ?? NaN) - 2)).toBeLessThan(1e-8);
    // each is a root exactly bracketed, so the list is proved complete
    expect(a.steadyStates.complete).toBe(true);
  });

  it("the same cubic with its two close roots 1e-7 apart moved to a double root at 1: one state, not two", () => {
    // −(x − 1)²(x − 2): k2 = 4, k1 = 5, k0 = 2 (exact); x = 1 is a root exactly, touching
    const a = analyze(net("species X = 0.5\nr0: 0 <-> X @ 2, 5\nr1: 2 X <-> 3 X @ 4, 1\n"));
    const xs = a.steadyStates.states.map((s) => s.concentrations[0] ?? NaN).sort((u, v) => u - v);
    expect(xs).toHaveLength(2);
    expect(Math.abs((xs[0] ?? NaN) - 1)).toBeLessThan(1e-7);
    expect(Math.abs((xs[1] ?? NaN) - 2)).toBeLessThan(1e-12);
  });
});

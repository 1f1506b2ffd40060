/**
 * Sensitivities of compiled values (RateConstant.sensitivity, Reservoir.sensitivity): against
 * closed-form derivatives, and against central differences of values recompiled with
 * `overrides` (Richardson-extrapolated, so truncation is O(h⁴) and rounding ~ε f / h) on random
 * expressions.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/index.js";
import type { Network } from "../../src/network/types.js";
import { compiles } from "../helpers/compile.js";

const entries = (m: ReadonlyMap<string, number> | undefined): Record<string, number> => Object.fromEntries(m ?? []);

/** Expects each derivative within `rel` of its closed form (relative to the closed form). */
function near(got: ReadonlyMap<string, number> | undefined, want: Record<string, number>, rel = 1e-14): void {
  expect(Object.keys(entries(got)).sort()).toEqual(Object.keys(want).sort());
  for (const [p, d] of Object.entries(want)) {
    const g = got?.get(p) ?? NaN;
    expect(Math.abs(g - d), `∂/∂${p}: ${g} against ${d}`).toBeLessThanOrEqual(rel * Math.abs(d) + 1e-300);
  }
}

describe("sensitivities in closed form", () => {
  it("k = 2 exp(−F d / kT): ∂k/∂F = −(d/kT) k, ∂k/∂d = −(F/kT) k, ∂k/∂kT = (F d/kT²) k", () => {
    const n = compiles("param F = 1.5, d = 2, kT = 4.1\nspecies A, B\nA -> B @ 2*exp(-F*d/kT)");
    const k = n.reactions[0]!.forward;
    const [F, d, kT] = [1.5, 2, 4.1];
    expect(k.value).toBeCloseTo(2 * Math.exp((-F * d) / kT), 15);
    near(k.sensitivity, { F: (-d / kT) * k.value, d: (-F / kT) * k.value, kT: ((F * d) / (kT * kT)) * k.value });
  });

  it("quotients, powers, log and sqrt", () => {
    const n = compiles("param a = 3, b = 0.5\nspecies A, B\nA <-> B @ a / (1 + b), sqrt(a) * log(a) + b ^ a");
    const [a, b] = [3, 0.5];
    near(n.reactions[0]!.forward.sensitivity, { a: 1 / (1 + b), b: -a / (1 + b) ** 2 });
    near(n.reactions[0]!.reverse!.sensitivity, {
      a: Math.log(a) / (2 * Math.sqrt(a)) + Math.sqrt(a) / a + b ** a * Math.log(b),
      b: a * b ** (a - 1),
    });
  });

  it("a param defined from another carries both: ∂k/∂b = 1 and ∂k/∂a through b", () => {
    const n = compiles("param a = 2\nparam b = a ^ 2 - a\nspecies A, B\nA -> B @ b");
    near(n.reactions[0]!.forward.sensitivity, { b: 1, a: 2 * 2 - 1 });
  });

  it("literals and constant expressions carry none", () => {
    const n = compiles("param k = 2\nspecies A, B\nA <-> B @ 1.5, 2 * exp(1)\nB -> A @ k");
    expect(n.reactions[0]!.forward.sensitivity).toBeUndefined();
    expect(n.reactions[0]!.reverse!.sensitivity).toBeUndefined();
    expect(entries(n.reactions[1]!.forward.sensitivity)).toEqual({ k: 1 });
  });

  it("reservoirs: the derivative of the held concentration with respect to the params it uses", () => {
    const n = compiles("param c = 0.3, s = 2\nspecies A, B\nreservoir Y = s * exp(c), Z = 4\nA + Y -> B + Z @ 1");
    near(n.reservoirs[0]!.sensitivity, { s: Math.exp(0.3), c: 2 * Math.exp(0.3) });
    expect(n.reservoirs[1]!.sensitivity).toBeUndefined();
  });

  it("constants built from energies: barrier, prefactor and energies that use params", () => {
    const text = [
      "param g = -1.5, h = 2, nu = 10",
      "energy A = 0, B = g, C = 1",
      "species A, B, C",
      "r1: A <-> B @ barrier h prefactor nu",
      "r2: 2 B <-> C @ prefactor nu",
    ].join("\n");
    const n = compiles(text);
    const [g, h, nu] = [-1.5, 2, 10];
    const r1 = n.reactions[0]!, r2 = n.reactions[1]!;
    // kf = ν e^{−(h − 0)}, kr = ν e^{−(h − g)}
    near(r1.forward.sensitivity, { nu: Math.exp(-h), h: -nu * Math.exp(-h) });
    near(r1.reverse!.sensitivity, { nu: Math.exp(-(h - g)), h: -nu * Math.exp(-(h - g)), g: nu * Math.exp(-(h - g)) });
    // kf = ν e^{−(1 − 2g)/2}, kr = ν e^{(1 − 2g)/2}
    const kf = nu * Math.exp(-(1 - 2 * g) / 2), kr = nu * Math.exp((1 - 2 * g) / 2);
    near(r2.forward.sensitivity, { nu: kf / nu, g: kf });
    near(r2.reverse!.sensitivity, { nu: kr / nu, g: -kr });
  });
});

/** The value at `name = x` of what `pick` reads from the recompiled network. */
function at(text: string, name: string, x: number, pick: (n: Network) => number): number {
  const r = compile(text, "s.crn", { overrides: new Map([[name, x]]) });
  if (r.network === null) return NaN;
  return pick(r.network);
}

/** ∂f/∂p by central differences at steps h and h/2, Richardson-extrapolated. */
function difference(text: string, name: string, p: number, pick: (n: Network) => number): number {
  const d = (h: number): number => (at(text, name, p + h, pick) - at(text, name, p - h, pick)) / (2 * h);
  const h = 1e-3 * Math.abs(p);
  return (4 * d(h / 2) - d(h)) / 3;
}

const PARAMS = { p1: 0.7, p2: 1.3, p3: 0.7 * 1.3 + 0.4 } as const;
const HEADER = "param p1 = 0.7, p2 = 1.3\nparam p3 = p1 * p2 + 0.4\nspecies A, B\n";

const expression: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("p1", "p2", "p3", "0.5", "2", "3"),
    fc.tuple(tie("e"), fc.constantFrom("+", "-", "*", "/"), tie("e")).map(([l, op, r]) => `(${l} ${op} ${r})`),
    fc.tuple(tie("e"), fc.constantFrom("2", "3", "-1", "0.5", "p1", "p2")).map(([b, x]) => `(${b}) ^ ${x}`),
    fc.tuple(fc.constantFrom("exp", "log", "sqrt"), tie("e")).map(([f, x]) => `${f}(${x})`),
    tie("e").map((x) => `-(${x})`),
  ),
})).e;

describe("sensitivities against central differences of recompiled values", () => {
  it("on random expressions of chained params, to 1e-7 of the derivative's scale", () => {
    fc.assert(
      fc.property(expression, (e) => {
        // (e)^2 + 0.5 is a positive rate constant whatever e is
        const text = `${HEADER}A -> B @ (${e}) ^ 2 + 0.5`;
        const r = compile(text, "s.crn");
        fc.pre(r.network !== null);
        const k = r.network!.reactions[0]!.forward;
        fc.pre(k.value < 1e8);
        for (const [name, p] of Object.entries(PARAMS)) {
          const exact = k.sensitivity?.get(name) ?? 0;
          const fd = difference(text, name, p, (n) => n.reactions[0]!.forward.value);
          fc.pre(Number.isFinite(fd));
          // the scale of a derivative is the value per unit of the param, or the derivative itself
          const scale = Math.max(Math.abs(exact), k.value / p);
          expect(Math.abs(fd - exact), `${text}\n∂/∂${name}: ${exact} against ${fd}`).toBeLessThanOrEqual(1e-7 * scale);
        }
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it("on constructed constants and reservoirs", () => {
    const text = `${HEADER}energy A = p1 - 1, B = p2 * p3, Y = -p2\nreservoir Y = p3 ^ p1\nr1: A + Y <-> B @ barrier p2 * 3 prefactor sqrt(p3)\nr2: B <-> A @ prefactor p1`;
    const n = compiles(text);
    const picks: [string, (n: Network) => number, ReadonlyMap<string, number> | undefined][] = [
      ["kf r1", (x) => x.reactions[0]!.forward.value, n.reactions[0]!.forward.sensitivity],
      ["kr r1", (x) => x.reactions[0]!.reverse!.value, n.reactions[0]!.reverse!.sensitivity],
      ["kf r2", (x) => x.reactions[1]!.forward.value, n.reactions[1]!.forward.sensitivity],
      ["kr r2", (x) => x.reactions[1]!.reverse!.value, n.reactions[1]!.reverse!.sensitivity],
      ["[Y]", (x) => x.reservoirs[0]!.value, n.reservoirs[0]!.sensitivity],
    ];
    for (const [what, pick, s] of picks) {
      for (const [name, p] of Object.entries(PARAMS)) {
        const exact = s?.get(name) ?? 0;
        const fd = difference(text, name, p, pick);
        expect(Math.abs(fd - exact), `${what} ∂/∂${name}`).toBeLessThanOrEqual(1e-7 * Math.max(Math.abs(exact), pick(n) / p));
      }
    }
  });
});

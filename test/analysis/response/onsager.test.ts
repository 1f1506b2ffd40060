/**
 * Onsager's matrix of chemostatted mass-action networks over their emergent cycles: the
 * series-resistance closed form of a one-cycle chemostatted triangle at equilibrium, symmetry and
 * positive semidefiniteness on random detailed-balanced networks with bimolecular steps and an
 * internal cycle (reservoir values chosen so every emergent affinity vanishes), and each column
 * of L against central differences of the recomputed steady state when driven.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { analyze } from "../../../src/analysis/index.js";
import { emergentOnsager, linearise } from "../../../src/analysis/response/index.js";
import { withChanges } from "../../../src/network/build.js";
import type { Network } from "../../../src/network/types.js";
import { compiles } from "../../helpers/compile.js";

const lit = (x: number): string => x.toExponential(17);
const reached = (net: Network) => analyze(net).steadyStates.states.find((s) => s.reached)!;

/** The chemostatted triangle A + F <-> B <-> C <-> A + W with rates k and reservoir values F, W. */
function triangle(k: readonly number[], F: number, W: number): string {
  return [`species A = 1, B, C`, `reservoir F = ${lit(F)}, W = ${lit(W)}`, `fuel: A + F <-> B @ ${lit(k[0]!)}, ${lit(k[1]!)}`,
    `turn: B <-> C @ ${lit(k[2]!)}, ${lit(k[3]!)}`, `waste: C <-> A + W @ ${lit(k[4]!)}, ${lit(k[5]!)}`].join("\n");
}

/**
 * Three species, three reservoirs, five reactions (one bimolecular): two emergent cycles and one
 * internal. Rate constants from potentials φ of the species, a common chemical potential μ of the
 * reservoirs and barriers B: ln k⁺ = −B + Σ α φ + Σ α_Y (μ − ln y_Y) (k⁻ alike with β), so
 * ln(κ⁺/κ⁻) = −Σ S φ − μ Σ_Y S_res: a cycle c has affinity −μ Σ_Y (S_res c)_Y = 0, since each
 * emergent cycle of this network takes in one reservoir molecule and gives out one. Detailed balance
 * at any reservoir values y (up to the rounding of the constants, so the test checks J ≈ 0 itself).
 */
function balanced(phi: readonly number[], mu: number, y: readonly number[], B: readonly number[], x0: readonly number[]): string {
  const g = (i: number) => phi[i]!, gy = (j: number) => mu - Math.log(y[j]!);
  // [reactant species, reactant reservoirs, product species, product reservoirs] as index lists
  const reactions: [number[], number[], number[], number[]][] = [
    [[0], [0], [1], []], [[1], [], [0], [1]], [[0], [2], [2], []], [[2], [], [0], [1]], [[1, 1], [], [2, 0], [0]],
  ];
  const S = ["X1", "X2", "X3"], Y = ["Y1", "Y2", "Y3"];
  const side = (sp: number[], rs: number[]) => [...sp.map((i) => S[i]), ...rs.map((j) => Y[j])].join(" + ");
  const lines = [`species X1 = ${lit(x0[0]!)}, X2 = ${lit(x0[1]!)}, X3 = ${lit(x0[2]!)}`, `reservoir ${Y.map((n, j) => `${n} = ${lit(y[j]!)}`).join(", ")}`];
  reactions.forEach(([a, ay, b, by], r) => {
    const kp = Math.exp(-B[r]! + a.reduce((s, i) => s + g(i), 0) + ay.reduce((s, j) => s + gy(j), 0));
    const km = Math.exp(-B[r]! + b.reduce((s, i) => s + g(i), 0) + by.reduce((s, j) => s + gy(j), 0));
    lines.push(`r${r}: ${side(a, ay)} <-> ${side(b, by)} @ ${lit(kp)}, ${lit(km)}`);
  });
  return lines.join("\n");
}

describe("Onsager matrix over emergent cycles", () => {
  it("a one-cycle chemostatted triangle at equilibrium: L = 1 / Σ_r 1/J⁺_r (one-way fluxes in series), the one-way flux for one reaction", () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0.2, max: 5, noNaN: true }), { minLength: 6, maxLength: 6 }), fc.double({ min: 0.2, max: 5, noNaN: true }), (k, F) => {
      const W = (k[0]! * F * k[2]! * k[4]!) / (k[1]! * k[3]! * k[5]!); // ln(κ⁺ product / κ⁻ product) = 0
      const net = compiles(triangle(k, F, W));
      const a = analyze(net);
      const o = a.response!.onsager!;
      expect(o.affinities).toBe("emergent");
      expect(o.cycles.length).toBe(1);
      expect(a.structure.emergentCycles).toBe(1);
      const s = a.steadyStates.states.find((x) => x.reached)!;
      const resistance = s.forwardRates.reduce((sum, v) => sum + 1 / v, 0);
      expect(Math.abs(o.matrix[0]![0]! - 1 / resistance)).toBeLessThanOrEqual(1e-9 / resistance);
      expect(Math.abs(o.affinity![0]!)).toBeLessThan(1e-12);
    }), { numRuns: 15 });
  });

  it("random detailed-balanced chemostatted networks: L symmetric to rounding and positive semidefinite; two emergent cycles as the structure counts", () => {
    const num = (min: number, max: number) => fc.double({ min, max, noNaN: true });
    fc.assert(fc.property(fc.array(num(-1.5, 1.5), { minLength: 3, maxLength: 3 }), num(-1.5, 1.5),
      fc.array(num(0.1, 10), { minLength: 3, maxLength: 3 }), fc.array(num(0, 2), { minLength: 5, maxLength: 5 }), fc.array(num(0.1, 2), { minLength: 3, maxLength: 3 }),
      (phi, mu, y, B, x0) => {
        const net = compiles(balanced(phi, mu, y, B, x0));
        const a = analyze(net);
        expect(a.structure.emergentCycles).toBe(2);
        expect(a.structure.cycleCount).toBe(3); // and one internal cycle, which no reservoir moves
        const state = a.steadyStates.states.find((x) => x.reached)!;
        state.fluxes.forEach((J, r) => expect(Math.abs(J)).toBeLessThanOrEqual(1e-12 * (state.forwardRates[r] ?? 0)));
        const o = emergentOnsager(net, a.structure, linearise(net, state.concentrations)!, true, 20);
        if (typeof o === "string") throw new Error(o);
        expect(o.affinities).toBe("emergent");
        o.affinity!.forEach((A) => expect(Math.abs(A)).toBeLessThan(1e-12));
        expect(o.matrix.length).toBe(2);
        expect(o.asymmetry).toBeLessThan(1e-9);
        const [[p, q], [r, s]] = o.matrix as [[number, number], [number, number]];
        const scale = Math.max(Math.abs(p), Math.abs(s), Math.abs(q));
        // the symmetric part's eigenvalues are ≥ 0: trace ≥ 0 and determinant ≥ 0 (to rounding)
        expect(p + s).toBeGreaterThanOrEqual(0);
        expect(p * s - ((q + r) / 2) ** 2).toBeGreaterThanOrEqual(-1e-12 * scale * scale);
        expect(p).toBeGreaterThanOrEqual(-1e-12 * scale);
        expect(s).toBeGreaterThanOrEqual(-1e-12 * scale);
      }), { numRuns: 20 });
  });

  it("driven (the proton circuit): each column of L against central differences of the recomputed steady state in its reservoir direction, and asymmetric", () => {
    const net = compiles(readFileSync("networks/proton-circuit.crn", "utf8"), "networks/proton-circuit.crn");
    const a = analyze(net);
    const state = a.steadyStates.states.find((s) => s.reached)!;
    const o = emergentOnsager(net, a.structure, linearise(net, state.concentrations)!, false, 20);
    if (typeof o === "string") throw new Error(o);
    // pump + leak turns NADH into NAD; 3 pump + synthase: 3 NADH + ADP + Pi -> 3 NAD + ATP (by hand from the equations)
    expect(o.exchanges).toEqual(["NADH -> NAD", "3 NADH + ADP + Pi -> 3 NAD + ATP"]);
    expect(o.cycles.length).toBe(2);
    // Γ_b = S_res c_b, the least-norm δμ = −Γ (ΓᵀΓ)⁻¹ e_b, and j = (ΓᵀΓ)⁻¹ Γᵀ S_res J, rebuilt here from the definitions
    const nY = net.reservoirs.length;
    const Sres = (J: readonly number[]) => Array.from({ length: nY }, (_, y) => net.reactions.reduce((s, r, k) =>
      s + (J[k] ?? 0) * (r.reservoirProducts.filter((t) => t.index === y).reduce((u, t) => u + t.coefficient, 0) - r.reservoirReactants.filter((t) => t.index === y).reduce((u, t) => u + t.coefficient, 0)), 0));
    const cycles = a.structure.cycles; // both emergent
    const G = cycles.map(Sres);
    const M = [[dot(G[0]!, G[0]!), dot(G[0]!, G[1]!)], [dot(G[1]!, G[0]!), dot(G[1]!, G[1]!)]];
    const det = M[0]![0]! * M[1]![1]! - M[0]![1]! * M[1]![0]!;
    const Minv = [[M[1]![1]! / det, -M[0]![1]! / det], [-M[1]![0]! / det, M[0]![0]! / det]];
    const j = (J: readonly number[]) => { const e = Sres(J); const g = G.map((row) => dot(row, e)); return Minv.map((row) => dot(row, g)); };
    const h = 1e-5;
    for (let b = 0; b < 2; b++) {
      const dmu = Array.from({ length: nY }, (_, y) => -(G[0]![y]! * Minv[0]![b]! + G[1]![y]! * Minv[1]![b]!));
      const moved = (sign: number): Network => withChanges(net, { reservoirs: net.reservoirs.map((r, y) => ({ ...r, value: r.value * Math.exp(sign * h * dmu[y]!), exact: null })) });
      const up = j(reached(moved(1)).fluxes), down = j(reached(moved(-1)).fluxes);
      for (let i = 0; i < 2; i++) {
        const fd = (up[i]! - down[i]!) / (2 * h);
        expect(Math.abs(fd - o.matrix[i]![b]!)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(fd)));
      }
    }
    expect(o.asymmetry).toBeGreaterThan(1e-3);
    // σ = Σ_e A_e j_e (the circuit has no internal cycle)
    const sigma = o.affinity!.reduce((s, A, i) => s + A * o.current![i]!, 0);
    expect(sigma).toBeCloseTo(state.entropyProduction!, 10);
  });

  it("a closed mass-action network has no emergent cycle and says so", () => {
    const a = analyze(compiles("species A = 1, B\nA <-> B @ 1, 2"));
    expect(a.response!.onsager).toBeNull();
    expect(a.response!.notes.some((n) => n.includes("no emergent cycle"))).toBe(true);
  });
});

function dot(a: readonly number[], b: readonly number[]): number {
  return a.reduce((s, v, i) => s + v * (b[i] ?? 0), 0);
}

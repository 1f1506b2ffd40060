/**
 * Onsager's matrix: the response of the currents conjugate to the independent affinities.
 *
 * Markov networks (`cycleOnsager`): the fundamental cycles c of the report's cycle basis, J_c the
 * chord's net current; the affinity of cycle c' is changed through its chord alone
 * (δ ln κ⁺ = +1/2, δ ln κ⁻ = −1/2, so δA_c' = 1 and no other fundamental cycle's affinity moves),
 * L_cc' = ∂J_c/∂A_c' (Schnakenberg, Rev. Mod. Phys. 48 (1976) 571).
 *
 * Chemostatted mass-action networks (`emergentOnsager`). Its independent affinities are those
 * of the emergent cycles (Polettini & Esposito, J. Chem. Phys. 141 (2014) 024117; Rao & Esposito,
 * Phys. Rev. X 6 (2016) 041064): cycles c of the internal stoichiometry S (S c = 0) that are not
 * cycles of the full one, S_res c ≠ 0. With a basis C of ker S, the emergent ones are the columns
 * whose exchanges Γ_c = S_res c are independent (chosen greedily, in the cycle basis's order);
 * every other cycle differs from a combination of them by an internal cycle (S_res c = 0), whose
 * affinity no reservoir can change.
 *
 * The reservoirs control the emergent affinities through their chemical potentials
 * μ_Y = G°_Y + ln[Y] (k_B T): with the effective constants κ⁺_r = k⁺_r Π_Y [Y]^α_Yr and
 * κ⁻_r = k⁻_r Π_Y [Y]^β_Yr,
 *     A_e = Σ_r c_er ln(κ⁺_r/κ⁻_r) = Σ_r c_er ln(k⁺_r/k⁻_r) − Γ_eᵀ ln[Y],   so δA = −Γᵀ δμ.
 * The currents conjugate to them (σ = Σ_e A_e j_e + Σ_internal A_i j_i) are read off the net
 * exchange with the reservoirs: a steady flux is J = Σ_e c_e j_e + Σ_i c_i j_i, so
 *     S_res J = Γ j,   j = (ΓᵀΓ)⁻¹ Γᵀ S_res J.
 * Each affinity is moved alone (δA = e_b) by δμ = −Γ (ΓᵀΓ)⁻¹ e_b, the change of the reservoir
 * potentials of least norm (δ ln κ⁺_r = Σ_Y α_Yr δμ_Y, δ ln κ⁻_r = Σ_Y β_Yr δμ_Y), and
 *     L_ab = ∂j_a/∂A_b = [(ΓᵀΓ)⁻¹ Γᵀ S_res δJ^(b)]_a,
 * δJ^(b) the exact implicit response (linear.ts). At equilibrium (every affinity 0) L is
 * symmetric and positive semidefinite (Onsager reciprocity; Schnakenberg, Rev. Mod. Phys. 48
 * (1976) 571) and the directions of μ that move no emergent affinity (broken conservation laws)
 * leave J = 0, so L does not depend on the choice of δμ. Away from equilibrium L is the response
 * matrix at that choice, and max|L − Lᵀ| / max|L| says how far from symmetric it is.
 */
import type { Network } from "../../network/types.js";
import { effectiveRates } from "../../network/effective-rates.js";
import type { Currents } from "../currents/types.js";
import type { Structure } from "../structure/types.js";
import { respond, type Linearised } from "./linear.js";
import { exchange, inverse, words } from "./transduction.js";
import type { OnsagerMatrix } from "./types.js";

/** Relative size below which an exchange vector counts as dependent on those chosen before it (they are small integer vectors). */
const DEPENDENT = 1e-9;

/**
 * L = ∂j/∂A over the emergent cycles (see the module comment), or a reason it is not computed.
 *
 *   // networks/chemostat-triangle.crn: one emergent cycle fuel + turn + waste (F -> W), A = ln 4
 *   const o = emergentOnsager(network, structure, linearise(network, x)!, false, 20) as OnsagerMatrix;
 *   o.matrix[0][0];   // ∂J/∂A > 0
 */
export function emergentOnsager(network: Network, structure: Structure, lin: Linearised, equilibrium: boolean, maxCycles: number): OnsagerMatrix | string {
  if (network.reservoirs.length === 0) return "no reservoirs: a closed mass-action network has no emergent cycle, so no affinity to respond to";
  if (!structure.cyclesListed) return "the cycle basis is too large to list: no emergent cycles";
  const m = network.reactions.length, nY = network.reservoirs.length;
  const Sres = Array.from({ length: nY }, () => new Array<number>(m).fill(0));
  network.reactions.forEach((r, k) => {
    for (const t of r.reservoirReactants) { const row = Sres[t.index]; if (row) row[k] = (row[k] ?? 0) - t.coefficient; }
    for (const t of r.reservoirProducts) { const row = Sres[t.index]; if (row) row[k] = (row[k] ?? 0) + t.coefficient; }
  });
  const exchangeOf = (v: readonly number[]): number[] => Sres.map((row) => row.reduce((s, a, k) => s + a * (v[k] ?? 0), 0));
  // greedy independent exchanges Γ_c (Gram–Schmidt against those chosen)
  const chosen: number[] = [], gamma: number[][] = [], ortho: number[][] = [];
  structure.cycles.forEach((c, i) => {
    const g = exchangeOf(c);
    const w = [...g];
    for (const q of ortho) {
      const f = dot(w, q);
      for (let y = 0; y < nY; y++) w[y] = (w[y] ?? 0) - f * (q[y] ?? 0);
    }
    const size = Math.sqrt(dot(w, w));
    if (size > DEPENDENT * Math.max(1, Math.sqrt(dot(g, g)))) { chosen.push(i); gamma.push(g); ortho.push(w.map((v) => v / size)); }
  });
  if (chosen.length === 0) return "no emergent cycle: no cycle exchanges matter with the reservoirs";
  if (chosen.length > maxCycles) return `${chosen.length} emergent cycles, more than maxOnsagerCycles = ${maxCycles}`;
  if (network.reactions.some((r, k) => r.reverse === null && chosen.some((c) => (structure.cycles[c]?.[k] ?? 0) !== 0))) {
    return "an emergent cycle runs through a one-way reaction: its affinity is infinite";
  }
  const k = chosen.length;
  // (ΓᵀΓ)⁻¹ and the pseudo-inverse P = (ΓᵀΓ)⁻¹ Γᵀ
  const G = gamma.map((a) => gamma.map((b) => dot(a, b)));
  const Ginv = inverse(G);
  if (Ginv === null) return "the emergent cycles' exchanges are dependent (rounding): no Onsager matrix";
  const P = Ginv.map((row) => Array.from({ length: nY }, (_, y) => row.reduce((s, g, b) => s + g * (gamma[b]?.[y] ?? 0), 0)));
  const project = (J: readonly number[]): number[] => {
    const e = exchangeOf(J);
    return P.map((row) => dot(row, e));
  };
  const columns = Array.from({ length: k }, (_, b) => {
    // δμ = −Γ (ΓᵀΓ)⁻¹ e_b
    const dmu = Array.from({ length: nY }, (_, y) => -gamma.reduce((s, g, a) => s + (g[y] ?? 0) * (Ginv[a]?.[b] ?? 0), 0));
    const dPlus = network.reactions.map((r) => r.reservoirReactants.reduce((s, t) => s + t.coefficient * (dmu[t.index] ?? 0), 0));
    const dMinus = network.reactions.map((r) => r.reverse === null ? 0 : r.reservoirProducts.reduce((s, t) => s + t.coefficient * (dmu[t.index] ?? 0), 0));
    return project(respond(network, lin, dPlus, dMinus).J);
  });
  const matrix = Array.from({ length: k }, (_, a) => columns.map((col) => col[a] ?? NaN));
  const { forward, reverse } = effectiveRates(network);
  const lnK = network.reactions.map((_, r) => Math.log((forward[r] ?? NaN) / (reverse[r] ?? NaN)));
  const cycles = chosen.map((i) => structure.cycles[i] ?? []);
  const net = lin.vPlus.map((v, r) => v - (lin.vMinus[r] ?? 0));
  return {
    affinities: "emergent",
    cycles: cycles.map((c) => words(network, c)),
    matrix,
    asymmetry: asymmetry(matrix),
    equilibrium,
    exchanges: cycles.map((c) => exchange(network, c)),
    affinity: cycles.map((c) => c.reduce((s, v, r) => (v === 0 ? s : s + v * (lnK[r] ?? NaN)), 0)),
    current: project(net),
  };
}

/**
 * L_cc' = ∂J_c/∂A_c' over the first `maxCycles` fundamental cycles of a Markov network (module
 * comment); null when there are none or a chord is one-way.
 *
 *   cycleOnsager(network, linearise(network, pi)!, currents, true, 20)!.asymmetry   // ≈ 1e-16 at detailed balance
 */
export function cycleOnsager(network: Network, lin: Linearised, currents: Currents | null, equilibrium: boolean, maxCycles: number): OnsagerMatrix | null {
  if (currents === null || currents.cycles.length === 0) return null;
  const cycles = currents.cycles.slice(0, maxCycles);
  const m = network.reactions.length;
  if (cycles.some((c) => network.reactions[c.chord]?.reverse === null)) return null;
  const cols = cycles.map((c) => respond(network, lin, Array.from({ length: m }, (_, k) => (k === c.chord ? 0.5 : 0)), Array.from({ length: m }, (_, k) => (k === c.chord ? -0.5 : 0))));
  const matrix = cycles.map((c) => cols.map((d) => d.J[c.chord] ?? NaN));
  return { affinities: "cycle", cycles: cycles.map((c) => c.words), matrix, asymmetry: asymmetry(matrix), equilibrium };
}

/** max |L − Lᵀ| / max |L| (0 for L = 0). */
export function asymmetry(matrix: readonly (readonly number[])[]): number {
  let asym = 0, size = 0;
  matrix.forEach((row, i) => row.forEach((v, j) => {
    size = Math.max(size, Math.abs(v));
    asym = Math.max(asym, Math.abs(v - (matrix[j]?.[i] ?? NaN)));
  }));
  return size > 0 ? asym / size : 0;
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

/**
 * Where the entropy goes: σ = Σ_c A_c J_c over a cycle basis in which each cycle exchanges
 * matter with the reservoirs through one reaction of its own. The reactions that touch reservoirs
 * are taken as free variables of ker S: choosing k of them whose rows of the cycle basis C (m × k)
 * are independent, C' = C (C_P)⁻¹ has C'_P = I, so cycle b's current is the net flux of its
 * reaction P_b and its affinity is A_b = Σ_r C'_rb ln K_r (reservoirs folded in). Each such cycle
 * is one drive (its reservoir exchange: `NADH -> NAD`, `ADP + Pi -> ATP`), with power P_b = A_b J_b
 * (k_B T per time). The most powerful drive is the input; every other drive is an output,
 * storing −P_b (positive when it is driven against its affinity, negative when it too runs
 * downhill and stores nothing); the efficiency of free-energy transduction is
 * η = −Σ_{outputs} P_b / P_input (Hill, Free Energy Transduction in Biology, 1977;
 * Wachtel, Rao & Esposito, New J. Phys. 24 (2022) 043002 for chemical networks).
 */
import type { Network } from "../../network/types.js";
import { reactionConstants } from "../balance/index.js";
import type { SteadyState } from "../steady-state/types.js";
import type { Structure } from "../structure/types.js";
import type { Drive, Transduction } from "./types.js";

/** The drives and the efficiency (see the module comment); null when there are no cycles or the basis cannot be made so. */
export function transduction(network: Network, structure: Structure, state: SteadyState): Transduction | null {
  const C = structure.cycles;
  const k = C.length, m = network.reactions.length;
  if (k === 0 || k > 50 || !structure.cyclesListed) return null;
  const exchanging = network.reactions.filter((r) => r.reservoirReactants.length + r.reservoirProducts.length > 0).map((r) => r.index);
  // greedy choice of k exchanging reactions with independent rows of C (Gaussian elimination)
  const chosen: number[] = [];
  const rows: number[][] = [];
  for (const r of exchanging) {
    if (chosen.length === k) break;
    const v = C.map((c) => c[r] ?? 0);
    const w = [...v];
    for (const row of rows) {
      const p = pivotOf(row);
      if (p < 0) continue;
      const f = (w[p] ?? 0) / (row[p] ?? 1);
      for (let j = 0; j < k; j++) w[j] = (w[j] ?? 0) - f * (row[j] ?? 0);
    }
    if (w.some((x) => Math.abs(x) > 1e-9)) { rows.push(w); chosen.push(r); }
  }
  if (chosen.length < k) return null;
  // C_P (k × k): entry (b, c) = C[c][P_b]; C' = C · inv(C_P)
  const CP = chosen.map((r) => C.map((c) => c[r] ?? 0));
  const inv = inverse(CP);
  if (inv === null) return null;
  const lnK = reactionConstants(network, true).lnK;
  const drives: Drive[] = chosen.map((p, b) => {
    const vec = Array.from({ length: m }, (_, r) => C.reduce((s, c, ci) => s + (c[r] ?? 0) * (inv[ci]?.[b] ?? 0), 0));
    let affinity = 0;
    vec.forEach((c, r) => { if (Math.abs(c) > 1e-12) affinity += c * (lnK[r] ?? NaN); });
    const current = state.netFluxes?.[p] ?? state.fluxes[p] ?? NaN;
    return { words: words(network, vec), exchange: exchange(network, vec), affinity, current, power: affinity * current };
  });
  // the primary drive is the most powerful one; every other drive is an output, storing −P
  const primary = drives.reduce<Drive | null>((best, d) => (best === null || d.power > best.power ? d : best), null);
  const outputs = drives.filter((d) => d !== primary);
  const efficiency = primary !== null && primary.power > 0 && outputs.length > 0 ? -outputs.reduce((s, d) => s + d.power, 0) / primary.power : null;
  const o = outputs[0];
  const ratio = o && primary && primary.current !== 0 ? { output: o.exchange, input: primary.exchange, value: o.current / primary.current } : null;
  return { drives, efficiency, ratio };
}

function pivotOf(row: readonly number[]): number {
  let p = -1, best = 1e-9;
  row.forEach((v, j) => { if (Math.abs(v) > best) { best = Math.abs(v); p = j; } });
  return p;
}

/** The inverse of a small dense matrix (Gauss–Jordan, partial pivoting); null when singular. */
export function inverse(A: readonly (readonly number[])[]): number[][] | null {
  const n = A.length;
  const a = A.map((r, i) => [...r, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]?.[c] ?? 0) > Math.abs(a[p]?.[c] ?? 0)) p = r;
    if (!(Math.abs(a[p]?.[c] ?? 0) > 1e-12)) return null;
    [a[p], a[c]] = [a[c] ?? [], a[p] ?? []];
    const rc = a[c] ?? [];
    const piv = rc[c] ?? 1;
    for (let j = 0; j < 2 * n; j++) rc[j] = (rc[j] ?? 0) / piv;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const rr = a[r] ?? [];
      const f = rr[c] ?? 0;
      if (f !== 0) for (let j = 0; j < 2 * n; j++) rr[j] = (rr[j] ?? 0) - f * (rc[j] ?? 0);
    }
  }
  return a.map((r) => r.slice(n));
}

function num(c: number): string {
  const a = Math.abs(c);
  return a === 1 ? "" : `${Number(a.toPrecision(6))} `;
}

/** `pump - 3 leak + synthase`. */
export function words(network: Network, vec: readonly number[]): string {
  let out = "";
  vec.forEach((c, r) => {
    if (Math.abs(c) < 1e-12) return;
    const id = network.reactions[r]?.id ?? `#${r}`;
    out += out === "" ? `${c < 0 ? "-" : ""}${num(c)}${id}` : `${c < 0 ? " - " : " + "}${num(c)}${id}`;
  });
  return out;
}

/** The reservoirs one turn consumes and produces: `NADH -> NAD`. */
export function exchange(network: Network, vec: readonly number[]): string {
  const net = new Array<number>(network.reservoirs.length).fill(0);
  vec.forEach((c, r) => {
    const x = network.reactions[r];
    if (!x || Math.abs(c) < 1e-12) return;
    for (const t of x.reservoirReactants) net[t.index] = (net[t.index] ?? 0) - c * t.coefficient;
    for (const t of x.reservoirProducts) net[t.index] = (net[t.index] ?? 0) + c * t.coefficient;
  });
  const side = (sign: number): string => {
    const terms = net.map((v, y) => ({ v: v * sign, y })).filter((t) => t.v > 1e-12).map((t) => `${num(t.v)}${network.reservoirs[t.y]?.name ?? t.y}`);
    return terms.length === 0 ? "0" : terms.join(" + ");
  };
  return `${side(-1)} -> ${side(1)}`;
}

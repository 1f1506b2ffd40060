/**
 * Pieces the mermaid views share: net fluxes with round-off read as zero, the ends of an edge
 * in the state graph, reservoir exchange labels, and the colour classes.
 */
import type { SteadyState } from "../../analysis/types.js";
import type { Network, Reaction } from "../../network/types.js";
import { DRIVEN_COLOUR, EDGE_COLOUR, type FlowchartBuilder } from "./builder.js";

export type DiagramView = "species" | "complexes" | "states";

/** Net flux of reaction r, with values below 1e-12 of its gross rate read as exactly zero. */
export function netFlux(state: SteadyState, r: number): number {
  const j = state.fluxes[r] ?? NaN;
  const gross = Math.max(Math.abs(state.forwardRates[r] ?? 0), Math.abs(state.reverseRates[r] ?? 0));
  return Math.abs(j) <= 1e-12 * gross ? 0 : j;
}

/** The largest finite |J_r| at the state (0 without one): the scale of edge widths. */
export function maxAbsFlux(state: SteadyState | null): number {
  if (state === null) return 0;
  return state.fluxes.reduce((m, j) => (Number.isFinite(j) ? Math.max(m, Math.abs(j)) : m), 0);
}

/** The two ends of a reaction in the state/complex graph. */
export function ends(net: Network, rx: Reaction): [string, string] {
  if (net.kind === "markov") return [`n${rx.reactants[0]?.index ?? 0}`, `n${rx.products[0]?.index ?? 0}`];
  return [`c${rx.reactantComplex}`, `c${rx.productComplex}`];
}

/** The node classes every view uses: species, reservoirs, reactions, driven nodes, summary notes. */
export function styleDefs(b: FlowchartBuilder): void {
  b.classDef("species", "fill:#e8f1fb,stroke:#3b6ea5,color:#0b2545");
  b.classDef("reservoir", "fill:#fff4d6,stroke:#b58900,stroke-dasharray:4 2,color:#3d2e00");
  b.classDef("reaction", "fill:#f4f4f4,stroke:#888,color:#222");
  b.classDef("driven", "fill:#fde8e8,stroke:#d62728,color:#5c0a0a");
  b.classDef("summary", "fill:#fffbe6,stroke:#aaa,color:#333");
}

/** Edge `edge` drawn `width` px wide, red when it lies on a cycle that breaks detailed balance. */
export function edgeStyle(b: FlowchartBuilder, edge: number, driven: boolean, width: number): void {
  b.linkStyle(edge, `stroke-width:${width}px,stroke:${driven ? DRIVEN_COLOUR : EDGE_COLOUR}`);
}

/** `ATP → ADP` for the reservoirs a reaction exchanges, or "" when it exchanges none. */
export function exchange(net: Network, rx: Reaction): string {
  if (rx.reservoirReactants.length === 0 && rx.reservoirProducts.length === 0) return "";
  const side = (terms: Reaction["reservoirReactants"]) =>
    terms.length === 0 ? "∅" : terms.map((t) => `${t.coefficient === 1 ? "" : `${t.coefficient} `}${net.reservoirs[t.index]?.name ?? "?"}`).join(" + ");
  return `${side(rx.reservoirReactants)} → ${side(rx.reservoirProducts)}`;
}

/**
 * What a diagram of a large network draws instead of a hairball: a note saying why, then the
 * most driven cycles only (long cycles shortened to their first and last steps around an
 * ellipsis), or, when detailed balance holds, one node per linkage class with its size.
 */
import type { Analysis, Violation } from "../../analysis/types.js";
import type { Network } from "../../network/types.js";
import { formatNumber } from "../model/format.js";
import { DRIVEN_COLOUR, FlowchartBuilder, label, strokeWidth } from "./builder.js";
import { type DiagramView, ends, exchange, maxAbsFlux, netFlux, styleDefs } from "./parts.js";
import { flowState, magnitude } from "../model/index.js";

/** How many cycles a summary draws, and how many steps of a long cycle it keeps at each end. */
export const SUMMARY_CYCLES = 5;
export const SUMMARY_STEPS = 5;

/**
 * What a view too large to draw (`size` nodes, above `max`) shows instead: the most driven cycles
 * step by step, or for an equilibrium network its linkage classes.
 */
export function summaryDiagram(analysis: Analysis, view: DiagramView, size: number, max: number): string {
  const net = analysis.network;
  const b = new FlowchartBuilder("LR");
  const noun = net.kind === "markov" ? ["states", "transitions"] : ["species", "reactions"];
  b.comment(`ness: ${view} view of ${net.source} has ${size} nodes, more than ${max}: drawing a summary instead`);
  const head = `${net.species.length} ${noun[0]}, ${net.reactions.length} ${noun[1]}: ${size} nodes, too many to draw readably (limit ${max}).`;
  const cycles = [...analysis.detailedBalance.violations].sort((a, c) => magnitude(c.affinity) - magnitude(a.affinity)).slice(0, SUMMARY_CYCLES);
  if (cycles.length === 0) {
    linkageSummary(b, analysis, head, max);
  } else {
    const lines = cycles.map((v, i) => `cycle ${i + 1}: affinity ${formatNumber(v.affinity)} k_BT, ${v.reactions.length} ${noun[1]}`);
    b.node("k0", label(head, `Showing the ${cycles.length} most driven cycle${cycles.length > 1 ? "s" : ""} only:`, ...lines), "note", "summary");
    const drawn = new Set<string>();
    for (const v of cycles) {
      if (drawn.size >= max) break;
      drawCycle(b, analysis, view, v, drawn);
    }
  }
  styleDefs(b);
  return b.toString();
}

/** The reactions of a cycle to draw, with `null` where an ellipsis stands for the ones left out. */
function shortened(reactions: readonly number[]): (number | null)[] {
  if (reactions.length <= 2 * SUMMARY_STEPS + 2) return [...reactions];
  return [...reactions.slice(0, SUMMARY_STEPS), null, ...reactions.slice(-SUMMARY_STEPS)];
}

function drawCycle(b: FlowchartBuilder, analysis: Analysis, view: DiagramView, v: Violation, drawn: Set<string>): void {
  const net = analysis.network;
  const state = flowState(analysis);
  const max = maxAbsFlux(state);
  const steps = shortened(v.reactions);
  const omitted = v.reactions.length - steps.filter((s) => s !== null).length;
  const ensure = (id: string, make: () => void) => {
    if (!drawn.has(id)) {
      drawn.add(id);
      make();
    }
  };
  let previous: string | null = null;
  let gap: string | null = null;
  for (const r of steps) {
    if (r === null) {
      gap = `g${drawn.size}`;
      const id = gap;
      ensure(id, () => b.node(id, label(`… ${omitted} more ${net.kind === "markov" ? "transitions" : "reactions"} …`), "box", "summary"));
      if (previous !== null) b.edge(previous, id, "-.->");
      continue;
    }
    const rx = net.reactions[r];
    if (rx === undefined) continue;
    const j = state === null ? null : netFlux(state, r);
    const width = j === null ? 2 : strokeWidth(j, max);
    const style = `stroke-width:${width}px,stroke:${DRIVEN_COLOUR}`;
    if (view === "species") {
      const rid = `r${r}`;
      // cycles share reactions: draw each reaction and its edges once
      ensure(rid, () => {
        b.node(rid, label(rx.id, ...(j === null ? [] : [`J = ${formatNumber(j)}`])), "box", "driven");
        for (const t of rx.reactants) {
          speciesNode(b, net, t.index, ensure);
          b.linkStyle(b.edge(`n${t.index}`, rid, "-->"), style);
        }
        for (const t of rx.products) {
          speciesNode(b, net, t.index, ensure);
          b.linkStyle(b.edge(rid, `n${t.index}`, "-->"), style);
        }
      });
      if (gap !== null) b.edge(gap, rid, "-.->");
      previous = rid;
    } else {
      const [a, z] = ends(net, rx);
      for (const id of [a, z]) ensure(id, () => b.node(id, label(endLabel(net, id)), "round", "species"));
      const backwards = (j !== null && j < 0) || (j === null && (v.cycle[r] ?? 0) < 0);
      const [from, to] = backwards ? [z, a] : [a, z];
      const ex = view === "complexes" ? exchange(net, rx) : "";
      const text = j === null || view === "complexes" ? (ex === "" ? rx.id : `${rx.id}: ${ex}`) : `${rx.id}: J = ${formatNumber(Math.abs(j))}`;
      // cycles share transitions: draw each one once
      ensure(`e${r}`, () => b.linkStyle(b.edge(from, to, "-->", label(text)), style));
      if (gap !== null) b.edge(gap, from, "-.->");
      previous = to;
    }
    gap = null;
  }
}

function speciesNode(b: FlowchartBuilder, net: Network, i: number, ensure: (id: string, make: () => void) => void): void {
  ensure(`n${i}`, () => b.node(`n${i}`, label(net.species[i]?.name ?? `#${i}`), "stadium", "species"));
}

function endLabel(net: Network, id: string): string {
  const i = Number(id.slice(1));
  if (id.startsWith("n")) return net.species[i]?.name ?? id;
  const c = net.complexes[i];
  return c === undefined ? id : c.terms.length === 0 ? "∅" : c.label;
}

function linkageSummary(b: FlowchartBuilder, analysis: Analysis, head: string, max: number): void {
  const net = analysis.network;
  const classes = analysis.structure.linkageClassMembers;
  const classOf = new Map<number, number>();
  classes.forEach((members, k) => members.forEach((c) => classOf.set(c, k)));
  const reactionsIn = classes.map(() => 0);
  for (const rx of net.reactions) {
    const k = classOf.get(rx.reactantComplex);
    if (k !== undefined) reactionsIn[k] = (reactionsIn[k] ?? 0) + 1;
  }
  const shown = classes.map((members, k) => ({ members, k })).sort((a, c) => c.members.length - a.members.length).slice(0, Math.min(40, max));
  const rest = classes.length - shown.length;
  b.node("k0", label(head, `No cycle breaks detailed balance; showing the ${classes.length} linkage class${classes.length === 1 ? "" : "es"} by size${rest > 0 ? ` (largest ${shown.length}; ${rest} more not drawn)` : ""}.`), "note", "summary");
  for (const { members, k } of shown) {
    const names = members.slice(0, 4).map((c) => {
      const cx = net.complexes[c];
      return cx === undefined ? "?" : cx.terms.length === 0 ? "∅" : cx.label;
    });
    const more = members.length > names.length ? ", …" : "";
    b.node(`l${k}`, label(`linkage class ${k + 1}`, `${members.length} complexes, ${reactionsIn[k] ?? 0} reactions`, `${names.join(", ")}${more}`), "box", "species");
  }
}

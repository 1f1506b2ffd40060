/**
 * The inferred rates as a network file ness compiles and analyses (`ness infer --network OUT`),
 * so every analysis of ness applies to an inferred network. Each observed pair of states is one
 * transition, `<->` with both maximum-likelihood rates, or `->` when one direction was never seen
 * (its rate 0 is the MLE; a comment gives the upper end of its interval). Intervals are comments.
 */
import type { Inference } from "./fit.js";

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEYWORDS = new Set(["network", "state", "species", "reservoir", "param", "assert", "volume", "current", "force"]);

/** A name the language accepts as an identifier: kept when it is one, else made into one. */
export function identifier(name: string, used: Set<string>): string {
  let id = IDENT.test(name) && !KEYWORDS.has(name) ? name : `s_${name.replace(/[^A-Za-z0-9_]/g, "_")}`;
  while (used.has(id)) id = `${id}_`;
  used.add(id);
  return id;
}

function num(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : "0";
}

export function inferredNetworkText(inf: Inference, source: string, startState: number): string {
  const used = new Set<string>();
  const ids = inf.names.map((n) => identifier(n, used));
  const labels = new Set<string>();
  const pct = `${Math.round(inf.level * 100)}%`;
  const lines = [
    `# Inferred by ness infer from ${source}: ${inf.jumps} jumps in ${num(inf.time)} time units (${inf.runs} run${inf.runs === 1 ? "" : "s"}).`,
    `# Maximum-likelihood rates (jumps / dwell); the ${pct} interval of each in the comment.`,
    `network "Inferred from ${source.replace(/["\\]/g, "")}"`,
    "",
    `state ${ids.map((id, i) => (i === startState ? `${id} = 1` : id)).join(", ")}`,
    "",
  ];
  for (const e of inf.edges) {
    const label = identifier(e.label, labels);
    const iv = (lo: number, hi: number) => `[${num(lo)}, ${num(hi)}]`;
    if (e.reverseCount === 0) {
      lines.push(`${label}: ${ids[e.a]} -> ${ids[e.b]} @ ${num(e.forwardRate)}   # ${iv(e.forwardInterval.lo, e.forwardInterval.hi)}; ${ids[e.b]} -> ${ids[e.a]} never seen: rate < ${num(e.reverseInterval.hi)} (${pct})`);
    } else {
      lines.push(`${label}: ${ids[e.a]} <-> ${ids[e.b]} @ ${num(e.forwardRate)}, ${num(e.reverseRate)}   # ${iv(e.forwardInterval.lo, e.forwardInterval.hi)}, ${iv(e.reverseInterval.lo, e.reverseInterval.hi)}`);
    }
  }
  return lines.join("\n") + "\n";
}

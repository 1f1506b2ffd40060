/**
 * The Markdown report (`ness report FILE`), GitHub-flavoured: the verdict in one line right
 * under the title, then the sections of `report/sections/` in order (network, structure,
 * detailed balance, steady states, currents, mermaid diagrams GitHub renders, options, notes).
 * Numbers have 6 significant digits; infinite or undefined numbers are written as such with
 * the reason.
 */
import type { Analysis } from "../../analysis/types.js";
import { mdText, titleOf } from "../model/format.js";
import { verdictOf } from "../model/index.js";
import { reportSections } from "../sections/index.js";
import { code } from "./parts.js";
import { mdSection } from "./render.js";

export interface MarkdownOptions {
  /** Rows per table or list before it is cut (the JSON report keeps every row). Default 200. */
  readonly maxRows?: number;
  /** Include mermaid diagrams. Default true. */
  readonly diagrams?: boolean;
}

/** The one-line verdict, with Markdown emphasis: `**Driven**: detailed balance fails …`. */
export function verdictLine(analysis: Analysis): string {
  const v = verdictOf(analysis, { text: mdText, name: code });
  return `**${v.headline}**: ${v.detail}`;
}

/**
 * The whole Markdown report, ending in a newline: title, verdict (always the third line),
 * source line, then every section that has something to show.
 * Example: `renderMarkdown(analyze(network)).split("\n")[2]` is the verdict line.
 */
export function renderMarkdown(analysis: Analysis, options: MarkdownOptions = {}): string {
  const layout = { maxRows: options.maxRows ?? 200, diagrams: options.diagrams !== false };
  const net = analysis.network;
  const kind = net.kind === "markov" ? "Markov jump network" : "mass-action network";
  const counts = net.kind === "markov"
    ? `${net.species.length} states, ${net.reactions.length} transitions`
    : `${net.species.length} species, ${net.reservoirs.length} reservoirs, ${net.reactions.length} reactions`;
  const parts = [
    `# ${mdText(titleOf(net))}`,
    verdictLine(analysis),
    `Source ${code(net.source)} · ${kind} · ${counts}.`,
    ...reportSections(analysis).map((s) => mdSection(analysis, s, layout)),
  ];
  return `${parts.filter((p) => p !== "").join("\n\n")}\n`;
}

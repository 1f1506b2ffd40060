/**
 * Writes the converted model as a `.crn` file of the language's core profile, with comments that
 * say what the importer did: units, folded volumes, renamed ids, and what was left out.
 */
import { numText, type Num } from "./num.js";
import type { DraftReaction, DraftTerm } from "./reactions.js";

export interface DraftSpecies {
  readonly name: string;
  readonly value: Num | null;
  readonly comment: string;
}

export interface Draft {
  readonly title: string | null;
  readonly header: readonly string[];
  readonly species: readonly DraftSpecies[];
  readonly reservoirs: readonly DraftSpecies[];
  readonly reactions: readonly DraftReaction[];
  readonly names: ReadonlyMap<string, string>;
}

/** Wraps prose into `# ` comment lines of at most ~100 characters. */
export function commentLines(text: string, indent = ""): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + word.length + 1 > 98 - indent.length) {
      out.push(`# ${indent}${line}`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(`# ${indent}${line}`);
  return out;
}

const oneLine = (s: string): string => s.replace(/[\r\n]+/g, " ");

function side(terms: readonly DraftTerm[], names: ReadonlyMap<string, string>): string {
  if (terms.length === 0) return "0";
  return terms.map((t) => `${t.coefficient === 1 ? "" : `${t.coefficient} `}${names.get(t.id) ?? t.id}`).join(" + ");
}

function declaration(keyword: string, s: DraftSpecies): string {
  const value = s.value === null ? "" : ` = ${numText(s.value)}`;
  return `${keyword} ${s.name}${value}${s.comment ? `  # ${oneLine(s.comment)}` : ""}`;
}

export function emitCrn(d: Draft): string {
  const lines: string[] = [...d.header];
  if (d.title !== null) {
    const safe = d.title.replace(/["\r\n]/g, "'");
    lines.push("", `network "${safe}"`);
  }
  if (d.species.length) lines.push("", ...d.species.map((s) => declaration("species", s)));
  if (d.reservoirs.length) lines.push("", ...d.reservoirs.map((s) => declaration("reservoir", s)));
  if (d.reactions.length) lines.push("");
  for (const r of d.reactions) {
    const arrow = r.reverse ? "<->" : "->";
    const rates = r.reverse ? `${numText(r.forward)}, ${numText(r.reverse)}` : numText(r.forward);
    const label = d.names.get(r.id) ?? r.id;
    lines.push(`${label ? `${label}: ` : ""}${side(r.lhs, d.names)} ${arrow} ${side(r.rhs, d.names)} @ ${rates}  # ${oneLine(r.comment)}`);
  }
  return `${lines.join("\n")}\n`;
}

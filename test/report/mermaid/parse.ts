/** Reads a ness mermaid diagram back, failing on any line the emitter should not write. */
import { expect } from "vitest";

const NODE = /^ {2}(?<id>[a-z]\d+)(\(\[|\[|\(|\{\{|>)"`/;
const EDGE = /^ {2}(?<from>[a-z]\d+) (?<arrow>-->|<-->|-\.->|---)(?<label>\|"`[^"]*`"\|)? (?<to>[a-z]\d+)$/;
const STYLE = /^ {2}linkStyle (?<index>\d+) (?<style>.*)$/;

/** The named groups of a match of one of the patterns above (each group is in the pattern, so a miss is a bug here). */
function groups(m: RegExpExecArray): { readonly [name: string]: string } {
  const g = m.groups;
  if (g === undefined) throw new Error(`pattern without named groups: ${m[0]}`);
  return Object.fromEntries(Object.entries(g).map(([k, v]) => [k, v ?? ""]));
}

export interface Parsed { nodes: Map<string, string>; edges: { from: string; arrow: string; label: string; to: string }[]; styles: Map<number, string> }

/** Reads back the diagram: node ids and labels, edges in order, link styles. Fails on any line it does not know. */
export function parse(src: string): Parsed {
  const lines = src.split("\n");
  expect(lines[0]).toBe("flowchart LR");
  const out: Parsed = { nodes: new Map(), edges: [], styles: new Map() };
  let pending = "";
  for (const raw of lines.slice(1)) {
    const line = pending === "" ? raw : `${pending}\n${raw}`;
    if (line === "" || line.startsWith("  %% ") || line.startsWith("  classDef ") || line.startsWith("  class ")) continue;
    const n = NODE.exec(line);
    if (n) {
      if (!/`"(\]\)|\]|\)|\}\})$/.test(line)) { pending = line; continue; }
      pending = "";
      out.nodes.set(groups(n)["id"] ?? "", line.slice(line.indexOf("`") + 1, line.lastIndexOf("`")));
      continue;
    }
    const e = EDGE.exec(line);
    if (e) {
      const { from = "", arrow = "", label = "", to = "" } = groups(e);
      out.edges.push({ from, arrow, label, to });
      continue;
    }
    const s = STYLE.exec(line);
    if (s) { const { index, style = "" } = groups(s); out.styles.set(Number(index), style); continue; }
    throw new Error(`unexpected line: ${JSON.stringify(line)}`);
  }
  expect(pending).toBe("");
  return out;
}


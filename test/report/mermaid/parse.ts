/** Reads a ness mermaid diagram back, failing on any line the emitter should not write. */
import { expect } from "vitest";

const NODE = /^ {2}([a-z]\d+)(\(\[|\[|\(|\{\{|>)"`/;
const EDGE = /^ {2}([a-z]\d+) (-->|<-->|-\.->|---)(\|"`[^"]*`"\|)? ([a-z]\d+)$/;

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
      out.nodes.set(n[1]!, line.slice(line.indexOf("`") + 1, line.lastIndexOf("`")));
      continue;
    }
    const e = EDGE.exec(line);
    if (e) { out.edges.push({ from: e[1]!, arrow: e[2]!, label: e[3] ?? "", to: e[4]! }); continue; }
    const s = /^ {2}linkStyle (\d+) (.*)$/.exec(line);
    if (s) { out.styles.set(Number(s[1]), s[2]!); continue; }
    throw new Error(`unexpected line: ${JSON.stringify(line)}`);
  }
  expect(pending).toBe("");
  return out;
}


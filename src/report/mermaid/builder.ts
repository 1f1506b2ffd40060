/**
 * A tiny builder for mermaid flowcharts that makes any name safe: node ids are generated
 * (`n0`, `r3`, …), every label is quoted and escaped with mermaid's entity codes, and link
 * styles are tracked by edge number so callers never count edges by hand.
 */

/** Node shapes used by the views. */
export type Shape = "stadium" | "box" | "round" | "hexagon" | "note";

export type Arrow = "-->" | "<-->" | "-.->";

/**
 * Escapes one line of text for a mermaid markdown string (a label written "`…`"). mermaid reads
 * labels as Markdown, so `__proto__` would turn bold: emphasis, link, strike and escape marks
 * are backslash-escaped, and so is a line start that would open a list or heading; the characters that would end the label or start an
 * entity (`#`, `"`, `` ` ``, `<`, `>`) become mermaid entity codes. Newlines become spaces.
 */
export function mermaidText(text: string): string {
  return text
    .replace(/[\\*_~[\]!&|$]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+=]|\d+[.)])/, (_m, space: string, lead: string) => `${space}${lead.replace(/[-+=.)]/, (c) => `\\${c}`)}`)
    .replace(/#/g, "#35;")
    .replace(/"/g, "#quot;")
    .replace(/</g, "#lt;")
    .replace(/>/g, "#gt;")
    .replace(/`/g, "#96;")
    .replace(/[\r\n]+/g, " ");
}

/** A label of one or more lines, as a mermaid markdown string: "`line 1\nline 2`" without the quotes. */
export function label(...lines: string[]): string {
  return `\`${lines.map(mermaidText).join("\n")}\``;
}

/** Escapes text for a `%%` comment line (no newlines). */
export function commentText(text: string): string {
  return text.replace(/[\r\n]+/g, " ");
}

const SHAPES: Record<Shape, [string, string]> = {
  stadium: ["([", "])"],
  box: ["[", "]"],
  round: ["(", ")"],
  hexagon: ["{{", "}}"],
  note: [">", "]"],
};

/** Writes a mermaid `flowchart LR` line by line: nodes with generated ids and escaped labels, edges, styles. */
export class FlowchartBuilder {
  private readonly header: string[] = [];
  private readonly body: string[] = [];
  private readonly styles: string[] = [];
  private readonly classes = new Map<string, string[]>();
  private edges = 0;

  constructor(direction: "LR" | "TD" = "LR") {
    this.header.push(`flowchart ${direction}`);
  }

  /** A `%%` comment line (mermaid ignores it; readers of the source see it). */
  comment(text: string): void {
    this.body.push(`  %% ${commentText(text)}`);
  }

  /** Declares a node; `text` is already escaped (use `label`). */
  node(id: string, text: string, shape: Shape, cssClass?: string): void {
    const [open, close] = SHAPES[shape];
    this.body.push(`  ${id}${open}"${text}"${close}`);
    if (cssClass !== undefined) this.classes.set(cssClass, [...(this.classes.get(cssClass) ?? []), id]);
  }

  /** Adds an edge and returns its number for `linkStyle`; `text` is already escaped. */
  edge(from: string, to: string, arrow: Arrow, text?: string): number {
    this.body.push(text === undefined || text === "" ? `  ${from} ${arrow} ${to}` : `  ${from} ${arrow}|"${text}"| ${to}`);
    return this.edges++;
  }

  linkStyle(edge: number, css: string): void {
    this.styles.push(`  linkStyle ${edge} ${css}`);
  }

  classDef(name: string, css: string): void {
    this.styles.push(`  classDef ${name} ${css}`);
  }

  toString(): string {
    const assigned = [...this.classes].map(([cls, ids]) => `  class ${ids.join(",")} ${cls}`);
    return `${[...this.header, ...this.body, ...this.styles, ...assigned].join("\n")}\n`;
  }
}

/** Stroke width for a current `j` relative to the largest `max`: 1px to 6px. */
export function strokeWidth(j: number, max: number): number {
  if (!Number.isFinite(j) || !Number.isFinite(max) || max <= 0) return 1.5;
  return Math.round((1 + 5 * Math.min(1, Math.abs(j) / max)) * 10) / 10;
}

/** Red for what breaks detailed balance; blue-grey for other edges. */
export const DRIVEN_COLOUR = "#d62728";
export const EDGE_COLOUR = "#4a6fa5";

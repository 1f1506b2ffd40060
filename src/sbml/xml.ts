/**
 * Reading SBML's XML: fast-xml-parser in order-preserving mode (MathML argument order matters),
 * a few helpers over its node shape, and source positions, which the parser does not give, found
 * by scanning the text for start tags.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { Span } from "../diagnostics.js";

/** One element: its local name (namespace prefix removed), attributes and children in order. */
export interface XmlElement {
  readonly name: string;
  readonly attrs: ReadonlyMap<string, string>;
  readonly children: readonly XmlNode[];
}
export type XmlNode = XmlElement | { readonly text: string };

export const isElement = (n: XmlNode): n is XmlElement => "name" in n;

/** Element children with the given local name. */
export function childrenNamed(e: XmlElement, name: string): XmlElement[] {
  return e.children.filter((c): c is XmlElement => isElement(c) && c.name === name);
}

export function child(e: XmlElement | undefined, name: string): XmlElement | undefined {
  return e?.children.find((c): c is XmlElement => isElement(c) && c.name === name);
}

/** `<listOfX><x/>…</listOfX>` → the `x` elements (empty when the list is absent). */
export function listOf(e: XmlElement | undefined, list: string, item: string): XmlElement[] {
  const l = child(e, list);
  return l ? childrenNamed(l, item) : [];
}

export function elementChildren(e: XmlElement): XmlElement[] {
  return e.children.filter(isElement);
}

export function textOf(e: XmlElement): string {
  return e.children.map((c) => ("text" in c ? c.text : textOf(c))).join("");
}

type RawNode = Record<string, unknown>;

function convert(raw: RawNode): XmlNode | null {
  const keys = Object.keys(raw).filter((k) => k !== ":@");
  const key = keys[0];
  if (key === undefined) return null;
  if (key === "#text") return { text: String(raw[key]) };
  if (key.startsWith("?") || key.startsWith("!")) return null;
  const attrsRaw = (raw[":@"] ?? {}) as Record<string, unknown>;
  const attrs = new Map<string, string>();
  for (const [k, v] of Object.entries(attrsRaw)) attrs.set(k, String(v));
  const kids = (raw[key] as RawNode[] | undefined) ?? [];
  const children: XmlNode[] = [];
  for (const k of kids) {
    const c = convert(k);
    if (c) children.push(c);
  }
  return { name: key, attrs, children };
}

export type XmlParse = { readonly root: XmlElement } | { readonly error: string; readonly line: number; readonly column: number };

/** Parses XML text; a malformed document gives the validator's message and position. */
export function parseXml(xml: string): XmlParse {
  let valid: ReturnType<typeof XMLValidator.validate>;
  try {
    valid = XMLValidator.validate(xml);
  } catch (e) {
    return { error: `the XML cannot be read (${(e as Error).message})`, line: 1, column: 1 };
  }
  if (valid !== true) return { error: valid.err.msg, line: valid.err.line, column: valid.err.col };
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
    removeNSPrefix: true,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: true,
  });
  let raw: RawNode[];
  try {
    raw = parser.parse(xml) as RawNode[];
  } catch (e) {
    return { error: `the XML cannot be read (${(e as Error).message})`, line: 1, column: 1 };
  }
  for (const r of raw) {
    const n = convert(r);
    if (n && isElement(n)) return { root: n };
  }
  return { error: "the document has no root element", line: 1, column: 1 };
}

/** Line starts of a text, for offset → line/column. */
export class SourceMap {
  private readonly starts: number[] = [0];
  /** Offsets of start tags by element name, then by `id` (or `variable`) attribute. */
  private readonly tags = new Map<string, Map<string, number>>();
  private readonly firstTag = new Map<string, number>();

  constructor(readonly file: string, readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
    // Blank out comments and CDATA (keeping offsets) so tags inside them are not found.
    const clean = text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => " ".repeat(m.length));
    const tagRe = /<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)\b([^>]*)>/g;
    for (let m = tagRe.exec(clean); m; m = tagRe.exec(clean)) {
      const name = m[1]!;
      if (!this.firstTag.has(name)) this.firstTag.set(name, m.index);
      const id = /(?:^|\s)(?:id|variable)\s*=\s*(["'])(.*?)\1/.exec(m[2]!);
      if (!id) continue;
      let byId = this.tags.get(name);
      if (!byId) this.tags.set(name, (byId = new Map()));
      if (!byId.has(id[2]!)) byId.set(id[2]!, m.index);
    }
  }

  spanAt(offset: number, length = 1): Span {
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file: this.file, offset, line: lo + 1, column: offset - this.starts[lo]! + 1, length };
  }

  spanAtLine(line: number, column: number): Span {
    const start = this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))]!;
    return this.spanAt(start + Math.max(0, column - 1));
  }

  /** The start tag `<name … id="id">` (or `variable="id"`); else the first `<name>`; else the file start. */
  element(name: string, id?: string): Span {
    const at = (id !== undefined ? this.tags.get(name)?.get(id) : undefined) ?? this.firstTag.get(name) ?? 0;
    return this.spanAt(at, name.length + 1);
  }
}

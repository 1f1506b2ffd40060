/**
 * Small formatting helpers shared by the emitters: readable numbers, Markdown/HTML escaping,
 * where a reaction was written, and a network's title.
 * Pure functions; no emitter-specific layout lives here.
 */
import type { Network, Reaction } from "../../network/types.js";

/**
 * A number as a person reads it: 6 significant digits, trailing zeros dropped, exponent
 * notation outside [1e-4, 1e6). Non-finite values are written in words, never `NaN`.
 */
export function formatNumber(x: number | null | undefined, digits = 6): string {
  if (x === null || x === undefined) return "undefined";
  if (Number.isNaN(x)) return "undefined";
  if (x === Infinity) return "∞";
  if (x === -Infinity) return "−∞";
  if (x === 0) return "0";
  const a = Math.abs(x);
  if (a >= 1e-4 && a < 1e6) return stripZeros(x.toPrecision(digits));
  const [mantissa, exponent] = x.toExponential(digits - 1).split("e");
  return `${stripZeros(mantissa ?? "")}e${Number(exponent)}`;
}

function stripZeros(s: string): string {
  if (!s.includes(".")) return s;
  return s.replace(/0+$/, "").replace(/\.$/, "");
}

/** Escapes characters that Markdown would read as markup (`_` in `__proto__`, `*`, `<` opening HTML). */
export function mdText(text: string): string {
  return text.replace(/[\\`*_{}[\]<#|~]/g, (c) => `\\${c}`);
}

/** Escapes text for HTML element content and attribute values. */
export function htmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

const HTML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** `file:line` of a reaction, as the user wrote it. */
export function where(reaction: Reaction): string {
  return `${reaction.span.file}:${reaction.span.line}`;
}

/** Display title: the `network "…"` title, else the file name. */
export function titleOf(network: Network): string {
  if (network.title !== null && network.title.trim() !== "") return network.title;
  const base = network.source.split(/[\\/]/).pop() ?? network.source;
  return base === "" ? "Network" : base;
}

/** Cuts long text (a 300-state cycle in words) to `max` characters around an ellipsis. */
export function shorten(text: string, max = 160): string {
  if (text.length <= max) return text;
  const head = Math.ceil((max - 3) * 0.6);
  const tail = max - 3 - head;
  return `${text.slice(0, head)} … ${text.slice(text.length - tail)}`;
}

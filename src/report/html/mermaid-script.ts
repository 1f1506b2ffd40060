/**
 * How a page gets mermaid's browser bundle and runs it: inlined (a self-contained report) or from
 * one shared copy beside the pages (a site, the playground). No Node built-ins here: the
 * playground bundles this module for the browser.
 */
import { htmlEscape as h } from "../model/format.js";

/**
 * Where a page gets mermaid's bundle: its text, to inline (a self-contained page; "" when the
 * bundle was not available, and the diagrams are shown as source), or the relative address of one
 * copy shared by a folder of pages.
 */
export type MermaidScript = string | { readonly href: string };

/** False when the page has no mermaid at all (the text is empty). */
export function hasMermaid(mermaid: MermaidScript): boolean {
  return typeof mermaid !== "string" || mermaid !== "";
}

/**
 * The scripts that render every `pre.mermaid` of a page: mermaid's bundle (inlined as a `data:`
 * URL, so nothing in it can close the script element, or loaded from the shared copy's address)
 * and a runner that marks `body.dataset.mermaid` "done" or "failed" (the browser test waits for it).
 */
export function mermaidRunner(mermaid: MermaidScript): string {
  const src = typeof mermaid === "string" ? `data:text/javascript;charset=utf-8;base64,${base64(mermaid)}` : mermaid.href;
  const run = `(async () => {
  const body = document.body;
  try {
    if (typeof mermaid === "undefined") throw new Error("mermaid's script did not load from ${src.startsWith("data:") ? "the page" : src.replace(/[^\w./-]/g, "")}");
    mermaid.initialize(${JSON.stringify(MERMAID_CONFIG)});
    await mermaid.run({ querySelector: "pre.mermaid" });
    body.dataset.mermaid = "done";
  } catch (e) {
    body.dataset.mermaid = "failed";
    console.error("ness: a diagram failed to render:", e);
  }
})();`;
  return `<script src="${h(src)}"></script>\n<script>${run}</script>`;
}

/**
 * mermaid's settings for every page and the playground. The node and rank spacing leave room
 * for the edge labels (a flux or current on every edge): at mermaid's defaults (50, 50) the labels
 * of a complex graph sat on the neighbouring edges.
 */
export const MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: "strict",
  theme: "default",
  flowchart: { htmlLabels: true, nodeSpacing: 70, rankSpacing: 80, padding: 12, wrappingWidth: 220 },
} as const;

/** Base64 of UTF-8 text, in Node and in a browser alike (no Buffer: the playground bundles this module). */
function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const chunks: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) chunks.push(String.fromCharCode(...bytes.subarray(i, i + 0x8000)));
  return btoa(chunks.join(""));
}

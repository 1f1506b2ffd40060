/**
 * playground.html: one page that needs nothing but itself and the site's mermaid.min.js. The
 * compiler's bundle sits in the page as inert text (`<script type="text/plain">`), from which the
 * page script makes its Web Worker; the page script itself is inline. Opened from disk, offline,
 * it makes no request but for mermaid.min.js beside it.
 */
import { MERMAID_CONFIG, REPORT_STYLE } from "../report/html/index.js";
import { htmlEscape as h } from "../report/model/format.js";
import type { PlaygroundBundles } from "./bundle.js";

/** The network the page opens with: a balanced triangle (2·2·1 = 1·1·4); change one rate and it is driven. */
export const EXAMPLE = `# Edit me: the verdict, diagram and report follow as you type.
network "Triangle"

species A = 1, B, C

r1: A <-> B @ 2, 1
r2: B <-> C @ 2, 1
r3: C <-> A @ 1, 4

assert detailed_balance
`;

const STYLE = `
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b; margin: 0; }
header.top { padding: .6rem 1rem; border-bottom: 1px solid #ddd; display: flex; gap: 1rem; align-items: baseline; }
header.top h1 { font-size: 1.2rem; margin: 0; } header.top a { color: #4a6fa5; }
main { display: grid; grid-template-columns: minmax(320px, 1fr) minmax(320px, 1fr); gap: 1rem; padding: 1rem; }
@media (max-width: 900px) { main { grid-template-columns: 1fr; } }
.editor { position: relative; height: 26rem; border: 1px solid #ccc; border-radius: 4px; background: #fff; }
.editor textarea, .editor pre { position: absolute; inset: 0; margin: 0; padding: .6rem; border: 0; overflow: auto;
  font: 14px/1.45 ui-monospace, SFMono-Regular, Menlo, monospace; white-space: pre; tab-size: 2; }
.editor pre { pointer-events: none; color: #1b1b1b; }
.editor pre#marks { color: transparent; }
.editor textarea { background: transparent; color: transparent; caret-color: #111; resize: none; outline: none; }
.editor textarea::selection { background: rgba(74, 111, 165, .25); color: transparent; }
.t-comment { color: #6a737d; font-style: italic; } .t-string { color: #22863a; } .t-number { color: #005cc5; }
.t-keyword { color: #a626a4; font-weight: 600; } .t-arrow { color: #d73a49; font-weight: 600; }
.t-bad-arrow { color: #fff; background: #d73a49; } .t-function, .t-constant { color: #6f42c1; } .t-unit { color: #005cc5; }
.t-label { color: #b35900; } .t-operator { color: #d73a49; }
.squiggle { text-decoration: underline wavy; text-decoration-skip-ink: none; }
.squiggle.error { text-decoration-color: #d73a49; } .squiggle.warning { text-decoration-color: #e3a008; }
.status { font-weight: 600; padding: .45rem .7rem; border-radius: 4px; border-left: 5px solid #999; background: #f4f6f8; margin: 0 0 .6rem; }
.status.equilibrium { border-color: #2e7d32; background: #eef8ee; } .status.driven, .status.no-steady-state, .status.error, .status.failed { border-color: #d62728; background: #fdeeee; }
.status.undecided { border-color: #f9a825; background: #fff8e1; }
#diagnostics ul { padding-left: 1.1rem; margin: .4rem 0; } #diagnostics li.error { color: #b71c1c; } #diagnostics li.warning { color: #8a5a00; }
#diagnostics .hint { color: #444; } #diagnostics .none { color: #2e7d32; margin: .4rem 0; }
#diagram { overflow-x: auto; border: 1px solid #eee; border-radius: 4px; min-height: 4rem; }
#report { padding: 0 1rem 2rem; max-width: 1080px; }
.warning { color: #8a5a00; }
`;

/** The report's own style sheet, applied inside #report instead of to the whole page. */
function reportStyle(): string {
  return REPORT_STYLE.replace(/^body \{/m, "#report {");
}

/**
 * Script text inside `<script>`: a `</script` or `<!--` in it would end or confuse the element.
 * Both only occur inside string, template or regular-expression literals of a bundle, where `<\/`
 * and `<\!` mean the same characters.
 */
export function inlineScript(code: string): string {
  return code.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

export interface PlaygroundPage {
  readonly bundles: PlaygroundBundles;
  /** The relative address of mermaid's bundle (the site's copy). */
  readonly mermaidHref: string;
  /** Where the index of reports is, for the header's link; null when there is none. */
  readonly indexHref: string | null;
  readonly example?: string;
}

/** The whole playground page. */
export function renderPlayground(page: PlaygroundPage): string {
  const example = page.example ?? EXAMPLE;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ness"><title>ness playground</title>
<style>${STYLE}${reportStyle()}</style></head>
<body data-revision="0">
<header class="top"><h1>ness playground</h1><span>write a reaction network; it is compiled and analysed as you type, in this page, offline</span>${page.indexHref === null ? "" : `<a href="${h(page.indexHref)}">all reports</a>`}</header>
<main>
<section aria-label="editor">
<div class="editor"><pre id="highlight" aria-hidden="true"></pre><pre id="marks" aria-hidden="true"></pre><textarea id="source" spellcheck="false" autocapitalize="off" autocomplete="off" aria-label="network source">${h(example)}</textarea></div>
<h2>Problems</h2><div id="diagnostics" aria-live="polite"></div>
</section>
<section aria-label="verdict and diagram">
<p class="status" id="status" aria-live="polite">analysing…</p>
<div id="diagram"></div>
</section>
</main>
<div id="report"></div>
<script type="application/json" id="ness-mermaid-config">${inlineScript(JSON.stringify(MERMAID_CONFIG))}</script>
<script type="text/plain" id="ness-worker">${inlineScript(page.bundles.worker)}</script>
<script src="${h(page.mermaidHref)}"></script>
<script>${inlineScript(page.bundles.ui)}</script>
</body></html>
`;
}

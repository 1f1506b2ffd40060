/**
 * Emitters of a parameter scan (analysis/scan): Markdown with a table of branches, folds and Hopf
 * points (and an image link to the diagram when the CLI writes it beside), one self-contained
 * HTML page with the bifurcation diagram as inline SVG, JSON with every branch point.
 */
export { renderScanMarkdown, type ScanMarkdownOptions } from "./markdown.js";
export { renderScanHtml } from "./html.js";
export { renderScanJson, toScanJson } from "./json.js";
export { bifurcationSvg, defaultSpecies } from "./svg.js";

/**
 * ness: the reaction-network analysis compiler, as a library.
 *
 *   text ──syntax/──▶ AST ──compile/──▶ Network IR ──analysis/──▶ Analysis ──report/──▶ md | json | html | mermaid
 *                                                       ▲
 *                                            numeric/ (exact and floating-point linear algebra, solvers)
 *
 *   compile(text, file)        → { network, diagnostics }
 *   analyze(network, options)  → Analysis
 *   render(analysis, format)   → string
 */
export { compile, type CompileResult } from "./compile/index.js";
export { analyze, type AnalyzeOptions } from "./analysis/index.js";
export { checkAsserts } from "./analysis/asserts/index.js";
export { analyzeStructure } from "./analysis/structure/index.js";
export { analyzeBalance } from "./analysis/balance/index.js";
export { analyzeSteadyStates } from "./analysis/steady-state/index.js";
export { analyzeCurrents } from "./analysis/currents/index.js";
export { scanParameter } from "./analysis/scan/index.js";
export { importSbml } from "./sbml/import.js";
export { exportSbml } from "./sbml/export.js";
export { formatDiagnostic, CODES, type Diagnostic, type Span } from "./diagnostics.js";
export type * from "./network/types.js";
export type * from "./analysis/types.js";

export { render, FORMATS, isFormat, type Format } from "./report/index.js";

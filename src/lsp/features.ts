/**
 * The read-only features: hover, completion, document symbols, semantic tokens and the verdict's
 * code lens. Each is a pure function of a DocumentState and a position.
 */
import {
  CompletionItemKind, SymbolKind, SemanticTokensBuilder,
  type CodeLens, type CompletionItem, type DocumentSymbol, type Hover, type Position, type SemanticTokens, type SemanticTokensLegend,
} from "vscode-languageserver";
import type { Network, Reaction } from "../network/types.js";
import { KEYWORD_WORDS } from "../syntax/lexer.js";
import type { DocumentState } from "./document.js";
import type { DefinitionKind, TokenClass } from "./symbols.js";

const num = (x: number): string => (Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x));

/** The network hovers read: this version's when it compiled, else the last that did (said so). */
function networkOf(state: DocumentState): { network: Network; stale: boolean } | null {
  const current = state.compiled?.network ?? null;
  if (current !== null) return { network: current, stale: false };
  return state.lastGood ? { network: state.lastGood.network, stale: true } : null;
}

/** The analysis summary, when it is of this very version. */
function freshSummary(state: DocumentState): DocumentState["summary"] {
  return state.summaryVersion === state.version ? state.summary : null;
}

export function hover(state: DocumentState, pos: Position): Hover | null {
  const at = state.index.at(pos.line, pos.character);
  const def = at ? state.index.definitions.get(at.name) : undefined;
  const found = networkOf(state);
  const lines: string[] = [];
  if (def !== undefined && found !== null) lines.push(...describe(def.name, def.kind, found.network, state));
  else if (def === undefined && state.index.lines[pos.line]?.reaction && found !== null) {
    const r = found.network.reactions.find((x) => x.span.line - 1 === pos.line);
    if (r) lines.push(...describeReaction(r, state));
  } else if (def !== undefined) lines.push(`**${def.kind} ${def.name}**, declared on line ${def.line + 1}`);
  if (lines.length === 0) return null;
  if (found?.stale) lines.push("", "_(values of the last version that compiled)_");
  return { contents: { kind: "markdown", value: lines.join("\n") }, ...(at ? { range: { start: { line: at.line, character: at.start }, end: { line: at.line, character: at.end } } } : {}) };
}

function describe(name: string, kind: DefinitionKind, network: Network, state: DocumentState): string[] {
  if (kind === "param") {
    const v = network.params.get(name);
    return [`**param ${name}** = ${v === undefined ? "?" : num(v)}`];
  }
  if (kind === "label") {
    const i = network.reactionIndex.get(name);
    const r = i === undefined ? undefined : network.reactions[i];
    return r ? describeReaction(r, state) : [`**reaction ${name}**`];
  }
  if (kind === "reservoir") {
    const i = network.reservoirIndex.get(name);
    const r = i === undefined ? undefined : network.reservoirs[i];
    return [`**reservoir ${name}** = ${r ? num(r.value) : "?"} (held fixed)`, "", ...takesPartIn(network, (x) => [...x.reservoirReactants, ...x.reservoirProducts].some((t) => t.index === i))];
  }
  if (kind === "species" || kind === "state") {
    const i = network.speciesIndex.get(name);
    const s = i === undefined ? undefined : network.species[i];
    if (s === undefined || i === undefined) return [`**${kind} ${name}**`];
    const out = [`**${kind} ${name}**: initial amount ${num(s.initial)}${s.initialGiven ? "" : " (default)"}`, "", ...takesPartIn(network, (x) => [...x.reactants, ...x.products].some((t) => t.index === i))];
    const g = freshSummary(state)?.freeEnergies?.[i];
    if (g !== undefined) out.push("", `free energy G = ${num(g)} k_BT (detailed balance holds; up to a constant per class)`);
    return out;
  }
  return [`**current ${name}**`];
}

function takesPartIn(network: Network, uses: (r: Reaction) => boolean): string[] {
  const rs = network.reactions.filter(uses);
  if (rs.length === 0) return ["takes part in no reaction"];
  const shown = rs.slice(0, 12).map((r) => `- \`${r.id}\`: ${r.equation}`);
  return [`in ${rs.length} reaction${rs.length === 1 ? "" : "s"}:`, ...shown, ...(rs.length > 12 ? [`- … and ${rs.length - 12} more`] : [])];
}

function describeReaction(r: Reaction, state: DocumentState): string[] {
  const out = [`**reaction ${r.id}**: ${r.equation}`, "", `k+ = ${num(r.forward.value)}${r.reverse ? `, k- = ${num(r.reverse.value)}` : " (one-way)"}`];
  if (r.reverse) out.push(`equilibrium constant K = k+/k- = ${num(r.forward.value / r.reverse.value)}`);
  const summary = freshSummary(state);
  const flux = summary?.fluxes?.[r.index];
  if (flux !== undefined) out.push(`steady-state flux J = ${num(flux)}`);
  const share = summary?.sigmaShares?.[r.index];
  if (share !== undefined && Number.isFinite(share) && summary?.sigma != null) out.push(`share of the entropy production σ = ${num(summary.sigma)} k_B/time: ${(100 * share).toFixed(1)}%`);
  if (summary === null) out.push("", "_(flux and entropy production once the analysis has run)_");
  return out;
}

const FUNCTIONS = ["exp", "log", "sqrt"];
const ASSERT_WORDS = ["detailed_balance", "entropy_production", "steady_states", "conc", "flux", "prob", "within", "energy", "barrier", "prefactor"];

export function completion(state: DocumentState): CompletionItem[] {
  const kindOf: Record<DefinitionKind, CompletionItemKind> = {
    param: CompletionItemKind.Constant, species: CompletionItemKind.Variable, state: CompletionItemKind.EnumMember,
    reservoir: CompletionItemKind.Variable, label: CompletionItemKind.Event, current: CompletionItemKind.Property,
  };
  const names: CompletionItem[] = [...state.index.definitions.values()].map((d) => ({ label: d.name, kind: kindOf[d.kind], detail: d.kind }));
  const words: CompletionItem[] = [...KEYWORD_WORDS, ...ASSERT_WORDS].map((w) => ({ label: w, kind: CompletionItemKind.Keyword }));
  const fns: CompletionItem[] = FUNCTIONS.map((f) => ({ label: f, kind: CompletionItemKind.Function }));
  return [...names, ...words, ...fns];
}

export function documentSymbols(state: DocumentState): DocumentSymbol[] {
  const kinds: Record<DefinitionKind, SymbolKind> = {
    param: SymbolKind.Constant, species: SymbolKind.Variable, state: SymbolKind.EnumMember,
    reservoir: SymbolKind.Variable, label: SymbolKind.Event, current: SymbolKind.Property,
  };
  return [...state.index.definitions.values()].map((d) => {
    const range = { start: { line: d.line, character: d.start }, end: { line: d.line, character: d.end } };
    const lineLength = state.lineTexts[d.line]?.length ?? d.end;
    return { name: d.name, detail: d.kind, kind: kinds[d.kind], range: { start: { line: d.line, character: 0 }, end: { line: d.line, character: lineLength } }, selectionRange: range };
  });
}

export const SEMANTIC_LEGEND: SemanticTokensLegend = {
  tokenTypes: ["keyword", "number", "string", "comment", "operator", "variable", "parameter", "function", "event", "property", "enumMember"],
  tokenModifiers: ["declaration", "readonly", "defaultLibrary"],
};

export function semanticTokens(state: DocumentState): SemanticTokens {
  const type = (t: string): number => SEMANTIC_LEGEND.tokenTypes.indexOf(t);
  const byKind: Record<DefinitionKind, [string, number]> = {
    param: ["parameter", 0], species: ["variable", 0], state: ["enumMember", 0], reservoir: ["variable", 2], label: ["event", 0], current: ["property", 0],
  };
  const plain: Record<Exclude<TokenClass, "name">, string> = { keyword: "keyword", number: "number", string: "string", comment: "comment", operator: "operator", function: "function" };
  const builder = new SemanticTokensBuilder();
  state.index.lines.forEach((l, line) => {
    for (const t of [...l.tokens].sort((a, b) => a.start - b.start)) {
      if (t.cls !== "name") {
        builder.push(line, t.start, t.length, type(plain[t.cls]), t.cls === "function" ? 4 : 0);
        continue;
      }
      const o = l.names.find((n) => n.start === t.start);
      const def = o ? state.index.definitions.get(o.name) : undefined;
      if (def === undefined) continue;
      const [tt, mods] = byKind[def.kind];
      builder.push(line, t.start, t.length, type(tt), mods | (o?.defines ? 1 : 0));
    }
  });
  return builder.build();
}

/** The verdict on the `network` line (or the first line): "balanced", "driven: cycle …, 15.2 k_BT". */
export function codeLenses(state: DocumentState): CodeLens[] {
  const line = Math.max(0, state.index.lines.findIndex((l) => l.network));
  const summary = freshSummary(state);
  const title = summary !== null ? summary.verdict
    : state.compiled !== null && state.compiled.network === null ? "does not compile"
    : state.analysisError !== null ? `analysis failed: ${state.analysisError}` : "analysing…";
  return [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, command: { title, command: "ness.openReport", arguments: [state.uri] } }];
}

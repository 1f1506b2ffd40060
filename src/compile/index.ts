/**
 * Compile stage: text → Network IR + diagnostics.
 *
 *   parse ─▶ collectDeclarations ─▶ reactionIds, lowerReaction ─▶ lowerAssert ─▶ buildNetwork
 *
 * Stages stop after errors: a network is returned only when there is no error (warnings allowed).
 */
import { CODES, DiagnosticSink, sortDiagnostics, type Diagnostic, type Span } from "../diagnostics.js";
import { buildNetwork, type SpeciesInput } from "../network/build.js";
import type { Assert, Network } from "../network/types.js";
import { parse } from "../syntax/parse.js";
import type { Program, Statement } from "../syntax/ast.js";
import { lowerAssert } from "./asserts.js";
import { collectDeclarations, type Declarations } from "./declarations.js";
import { lowerReaction, reactionIds, type LoweredReaction } from "./reactions.js";

export interface CompileResult {
  readonly network: Network | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** Compiles one network file. Never throws for bad input. */
export function compile(text: string, file = "<input>"): CompileResult {
  const sink = new DiagnosticSink();
  const program = parse(text, file, sink);
  if (sink.hasErrors) return { network: null, diagnostics: sortDiagnostics(sink.items) };
  const network = lower(program, text, sink);
  return { network: sink.hasErrors ? null : network, diagnostics: sortDiagnostics(sink.items) };
}

function lower(program: Program, text: string, sink: DiagnosticSink): Network | null {
  const decls = collectDeclarations(program, sink);
  const species = initialAmounts(decls, program, sink);
  const speciesIndex = new Map(species.map((s, i) => [s.name, i] as const));
  const reservoirs = [...decls.names.values()].filter((d) => d.kind === "reservoir");
  const reservoirIndex = new Map(reservoirs.map((r, i) => [r.name, i] as const));

  const reactionStatements = program.statements.filter((s): s is Extract<Statement, { kind: "reaction" }> => s.kind === "reaction");
  const ids = reactionIds(reactionStatements, sink);
  const reactions: LoweredReaction[] = [];
  reactionStatements.forEach((st, i) => {
    const r = lowerReaction(st, ids[i]!, decls, { species: speciesIndex, reservoirs: reservoirIndex }, sink);
    if (r) reactions.push(r);
  });
  const reactionIndex = new Map(ids.map((id, i) => [id, i] as const));

  const asserts: Assert[] = [];
  for (const st of program.statements) {
    if (st.kind !== "assert") continue;
    const a = lowerAssert(st, decls, speciesIndex, reactionIndex, text.slice(st.span.offset, st.span.offset + st.span.length), sink);
    if (a) asserts.push(a);
  }
  warnUnused(decls, reactions, species, reservoirs.length, program, sink);
  if (sink.hasErrors) return null;
  return buildNetwork({
    title: decls.title,
    source: program.file,
    kind: decls.kind,
    species,
    reservoirs: reservoirs.map((r) => ({ name: r.name, value: r.value!, exact: r.exact, span: r.span })),
    reactions,
    asserts,
  });
}

/** Initial amounts; for a Markov network normalised to probabilities (uniform when none given). */
function initialAmounts(decls: Declarations, program: Program, sink: DiagnosticSink): SpeciesInput[] {
  const list = [...decls.names.values()].filter((d) => d.kind === "state" || d.kind === "species");
  if (decls.kind === "mass-action") return list.map((d) => ({ name: d.name, initial: d.value ?? 0, initialGiven: d.value !== null, span: d.span }));
  const given = list.filter((d) => d.value !== null);
  if (given.length === 0) return list.map((d) => ({ name: d.name, initial: 1 / list.length, initialGiven: false, span: d.span }));
  const total = given.reduce((a, d) => a + d.value!, 0);
  if (!(total > 0) || !Number.isFinite(total)) {
    const first = program.statements.find((s) => s.kind === "declare" && s.keyword === "state");
    sink.error(CODES.badInitialDistribution, "the initial amounts of the states sum to 0; give at least one a positive amount, or none for a uniform start", first?.span ?? given[0]!.span);
    return list.map((d) => ({ name: d.name, initial: 0, initialGiven: true, span: d.span }));
  }
  return list.map((d) => ({ name: d.name, initial: (d.value ?? 0) / total, initialGiven: d.value !== null, span: d.span }));
}

function warnUnused(decls: Declarations, reactions: readonly LoweredReaction[], species: readonly SpeciesInput[], reservoirCount: number, program: Program, sink: DiagnosticSink): void {
  if (sink.hasErrors) return;
  if (reactions.length === 0) {
    const where: Span = program.statements[0]?.span ?? { file: program.file, offset: 0, line: 1, column: 1, length: 1 };
    sink.warning(CODES.noReactions, "this network has no reactions", where);
    return;
  }
  const usedSpecies = new Set<number>();
  const usedReservoirs = new Set<number>();
  for (const r of reactions) {
    for (const t of [...r.reactants, ...r.products]) usedSpecies.add(t.index);
    for (const t of [...r.reservoirReactants, ...r.reservoirProducts]) usedReservoirs.add(t.index);
  }
  species.forEach((s, i) => {
    if (!usedSpecies.has(i)) sink.warning(CODES.unusedSpecies, `'${s.name}' takes part in no reaction`, s.span);
  });
  const reservoirs = [...decls.names.values()].filter((d) => d.kind === "reservoir");
  for (let i = 0; i < reservoirCount; i++) {
    if (!usedReservoirs.has(i)) sink.warning(CODES.unusedSpecies, `reservoir '${reservoirs[i]!.name}' takes part in no reaction`, reservoirs[i]!.span);
  }
  const usedNames = new Set<string>();
  collectNames(program, usedNames);
  for (const d of decls.names.values()) {
    if (d.kind === "param" && !usedNames.has(d.name)) sink.warning(CODES.unusedParam, `param '${d.name}' is never used`, d.span);
  }
}

function collectNames(program: Program, out: Set<string>): void {
  const visit = (e: import("../syntax/ast.js").Expr): void => {
    const stack = [e];
    while (stack.length) {
      const x = stack.pop()!;
      if (x.kind === "name") out.add(x.name);
      else if (x.kind === "unary") stack.push(x.operand);
      else if (x.kind === "binary") stack.push(x.left, x.right);
      else if (x.kind === "call") stack.push(...x.args);
    }
  };
  for (const st of program.statements) {
    if (st.kind === "declare") st.declarators.forEach((d) => d.value && visit(d.value));
    else if (st.kind === "reaction") st.rates.forEach(visit);
    else if (st.kind === "assert" && st.comparison) {
      visit(st.comparison.value);
      if (st.comparison.tolerance) visit(st.comparison.tolerance);
    }
  }
}

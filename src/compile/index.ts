/**
 * Compile stage: text → Network IR + diagnostics.
 *
 *   forEachStatement ─▶ DeclarationTable.add | ReactionIds.register + lowerReaction ─▶ lowerAssert ─▶ buildNetwork
 *                    └▶ lowerShape (a plain reaction line, straight from its scanned offsets)
 *
 * One pass over the text; a network is returned only when there is no error (warnings allowed).
 */
import { CODES, DiagnosticSink, sortDiagnostics, type Diagnostic, type Span } from "../diagnostics.js";
import { buildNetwork, SpeciesList } from "../network/build.js";
import { PackedStore } from "../network/packed.js";
import { ArrayReader, PackedList, type ReactionReader } from "../network/reaction-reader.js";
import type { Assert, Network, Reaction } from "../network/types.js";
import { forEachStatement, MAX_ERRORS, type ParseOptions } from "../syntax/parse.js";
import type { Statement } from "../syntax/ast.js";
import { declarationSpan, type DeclarationShape } from "../syntax/fast-path.js";
import type { ReactionShape } from "../syntax/fast-reaction.js";
import type { Where } from "../syntax/visitor.js";
import { lowerAssert } from "./asserts.js";
import { CompileContext, NO_TERMS } from "./context.js";
import { DeclarationTable } from "./declarations.js";
import { EnergyTable, type TermNames } from "./energies.js";
import { lineLocator, LineScratch, lowerShape } from "./fast-reaction.js";
import { MeasureTable } from "./measures.js";
import { field } from "./sensitivity.js";
import { lowerReaction, ReactionIds, type LoweredReaction } from "./reactions.js";

export interface CompileResult {
  readonly network: Network | null;
  readonly diagnostics: readonly Diagnostic[];
}

export interface CompileOptions {
  /**
   * Params and reservoir values to use instead of the file's (a scan's parameter, an assert's
   * `at s = 1.2`): each replaces the declared value where it is declared, so every expression that
   * uses it sees the new value. A name that is not a param or reservoir is an error.
   */
  readonly overrides?: ReadonlyMap<string, number>;
  /**
   * Off, every line is read by chevrotain and lowered from its AST (no hand-written fast path);
   * the same network and diagnostics either way, which the tests hold it to. Default on.
   */
  readonly fastPath?: boolean;
  /**
   * Lines another thread has scanned ahead (PrescanReader.fill, compile/prescan.ts; the CLI starts
   * one for a large file, cli/prescan.ts): the same network and diagnostics, sooner.
   */
  readonly scanned?: ParseOptions["scanned"];
}

/** Compiles one network file. Never throws for bad input. */
export function compile(text: string, file = "<input>", options: CompileOptions = {}): CompileResult {
  const syntax = new DiagnosticSink();
  const semantic = new DiagnosticSink();
  const network = lower(text, file, syntax, semantic, options.overrides ?? new Map(), options.fastPath ?? true, options.scanned);
  // stages stop after errors: with a syntax error, the semantic findings are not reported
  const diagnostics = syntax.hasErrors ? syntax.items : [...syntax.items, ...semantic.items];
  return { network: syntax.hasErrors || semantic.hasErrors ? null : network, diagnostics: sortDiagnostics(diagnostics) };
}

type ReactionStatement = Extract<Statement, { kind: "reaction" }>;

/**
 * Parses and lowers in one pass: a reaction whose names are all declared is lowered as soon as
 * it is read, so the AST of a large file never accumulates; one that uses a name declared later
 * waits for the end of the file. Stops before building the network if the syntax had errors.
 */
function lower(text: string, file: string, syntax: DiagnosticSink, sink: DiagnosticSink, overrides: ReadonlyMap<string, number>, fastPath: boolean, scanned: ParseOptions["scanned"]): Network | null {
  const context = new CompileContext();
  const decls = new DeclarationTable(file, sink, context, overrides);
  const measures = new MeasureTable(sink);
  const ids = new ReactionIds(sink);
  // one slot per reaction, made at once for as many as the file has lines (then cut to the count):
  // an array grown by push to 10^5–10^6 slots is copied some thirty times on the way
  const capacity = lineCount(text);
  // a plain line's reaction is its slot of the store (a number: no object, network/reaction-reader.ts)
  const lowered = new Array<LoweredReaction | number | null>(capacity);
  let count = 0;
  const append = (r: LoweredReaction | number | null): number => {
    // more reactions than lines (`;` between statements, CR line ends): it grows as any array
    if (count === lowered.length) lowered.push(r);
    else lowered[count] = r;
    return count++;
  };
  const waiting: { st: ReactionStatement; position: number; id: string }[] = [];
  const built = new Set<number>(); // the reaction positions written `@ barrier …` / `@ prefactor …`
  const assertStatements: Extract<Statement, { kind: "assert" }>[] = [];
  const species = decls.speciesIndex;
  const energies = new EnergyTable(sink);
  let names: TermNames | null = null; // read only once every declaration is in (constructed reactions wait for that)
  const indices = {
    species, reservoirs: decls.reservoirIndex, context,
    energies: { table: energies, names: (): TermNames => (names ??= { species: [...species.keys()], reservoirs: [...decls.reservoirIndex.keys()] }) },
  };
  let firstSpan: Span | null = null;
  const probe = new DiagnosticSink();
  // one cap on errors for the whole file (syntax and semantics), as for syntax alone in parse.ts
  const errors = (): number => syntax.items.length + sink.items.length;
  let capped: Span | null = null;
  // a plain reaction line is lowered from its offsets when nothing about it needs saying (else it
  // comes back as a statement below, which says it)
  let store: PackedStore | null = null;
  const scratch = new LineScratch();
  const plain = (line: string, w: Where, shape: ReactionShape): boolean => {
    if (firstSpan === null || syntax.hasErrors || !decls.kindKnown || errors() > MAX_ERRORS) return false;
    const slot = lowerShape(line, w, shape, decls, ids, decls.nameIndex, (store ??= new PackedStore(text, file, { none: NO_TERMS, single: (i) => context.single(i) }, lineLocator(), capacity)), scratch);
    if (slot < 0) return false;
    append(slot);
    return true;
  };
  // a plain species/state line is taken from its offsets (else it comes back as a statement)
  const declaration = (line: string, w: Where, shape: DeclarationShape): boolean => {
    if (capped !== null || errors() > MAX_ERRORS || !decls.addLine(line, w, shape)) return false;
    firstSpan ??= declarationSpan(w, shape);
    return true;
  };
  forEachStatement(text, file, syntax, (st) => {
    firstSpan ??= st.span;
    if (errors() > MAX_ERRORS) {
      capped ??= st.span;
      return;
    }
    if (st.kind === "network" || st.kind === "declare") decls.add(st);
    else if (st.kind === "energy") energies.add(st);
    else if (st.kind === "assert") assertStatements.push(st);
    else if (st.kind === "volume" || st.kind === "current" || st.kind === "force") measures.add(st);
    else {
      const id = ids.register(st);
      const position = append(null);
      if (st.thermo !== undefined) built.add(position);
      // lowered at once unless it names something not declared yet, or is built from energies
      // (which may be declared later): then it waits for the end
      if (!syntax.hasErrors && decls.kindKnown && st.thermo === undefined) {
        probe.items.length = 0;
        const r = lowerReaction(st, id, decls, indices, probe, false);
        if (waits(probe)) waiting.push({ st, position, id });
        else {
          sink.items.push(...probe.items);
          lowered[position] = r;
        }
      } else waiting.push({ st, position, id });
    }
  }, fastPath ? { reaction: plain, declaration, scanned } : { fastPath: false });
  if (syntax.hasErrors) return null;
  lowered.length = count;
  decls.finish();
  energies.finish(decls);
  for (const w of waiting) {
    if (errors() > MAX_ERRORS) {
      capped ??= w.st.span;
      break;
    }
    lowered[w.position] = lowerReaction(w.st, w.id, decls, indices, sink);
  }
  if (capped !== null) sink.error(CODES.syntaxError, `more than ${MAX_ERRORS} errors: the rest of the file was not checked`, capped, "fix these first");
  // a reaction not lowered is an error (then there is no network): without one, no copy of 10^5–10^6 entries
  const entries = lowered.includes(null) ? lowered.filter((r): r is LoweredReaction | number => r !== null) : (lowered as (LoweredReaction | number)[]);
  const packed = store === null ? null : new PackedList(store, entries);
  const constructed = energies.declared ? lowered.flatMap((r, i) => (r !== null ? [built.has(i)] : [])) : [];
  // reaction i is ids.ids[i] (any reaction not lowered is an error, and then there is no network)
  const reactionIndex = ids.index();
  const measured = measures.lower(decls, reactionIndex);
  const forces = measures.lowerForces(decls, measured.currents);
  const asserts: Assert[] = [];
  const lookup = { species, reactions: reactionIndex, currents: new Map(measured.currents.map((c, i) => [c.name, i] as const)) };
  for (const st of assertStatements) {
    const a = lowerAssert(st, decls, lookup, text.slice(st.span.offset, st.span.offset + st.span.length), sink);
    if (a) asserts.push(a);
  }
  decls.checkOverrides(firstSpan ?? { file, offset: 0, line: 1, column: 1, length: 1 });
  const speciesList = initialAmounts(decls, sink);
  warnUnused(decls, packed ?? new ArrayReader(entries as readonly LoweredReaction[] as readonly Reaction[]), speciesList, firstSpan ?? { file, offset: 0, line: 1, column: 1, length: 1 }, sink);
  if (sink.hasErrors) return null;
  return buildNetwork({
    title: decls.title,
    source: file,
    kind: decls.kind,
    species: speciesList,
    reservoirs: decls.reservoirs().map((r) => ({ name: r.name, value: r.value!, exact: r.exact, ...field(r.sensitivity), span: r.span })),
    reactions: packed ?? (entries as LoweredReaction[]),
    asserts,
    thermodynamics: energies.declared ? energies.thermodynamics([...species.keys()], [...decls.reservoirIndex.keys()], constructed) : null,
    volume: measured.volume,
    currents: measured.currents,
    forces,
    params: new Map([...decls.params].map(([name, v]) => [name, v.value] as const)),
  }, { speciesIndex: species, reservoirIndex: decls.reservoirIndex, reactionIndex, adopt: true });
}

/** The number of LF line ends: room for the plain reaction lines at once (a store that runs out grows). */
function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** Whether a reaction's first try named something not declared yet (so it waits for the end). */
function waits(probe: DiagnosticSink): boolean {
  for (const d of probe.items) if (d.code === CODES.unknownSpecies || d.code === CODES.unknownName) return true;
  return false;
}

/**
 * Initial amounts; for a Markov network normalised to probabilities (uniform when none given).
 * As columns (network/species-list.ts): a file of 10^5–10^6 states makes no record per state
 * unless the network's species are read.
 */
function initialAmounts(decls: DeclarationTable, sink: DiagnosticSink): SpeciesList {
  const n = decls.speciesColumns.size;
  const initial = new Float64Array(n), given = new Uint8Array(n);
  const list = new SpeciesList(n, decls.nameIndex.speciesNames, initial, given, (i) => decls.speciesSpan(i));
  if (decls.kind === "mass-action") {
    for (let i = 0; i < n; i++) {
      const value = decls.speciesValue(i);
      initial[i] = value ?? 0;
      given[i] = value !== null ? 1 : 0;
    }
    return list;
  }
  let total = 0, first = -1;
  for (let i = 0; i < n; i++) {
    const value = decls.speciesValue(i);
    if (value === null) continue;
    total += value;
    if (first < 0) first = i;
  }
  const bad = first >= 0 && (!(total > 0) || !Number.isFinite(total));
  if (bad) sink.error(CODES.badInitialDistribution, "the initial amounts of the states sum to 0; give at least one a positive amount, or none for a uniform start", decls.speciesSpan(first));
  for (let i = 0; i < n; i++) {
    const value = decls.speciesValue(i);
    // none given: uniform; given: normalised (0 for a file whose amounts sum to 0, which is an error)
    initial[i] = first < 0 ? 1 / n : bad ? 0 : (value ?? 0) / total;
    given[i] = first >= 0 && (bad || value !== null) ? 1 : 0;
  }
  return list;
}

function warnUnused(decls: DeclarationTable, reactions: ReactionReader, species: SpeciesList, first: Span, sink: DiagnosticSink): void {
  if (sink.hasErrors) return;
  if (reactions.count === 0) {
    sink.warning(CODES.noReactions, "this network has no reactions", first);
    return;
  }
  const usedSpecies = new Uint8Array(species.count);
  const reservoirs = decls.reservoirs();
  const usedReservoirs = new Uint8Array(reservoirs.length);
  for (let i = 0; i < reactions.count; i++) reactions.markUsed(i, usedSpecies, usedReservoirs);
  for (let i = 0; i < species.count; i++) {
    if (!usedSpecies[i]) sink.warning(CODES.unusedSpecies, `'${species.names[i]!}' takes part in no reaction`, species.span(i));
  }
  reservoirs.forEach((r, i) => {
    if (!usedReservoirs[i]) sink.warning(CODES.unusedSpecies, `reservoir '${r.name}' takes part in no reaction`, r.span);
  });
  for (const d of decls.paramDeclarations()) {
    if (!decls.used.has(d.name)) sink.warning(CODES.unusedParam, `param '${d.name}' is never used`, d.span);
  }
}

/**
 * First compile phase: the declarations (`network`, `param`, `species`, `state`, `reservoir`).
 * Names share one namespace; values are evaluated in file order, so an expression may use the
 * params declared before it.
 */
import { CODES, type DiagnosticSink, type Span } from "../diagnostics.js";
import type { Rational } from "../numeric/rational.js";
import type { Program } from "../syntax/ast.js";
import { evaluate, type Scope, type Value } from "./evaluate.js";

export type NameKind = "param" | "species" | "state" | "reservoir";

export interface Declared {
  readonly kind: NameKind;
  readonly name: string;
  readonly span: Span;
  /** Initial amount, param value or reservoir concentration; null when none was given or it failed. */
  readonly value: number | null;
  readonly exact: Rational | null;
}

export interface Declarations {
  readonly title: string | null;
  /** Every declared name, in declaration order. */
  readonly names: ReadonlyMap<string, Declared>;
  readonly params: ReadonlyMap<string, Value>;
  readonly kind: "mass-action" | "markov";
}

const WHAT: Record<NameKind, string> = { param: "a param", species: "a species", state: "a state", reservoir: "a reservoir" };

export function describeName(d: Declared): string {
  return `${WHAT[d.kind]} (declared at line ${d.span.line})`;
}

/** A scope over the params evaluated so far; later params are named as such in errors. */
export function paramScope(params: ReadonlyMap<string, Value>, all: ReadonlyMap<string, Declared>, laterParams?: ReadonlyMap<string, Span>): Scope {
  return {
    param: (n) => params.get(n),
    describe: (n) => {
      const later = laterParams?.get(n);
      if (later) return `a param declared later (line ${later.line}); declare it before use, so it`;
      const d = all.get(n);
      return d ? describeName(d) : undefined;
    },
    candidates: () => params.keys(),
  };
}

export function collectDeclarations(program: Program, sink: DiagnosticSink): Declarations {
  const names = new Map<string, Declared>();
  const params = new Map<string, Value>();
  const pending = new Map<string, Span>();
  let title: string | null = null;
  let titleSpan: Span | null = null;
  let firstState: Span | null = null;
  let firstSpecies: Span | null = null;
  let mixedReported = false;

  for (const st of program.statements) {
    if (st.kind !== "declare" || st.keyword !== "param") continue;
    for (const d of st.declarators) if (!pending.has(d.id.name)) pending.set(d.id.name, d.id.span);
  }

  for (const st of program.statements) {
    if (st.kind === "network") {
      if (titleSpan) sink.error(CODES.duplicateNetwork, `a second network title; the first is at line ${titleSpan.line}`, st.span);
      else {
        title = st.title;
        titleSpan = st.span;
      }
      continue;
    }
    if (st.kind !== "declare") continue;
    const kind: NameKind = st.keyword === "chemostat" ? "reservoir" : st.keyword;
    if (kind === "state" && !firstState) firstState = st.span;
    if (kind === "species" && !firstSpecies) firstSpecies = st.span;
    if (!mixedReported && firstState && firstSpecies && (kind === "state" || kind === "species")) {
      const other = kind === "state" ? firstSpecies : firstState;
      sink.error(
        CODES.stateMixedWithSpecies,
        `a file declares either states (a Markov network) or species (mass action), not both; ${kind === "state" ? "species" : "states"} are declared at line ${other.line}`,
        st.span,
        "write reservoirs for concentrations held fixed; they may appear in a Markov network",
      );
      mixedReported = true;
    }
    for (const d of st.declarators) {
      const name = d.id.name;
      if (kind === "param") pending.delete(name);
      const prior = names.get(name);
      if (prior) {
        sink.error(CODES.duplicateDeclaration, `'${name}' is already declared as ${describeName(prior)}`, d.id.span);
        continue;
      }
      let value: Value | undefined;
      if (d.value) value = evaluate(d.value, paramScope(params, names, pending), sink);
      else if (kind === "param") sink.error(CODES.missingValue, `param '${name}' needs a value: param ${name} = ...`, d.id.span);
      else if (kind === "reservoir")
        sink.error(CODES.reservoirWithoutValue, `reservoir '${name}' needs its fixed concentration`, d.id.span, `reservoir ${name} = 1e-3`);
      if (value && (kind === "species" || kind === "state") && !(value.value >= 0)) {
        sink.error(CODES.negativeAmount, `the initial amount of '${name}' is ${value.value}; amounts are >= 0`, d.value!.span);
        value = undefined;
      }
      if (value && kind === "reservoir" && !(value.value > 0)) {
        sink.error(CODES.badReservoirValue, `reservoir '${name}' is held at ${value.value}; a reservoir's concentration must be > 0`, d.value!.span);
        value = undefined;
      }
      if (kind === "param" && value) params.set(name, value);
      names.set(name, { kind, name, span: d.id.span, value: value?.value ?? null, exact: value?.exact ?? null });
    }
  }
  // With both (an error already reported), the first kind declared decides, and all are resolvable.
  const markov = firstState !== null && (firstSpecies === null || firstState.offset < firstSpecies.offset);
  return { title, names, params, kind: markov ? "markov" : "mass-action" };
}

/**
 * Third compile phase: `assert` statements, resolved into the IR's AssertTarget.
 *
 *   assert [not] detailed_balance [within VALUE [k_BT] | within VALUE %]
 *   assert [not] tur | assert [not] onsager | assert [not] bistable PARAM from A to B
 *   assert QUANTITY OP VALUE [+- TOLERANCE] [at NAME = VALUE, ...]
 *   QUANTITY := flux(REACTION) | conc(SPECIES) | prob(STATE) | entropy_production | steady_states
 *             | steady_state_dimension | STATISTIC(CURRENT)
 *   STATISTIC := mean | diffusion | fano | velocity | randomness | uncertainty_ratio
 *   OP := < <= > >= = == !=
 */
import { CODES, type DiagnosticSink, type Span } from "../diagnostics.js";
import type { AcceptedViolation, Assert, AssertTarget, CurrentStatistic, ParameterValue, Quantity } from "../network/types.js";
import type { Declarator, Expr, Statement } from "../syntax/ast.js";
import { describeName, type Declarations } from "./declarations.js";
import { evaluate } from "./evaluate.js";
import { suggest } from "./suggest.js";

type AssertStatement = Extract<Statement, { kind: "assert" }>;

const QUANTITY_HELP = "assert detailed_balance, assert flux(r1) > 0, assert conc(A) = 0.5 +- 1e-6, assert entropy_production > 0, assert steady_states = 3, assert tur, assert diffusion(steps) = 2105.9 +- 0.1";

/** The names an assert can refer to: species or states, reaction labels, measured currents. */
export interface AssertNames {
  readonly species: ReadonlyMap<string, number>;
  readonly reactions: ReadonlyMap<string, number>;
  readonly currents: ReadonlyMap<string, number>;
}

/** `diffusion(steps)` and its kin: the statistics of a measured current. */
const STATISTICS: ReadonlyMap<string, CurrentStatistic> = new Map([
  ["mean", "mean"], ["diffusion", "diffusion"], ["fano", "fano"], ["velocity", "velocity"], ["randomness", "randomness"], ["uncertainty_ratio", "uncertainty-ratio"],
]);

/** Asserts without a comparison: a property that holds or not. */
const PROPERTIES: readonly string[] = ["detailed_balance", "tur", "onsager", "bistable"];

export function lowerAssert(st: AssertStatement, decls: Declarations, names: AssertNames, text: string, sink: DiagnosticSink): Assert | null {
  const target = lowerTarget(st, decls, names, sink);
  return target ? { target, text, span: st.span } : null;
}

function lowerTarget(st: AssertStatement, decls: Declarations, names: AssertNames, sink: DiagnosticSink): AssertTarget | null {
  const s = st.subject;
  const isBalance = s.kind === "name" && s.name === "detailed_balance";
  const property = s.kind === "name" && PROPERTIES.includes(s.name) ? s.name : null;
  if (st.range && property !== "bistable") {
    sink.error(CODES.badAssert, "a range 'PARAM from A to B' goes only with bistable: assert bistable s from 1 to 2", st.range.span);
    return null;
  }
  if (st.at && st.at.length > 0 && !st.comparison) {
    sink.error(CODES.badAssert, "'at' goes with a comparison: assert steady_states = 3 at s = 1.2", st.at[0]?.span ?? st.span);
    return null;
  }
  if (!st.comparison && (property === "tur" || property === "onsager")) return { kind: property, negated: st.negated };
  if (!st.comparison && property === "bistable") return lowerBistable(st, decls, sink);
  if (st.within && (!isBalance || st.comparison)) {
    sink.error(CODES.badAssert, "'within' goes only with detailed_balance: assert detailed_balance within 0.05", st.within.keyword);
    return null;
  }
  if (!st.comparison) {
    if (isBalance) {
      if (!st.within) return { kind: "detailed-balance", negated: st.negated, within: null };
      const within = lowerWithin(st.within, decls, sink);
      return within ? { kind: "detailed-balance", negated: st.negated, within } : null;
    }
    sink.error(CODES.badAssert, "an assert without a comparison must be a property: detailed_balance, tur, onsager or bistable PARAM from A to B", s.span, QUANTITY_HELP);
    return null;
  }
  if (property !== null) {
    sink.error(CODES.badAssert, `'${property}' is a property, not a number to compare: write assert ${property}${property === "bistable" ? " s from 1 to 2" : ""}`, st.comparison.opSpan);
    return null;
  }
  if (st.negated) {
    sink.error(CODES.badAssert, "'not' goes only with detailed_balance; write the opposite comparison instead", st.span);
    return null;
  }
  const quantity = lowerQuantity(s, names, sink, decls);
  const at = lowerAt(st.at ?? [], decls, sink);
  const scope = decls.scope();
  const value = evaluate(st.comparison.value, scope, sink);
  const tol = st.comparison.tolerance ? evaluate(st.comparison.tolerance, scope, sink) : { value: 0, exact: null };
  if (!quantity || !value || !tol || !at) return null;
  const op = st.comparison.op === "==" ? "=" : st.comparison.op;
  if (st.comparison.tolerance && op !== "=") {
    sink.error(CODES.badAssert, "a tolerance (+-) goes only with '='", st.comparison.tolerance.span);
    return null;
  }
  if (!(tol.value >= 0)) {
    sink.error(CODES.badAssert, "a tolerance must be >= 0", st.comparison.tolerance!.span);
    return null;
  }
  const compare = { kind: "compare", quantity, op: op as "<" | "<=" | ">" | ">=" | "=" | "!=", value: value.value, tolerance: tol.value } as const;
  return at.length > 0 ? { ...compare, at } : compare;
}

/** A name an `at` or a range may set: a param or a reservoir, as for `ness scan --param`. */
function settable(name: { name: string; span: Span }, decls: Declarations, sink: DiagnosticSink): boolean {
  const d = decls.names.get(name.name);
  if (d && (d.kind === "param" || d.kind === "reservoir")) return true;
  const candidates = [...decls.names.values()].filter((x) => x.kind === "param" || x.kind === "reservoir").map((x) => x.name);
  const guess = suggest(name.name, candidates);
  const what = d ? `'${name.name}' is ${describeName(d)}` : `unknown name '${name.name}'`;
  sink.error(CODES.badAssert, `${what}; only a param or a reservoir can be set here${guess ? `; did you mean '${guess}'?` : ""}`, name.span);
  return false;
}

/** `at s = 1.2, ATP = 1e-3`: each name a param or reservoir, once, with a constant value. */
function lowerAt(items: readonly Declarator[], decls: Declarations, sink: DiagnosticSink): ParameterValue[] | null {
  const out: ParameterValue[] = [];
  let ok = true;
  for (const d of items) {
    if (!settable(d.id, decls, sink)) ok = false;
    else if (out.some((p) => p.name === d.id.name)) {
      sink.error(CODES.badAssert, `'${d.id.name}' is set twice in this 'at'`, d.id.span);
      ok = false;
    } else if (!d.value) {
      sink.error(CODES.badAssert, `'${d.id.name}' needs a value: at ${d.id.name} = 1.2`, d.id.span);
      ok = false;
    } else {
      const v = evaluate(d.value, decls.scope(), sink);
      if (!v) ok = false;
      else out.push({ name: d.id.name, value: v.value });
    }
  }
  return ok ? out : null;
}

/** `bistable s from A to B`: a param or reservoir and a non-empty range, A < B. */
function lowerBistable(st: AssertStatement, decls: Declarations, sink: DiagnosticSink): AssertTarget | null {
  const r = st.range;
  if (!r) {
    sink.error(CODES.badAssert, "bistable needs the range it holds on: assert bistable s from 1 to 2", st.subject.span);
    return null;
  }
  if (!settable(r.param, decls, sink)) return null;
  const from = evaluate(r.from, decls.scope(), sink);
  const to = evaluate(r.to, decls.scope(), sink);
  if (!from || !to) return null;
  if (!(from.value < to.value) || !Number.isFinite(from.value) || !Number.isFinite(to.value)) {
    sink.error(CODES.badAssert, `the range must run from a smaller to a larger finite value; it is ${from.value} to ${to.value}`, r.span);
    return null;
  }
  return { kind: "bistable", negated: st.negated, param: r.param.name, from: from.value, to: to.value };
}

function lowerQuantity(s: Expr, names: AssertNames, sink: DiagnosticSink, decls?: Declarations): Quantity | null {
  const { species, reactions } = names;
  if (s.kind === "name") {
    if (s.name === "entropy_production") return { kind: "entropy-production" };
    if (s.name === "steady_states") return { kind: "steady-states" };
    if (s.name === "steady_state_dimension") return { kind: "steady-state-dimension" };
    const guess = suggest(s.name, ["entropy_production", "steady_states", "steady_state_dimension", ...PROPERTIES]);
    sink.error(CODES.badAssert, `'${s.name}' is not a quantity an assert can check${guess ? `; did you mean '${guess}'?` : ""}`, s.span, QUANTITY_HELP);
    return null;
  }
  if (s.kind === "call" && ["flux", "conc", "prob"].includes(s.callee)) {
    const arg = s.args[0];
    if (s.args.length !== 1 || arg?.kind !== "name") {
      sink.error(CODES.wrongArgumentCount, `${s.callee}(...) takes one name`, s.span);
      return null;
    }
    const table = s.callee === "flux" ? reactions : species;
    const index = table.get(arg.name);
    if (index === undefined) {
      const guess = suggest(arg.name, table.keys());
      const code = s.callee === "flux" ? CODES.unknownReaction : CODES.unknownSpecies;
      const what = s.callee === "flux" ? "reaction" : "species or state";
      // a declared name of another kind is not unknown: say what it is (a reservoir is held fixed)
      const declared = decls?.names.get(arg.name);
      if (declared !== undefined && s.callee !== "flux") {
        const why = declared.kind === "reservoir" ? "; its concentration is held fixed at its declared value, so there is nothing to assert" : "";
        sink.error(code, `'${arg.name}' is ${describeName(declared)}, not a species or state${why}`, arg.span, `${s.callee}(...) reads a species or state at the steady state`);
        return null;
      }
      sink.error(code, `unknown ${what} '${arg.name}'${guess ? `; did you mean '${guess}'?` : ""}`, arg.span);
      return null;
    }
    return s.callee === "flux" ? { kind: "flux", reaction: index } : { kind: "conc", species: index };
  }
  if (s.kind === "call" && STATISTICS.has(s.callee)) {
    const arg = s.args[0];
    const statistic = STATISTICS.get(s.callee) ?? "mean";
    if (s.args.length !== 1 || arg?.kind !== "name") {
      sink.error(CODES.wrongArgumentCount, `${s.callee}(...) takes the name of one current`, s.span, "current steps = r1 + r2\nassert diffusion(steps) > 0");
      return null;
    }
    const current = names.currents.get(arg.name);
    if (current === undefined) {
      const guess = suggest(arg.name, names.currents.keys());
      const declared = names.currents.size > 0 ? `; declared currents: ${[...names.currents.keys()].join(", ")}` : "; declare it: current NAME = r1 + r2";
      sink.error(CODES.badAssert, `unknown current '${arg.name}'${guess ? `; did you mean '${guess}'?` : declared}`, arg.span);
      return null;
    }
    return { kind: "current-statistic", statistic, current };
  }
  sink.error(CODES.badAssert, "expected a quantity: flux(REACTION), conc(SPECIES), prob(STATE), entropy_production, steady_states, steady_state_dimension, or mean/diffusion/fano/velocity/randomness/uncertainty_ratio(CURRENT)", s.span, QUANTITY_HELP);
  return null;
}

/** Units an accepted affinity may carry: it is in k_B T, which may be said. */
const AFFINITY_UNITS: ReadonlySet<string> = new Set(["k_BT", "kT", "k_B_T", "kBT"]);

/**
 * `within VALUE` accepts cycles with |affinity| ≤ VALUE k_B T; `within VALUE %` those that a uniform
 * relative change of at most VALUE % of the rate constants on the cycle would close.
 */
function lowerWithin(w: NonNullable<AssertStatement["within"]>, decls: Declarations, sink: DiagnosticSink): AcceptedViolation | null {
  const v = evaluate(w.value, decls.scope(), sink);
  let ok = v !== undefined;
  if (w.unit && !AFFINITY_UNITS.has(w.unit.name)) {
    sink.error(CODES.badTolerance, `'${w.unit.name}' is not a unit of a tolerance; an affinity is in k_BT, a relative change in %`, w.unit.span, "assert detailed_balance within 0.05 k_BT, or within 1%");
    ok = false;
  } else if (w.unit && w.percent) {
    sink.error(CODES.badTolerance, "a tolerance in k_BT is an affinity and takes no '%'; a relative change is written without a unit", w.percent, "within 0.05 k_BT, or within 1%");
    ok = false;
  }
  if (!ok || !v) return null;
  if (!(v.value >= 0) || !Number.isFinite(v.value)) {
    sink.error(CODES.badTolerance, `a tolerance must be a finite number >= 0; this one is ${v.value}`, w.value.span);
    return null;
  }
  return w.percent ? { kind: "relative", value: v.value / 100 } : { kind: "affinity", value: v.value };
}

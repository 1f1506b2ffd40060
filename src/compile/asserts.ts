/**
 * Third compile phase: `assert` statements, resolved into the IR's AssertTarget.
 *
 *   assert [not] detailed_balance [within VALUE [k_BT] | within VALUE %]
 *   assert QUANTITY OP VALUE [+- TOLERANCE]
 *   QUANTITY := flux(REACTION) | conc(SPECIES) | prob(STATE) | entropy_production | steady_states
 *   OP := < <= > >= = == !=
 */
import { CODES, type DiagnosticSink } from "../diagnostics.js";
import type { AcceptedViolation, Assert, AssertTarget, Quantity } from "../network/types.js";
import type { Expr, Statement } from "../syntax/ast.js";
import type { Declarations } from "./declarations.js";
import { evaluate } from "./evaluate.js";
import { suggest } from "./suggest.js";

type AssertStatement = Extract<Statement, { kind: "assert" }>;

const QUANTITY_HELP = "assert detailed_balance, assert flux(r1) > 0, assert conc(A) = 0.5 +- 1e-6, assert entropy_production > 0, assert steady_states = 3";

export function lowerAssert(
  st: AssertStatement,
  decls: Declarations,
  species: ReadonlyMap<string, number>,
  reactions: ReadonlyMap<string, number>,
  text: string,
  sink: DiagnosticSink,
): Assert | null {
  const target = lowerTarget(st, decls, species, reactions, sink);
  return target ? { target, text, span: st.span } : null;
}

function lowerTarget(
  st: AssertStatement,
  decls: Declarations,
  species: ReadonlyMap<string, number>,
  reactions: ReadonlyMap<string, number>,
  sink: DiagnosticSink,
): AssertTarget | null {
  const s = st.subject;
  const isBalance = s.kind === "name" && s.name === "detailed_balance";
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
    sink.error(CODES.badAssert, "an assert without a comparison must be 'detailed_balance'", s.span, QUANTITY_HELP);
    return null;
  }
  if (st.negated) {
    sink.error(CODES.badAssert, "'not' goes only with detailed_balance; write the opposite comparison instead", st.span);
    return null;
  }
  const quantity = lowerQuantity(s, species, reactions, sink);
  const scope = decls.scope();
  const value = evaluate(st.comparison.value, scope, sink);
  const tol = st.comparison.tolerance ? evaluate(st.comparison.tolerance, scope, sink) : { value: 0, exact: null };
  if (!quantity || !value || !tol) return null;
  const op = st.comparison.op === "==" ? "=" : st.comparison.op;
  if (st.comparison.tolerance && op !== "=") {
    sink.error(CODES.badAssert, "a tolerance (+-) goes only with '='", st.comparison.tolerance.span);
    return null;
  }
  if (!(tol.value >= 0)) {
    sink.error(CODES.badAssert, "a tolerance must be >= 0", st.comparison.tolerance!.span);
    return null;
  }
  return { kind: "compare", quantity, op: op as "<" | "<=" | ">" | ">=" | "=" | "!=", value: value.value, tolerance: tol.value };
}

function lowerQuantity(s: Expr, species: ReadonlyMap<string, number>, reactions: ReadonlyMap<string, number>, sink: DiagnosticSink): Quantity | null {
  if (s.kind === "name") {
    if (s.name === "entropy_production") return { kind: "entropy-production" };
    if (s.name === "steady_states") return { kind: "steady-states" };
    const guess = suggest(s.name, ["entropy_production", "steady_states", "detailed_balance"]);
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
      sink.error(code, `unknown ${what} '${arg.name}'${guess ? `; did you mean '${guess}'?` : ""}`, arg.span);
      return null;
    }
    return s.callee === "flux" ? { kind: "flux", reaction: index } : { kind: "conc", species: index };
  }
  sink.error(CODES.badAssert, "expected a quantity: flux(REACTION), conc(SPECIES), prob(STATE), entropy_production or steady_states", s.span, QUANTITY_HELP);
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

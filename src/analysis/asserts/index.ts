/**
 * Evaluates a network's `assert` statements against its analysis.
 *
 * `assert detailed_balance` holds when analyzeBalance says so; a failing one names the most driven
 * cycle with its affinity and the lines of its reactions. `within TOL` (or the CLI's
 * `--balance-tolerance`, for asserts without their own) accepts the violations within TOL
 * (tolerance.ts). Comparisons read the steady state the dynamics reach from the initial amounts
 * (`reached`), except `steady_states`, which counts all; when none is reached they fail as
 * unevaluable (`steady-state-not-reached`).
 * Only the analyses an assert needs are run: asserts on balance alone never search steady states.
 */
import { CODES, type Diagnostic } from "../../diagnostics.js";
import { reactionReader } from "../../network/reaction-reader.js";
import type { AcceptedViolation, Assert, Network, Quantity, Reaction } from "../../network/types.js";
import type { DetailedBalance } from "../balance/types.js";
import { closingChange as closingChangeOf, covers, holdsWithin, toleranceText } from "./tolerance.js";
import type { Lazy } from "./types.js";
import { lazyAnalyses } from "./lazy.js";
import { checkFluctuationAssert } from "./fluctuations.js";
import { measure } from "./measure.js";
import { checkScanAssert, measureAt } from "./scan.js";

export { closingChange, covers, holdsWithin, toleranceText } from "./tolerance.js";
export { measure } from "./measure.js";
export { lazyAnalyses } from "./lazy.js";
export type { Lazy, Unevaluable } from "./types.js";

/**
 * The failed asserts of a network, as error diagnostics at each assert (an empty list when all
 * hold). `=` compares within the written tolerance (|measured − value| ≤ tol, exactly equal
 * without one); quantities are read at the steady state reached from the initial amounts.
 *
 *   const { network } = compile("species A = 1, B\nr1: A <-> B @ 2, 1\nassert not detailed_balance");
 *   checkAsserts(network!);                      // [{ code: "assert-failed", span: line 3, … }]
 *   checkAsserts(network!).length === 0;         // false: A <-> B alone is in detailed balance
 */
export function checkAsserts(network: Network, lazy: Lazy = lazyAnalyses(network)): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of network.asserts) {
    const d = checkOne(network, a, lazy);
    if (d) out.push(d);
  }
  return out;
}

function checkOne(network: Network, a: Assert, lazy: Lazy): Diagnostic | null {
  const t = a.target;
  if (t.kind === "detailed-balance") {
    const accept = t.within ?? lazy.acceptViolation;
    const db = lazy.balance(accept);
    if (holdsWithin(db, accept) !== t.negated) return null;
    if (t.negated) {
      const within = accept ? ` once violations within ${toleranceText(accept)} are accepted` : "";
      return { severity: "error", code: CODES.assertFailed, message: `assert failed: the network is in detailed balance (${how(db)})${within}, so no cycle is driven`, span: a.span };
    }
    return { severity: "error", code: CODES.detailedBalanceViolated, message: `assert failed: ${violationText(network, db, accept)}`, span: a.span, hint: fixHint(network, db) };
  }
  if (t.kind === "tur" || t.kind === "onsager") return checkFluctuationAssert(network, a, t, lazy);
  if (t.kind === "bistable") return checkScanAssert(network, a, t, lazy);
  const measured = t.at && t.at.length > 0 ? measureAt(network, t.quantity, t.at, lazy) : measure(network, t.quantity, lazy);
  if (typeof measured !== "number" && "code" in measured) {
    return { severity: "error", code: measured.code, message: `cannot evaluate '${a.text}': ${measured.why}`, span: a.span };
  }
  const tol = t.tolerance;
  const compare = (x: number): boolean =>
    t.op === "<" ? x < t.value
    : t.op === "<=" ? x <= t.value
    : t.op === ">" ? x > t.value
    : t.op === ">=" ? x >= t.value
    : t.op === "=" ? Math.abs(x - t.value) <= tol
    : Math.abs(x - t.value) > tol;
  const failed = (is: string): Diagnostic => ({
    severity: "error",
    code: CODES.assertFailed,
    message: `assert failed: ${quantityName(network, t.quantity)} is ${is}, not ${t.op} ${fmt(t.value)}${tol > 0 ? ` +- ${fmt(tol)}` : ""}`,
    span: a.span,
  });
  if (typeof measured === "number") return compare(measured) ? null : failed(fmt(measured));
  // a count known from below (N ≥ n): decided only where every N ≥ n agrees
  const n = measured.atLeast;
  const always = compare(n) && (t.op === ">" || t.op === ">=" || (t.op === "!=" && n > t.value + tol));
  const never = t.op === "<" ? n >= t.value : t.op === "<=" ? n > t.value : t.op === "=" ? n > t.value + tol : false;
  if (always) return null;
  if (never) return failed(`at least ${fmt(n)}`);
  return { severity: "error", code: CODES.assertUnevaluable, message: `cannot evaluate '${a.text}': ${measured.why}, so ${fmt(n)} is only a lower bound on the count`, span: a.span };
}


function quantityName(network: Network, q: Quantity): string {
  switch (q.kind) {
    case "flux": {
      const reader = reactionReader(network);
      return `flux(${q.reaction >= 0 && q.reaction < reader.count ? reader.reaction(q.reaction).id : q.reaction})`;
    }
    case "conc": return `${network.kind === "markov" ? "prob" : "conc"}(${network.species[q.species]?.name ?? q.species})`;
    case "entropy-production": return "entropy_production";
    case "steady-states": return "steady_states";
    case "steady-state-dimension": return "steady_state_dimension";
    case "current-statistic": return `${q.statistic.replace("-", "_")}(${network.currents[q.current]?.name ?? q.current})`;
  }
}

function how(db: DetailedBalance): string {
  return db.method === "exact" ? "decided exactly" : `to a relative tolerance of ${db.tolerance}`;
}

/**
 * "cycle A -> B -> C -> A is driven: affinity 2.95 k_BT (reactions at lines 3, 4, 5)"; with an
 * accepted violation, the most driven cycle it does not cover, and by how much it misses.
 */
export function violationText(network: Network, db: DetailedBalance, accept: AcceptedViolation | null = null): string {
  // reaction by reaction (reaction-reader.ts): a compiled file's 10^5–10^6 reactions are not all made for a message
  const reader = reactionReader(network), reaction = (i: number): Reaction => reader.reaction(i);
  if (db.oneWay.length > 0 && db.violations.length === 0) {
    const ids = db.oneWay.map((i) => `${reaction(i).id} (line ${reaction(i).span.line})`);
    return `one-way reactions are never balanced: ${ids.join(", ")}`;
  }
  const v = accept ? db.violations.find((x) => !covers(accept, x)) ?? db.violations[0] : db.violations[0];
  if (!v) return "detailed balance does not hold";
  const beyond = !accept ? "" : accept.kind === "affinity" ? `, beyond the accepted ${toleranceText(accept)}` : `; closing it needs a change of ${fmt(100 * closingChangeOf(v))}% per rate constant, beyond the accepted ${toleranceText(accept)}`;
  const lines = [...new Set(v.reactions.map((r) => reaction(r).span.line))].sort((a, b) => a - b);
  const count = db.violationCount ?? db.violations.length;
  const more = count > 1 ? `; ${count - 1} more driven cycle${count > 2 ? "s" : ""}` : "";
  const oneWay = db.oneWay.length > 0 ? `; one-way reactions: ${db.oneWay.map((i) => reaction(i).id).join(", ")}` : "";
  return `the cycle ${shortCycle(v.words)} is driven: affinity ${fmt(v.affinity)} k_BT${beyond} (reactions at line${lines.length > 1 ? "s" : ""} ${shortList(lines.map(String))})${more}${oneWay}`;
}

/** Past this many steps a cycle, and past this many lines its lines, are cut in the middle: a driven ring of 10^5 states is one line of message, not megabytes. */
const MAX_LISTED = 12;

/** "A -> B -> … -> Z -> A" cut to its first and last steps, with the count between. */
function shortCycle(words: string): string {
  const steps = words.split(" -> ");
  if (steps.length <= MAX_LISTED + 1) return words;
  const head = steps.slice(0, MAX_LISTED / 2), tail = steps.slice(-MAX_LISTED / 2);
  return `${head.join(" -> ")} -> … (${steps.length - MAX_LISTED} more) … -> ${tail.join(" -> ")}, ${steps.length - 1} steps`;
}

/** "3, 4, 5" cut to its first and last items, with the count. */
function shortList(items: readonly string[]): string {
  if (items.length <= MAX_LISTED) return items.join(", ");
  return `${items.slice(0, MAX_LISTED / 2).join(", ")}, … ${items.slice(-MAX_LISTED / 2).join(", ")} (${items.length} in all)`;
}

function fixHint(network: Network, db: DetailedBalance): string | undefined {
  const v = db.violations[0];
  if (!v) return "give every reaction a reverse rate with '<->'";
  return `around this cycle the product of forward rates over reverse rates must be 1 (reservoirs included); it is exp(${fmt(v.affinity)})`;
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const a = Math.abs(x);
  return a >= 1e-4 && a < 1e6 ? String(Number(x.toPrecision(6))) : x.toExponential(4);
}

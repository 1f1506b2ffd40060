/**
 * Asserts at other parameter values: `assert steady_states = 3 at s = 1.2` and
 * `assert bistable s from 1 to 2`. A reservoir's value is substituted; a param is recompiled
 * with the value (Lazy.recompile, supplied by the CLI). `bistable` follows every branch over the
 * range (analysis/scan) and holds when every part of it has at least two stable states.
 */
import { CODES, type Diagnostic } from "../../diagnostics.js";
import type { Assert, AssertTarget, Network, ParameterValue, Quantity } from "../../network/types.js";
import { networkWith, scanParameter } from "../scan/index.js";
import { lazyAnalyses } from "./lazy.js";
import { measure } from "./measure.js";
import type { Lazy, LowerBound, Unevaluable } from "./types.js";

/**
 * `assert bistable s from A to B`: at every s in [A, B] at least two stable steady states, read
 * from the scan's counts per interval (constant between folds, Hopf points and branch ends).
 * `from A to A` asks at the one value. Failing, it names where fewer than two are stable.
 */
export function checkScanAssert(network: Network, a: Assert, t: Extract<AssertTarget, { kind: "bistable" }>, lazy: Lazy): Diagnostic | null {
  const fail = (message: string, code: Diagnostic["code"] = CODES.assertFailed): Diagnostic => ({ severity: "error", code, message, span: a.span });
  const lo = Math.min(t.from, t.to), hi = Math.max(t.from, t.to);
  let weak: { from: number; to: number; stable: number } | null;
  if (lo === hi) {
    const stable = stableCountAt(network, [{ name: t.param, value: lo }], lazy);
    if (typeof stable !== "number") return fail(`cannot evaluate '${a.text}': ${stable.why}`, stable.code);
    weak = stable >= 2 ? null : { from: lo, to: hi, stable };
  } else {
    const out = scanParameter(network, { param: t.param, from: lo, to: hi, ...(lazy.recompile ? { recompile: lazy.recompile } : {}) });
    if (!out.ok) return fail(`cannot evaluate '${a.text}': ${out.why}`, CODES.assertUnevaluable);
    if (out.scan.intervals.length === 0) return fail(`cannot evaluate '${a.text}': no branch of steady states was found for ${t.param} in [${fmt(lo)}, ${fmt(hi)}]`, CODES.assertUnevaluable);
    weak = out.scan.intervals.find((iv) => iv.stable < 2) ?? null;
  }
  const bistable = weak === null;
  if (bistable !== t.negated) return null;
  if (weak) return fail(`assert failed: for ${t.param} in [${fmt(weak.from)}, ${fmt(weak.to)}] there ${weak.stable === 1 ? "is 1 stable steady state" : `are ${weak.stable} stable steady states`}, not at least 2`);
  return fail(`assert failed: at every ${t.param} in [${fmt(lo)}, ${fmt(hi)}] there are at least 2 stable steady states`);
}

/** The network with the values, or why not. */
function networkAt(network: Network, at: readonly ParameterValue[], lazy: Lazy): Network | Unevaluable {
  const out = networkWith(network, at, lazy.recompile);
  return "network" in out ? out.network : { code: CODES.assertUnevaluable, why: out.why };
}

function stableCountAt(network: Network, at: readonly ParameterValue[], lazy: Lazy): number | Unevaluable {
  const other = networkAt(network, at, lazy);
  if ("why" in other) return other;
  return lazyAnalyses(other, undefined, { acceptViolation: lazy.acceptViolation }).steadyStates().states.filter((s) => s.stable === true).length;
}

/**
 * A quantity of the network with some params or reservoir values changed, measured there as
 * `measure` measures it at the written values: `steady_states` counts every state of the initial
 * amounts' class there (a continuum as `measure` counts one); conc, flux and entropy_production
 * are read at the state the dynamics reach there. Current statistics and the dimension are not
 * evaluated at other values.
 */
export function measureAt(network: Network, q: Quantity, at: readonly ParameterValue[], lazy: Lazy): number | Unevaluable | LowerBound {
  if (q.kind === "steady-state-dimension" || q.kind === "current-statistic") return { code: CODES.assertUnevaluable, why: "only steady_states, conc, flux and entropy_production are evaluated at other parameter values" };
  const other = networkAt(network, at, lazy);
  if ("why" in other) return other;
  const value = measure(other, q, lazyAnalyses(other, undefined, { acceptViolation: lazy.acceptViolation }));
  if (typeof value === "number") return value;
  const where = `at ${at.map((v) => `${v.name} = ${fmt(v.value)}`).join(", ")}`;
  if ("atLeast" in value) return { atLeast: value.atLeast, why: `${where}: ${value.why}` };
  return { code: value.code, why: `${where}: ${value.why}` };
}

function fmt(x: number): string {
  return String(Number(x.toPrecision(6)));
}

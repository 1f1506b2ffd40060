/**
 * Asserts at other parameter values: `assert steady_states = 3 at s = 1.2` and
 * `assert bistable s from 1 to 2`. The network is recompiled with the values (Lazy.recompile).
 */
import { CODES, type Diagnostic } from "../../diagnostics.js";
import type { Assert, AssertTarget, Network, ParameterValue, Quantity } from "../../network/types.js";
import type { Lazy, Unevaluable } from "./types.js";

export function checkScanAssert(_network: Network, a: Assert, _t: Extract<AssertTarget, { kind: "bistable" }>, _lazy: Lazy): Diagnostic | null {
  return { severity: "error", code: CODES.assertUnevaluable, message: `cannot evaluate '${a.text}': parameter scans are not computed yet`, span: a.span };
}

export function measureAt(_network: Network, _q: Quantity, _at: readonly ParameterValue[], _lazy: Lazy): number | Unevaluable {
  return { code: CODES.assertUnevaluable, why: "evaluation at other parameter values is not computed yet" };
}

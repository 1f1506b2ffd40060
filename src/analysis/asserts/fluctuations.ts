/**
 * Asserts on the fluctuations of currents: `assert tur`, `assert onsager`, and the statistics of a
 * measured current (`diffusion(steps) = 2105.9 +- 0.1`). Evaluated from analysis/fluctuations/.
 */
import { CODES, type Diagnostic } from "../../diagnostics.js";
import type { Assert, AssertTarget, Network, Quantity } from "../../network/types.js";
import type { Lazy, Unevaluable } from "./types.js";

export function checkFluctuationAssert(_network: Network, a: Assert, _t: Extract<AssertTarget, { kind: "tur" | "onsager" }>, _lazy: Lazy): Diagnostic | null {
  return { severity: "error", code: CODES.assertUnevaluable, message: `cannot evaluate '${a.text}': current fluctuations are not computed yet`, span: a.span };
}

export function measureCurrentStatistic(_network: Network, _q: Extract<Quantity, { kind: "current-statistic" }>, _lazy: Lazy): number | Unevaluable {
  return { code: CODES.assertUnevaluable, why: "current fluctuations are not computed yet" };
}

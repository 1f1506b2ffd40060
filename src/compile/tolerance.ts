/**
 * A tolerance written outside a file (`--balance-tolerance 0.05`, `0.05 k_BT`, `1%`), read by the
 * same rule as `assert detailed_balance within …`: the text is compiled as that clause, so the
 * option and the statement accept the same values, units and expressions and reject the rest
 * with the same words.
 */
import type { AcceptedViolation } from "../network/types.js";
import { compile } from "./index.js";

const HOW = "write an affinity in k_BT (0.05) or a relative change (1%)";

/**
 * The accepted violation `text` states, or the compiler's message for why it is not a tolerance.
 *
 *   parseTolerance("0.05 k_BT")   // { ok: true, value: { kind: "affinity", value: 0.05 } }
 *   parseTolerance("1%")          // { ok: true, value: { kind: "relative", value: 0.01 } }
 *   parseTolerance("-1").ok       // false: a tolerance must be a finite number >= 0
 */
export function parseTolerance(text: string): { readonly ok: true; readonly value: AcceptedViolation } | { readonly ok: false; readonly why: string } {
  // one clause only: no second statement (';', a new line) and no comment
  if (/[\r\n#;]/.test(text) || text.trim() === "") return { ok: false, why: HOW };
  const { network, diagnostics } = compile(`state S\nassert detailed_balance within ${text}\n`, "--balance-tolerance");
  const error = diagnostics.find((d) => d.severity === "error");
  const target = network?.asserts[0]?.target;
  if (error || target?.kind !== "detailed-balance" || !target.within) {
    return { ok: false, why: error ? error.message : HOW };
  }
  return { ok: true, value: target.within };
}

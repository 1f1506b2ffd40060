/**
 * `--balance-tolerance 0.05` (accept cycles with |affinity| ≤ 0.05 k_B T; `0.05 k_BT` says the
 * unit) and `--balance-tolerance 1%` (accept cycles a uniform relative change of at most 1% of
 * their rate constants would close): read by the compiler's own rule for
 * `assert detailed_balance within …` (compile/tolerance.ts, docs/language.md).
 */
import { parseTolerance } from "../compile/tolerance.js";
import type { AcceptedViolation } from "../network/types.js";
import { usage } from "./help.js";
import type { Io, Values } from "./io.js";

export type ToleranceOption = { ok: true; value: AcceptedViolation | null } | { ok: false; status: number };

/** The parsed option; a value that is not a tolerance is a usage error (exit 2). */
export function balanceTolerance(values: Values, command: string, io: Io): ToleranceOption {
  const text = values["balance-tolerance"];
  if (text === undefined) return { ok: true, value: null };
  const parsed = typeof text === "string" ? parseTolerance(text) : { ok: false as const, why: "give it a value" };
  if (!parsed.ok) return { ok: false, status: usage(io, command, `--balance-tolerance: '${String(text)}' is not a tolerance: ${parsed.why}`) };
  return { ok: true, value: parsed.value };
}

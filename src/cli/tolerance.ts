/**
 * `--balance-tolerance 0.05` (accept cycles with |affinity| ≤ 0.05 k_B T) and
 * `--balance-tolerance 1%` (accept cycles a uniform relative change of at most 1% of their rate
 * constants would close): the same meaning as `assert detailed_balance within …` (docs/language.md).
 */
import type { AcceptedViolation } from "../network/types.js";
import { usage } from "./help.js";
import type { Io, Values } from "./io.js";

export type ToleranceOption = { ok: true; value: AcceptedViolation | null } | { ok: false; status: number };

const TOLERANCE = /^\s*((?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(%)?\s*$/;

/** The parsed option; a value that is not a tolerance is a usage error (exit 2). */
export function balanceTolerance(values: Values, command: string, io: Io): ToleranceOption {
  const text = values["balance-tolerance"];
  if (text === undefined) return { ok: true, value: null };
  const m = typeof text === "string" ? TOLERANCE.exec(text) : null;
  const value = m ? Number(m[1]) : NaN;
  if (!m || !Number.isFinite(value)) {
    const why = typeof text === "string" && /^\s*-/.test(text) ? "a tolerance is >= 0" : "write an affinity in k_BT (0.05) or a relative change (1%)";
    return { ok: false, status: usage(io, command, `--balance-tolerance: '${String(text)}' is not a tolerance; ${why}`) };
  }
  return { ok: true, value: m[2] ? { kind: "relative", value: value / 100 } : { kind: "affinity", value } };
}

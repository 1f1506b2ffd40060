/**
 * The types the assert evaluators share (index.ts and the evaluators it dispatches to), apart so
 * that those evaluators need not import index.ts back.
 */
import type { CODES } from "../../diagnostics.js";
import type { AcceptedViolation, Network, ParameterValue } from "../../network/types.js";
import type { DetailedBalance } from "../balance/types.js";
import type { Structure } from "../structure/types.js";
import type { SteadyStates } from "../steady-state/types.js";

/** Lazily computed analyses, so each is run at most once and only when an assert needs it. */
export interface Lazy {
  structure(): Structure;
  /** Detailed balance accepting `accept` (by default `acceptViolation`, the run's own tolerance). */
  balance(accept?: AcceptedViolation | null): DetailedBalance;
  steadyStates(): SteadyStates;
  /** The tolerance of the run (`--balance-tolerance`), for asserts without `within`; null when none. */
  readonly acceptViolation: AcceptedViolation | null;
  /**
   * The same network with some params or reservoir values changed (`assert … at s = 1.2`, and
   * `assert bistable s from 1 to 2`), recompiled by whoever has the source (the CLI); absent when
   * nobody can, and then such asserts are unevaluable. Returns the compiler's first error message
   * when the values make the file invalid (a reservoir at 0).
   */
  readonly recompile?: (values: readonly ParameterValue[]) => Network | string;
}

/** Why an assert has no value to compare, with the code it is reported under. */
export interface Unevaluable {
  readonly code: typeof CODES.assertUnevaluable | typeof CODES.stateNotReached;
  readonly why: string;
}

/**
 * A count known only from below: `steady_states` on a list not proved complete (N ≥ atLeast). A
 * comparison with it is decided where every N ≥ atLeast agrees, and unevaluable elsewhere.
 */
export interface LowerBound {
  readonly atLeast: number;
  /** Why the list may miss states (the steady-state method's account). */
  readonly why: string;
}

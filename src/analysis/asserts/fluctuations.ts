/**
 * Asserts on the fluctuations of currents: `assert tur`, `assert onsager`, and the statistics of a
 * measured current (`diffusion(steps) = 2105.9 +- 0.1`). Evaluated from analysis/fluctuations/ and
 * analysis/response/ at the steady state reached from the initial amounts. With a `step`, the
 * statistics are in length units as the report shows them: `mean` is J (counts per time),
 * `velocity` J d, `diffusion` D d² (length² per time), `randomness` 2D/J; without one `diffusion`
 * is D in counts² per time.
 */
import { CODES, type Diagnostic } from "../../diagnostics.js";
import type { Assert, AssertTarget, Network, Quantity } from "../../network/types.js";
import { analyzeCurrents } from "../currents/index.js";
import { analyzeFluctuations, increments, jumps, meanDiffusion } from "../fluctuations/index.js";
import { analyzeResponse } from "../response/index.js";
import type { SteadyState } from "../steady-state/types.js";
import type { Lazy, Unevaluable } from "./types.js";

/** Relative asymmetry max|L − Lᵀ| / max|L| up to which `assert onsager` calls the matrix symmetric (rounding of the dense solves). */
export const ONSAGER_TOLERANCE = 1e-8;

/** `assert tur` / `assert onsager` (and their negations): null when they hold, else a located error. */
export function checkFluctuationAssert(network: Network, a: Assert, t: Extract<AssertTarget, { kind: "tur" | "onsager" }>, lazy: Lazy): Diagnostic | null {
  const fail = (message: string): Diagnostic => ({ severity: "error", code: CODES.assertFailed, message: `assert failed: ${message}`, span: a.span });
  const state = reached(lazy);
  if ("why" in state) return { severity: "error", code: state.code, message: `cannot evaluate '${a.text}': ${state.why}`, span: a.span };
  const structure = lazy.structure();
  const currents = analyzeCurrents(network, state, { structure });
  if (t.kind === "tur") {
    if (network.kind !== "markov") return unevaluable(a, "current fluctuations are computed for Markov networks (state declarations)");
    const f = analyzeFluctuations(network, { state, states: [state], currents, cycleCount: structure.cycleCount }, { maxScgfStates: 0, maxKineticsStates: 0 });
    const rated = f.currents.filter((c) => c.uncertaintyRatio !== null);
    const worst = rated.reduce<(typeof rated)[number] | null>((w, c) => (w === null || (c.uncertaintyRatio ?? Infinity) < (w.uncertaintyRatio ?? Infinity) ? c : w), null);
    const holds = f.turHolds !== false;
    if (holds !== t.negated) return null;
    if (t.negated) return fail(`every current satisfies the uncertainty relation${worst ? ` (smallest D σ / J² is ${fmt(worst.uncertaintyRatio ?? NaN)}, for ${worst.name})` : " (no current has a ratio)"}`);
    return fail(`the uncertainty relation D σ / J² ≥ 1 fails for ${worst?.name ?? "a current"}: ${fmt(worst?.uncertaintyRatio ?? NaN)}`);
  }
  const db = lazy.balance();
  const r = analyzeResponse(network, { state, structure, currents, equilibrium: db.holds, statistics: [] });
  if (r.onsager === null) return unevaluable(a, `no cycle-affinity response to check${r.notes.length > 0 ? ` (${r.notes.join("; ")})` : " (no cycle with a two-way chord)"}`);
  const symmetric = r.onsager.asymmetry <= ONSAGER_TOLERANCE;
  if (symmetric !== t.negated) return null;
  return t.negated
    ? fail(`the affinity response matrix is symmetric (relative asymmetry ${fmt(r.onsager.asymmetry)})`)
    : fail(`the affinity response matrix is not symmetric: relative asymmetry ${fmt(r.onsager.asymmetry)} > ${ONSAGER_TOLERANCE}${r.onsager.equilibrium ? "" : " (the network is driven: Onsager reciprocity holds only at equilibrium)"}`);
}

/** The value of `mean(c)`, `diffusion(c)`, … at the reached steady state (see the module comment). */
export function measureCurrentStatistic(network: Network, q: Extract<Quantity, { kind: "current-statistic" }>, lazy: Lazy): number | Unevaluable {
  const current = network.currents[q.current];
  if (!current) return { code: CODES.assertUnevaluable, why: "no such current" };
  if (network.kind !== "markov") return { code: CODES.assertUnevaluable, why: "current statistics are computed for Markov networks (state declarations)" };
  const j = jumps(network);
  if (j === null) return { code: CODES.assertUnevaluable, why: "a transition is not a jump from one state to another" };
  const state = reached(lazy);
  if ("why" in state) return state;
  const md = meanDiffusion(j, increments(j, current.weights), state.concentrations);
  const J = md.mean, D = md.diffusion, d = current.step?.value ?? null;
  const none = (why: string): Unevaluable => ({ code: CODES.assertUnevaluable, why });
  switch (q.statistic) {
    case "mean": return J;
    case "velocity": return d === null ? none(`the current ${current.name} has no step`) : J * d;
    case "diffusion": return D === null ? none(md.note ?? "no diffusion coefficient") : D * (d === null ? 1 : d * d);
    case "fano":
    case "randomness":
      if (q.statistic === "randomness" && d === null) return none(`the current ${current.name} has no step`);
      return D === null || J === 0 ? none("the mean is 0 or D is not defined") : (2 * D) / J;
    case "uncertainty-ratio": {
      const sigma = state.entropyProduction;
      if (D === null || J === 0 || sigma === null) return none("the mean is 0, or σ or D is infinite or not defined");
      return (D * sigma) / (J * J);
    }
  }
}

function reached(lazy: Lazy): SteadyState | Unevaluable {
  const ss = lazy.steadyStates();
  const state = ss.states.find((s) => s.reached);
  if (state) return state;
  return ss.states.length === 0
    ? { code: CODES.assertUnevaluable, why: "there is no steady state" }
    : { code: CODES.stateNotReached, why: "the dynamics from the initial amounts reach no steady state" };
}

function unevaluable(a: Assert, why: string): Diagnostic {
  return { severity: "error", code: CODES.assertUnevaluable, message: `cannot evaluate '${a.text}': ${why}`, span: a.span };
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const m = Math.abs(x);
  return m >= 1e-4 && m < 1e6 ? String(Number(x.toPrecision(6))) : x.toExponential(4);
}


/**
 * Thermodynamics by construction (docs/language.md, "Energies"): `energy A = 0, B = -1.5, ATP = -12`
 * declares standard free energies G° in k_B T, and a reaction written `@ barrier G‡ [prefactor ν]`
 * or `@ prefactor ν` gets its rate constants from them. With G_R = Σ coefficient·G° over the
 * reactants (reservoirs included) and G_P over the products:
 *
 *   barrier G‡:       kf = ν e^{−(G‡ − G_R)},      kr = ν e^{−(G‡ − G_P)}      (ν = 1 unless given)
 *   prefactor ν only: kf = ν e^{−(G_P − G_R)/2},  kr = ν e^{+(G_P − G_R)/2}
 *
 * Either way ln(kf/kr) = G_R − G_P = −Σ_i S_ir G°_i − Σ_Y S_Yr G°_Y, so a cycle of such reactions
 * has affinity −Σ_Y (S_res c)_Y μ_Y with μ_Y = G°_Y + ln[Y]: zero unless the reservoirs drive it.
 * The network records the energies and which reactions were built (`Network.thermodynamics`).
 * Energies, barriers and prefactors may use params; the constants then carry their sensitivity:
 *   barrier:   ∂kf = kf (∂ν/ν − ∂G‡ + ∂G_R),        ∂kr = kr (∂ν/ν − ∂G‡ + ∂G_P)
 *   prefactor: ∂kf = kf (∂ν/ν − (∂G_P − ∂G_R)/2),  ∂kr = kr (∂ν/ν + (∂G_P − ∂G_R)/2)
 */
import { CODES, type DiagnosticSink, type Span } from "../diagnostics.js";
import type { RateConstant, Term, Thermodynamics } from "../network/types.js";
import type { Declarator, Statement, ThermoRate } from "../syntax/ast.js";
import type { Declarations } from "./declarations.js";
import { evaluate, type Value } from "./evaluate.js";
import { field, linear, scaled, type Sensitivity } from "./sensitivity.js";
import { suggest } from "./suggest.js";

type ReactionStatement = Extract<Statement, { kind: "reaction" }>;

/** Free energies by name, read from `energy` statements and evaluated once every param is known. */
export class EnergyTable {
  readonly #pending: Declarator[] = [];
  readonly #seen = new Map<string, Span>();
  readonly #values = new Map<string, number>();
  /** ∂G°/∂p of the energies whose expressions use params. */
  readonly #sensitivities = new Map<string, Sensitivity>();

  constructor(private readonly sink: DiagnosticSink) {}

  /** True when the file has an `energy` statement. */
  get declared(): boolean {
    return this.#seen.size > 0;
  }

  add(st: Extract<Statement, { kind: "energy" }>): void {
    for (const d of st.declarators) {
      const prior = this.#seen.get(d.id.name);
      if (prior) this.sink.error(CODES.duplicateDeclaration, `the energy of '${d.id.name}' is already given at line ${prior.line}`, d.id.span);
      else {
        this.#seen.set(d.id.name, d.id.span);
        this.#pending.push(d);
      }
    }
  }

  /** Evaluates every energy (after the declarations are finished): each names a species, state or reservoir. */
  finish(decls: Declarations): void {
    for (const d of this.#pending) {
      const name = d.id.name;
      const target = decls.names.get(name);
      if (!target || target.kind === "param") {
        const what = target ? "a param" : "not declared";
        const guess = suggest(name, [...decls.names.values()].filter((n) => n.kind !== "param").map((n) => n.name));
        this.sink.error(
          CODES.energyUnknownName,
          `'${name}' is ${what}; energies are given to species, states and reservoirs${guess ? `; did you mean '${guess}'?` : ""}`,
          d.id.span,
          guess ? undefined : `declare it first: ${decls.kind === "markov" ? "state" : "species"} ${name}`,
        );
        continue;
      }
      if (!d.value) {
        this.sink.error(CODES.missingValue, `the energy of '${name}' needs a value in k_B T: energy ${name} = -1.5`, d.id.span);
        continue;
      }
      const v = evaluate(d.value, decls.scope(d.id.span.offset), this.sink);
      if (v) this.#values.set(name, v.value);
      if (v?.sensitivity) this.#sensitivities.set(name, v.sensitivity);
    }
    this.#pending.length = 0;
  }

  /** G° of a declared name, or undefined when none was given. */
  of(name: string): number | undefined {
    return this.#values.get(name);
  }

  /** ∂G°/∂p of a declared name's energy; undefined when it depends on no param. */
  sensitivityOf(name: string): Sensitivity {
    return this.#sensitivities.get(name);
  }

  /** The IR's record: G° per species and per reservoir (NaN where none), and the constructed reactions. */
  thermodynamics(species: readonly string[], reservoirs: readonly string[], constructed: readonly boolean[]): Thermodynamics {
    return {
      species: species.map((n) => this.#values.get(n) ?? NaN),
      reservoirs: reservoirs.map((n) => this.#values.get(n) ?? NaN),
      constructed,
    };
  }
}

/** Names by index, for the terms of a side: species (states) and reservoirs. */
export interface TermNames {
  readonly species: readonly string[];
  readonly reservoirs: readonly string[];
}

/** The sides of a lowered reaction: internal and reservoir terms. */
export interface LoweredSides {
  readonly lhs: { readonly internal: readonly Term[]; readonly reservoir: readonly Term[] };
  readonly rhs: { readonly internal: readonly Term[]; readonly reservoir: readonly Term[] };
}

/**
 * The rate constants of a reaction written `@ barrier …` / `@ prefactor …` (module comment for the
 * formulas), or null after reporting why there are none.
 *
 *   // energy A = 0, B = -1.5;  r1: A <-> B @ barrier 2
 *   constructedRates(st, true, sides, energies, names, decls, sink)
 *   // [kf = e^{-2}, kr = e^{-3.5}]
 */
export function constructedRates(
  st: ReactionStatement, twoWay: boolean, sides: LoweredSides, energies: EnergyTable, names: TermNames, decls: Declarations, sink: DiagnosticSink,
): [RateConstant, RateConstant] | null {
  const thermo = st.thermo ?? [];
  const [first] = thermo;
  if (first === undefined) return null;
  const span = joinSpans(first.span, thermo[thermo.length - 1]?.span ?? first.span);
  const [plain] = st.rates;
  if (plain) {
    // `@ barrier - 1, 2` with a param named barrier: the word starts the energy form, which a
    // parenthesis around the expression avoids
    const hint = decls.params.has(first.word)
      ? `'${first.word}' right after '@' starts the energy form; to use the param ${first.word} in a rate, write it in parentheses: '@ (${first.word} …), …'`
      : `write '@ ${first.word} …' alone, or two plain constants`;
    sink.error(CODES.mixedRates, `a reaction's constants are either written out or built from energies (${first.word}), not both`, plain.span, hint);
    return null;
  }
  if (!twoWay) {
    sink.error(CODES.constructedOneWay, `a reaction built from energies goes both ways (its reverse follows from the same energies): write '<->'`, st.arrow.span);
    return null;
  }
  const parts = new Map<string, ThermoRate>();
  for (const t of thermo) {
    if (parts.has(t.word)) {
      sink.error(CODES.wrongRateCount, `'${t.word}' is given twice`, t.wordSpan);
      return null;
    }
    parts.set(t.word, t);
  }
  const g = (side: LoweredSides["lhs"]): { sum: number; sensitivity: Sensitivity; missing: string[] } => {
    let sum = 0;
    let sensitivity: Sensitivity;
    const missing: string[] = [];
    const add = (terms: readonly Term[], list: readonly string[]): void => {
      for (const t of terms) {
        const name = list[t.index] ?? "";
        const e = energies.of(name);
        if (e === undefined) missing.push(name);
        else {
          sum += t.coefficient * e;
          sensitivity = linear(sensitivity, 1, energies.sensitivityOf(name), t.coefficient);
        }
      }
    };
    add(side.internal, names.species);
    add(side.reservoir, names.reservoirs);
    return { sum, sensitivity, missing };
  };
  const r = g(sides.lhs), p = g(sides.rhs);
  const missing = [...new Set([...r.missing, ...p.missing])];
  if (missing.length > 0) {
    sink.error(CODES.energyMissing, `this reaction is built from energies (${first.word}), but ${missing.map((n) => `'${n}'`).join(", ")} ${missing.length > 1 ? "have" : "has"} none`, st.span, `energy ${missing.map((n) => `${n} = …`).join(", ")}`);
    return null;
  }
  const scope = decls.scope();
  const value = (t: ThermoRate | undefined): Value | null | undefined => (t === undefined ? undefined : (evaluate(t.value, scope, sink) ?? null));
  const barrierValue = value(parts.get("barrier")), nuValue = value(parts.get("prefactor"));
  if (barrierValue === null || nuValue === null) return null;
  const barrier = barrierValue?.value, nu = nuValue?.value;
  const prefactor = parts.get("prefactor");
  if (nu !== undefined && prefactor && (!(nu > 0) || !Number.isFinite(nu))) {
    sink.error(CODES.badRateConstant, `a prefactor is a rate, a finite number > 0; this one is ${nu}`, prefactor.value.span);
    return null;
  }
  const v = nu ?? 1;
  let kf: number, kr: number;
  if (barrier !== undefined) {
    kf = v * Math.exp(-(barrier - r.sum));
    kr = v * Math.exp(-(barrier - p.sum));
    if (barrier < Math.min(r.sum, p.sum)) {
      sink.warning(CODES.barrierBelowStates, `the barrier ${barrier} is below both sides (G_R = ${r.sum}, G_P = ${p.sum}): both directions run faster than the prefactor`, parts.get("barrier")?.value.span ?? span);
    }
  } else {
    kf = v * Math.exp(-(p.sum - r.sum) / 2);
    kr = v * Math.exp((p.sum - r.sum) / 2);
  }
  for (const [k, which] of [[kf, "forward"], [kr, "reverse"]] as const) {
    if (!(k > 0) || !Number.isFinite(k)) {
      sink.error(CODES.badRateConstant, `these energies give a ${which} rate constant of ${k}, outside the range of a double; use energies closer together`, span);
      return null;
    }
  }
  // ∂k/k: ∂ν/ν, then the exponent's derivative (module comment)
  const dNu = scaled(nuValue?.sensitivity, 1 / v);
  const dForward = barrier !== undefined ? linear(linear(dNu, 1, barrierValue?.sensitivity, -1), 1, r.sensitivity, 1) : linear(dNu, 1, linear(p.sensitivity, 1, r.sensitivity, -1), -0.5);
  const dReverse = barrier !== undefined ? linear(linear(dNu, 1, barrierValue?.sensitivity, -1), 1, p.sensitivity, 1) : linear(dNu, 1, linear(p.sensitivity, 1, r.sensitivity, -1), 0.5);
  return [
    { value: kf, exact: null, rational: false, ...field(scaled(dForward, kf)), span },
    { value: kr, exact: null, rational: false, ...field(scaled(dReverse, kr)), span },
  ];
}

function joinSpans(a: Span, b: Span): Span {
  return { ...a, length: b.offset + b.length - a.offset };
}

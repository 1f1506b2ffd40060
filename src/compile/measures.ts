/**
 * The statements that say what to measure rather than what reacts: `volume Ω`, `current NAME =
 * weighted reaction counts [step LENGTH [UNIT]]` and `force PARAM on CURRENT [kT ENERGY]`. They are
 * lowered once every reaction label is known (a current may name reactions written after it).
 */
import { CODES, type DiagnosticSink, type Span } from "../diagnostics.js";
import type { Force, MeasuredCurrent } from "../network/types.js";
import type { Expr, Statement } from "../syntax/ast.js";
import type { Declarations } from "./declarations.js";
import { evaluate } from "./evaluate.js";
import { suggest } from "./suggest.js";

type VolumeStatement = Extract<Statement, { kind: "volume" }>;
type CurrentStatement = Extract<Statement, { kind: "current" }>;
type ForceStatement = Extract<Statement, { kind: "force" }>;

export interface Measures {
  readonly volume: number | null;
  readonly currents: MeasuredCurrent[];
  readonly forces: Force[];
}

/** Collects the measurement statements while the file is read; `lower` resolves them at the end. */
export class MeasureTable {
  private readonly volumes: VolumeStatement[] = [];
  private readonly currentStatements: CurrentStatement[] = [];
  private readonly forceStatements: ForceStatement[] = [];

  constructor(private readonly sink: DiagnosticSink) {}

  add(st: VolumeStatement | CurrentStatement | ForceStatement): void {
    if (st.kind === "volume") this.volumes.push(st);
    else if (st.kind === "current") this.currentStatements.push(st);
    else this.forceStatements.push(st);
  }

  lower(decls: Declarations, reactions: ReadonlyMap<string, number>): Measures {
    return { volume: this.volume(decls), currents: this.currents(decls, reactions), forces: [] };
  }

  /** Forces need the lowered currents' names; a second step so `lower` stays one expression. */
  lowerForces(decls: Declarations, currents: readonly MeasuredCurrent[]): Force[] {
    const byName = new Map(currents.map((c, i) => [c.name, i] as const));
    const out: Force[] = [];
    const seen = new Map<string, Span>();
    for (const st of this.forceStatements) {
      const d = decls.names.get(st.param.name);
      const prior = seen.get(st.param.name);
      if (prior) {
        this.sink.error(CODES.badForce, `'${st.param.name}' is already a force (line ${prior.line})`, st.param.span);
        continue;
      }
      if (!d || d.kind !== "param") {
        const guess = suggest(st.param.name, decls.params.keys());
        const what = d ? `'${st.param.name}' is a ${d.kind}, not a param` : `unknown param '${st.param.name}'`;
        this.sink.error(CODES.badForce, `${what}; a force is a param the rates depend on${guess ? `; did you mean '${guess}'?` : ""}`, st.param.span, "param F = 0\nforce F on steps");
        continue;
      }
      const current = byName.get(st.current.name);
      if (current === undefined) {
        const guess = suggest(st.current.name, byName.keys());
        this.sink.error(CODES.badForce, `unknown current '${st.current.name}'${guess ? `; did you mean '${guess}'?` : ""}; declare it first: current ${st.current.name} = R1 + R2`, st.current.span);
        continue;
      }
      let kT: number | null = null;
      if (st.kT) {
        const v = evaluate(st.kT, decls.scope(), this.sink);
        if (!v) continue;
        if (!(v.value > 0) || !Number.isFinite(v.value)) {
          this.sink.error(CODES.badForce, `kT must be a positive finite number; this one is ${v.value}`, st.kT.span);
          continue;
        }
        kT = v.value;
      }
      seen.set(st.param.name, st.span);
      out.push({ param: st.param.name, value: d.value ?? Number.NaN, current, kT, span: st.span });
    }
    return out;
  }

  private volume(decls: Declarations): number | null {
    const [first, ...rest] = this.volumes;
    for (const st of rest) this.sink.error(CODES.badVolume, `a second volume; the first is at line ${first?.span.line}`, st.span);
    if (!first) return null;
    return this.positive(first.value, decls, "volume", CODES.badVolume, "volume 50");
  }

  private positive(e: Expr, decls: Declarations, what: string, code: typeof CODES.badVolume | typeof CODES.badCurrent, example: string): number | null {
    const v = evaluate(e, decls.scope(), this.sink);
    if (!v) return null;
    if (!(v.value > 0) || !Number.isFinite(v.value)) {
      this.sink.error(code, `the ${what} must be a positive finite number; this one is ${v.value}`, e.span, example);
      return null;
    }
    return v.value;
  }

  private currents(decls: Declarations, reactions: ReadonlyMap<string, number>): MeasuredCurrent[] {
    const out: MeasuredCurrent[] = [];
    const names = new Map<string, Span>();
    for (const st of this.currentStatements) {
      const prior = names.get(st.name.name);
      if (prior) {
        this.sink.error(CODES.badCurrent, `a current '${st.name.name}' is already declared at line ${prior.line}`, st.name.span);
        continue;
      }
      names.set(st.name.name, st.name.span);
      const weights: { reaction: number; weight: number }[] = [];
      const listed = new Map<number, Span>();
      let ok = true;
      for (const t of st.terms) {
        const index = reactions.get(t.reaction.name);
        if (index === undefined) {
          const guess = suggest(t.reaction.name, reactions.keys());
          this.sink.error(CODES.badCurrent, `unknown reaction '${t.reaction.name}'${guess ? `; did you mean '${guess}'?` : ""}; a current counts the events of labelled reactions`, t.reaction.span, "r1: A -> B @ 1\ncurrent flow = r1");
          ok = false;
          continue;
        }
        const twice = listed.get(index);
        if (twice) {
          this.sink.error(CODES.badCurrent, `reaction '${t.reaction.name}' is already in this current (column ${twice.column}); write its weight once`, t.span);
          ok = false;
          continue;
        }
        listed.set(index, t.span);
        const c = t.coefficient === null ? 1 : Number(t.coefficient.text);
        if (!(c > 0) || !Number.isFinite(c)) {
          this.sink.error(CODES.badCurrent, `a weight must be a positive finite number (a minus sign before the term makes it count backwards); this one is ${t.coefficient?.text}`, t.coefficient?.span ?? t.span);
          ok = false;
          continue;
        }
        weights.push({ reaction: index, weight: t.sign * c });
      }
      let step: MeasuredCurrent["step"] = null;
      if (st.step) {
        const v = this.positive(st.step.value, decls, "step", CODES.badCurrent, `current ${st.name.name} = ... step 8 nm`);
        if (v === null) ok = false;
        else step = { value: v, unit: st.step.unit?.name ?? null };
      }
      if (ok) out.push({ name: st.name.name, weights, step, span: st.span });
    }
    return out;
  }
}

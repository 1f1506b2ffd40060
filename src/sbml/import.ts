/**
 * SBML (Level 2 and 3) → the ness network language.
 *
 *   XML text ─parseXml─▶ elements ─readModel─▶ SbmlModel ─planSpecies─▶ roles, names, units
 *     ─convertReaction (per reaction: expand law, recognise mass action, fold volumes)─▶ Draft
 *     ─emitCrn─▶ `.crn` text, which `compile(text, file)` compiles.
 *
 * Never approximates silently: a law that is not mass action, an event, a rule the network
 * language cannot say, is a diagnostic and a comment in the output; never throws.
 */
import { CODES, DiagnosticSink, type Diagnostic } from "../diagnostics.js";
import { commentLines, emitCrn, type DraftSpecies } from "./emit.js";
import { ModelScope } from "./expand.js";
import { findModel, readModel, type SbmlModel } from "./model.js";
import { divN, INEXACT, numText } from "./num.js";
import { convertReaction, type DraftReaction } from "./reactions.js";
import { planSpecies, type SpeciesPlan } from "./species.js";
import { parseXml, SourceMap } from "./xml.js";

export interface ImportResult {
  /** The network file, or null when nothing could be imported (the diagnostics say why). */
  readonly text: string | null;
  readonly diagnostics: Diagnostic[];
}

/**
 * Converts an SBML document to a `.crn` network file.
 *
 * Definition: each reaction whose kinetic law, expanded as a polynomial in the species, equals
 * kf·∏reactants^ν (− kr·∏products^ν) becomes `reactants -> products @ kf` (or `<->` with kr),
 * with compartment volumes folded into kf and kr so the network's dynamics are the model's.
 * Assumptions: rate constants are the file's values at t = 0; other reactions are left out.
 * Example:
 *   const { text } = importSbml(readFileSync("BIOMD0000000363.xml", "utf8"), "BIOMD0000000363.xml");
 *   const { network } = compile(text!, "BIOMD0000000363.crn");
 */
export function importSbml(xml: string, file: string): ImportResult {
  const sink = new DiagnosticSink();
  try {
    return { text: importInto(xml, file, sink), diagnostics: sink.items };
  } catch (e) {
    // A bug, not bad input; still never thrown at the caller.
    sink.error(CODES.sbmlInvalid, `internal error while importing: ${(e as Error).message}`);
    return { text: null, diagnostics: sink.items };
  }
}

function importInto(xml: string, file: string, sink: DiagnosticSink): string | null {
  const src = new SourceMap(file, xml);
  const parsed = parseXml(xml);
  if ("error" in parsed) {
    sink.error(CODES.sbmlInvalid, `malformed XML: ${parsed.error}`, src.spanAtLine(parsed.line, parsed.column));
    return null;
  }
  const found = findModel(parsed.root);
  if (typeof found === "string") {
    sink.error(CODES.sbmlInvalid, `not an SBML model: ${found}`, src.element(parsed.root.name));
    return null;
  }
  const model = readModel(found.sbml, found.model);
  if (model.level < 2) {
    sink.error(CODES.sbmlUnsupported, `SBML Level ${model.level} is not supported (Levels 2 and 3 are)`, src.element("sbml"));
    return null;
  }
  reportUnsupported(model, src, sink);
  const scope = new ModelScope(model);
  const plan = planSpecies(scope, src, sink);

  const kept: DraftReaction[] = [];
  const leftOut: string[] = [], dropped: string[] = [];
  for (const r of model.reactions) {
    const span = src.element("reaction", r.id);
    const out = convertReaction(r, scope, plan, sink, span);
    if (out.kind === "kept") {
      kept.push(out.reaction);
      if (out.reaction.zeroDirections.length > 0) {
        sink.warning(CODES.sbmlNote, `reaction ${r.id}: a rate constant evaluates to 0 with the file's values, so that direction is left out`, span);
      }
    } else if (out.kind === "not-mass-action") {
      sink.warning(CODES.sbmlNotMassAction, `reaction ${r.id} is not mass action (${out.reason}): rate = ${out.law}`, span, "it is left out of the network; structural analyses describe the remaining reactions");
      leftOut.push(`${r.id}: ${out.reason}; rate = ${out.law}`);
    } else {
      sink.warning(CODES.sbmlNote, `reaction ${r.id} is left out: ${out.why}`, span);
      (out.harmless ? dropped : leftOut).push(`${r.id}: ${out.why}`);
    }
  }
  reportAggregates(kept, plan, src, sink);
  if (kept.length === 0) {
    const notMA = leftOut.length > 0;
    const why = notMA ? "no reaction of the model could be imported as mass action" : "the model has no reaction that changes an internal species";
    sink.error(notMA ? CODES.sbmlNotMassAction : CODES.sbmlUnsupported, `nothing to import: ${why}`, src.element("listOfReactions"));
    return null;
  }
  const header = headerLines(file, model, plan, kept, leftOut, dropped);
  const species: DraftSpecies[] = [], reservoirs: DraftSpecies[] = [];
  for (const s of model.species) {
    const role = plan.role.get(s.id);
    const name = plan.names.get(s.id)!;
    const v = scope.initial(s.id);
    const renamed = name !== s.id ? `SBML id "${s.id}" renamed` : "";
    if (role === "internal") {
      // y = n / W: the symbol value times U_j / W = symbol value / f_j.
      const value = v ? divN(v, plan.factor.get(s.id)!) : null;
      species.push({ name, value, comment: [renamed, v ? "" : "no initial value in the file; 0"].filter(Boolean).join("; ") });
    } else if (role === "reservoir") {
      const unit = scope.isAmountSymbol(s.id) ? "amount" : `concentration in ${s.compartment}`;
      const why = s.boundaryCondition ? "boundary species" : s.constant ? "constant species" : "set by a rule";
      if (plan.zeroReservoirs.has(s.id)) {
        sink.accept("info", CODES.sbmlNote, `species ${s.id} is held fixed at ${v ? v.value : "no value (0)"}: not a reservoir (ness reservoirs are > 0); reactions consuming it have rate 0, reactions producing it put it in a sink`, src.element("species", s.id));
        continue;
      }
      reservoirs.push({ name, value: v!, comment: [why, unit, renamed].filter(Boolean).join("; ") });
    }
  }
  const inexact = [...kept.flatMap((r) => [r.forward, r.reverse]), ...species.map((x) => x.value), ...reservoirs.map((x) => x.value)].some((v) => v !== null && v.exact === null);
  if (inexact) header.push(...commentLines(`Numbers written "x * ${INEXACT}" are floating-point results in the file (of exp, real powers, …): the factor ${INEXACT} = 1 tells ness they are not exact, so it compares them with a tolerance.`));
  const title = model.name || model.id || null;
  return emitCrn({ title, header, species, reservoirs, reactions: kept, names: plan.names });
}

function reportUnsupported(model: SbmlModel, src: SourceMap, sink: DiagnosticSink): void {
  for (const e of model.events) {
    sink.warning(CODES.sbmlUnsupported, `event ${e.id} (sets ${e.variables.join(", ") || "nothing"}) is ignored: values are those before any event`, src.element("event", e.id));
  }
  for (const v of model.rateRules.keys()) {
    sink.warning(CODES.sbmlUnsupported, `the rate rule for ${v} is ignored: ness networks change only through reactions`, src.element("rateRule", v));
  }
  if (model.algebraicRules > 0) {
    sink.warning(CODES.sbmlUnsupported, `${model.algebraicRules} algebraic rule(s) ignored: ness networks have no algebraic constraints`, src.element("algebraicRule"));
  }
  for (const r of model.reactions) {
    if (r.fast) sink.warning(CODES.sbmlUnsupported, `reaction ${r.id} is marked fast (rapid equilibrium): it is imported as an ordinary mass-action reaction with its own rate constants`, src.element("reaction", r.id));
  }
  const factors = [model.conversionFactor, ...model.species.map((s) => s.conversionFactor)].filter((c): c is string => c !== null);
  if (factors.length) {
    sink.warning(CODES.sbmlUnsupported, `conversion factors (${[...new Set(factors)].join(", ")}) are ignored`, src.element("model"));
  }
}

function reportAggregates(kept: readonly DraftReaction[], plan: SpeciesPlan, src: SourceMap, sink: DiagnosticSink): void {
  const list = (rs: readonly DraftReaction[]) => rs.map((r) => r.id).join(", ");
  const frozen = kept.filter((r) => r.frozen.length);
  if (frozen.length) {
    const syms = [...new Set(frozen.flatMap((r) => r.frozen))].join(", ");
    sink.warning(CODES.sbmlUnsupported, `the rate constants of ${frozen.length} reaction(s) (${list(frozen)}) depend on ${syms}, which change in time; ness uses their values at t = 0`, src.element("reaction", frozen[0]!.id));
  }
  const oneWay = kept.filter((r) => r.flag === "flag-reversible-law-one-way");
  if (oneWay.length) {
    sink.accept("info", CODES.sbmlNote, `${oneWay.length} reaction(s) marked reversible have one-way laws and are imported one-way (the law decides): ${list(oneWay)}`, src.element("reaction", oneWay[0]!.id));
  }
  const twoWay = kept.filter((r) => r.flag === "flag-irreversible-law-two-way");
  if (twoWay.length) {
    sink.accept("info", CODES.sbmlNote, `${twoWay.length} reaction(s) marked irreversible have two-way laws kf·reactants − kr·products and are imported two-way (the law decides): ${list(twoWay)}`, src.element("reaction", twoWay[0]!.id));
  }
  if (plan.renamed.length) {
    sink.accept("info", CODES.sbmlNote, `ids that are not ness names were renamed: ${plan.renamed.join(", ")}`, src.element("model"));
  }
}

function headerLines(file: string, model: SbmlModel, plan: SpeciesPlan, kept: readonly DraftReaction[], leftOut: readonly string[], dropped: readonly string[]): string[] {
  const h: string[] = [];
  const total = model.reactions.length;
  h.push(`# Imported by ness from ${file}: SBML Level ${model.level} Version ${model.version}, model "${model.id}".`);
  h.push(`# ${kept.length} of ${total} reactions imported.`);
  const units = plan.scaleCompartment !== null
    ? `Species values are the file's concentrations in compartment ${plan.scaleCompartment} (size ${numText(plan.scale)}). Each rate constant is the law's coefficient divided by that size (a law is amount per time; ness rates are concentration per time).`
    : `Species values are amounts (concentration × compartment size). Each rate constant is the law's coefficient divided by the size of the compartment of each concentration-valued reactant, once per copy, so that rates are amounts per time.`;
  h.push(...commentLines(`${units} Reservoir values are the file's own (concentration, or amount for hasOnlySubstanceUnits species). Rate constants are exact rationals of the file's numbers where possible.`));
  if (plan.renamed.length) h.push(...commentLines(`Renamed (ness keywords or not names): ${plan.renamed.join(", ")}.`));
  if (plan.zeroReservoirs.size) h.push(...commentLines(`Held at 0, so not reservoirs (ness reservoirs are > 0): ${[...plan.zeroReservoirs].join(", ")}. A reaction direction that consumes one never fires and is left out; where one is only produced it is a sink and is left out of the equation.`));
  if (model.events.length) h.push(...commentLines(`Events ignored (${model.events.map((e) => e.id).join(", ")}): values are those before any event.`));
  const frozen = kept.filter((r) => r.frozen.length);
  if (frozen.length) h.push(...commentLines(`Rate constants of ${frozen.map((r) => r.id).join(", ")} depend on ${[...new Set(frozen.flatMap((r) => r.frozen))].join(", ")}, which change in time: their values at t = 0 are used.`));
  if (leftOut.length) {
    h.push(`# Left out, changing the dynamics (${leftOut.length}):`);
    for (const l of leftOut) h.push(...commentLines(l, "  "));
  }
  if (dropped.length) {
    h.push(`# Left out without changing the dynamics (${dropped.length}):`);
    for (const l of dropped) h.push(...commentLines(l, "  "));
  }
  if (leftOut.length) {
    h.push(...commentLines(`What remains valid: this file is the model without the ${leftOut.length} reaction(s) above. Structural analyses (stoichiometry, complexes, deficiency, conservation laws, cycles) and the detailed-balance verdict are exact for this sub-network, not for the whole model; its steady states, currents and entropy production are not the model's.`));
  } else if (frozen.length || model.events.length) {
    h.push(...commentLines("What remains valid: the reactions and stoichiometry are the model's, so structural analyses are exact; rate-dependent results describe the model with its rate constants frozen at t = 0."));
  } else {
    h.push("# Every reaction is mass action: all analyses describe the model itself.");
  }
  return h;
}

/**
 * Network IR → SBML Level 3 Version 2: one compartment of size 1, every species and reservoir as
 * an amount (hasOnlySubstanceUnits, initialAmount), reservoirs as boundary and constant species,
 * one parameter per rate constant, and mass-action laws `kf * A^2 * B - kr * C` in MathML.
 * `importSbml(exportSbml(n))` gives back the same network (species, reservoirs, stoichiometry,
 * rate constants — exact rationals included — and labels).
 */
import type { Network, Reaction, Term } from "../network/types.js";
import * as Q from "../numeric/exact/rational.js";
import type { Rational } from "../numeric/exact/rational.js";
import { doubleText } from "./num.js";

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A fresh SBML id starting from `base`, not in `used`; records it. */
function fresh(base: string, used: Set<string>): string {
  let id = base;
  for (let i = 2; used.has(id); i++) id = `${base}_${i}`;
  used.add(id);
  return id;
}

interface Value {
  readonly id: string;
  readonly value: number;
  readonly exact: Rational | null;
}

/** Whether the value attribute alone says too little: the double is not the exact value, or there is none. */
function needsExact(v: Value): boolean {
  if (!v.exact) return true;
  const back = Q.parseDecimal(doubleText(Math.abs(v.value)));
  return !(back && Q.equals(v.value < 0 ? Q.neg(back) : back, v.exact));
}

function factor(name: string, coefficient: number): string {
  return coefficient === 1
    ? `<ci> ${name} </ci>`
    : `<apply><power/><ci> ${name} </ci><cn type="integer"> ${coefficient} </cn></apply>`;
}

function monomial(k: string, terms: readonly { name: string; coefficient: number }[]): string {
  if (terms.length === 0) return `<ci> ${k} </ci>`;
  return `<apply><times/><ci> ${k} </ci>${terms.map((t) => factor(t.name, t.coefficient)).join("")}</apply>`;
}

/**
 * Writes a network as SBML Level 3 Version 2.
 *
 * Definition: reaction r with rate constants kf, kr gets the kinetic law
 * kf·∏_{reactants} X^ν − kr·∏_{products} X^ν (reservoirs included as constant boundary species).
 * Assumptions: amounts in one compartment of size 1, so concentration and amount coincide.
 * Example:
 *   const { network } = compile("r1: A <-> B @ 2, 1\nspecies A = 1, B", "ab.crn");
 *   const xml = exportSbml(network!);          // <reaction id="r1" reversible="true"> …
 *   importSbml(xml, "ab.xml").text;            // r1: A <-> B @ 2, 1
 */
export function exportSbml(network: Network): string {
  const used = new Set<string>([...network.species.map((s) => s.name), ...network.reservoirs.map((r) => r.name), ...network.reactions.map((r) => r.id)]);
  const compartment = fresh("compartment", used);
  const modelId = fresh(/^[A-Za-z_][A-Za-z0-9_]*$/.test(network.title ?? "") ? network.title! : "ness_network", used);
  const params: Value[] = [];
  const reservoirValues: Value[] = network.reservoirs.map((r) => ({ id: r.name, value: r.value, exact: r.exact }));
  const rateIds = network.reactions.map((r) => {
    const kf = fresh(`kf_${r.id}`, used);
    params.push({ id: kf, value: r.forward.value, exact: r.forward.exact });
    if (!r.reverse) return { kf, kr: null };
    const kr = fresh(`kr_${r.id}`, used);
    params.push({ id: kr, value: r.reverse.value, exact: r.reverse.exact });
    return { kf, kr };
  });

  const out: string[] = [];
  out.push(`<?xml version="1.0" encoding="UTF-8"?>`);
  out.push(`<sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">`);
  out.push(`  <model id="${esc(modelId)}"${network.title ? ` name="${esc(network.title)}"` : ""} substanceUnits="mole" timeUnits="second" extentUnits="mole">`);
  out.push(`    <listOfCompartments>`);
  out.push(`      <compartment id="${compartment}" spatialDimensions="3" size="1" constant="true"/>`);
  out.push(`    </listOfCompartments>`);
  out.push(`    <listOfSpecies>`);
  for (const s of network.species) {
    out.push(`      <species id="${s.name}" compartment="${compartment}" initialAmount="${doubleText(s.initial)}" hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false"/>`);
  }
  for (const r of network.reservoirs) {
    out.push(`      <species id="${r.name}" compartment="${compartment}" initialAmount="${doubleText(r.value)}" hasOnlySubstanceUnits="true" boundaryCondition="true" constant="true"/>`);
  }
  out.push(`    </listOfSpecies>`);
  if (params.length) {
    out.push(`    <listOfParameters>`);
    for (const p of params) out.push(`      <parameter id="${p.id}" value="${doubleText(p.value)}" constant="true"/>`);
    out.push(`    </listOfParameters>`);
  }
  const exact = [...reservoirValues, ...params].filter(needsExact);
  if (exact.length) {
    out.push(`    <listOfInitialAssignments>`);
    for (const v of exact) {
      out.push(`      <initialAssignment symbol="${v.id}">`);
      // An exact rational as a quotient of integers; a floating-point value as x·exp(0), which
      // is x, and which an importer that tracks exactness (ness) reads as inexact.
      const math = v.exact
        ? `<apply><divide/><cn> ${v.exact.num} </cn><cn> ${v.exact.den} </cn></apply>`
        : `<apply><times/><cn> ${doubleText(v.value)} </cn><apply><exp/><cn type="integer"> 0 </cn></apply></apply>`;
      out.push(`        <math xmlns="http://www.w3.org/1998/Math/MathML">${math}</math>`);
      out.push(`      </initialAssignment>`);
    }
    out.push(`    </listOfInitialAssignments>`);
  }
  out.push(`    <listOfReactions>`);
  network.reactions.forEach((r, i) => out.push(...reactionXml(network, r, rateIds[i]!)));
  out.push(`    </listOfReactions>`);
  out.push(`  </model>`);
  out.push(`</sbml>`);
  return `${out.join("\n")}\n`;
}

function reactionXml(n: Network, r: Reaction, k: { kf: string; kr: string | null }): string[] {
  const named = (terms: readonly Term[], reservoir: boolean) =>
    terms.map((t) => ({ name: reservoir ? n.reservoirs[t.index]!.name : n.species[t.index]!.name, coefficient: t.coefficient }));
  const lhs = [...named(r.reactants, false), ...named(r.reservoirReactants, true)];
  const rhs = [...named(r.products, false), ...named(r.reservoirProducts, true)];
  const refs = (list: string, terms: typeof lhs): string[] =>
    terms.length === 0
      ? []
      : [`        <${list}>`, ...terms.map((t) => `          <speciesReference species="${t.name}" stoichiometry="${t.coefficient}" constant="true"/>`), `        </${list}>`];
  const forward = monomial(k.kf, lhs);
  const law = k.kr ? `<apply><minus/>${forward}${monomial(k.kr, rhs)}</apply>` : forward;
  return [
    `      <reaction id="${r.id}" reversible="${k.kr ? "true" : "false"}">`,
    ...refs("listOfReactants", lhs),
    ...refs("listOfProducts", rhs),
    `        <kineticLaw>`,
    `          <math xmlns="http://www.w3.org/1998/Math/MathML">${law}</math>`,
    `        </kineticLaw>`,
    `      </reaction>`,
  ];
}

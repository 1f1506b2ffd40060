/**
 * Mass-action recognition. A law is mass action for its reaction when, written as one polynomial
 * in the species, it is
 *
 *   kf · ∏ reactants^ν            (one way), or
 *   kf · ∏ reactants^ν − kr · ∏ products^ν   (two way),  or  −kr · ∏ products^ν  (runs backwards),
 *
 * with kf, kr > 0 free of species. The comparison is of monomials with the reaction's complexes,
 * never of names: `kr*B - kf*A` on `A -> B` is recognised by which term carries which species.
 */
import { isZeroN, negN, signN, type Num } from "./num.js";
import { monoKey, type Monomial, type Poly } from "./polynomial.js";

export type MassAction =
  | {
      readonly ok: true;
      /** Coefficient of the reactant monomial (> 0), null when absent or zero. */
      readonly forward: Num | null;
      /** Minus the coefficient of the product monomial (> 0), null when absent or zero. */
      readonly reverse: Num | null;
      /** Directions whose term is present but whose rate constant evaluates to 0. */
      readonly zero: readonly ("forward" | "reverse")[];
    }
  | { readonly ok: false; readonly reason: string };

export function monoText(m: Monomial): string {
  if (m.size === 0) return "1";
  return [...m.entries()].map(([s, e]) => (e === 1 ? s : `${s}^${e}`)).join("·");
}

function complexText(m: Monomial): string {
  if (m.size === 0) return "0";
  return [...m.entries()].map(([s, e]) => (e === 1 ? s : `${e} ${s}`)).join(" + ");
}

/** Why a monomial is not the reactants' one: an extra species, or a power unlike the stoichiometry. */
function mismatch(m: Monomial, r: Monomial, p: Monomial): string {
  for (const side of [r, p]) {
    const extra = [...m.keys()].filter((s) => !side.has(s));
    const missing = [...side.keys()].filter((s) => !m.has(s));
    if (extra.length > 0 && missing.length === 0 && [...side].every(([s, e]) => (m.get(s) ?? 0) >= e)) {
      return `an extra species factor ${extra.join(", ")} (a modifier or catalyst not in the reaction's complexes): term ${monoText(m)}`;
    }
  }
  const sameSpecies = (a: Monomial, b: Monomial) => a.size === b.size && [...a.keys()].every((s) => b.has(s));
  if (sameSpecies(m, r) || sameSpecies(m, p)) {
    return `powers unlike the stoichiometry: term ${monoText(m)} for complexes ${complexText(r)} and ${complexText(p)}`;
  }
  return `the law does not match the stoichiometry: term ${monoText(m)} is neither the reactants (${complexText(r)}) nor the products (${complexText(p)})`;
}

/**
 * Compares a law polynomial with the reactant and product monomials (species → stoichiometry,
 * boundary species included). Terms with a zero coefficient only matter when they are the
 * reactants' or products' term: then that direction has rate constant 0.
 */
export function recogniseMassAction(law: Poly, reactants: Monomial, products: Monomial): MassAction {
  const rKey = monoKey(reactants), pKey = monoKey(products);
  let forward: Num | null = null, reverse: Num | null = null;
  const zero: ("forward" | "reverse")[] = [];
  const nonzero = [...law.entries()].filter(([, t]) => !isZeroN(t.coef));
  if (rKey === pKey && nonzero.length > 0) return { ok: false, reason: "the reactants and the products are the same complex" };
  for (const [k, t] of law) {
    if (!Number.isFinite(t.coef.value)) return { ok: false, reason: `a coefficient that is not finite (${t.coef.value})` };
    if (isZeroN(t.coef)) {
      if (k === rKey && !zero.includes("forward")) zero.push("forward");
      else if (k === pKey && !zero.includes("reverse")) zero.push("reverse");
      continue;
    }
    if (k === rKey) {
      if (signN(t.coef) < 0) return { ok: false, reason: `the reactants' term ${monoText(t.mono)} has a negative coefficient, so the law does not run the reaction forward at mass-action rate` };
      forward = t.coef;
    } else if (k === pKey) {
      if (signN(t.coef) > 0) return { ok: false, reason: `the products' term ${monoText(t.mono)} has a positive coefficient (it would speed up the forward reaction)` };
      reverse = negN(t.coef);
    } else {
      return { ok: false, reason: mismatch(t.mono, reactants, products) };
    }
  }
  return {
    ok: true,
    forward,
    reverse,
    zero: zero.filter((d) => (d === "forward" ? forward === null : reverse === null)),
  };
}

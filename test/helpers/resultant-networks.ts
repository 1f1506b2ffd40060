/**
 * Test-only: two-species mass-action networks written out both as ness text and as their
 * polynomial ODE right-hand sides, built here from the reactions by hand (x^a·y^b monomials
 * times stoichiometric changes), so that the resultant's count (resultant.ts) does not share
 * ness's kinetics code.
 */
import type { Term } from "./resultant.js";

/** a X + b Y -> c X + d Y @ k (one-way; a reversible pair is two of these). */
export interface Reaction2 { readonly from: readonly [number, number]; readonly to: readonly [number, number]; readonly k: number }

function complex([a, b]: readonly [number, number]): string {
  const part = (n: number, s: string): string => (n === 0 ? "" : n === 1 ? s : `${n} ${s}`);
  return [part(a, "X"), part(b, "Y")].filter((p) => p !== "").join(" + ") || "0";
}

/** The network as ness source text (initial amounts x0, y0). */
export function networkText(reactions: readonly Reaction2[], x0 = 1, y0 = 1): string {
  return [`species X = ${x0}, Y = ${y0}`, ...reactions.map((r) => `${complex(r.from)} -> ${complex(r.to)} @ ${r.k}`)].join("\n");
}

/** dX/dt and dY/dt as term lists (like monomials merged, exact for dyadic k and small stoichiometry). */
export function massActionOde(reactions: readonly Reaction2[]): [Term[], Term[]] {
  const eqs = [new Map<string, Term>(), new Map<string, Term>()];
  for (const r of reactions) {
    for (const v of [0, 1] as const) {
      const s = r.to[v] - r.from[v];
      if (s === 0) continue;
      const key = `${r.from[0]},${r.from[1]}`;
      const m = eqs[v]!;
      const old = m.get(key);
      m.set(key, { c: ((old?.c as number | undefined) ?? 0) + s * r.k, x: r.from[0], y: r.from[1] });
    }
  }
  return eqs.map((m) => [...m.values()].filter((t) => t.c !== 0)) as [Term[], Term[]];
}

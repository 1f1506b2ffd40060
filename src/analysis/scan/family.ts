/**
 * The network as a function of the scanned value. A reservoir's value enters only its effective
 * rate constants (κ = k Π [Y]^α; rate expressions see params, never reservoirs), so the network at
 * [Y] = p is the same network with that one value replaced. A param may enter any expression (rate
 * constants, initial amounts, other params), so the network at p is the source recompiled with the
 * param overridden, by whoever holds the source (the CLI); the result is checked to carry the value.
 */
import { withChanges } from "../../network/build.js";
import type { Network, ParameterValue } from "../../network/types.js";

/** Recompiles the network's source with some params or reservoir values replaced; the compiler's first error when it does not compile. */
export type Recompile = (values: readonly ParameterValue[]) => Network | string;

export type Family =
  | { readonly ok: true; readonly kind: "param" | "reservoir"; readonly base: number; at(p: number): Network | null }
  | { readonly ok: false; readonly why: string };

/** How `name` varies the network; `why` names what is missing (an unknown name, no source to recompile). */
export function parameterFamily(network: Network, name: string, recompile?: Recompile): Family {
  const reservoir = network.reservoirIndex.get(name);
  if (reservoir !== undefined) {
    const base = network.reservoirs[reservoir]?.value ?? NaN;
    return {
      ok: true,
      kind: "reservoir",
      base,
      at: (p) => (p >= 0 && Number.isFinite(p) ? withChanges(network, { reservoirs: network.reservoirs.map((y) => (y.index === reservoir ? { ...y, value: p, exact: null } : y)) }) : null),
    };
  }
  const base = network.params.get(name);
  if (base !== undefined) {
    if (!recompile) return { ok: false, why: `'${name}' is a param, and scanning a param needs the network's source to recompile` };
    return {
      ok: true,
      kind: "param",
      base,
      at: (p) => {
        const net = recompile([{ name, value: p }]);
        // a compiler that ignored the override would scan nothing while claiming a range
        return typeof net !== "string" && net.params.get(name) === p ? net : null;
      },
    };
  }
  const known = [...network.params.keys(), ...network.reservoirs.map((y) => y.name)];
  return { ok: false, why: `'${name}' is neither a param nor a reservoir${known.length > 0 ? ` (the network has ${known.join(", ")})` : " (the network has none)"}` };
}

/**
 * The network with every value of `values` replaced: reservoirs substituted, params recompiled (all
 * at once) and checked to carry the values. `why` says what could not be done.
 */
export function networkWith(network: Network, values: readonly ParameterValue[], recompile?: Recompile): { network: Network } | { why: string } {
  let current = network;
  const params = values.filter((v) => !network.reservoirIndex.has(v.name));
  if (params.length > 0) {
    const unknown = params.find((v) => !network.params.has(v.name));
    if (unknown) {
      const family = parameterFamily(network, unknown.name);
      if (!family.ok) return { why: family.why };
    }
    if (!recompile) return { why: `changing the param${params.length > 1 ? "s" : ""} ${params.map((v) => `'${v.name}'`).join(", ")} needs the network's source to recompile` };
    const net = recompile(params);
    if (typeof net === "string") return { why: `the network does not compile with ${params.map((v) => `${v.name} = ${v.value}`).join(", ")}: ${net}` };
    if (!params.every((v) => net.params.get(v.name) === v.value)) return { why: "the compiler did not apply the param values" };
    current = net;
  }
  for (const v of values) {
    if (!network.reservoirIndex.has(v.name)) continue;
    const family = parameterFamily(current, v.name);
    const net = family.ok ? family.at(v.value) : null;
    if (net === null) return { why: `a reservoir's value must be a finite concentration ≥ 0, not ${v.value}` };
    current = net;
  }
  return { network: current };
}

/**
 * Steady states at scale (in-process timings of analyzeSteadyStates alone; structure and the
 * balance verdict are computed first and not timed).
 *
 * 1. A detailed-balanced chain X0 ⇌ X1 ⇌ … ⇌ X999 (rates 1.5, 1): the one positive state from the
 *    free energies and the conservation law (Horn–Jackson), no search. Target: well under 1 s.
 * 2. Six independent Schlögl-type switches, dX_i/dt = −(X_i − r1)(X_i − r2)(X_i − r3): 3⁶ = 729
 *    homotopy paths, 729 certified states. Target: a few seconds; paths per second reported.
 */
import { analyzeBalance } from "../src/analysis/balance/index.js";
import { resolveOptions } from "../src/analysis/options.js";
import { analyzeSteadyStates } from "../src/analysis/steady-state/index.js";
import { analyzeStructure } from "../src/analysis/structure/index.js";
import { compile } from "../src/compile/index.js";
import type { Network } from "../src/network/types.js";
import { best, row } from "./lib.js";

function compiled(text: string): Network {
  const { network, diagnostics } = compile(text, "bench.crn");
  if (network === null) throw new Error(diagnostics.map((d) => d.message).join("; "));
  return network;
}

function timed(net: Network): { seconds: number; value: ReturnType<typeof analyzeSteadyStates> } {
  const o = resolveOptions({});
  const structure = analyzeStructure(net, o);
  const detailedBalance = analyzeBalance(net, structure, o);
  return best(3, () => analyzeSteadyStates(net, structure, { ...o, detailedBalance }));
}

const n = 1000;
const chain = [`species ${Array.from({ length: n }, (_, i) => `X${i}${i === 0 ? " = 1" : ""}`).join(", ")}`];
for (let i = 0; i + 1 < n; i++) chain.push(`X${i} <-> X${i + 1} @ 1.5, 1`);
const a = timed(compiled(chain.join("\n")));
console.log(row(`steady state of a ${n}-species detailed-balanced chain (${a.value.solver}, complete ${a.value.complete})`, `${(a.seconds * 1000).toFixed(0)} ms`, "< 1000 ms", a.seconds < 1));

const roots = [[0.5, 1, 4], [1, 2, 3], [0.5, 2, 5], [1, 1.5, 4], [0.25, 1, 2], [1, 3, 6]];
const lines = [`species ${roots.map((_, i) => `S${i} = 1`).join(", ")}`, "reservoir A = 1, B = 1"];
roots.forEach(([r1 = 0, r2 = 0, r3 = 0], i) => {
  lines.push(`A + 2 S${i} <-> 3 S${i} @ ${r1 + r2 + r3}, 1`, `S${i} <-> B @ ${r1 * r2 + r1 * r3 + r2 * r3}, ${r1 * r2 * r3}`);
});
const t0 = performance.now();
const six = analyzeSteadyStates(compiled(lines.join("\n")), analyzeStructure(compiled(lines.join("\n"))));
const seconds = (performance.now() - t0) / 1000;
const paths = six.paths?.total ?? 0;
console.log(row(`every steady state of 6 switches (${paths} homotopy paths, ${six.states.length} states, complete ${six.complete}, certified ${six.certified})`, `${seconds.toFixed(2)} s, ${(paths / seconds).toFixed(0)} paths/s`, "a few seconds, 729 states", six.states.length === 729 && six.complete && seconds < 10));

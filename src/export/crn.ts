/**
 * The CME generator as a Markov network file (`state` and transitions), written straight from
 * the typed arrays so a projection of 10⁶ states never becomes 10⁶ objects. `ness check` and
 * `ness report` read it back as any Markov network; state `n_3_0` has counts 3 and 0 of the
 * source's species in declaration order.
 */
import { stateName, type CmeProjection } from "../analysis/cme/index.js";
import { outOfRange } from "../numeric/checked.js";

/** Shortest text that reads back as exactly this double. */
function num(x: number): string {
  return String(x);
}

/** The file: a header saying what it is and how it was bounded, the states, the transitions. */
export function cmeCrn(p: CmeProjection): string {
  const g = p.generator, src = g.source;
  const speciesNames = src.species.map((s) => s.name);
  const parts: string[] = [
    `# The chemical master equation of ${src.source} at volume ${g.volume} (ness cme), by finite state projection.\n`,
    `# State n_${speciesNames.map((n) => `<${n}>`).join("_")} holds those counts of ${speciesNames.join(", ")}.\n`,
    `# Bounds: ${g.bounds.map((b) => `${speciesNames[b.species] ?? "?"} <= ${b.cap} (${b.by === "conservation" ? "a conservation law" : "mass tolerance"})`).join(", ")}.\n`,
    `# Cut mass (stationary probability on states where the projection cuts a transition): ${p.cutMass.toExponential(3)}; tolerance ${p.options.massTolerance}.\n`,
    `# ${g.states} states, ${g.from.length} transitions; transition <reaction>_<k> is the k-th, by reaction <reaction> of the source.\n`,
    `network ${JSON.stringify(`CME of ${src.title ?? src.source} at volume ${g.volume}`)}\n\n`,
  ];
  const names = Array.from({ length: g.states }, (_, s) => stateName(g, s));
  for (let s = 0; s < g.states; s += 16) {
    const line = names.slice(s, s + 16).map((name, k) => (s + k === g.initial ? `${name} = 1` : name));
    parts.push(`state ${line.join(", ")}\n`);
  }
  parts.push("\n");
  let chunk = "";
  for (let e = 0; e < g.from.length; e++) {
    const r = src.reactions[g.reaction[e] ?? outOfRange()] ?? outOfRange();
    const a = names[g.from[e] ?? outOfRange()] ?? outOfRange(), b = names[g.to[e] ?? outOfRange()] ?? outOfRange();
    const back = g.reverse[e] ?? outOfRange();
    chunk += `${r.id}_${e + 1}: ${a} ${back > 0 ? "<->" : "->"} ${b} @ ${num(g.forward[e] ?? outOfRange())}${back > 0 ? `, ${num(back)}` : ""}\n`;
    if (chunk.length > 1 << 16) { parts.push(chunk); chunk = ""; }
  }
  parts.push(chunk);
  return parts.join("");
}

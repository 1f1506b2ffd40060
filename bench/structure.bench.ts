/**
 * Exact structure and the detailed-balance verdict at scale (in-process timings).
 *
 *   npx tsx bench/structure.bench.ts           both benchmarks
 *   npx tsx bench/structure.bench.ts --write   also writes bench/out/kolmogorov-torus-500.crn
 *                                              (driven) for a whole-process `ness check` timing
 *
 * 1. analyzeStructure of a seeded random mass-action network: 500 species, 1000 two-way
 *    reactions (30% A ⇌ B, 40% A + B ⇌ C, 20% A ⇌ B + C, 10% 2A ⇌ B + F with a reservoir F),
 *    compiled from text. Target: under 2 s.
 * 2. analyzeBalance (Kolmogorov) of a 500×500 torus: 250 000 states, 500 000 two-way transitions,
 *    once with rates from site energies (balanced: k± = exp(∓ΔE/2)) and once with a drive f = 2
 *    along x (every x-row cycle driven). Target: well under 5 s.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeBalance } from "../src/analysis/balance/index.js";
import { analyzeStructure } from "../src/analysis/structure/index.js";
import { compile } from "../src/compile/index.js";
import { buildNetwork, type ReactionInput } from "../src/network/build.js";
import type { Network } from "../src/network/types.js";
import { mulberry32 } from "./lib.js";

const here = dirname(fileURLToPath(import.meta.url));


/** The random mass-action network of benchmark 1, as network-language text. */
export function randomMassActionText(species: number, reactions: number, seed = 7): string {
  const rand = mulberry32(seed);
  const pick = (): string => `X${Math.floor(rand() * species)}`;
  const lines = [`species ${Array.from({ length: species }, (_, i) => `X${i} = 1`).join(", ")}`, "reservoir F = 2, W = 0.5"];
  for (let k = 0; k < reactions; k++) {
    const u = rand();
    let lhs: string, rhs: string;
    if (u < 0.3) [lhs, rhs] = [pick(), pick()];
    else if (u < 0.7) [lhs, rhs] = [`${pick()} + ${pick()}`, pick()];
    else if (u < 0.9) [lhs, rhs] = [pick(), `${pick()} + ${pick()}`];
    else [lhs, rhs] = [`2 ${pick()}`, `${pick()} + F`];
    if (lhs === rhs) rhs = `${rhs} + W`;
    lines.push(`${lhs} <-> ${rhs} @ ${(1 + rand()).toFixed(3)}, ${(1 + rand()).toFixed(3)}`);
  }
  return lines.join("\n");
}

const span = { file: "bench", offset: 0, line: 1, column: 1, length: 1 };

/** An L×L torus Markov network; `drive` tilts the x jumps (0: detailed balance holds). */
export function torus(L: number, drive: number, seed = 3): Network {
  const rand = mulberry32(seed);
  const energy = Float64Array.from({ length: L * L }, () => 2 * rand());
  const species = Array.from({ length: L * L }, (_, i) => ({ name: `s${i}`, initial: 1 / (L * L), initialGiven: false, span }));
  const reactions: ReactionInput[] = [];
  const jump = (a: number, b: number, f: number): void => {
    const dE = energy[b]! - energy[a]!;
    reactions.push({
      id: `R${reactions.length + 1}`, labelGiven: false,
      reactants: [{ index: a, coefficient: 1 }], products: [{ index: b, coefficient: 1 }],
      reservoirReactants: [], reservoirProducts: [],
      forward: { value: Math.exp(f / 2 - dE / 2), exact: null, span },
      reverse: { value: Math.exp(-f / 2 + dE / 2), exact: null, span },
      equation: `s${a} <-> s${b}`, span,
    });
  };
  for (let y = 0; y < L; y++) {
    for (let x = 0; x < L; x++) {
      const i = y * L + x;
      jump(i, y * L + ((x + 1) % L), drive);
      jump(i, ((y + 1) % L) * L + x, 0);
    }
  }
  return buildNetwork({ title: "torus", source: "bench", kind: "markov", species, reservoirs: [], reactions, asserts: [] });
}

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const x = f();
  return [x, performance.now() - t];
}

function main(): void {
  const text = randomMassActionText(500, 1000);
  const { network } = compile(text, "random-500x1000.crn");
  if (network === null) throw new Error("the generated network does not compile");
  analyzeStructure(network); // warm-up
  const runs = [0, 1, 2].map(() => time(() => analyzeStructure(network)));
  const s = runs[0]![0];
  const best = Math.min(...runs.map((r) => r[1]));
  console.log(`structure 500 species × 1000 reactions: ${best.toFixed(0)} ms (best of 3; target < 2000)`);
  console.log(`  rank ${s.rank}, deficiency ${s.deficiency}, ${s.conservationLaws.length} conservation laws, ${s.cycles.length} cycles, ${s.emergentCycles} emergent`);

  for (const drive of [0, 2]) {
    const [net, build] = time(() => torus(500, drive));
    const [db, ms] = time(() => analyzeBalance(net));
    console.log(`kolmogorov 250 000 states × 500 000 transitions, drive ${drive}: ${ms.toFixed(0)} ms (network built in ${build.toFixed(0)} ms; target well under 5000)`);
    console.log(`  holds ${db.holds} (${db.method}), ${db.violationCount ?? db.violations.length} driven chords, most driven ${db.violations[0]?.affinity.toFixed(3) ?? "-"} k_BT`);
    const [st, sms] = time(() => analyzeStructure(net));
    console.log(`  structure of the same network: ${sms.toFixed(0)} ms (rank ${st.rank}, cycles listed ${st.cycles.length})`);
  }
  if (process.argv.includes("--write")) {
    const L = 500, rand = mulberry32(3);
    const e = Array.from({ length: L * L }, () => 2 * rand());
    const lines = [`state ${Array.from({ length: L * L }, (_, i) => `s${i}`).join(", ")}`];
    for (let y = 0; y < L; y++) for (let x = 0; x < L; x++) {
      const i = y * L + x, a = y * L + ((x + 1) % L), b = ((y + 1) % L) * L + x;
      lines.push(`s${i} <-> s${a} @ exp(1 - ${(e[a]! - e[i]!).toFixed(6)}/2), exp(-1 + ${(e[a]! - e[i]!).toFixed(6)}/2)`);
      lines.push(`s${i} <-> s${b} @ exp(-${(e[b]! - e[i]!).toFixed(6)}/2), exp(${(e[b]! - e[i]!).toFixed(6)}/2)`);
    }
    lines.push("assert not detailed_balance");
    mkdirSync(join(here, "out"), { recursive: true });
    writeFileSync(join(here, "out", "kolmogorov-torus-500.crn"), lines.join("\n") + "\n");
    console.log("wrote bench/out/kolmogorov-torus-500.crn");
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();

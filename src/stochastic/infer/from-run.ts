/** Jump counts straight from a simulated run (calibration and tests skip the text round trip). */
import { outOfRange } from "../../numeric/checked.js";
import type { ChainStats, JumpChain } from "../markov.js";
import { emptyJumpData, KEY, type JumpData } from "./trajectory.js";

/** The counts a run of `chain` would give when written and read back (labels from its reactions). */
export function jumpDataFromRun(chain: JumpChain, stats: ChainStats): JumpData {
  const data = emptyJumpData(chain.names, true);
  stats.dwell.forEach((d, i) => (data.dwell[i] = d));
  data.time = stats.time;
  data.jumps = stats.events;
  data.runs = 1;
  for (let i = 0; i < chain.states; i++) {
    for (let c = chain.ptr[i] ?? outOfRange(); c < (chain.ptr[i + 1] ?? outOfRange()); c++) {
      const n = stats.fired[c] ?? 0;
      const key = i * KEY + (chain.target[c] ?? outOfRange());
      if (n > 0) data.pairs.set(key, (data.pairs.get(key) ?? 0) + n);
      data.labels.set(key, chain.reactionIds[chain.reaction[c] ?? outOfRange()] ?? "");
    }
  }
  return data;
}

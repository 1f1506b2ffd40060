/**
 * `ness cme FILE --volume Ω -o OUT.crn`: the chemical master equation of a mass-action network
 * as a Markov network file (analysis/cme/), its states named by their counts.
 */
import { projectCme } from "../analysis/cme/index.js";
import { cmeCrn } from "../export/crn.js";
import type { Command } from "./command.js";
import { usage } from "./help.js";
import { EXIT, emitText, type Io, type Values } from "./io.js";
import { loadOne, volumeOf } from "./report.js";

const HELP = `usage: ness cme FILE --volume OMEGA [-o OUT.crn] [--mass-tolerance P] [--max-states N]

Writes the chemical master equation of a mass-action network at volume OMEGA (molecules per unit
concentration) as a Markov network file: state n_3_0 has counts 3 and 0 of the species in
declaration order, starting from the counts round(OMEGA * initial amount). The state space is a
finite state projection: a species covered by a non-negative conservation law is bounded by it
exactly; any other is capped, the cap doubled until the stationary probability on the states
where the projection cuts a transition is at most P. The header says the bounds and the cut mass.

options:
  --volume OMEGA        the system size (or the file's 'volume' statement)
  -o, --output OUT      write to OUT instead of standard output
  --mass-tolerance P    largest cut mass accepted (default 1e-10)
  --max-states N        the projection never holds more states (default 4000000)

exit status: 0 written; 1 the file does not compile; 2 bad usage (no volume, a Markov network).
`;

/** A positive number option, or a usage error. */
function positive(values: Values, name: string, io: Io): number | undefined | { status: number } {
  const text = values[name];
  if (text === undefined) return undefined;
  const v = Number(text);
  if (typeof text !== "string" || text.trim() === "" || !Number.isFinite(v) || !(v > 0)) return { status: usage(io, "cme", `--${name}: '${String(text)}' is not a number > 0`) };
  return v;
}

export const cmeCommand: Command = {
  synopsis: "cme FILE --volume Ω",
  summary: "the chemical master equation of a network as a Markov network file",
  options: {
    volume: { type: "string" },
    output: { type: "string", short: "o" },
    "mass-tolerance": { type: "string" },
    "max-states": { type: "string" },
    help: { type: "boolean", short: "h" },
  },
  help: HELP,
  run(positionals: readonly string[], values: Values, io: Io): number {
    const massTolerance = positive(values, "mass-tolerance", io);
    if (typeof massTolerance === "object") return massTolerance.status;
    const maxStates = positive(values, "max-states", io);
    if (typeof maxStates === "object") return maxStates.status;
    const loaded = loadOne("cme", positionals, io);
    if ("status" in loaded) return loaded.status;
    const volume = volumeOf(values, loaded.network, "cme", io);
    if (volume !== null && typeof volume === "object") return volume.status;
    if (volume === null) {
      if (loaded.network.kind === "markov") {
        io.stderr(`ness cme: ${loaded.path} declares states: it is already a Markov network\n`);
        return EXIT.usage;
      }
      return usage(io, "cme", "give the volume: --volume OMEGA");
    }
    const p = projectCme(loaded.network, { volume, ...(massTolerance === undefined ? {} : { massTolerance }), ...(maxStates === undefined ? {} : { maxStates: Math.floor(maxStates) }) });
    for (const note of p.notes) io.stderr(`ness cme: ${note}\n`);
    return emitText(cmeCrn(p), values, "cme", io);
  },
};

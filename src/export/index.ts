/**
 * Exports of a Markov generator for engines beyond one machine: PETSc binary (with a generated
 * petsc4py/slepc4py MPI driver) and Matrix Market. The input is a jump list, so the CME of a
 * mass-action network (typed arrays, 10⁶ states and more) is written without building a Network.
 */
import { effectiveRates } from "../network/effective-rates.js";
import { markovEdges } from "../network/markov-graph.js";
import type { Network } from "../network/types.js";
import { outOfRange } from "../numeric/checked.js";
import { petscDriver } from "./driver.js";
import { transposedGenerator, type Jumps } from "./matrix.js";
import { matrixMarket } from "./mtx.js";
import { petscMatrix } from "./petsc.js";

export { transposedGenerator, type Jumps } from "./matrix.js";
export { petscMatrix, petscVector, readVector, MAT_FILE_CLASSID, VEC_FILE_CLASSID } from "./petsc.js";
export { matrixMarket } from "./mtx.js";
export { petscDriver } from "./driver.js";

/** One file of an export: its name's suffix after the prefix, and its contents. */
export interface ExportFile {
  readonly suffix: string;
  readonly contents: Uint8Array | string;
}

/** The jumps of a Markov network: each transition's forward and (when two-way) reverse jump. Null when it is not one. */
export function markovJumps(network: Network): Jumps | null {
  const edges = markovEdges(network);
  if (edges === null) return null;
  const { forward, reverse } = effectiveRates(network);
  const m = network.reactions.length;
  const from = new Int32Array(2 * m), to = new Int32Array(2 * m), rate = new Float64Array(2 * m);
  for (let r = 0; r < m; r++) {
    const i = edges.from[r] ?? outOfRange(), j = edges.to[r] ?? outOfRange();
    from[2 * r] = i; to[2 * r] = j; rate[2 * r] = forward[r] ?? outOfRange();
    from[2 * r + 1] = j; to[2 * r + 1] = i; rate[2 * r + 1] = reverse[r] ?? outOfRange();
  }
  return { states: edges.states, from, to, rate };
}

/**
 * The files of an export named PREFIX + suffix: `petsc` writes `.petsc` (Qᵀ in PETSc binary) and
 * `.py` (the MPI driver, which reads PREFIX.petsc and writes PREFIX.solution); `mtx` writes `.mtx`.
 * `base` is the prefix's file name (no folder), as the driver will find the matrix beside it.
 */
export function exportGenerator(jumps: Jumps, format: "petsc" | "mtx", base: string, title: string): ExportFile[] {
  const qt = transposedGenerator(jumps);
  if (format === "mtx") {
    return [{ suffix: ".mtx", contents: matrixMarket(qt, [`${title}`, "the transposed generator Q^T: entry (j, i) is the rate i -> j, the diagonal minus the exit rate; Q^T pi = 0"]) }];
  }
  return [
    { suffix: ".petsc", contents: petscMatrix(qt) },
    { suffix: ".py", contents: petscDriver(`${base}.petsc`, jumps.states, title) },
  ];
}

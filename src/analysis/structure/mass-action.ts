/**
 * Exact structure of a mass-action network by fraction-free integer elimination over BigInt:
 * rank S, readable bases of ker S (cycles) and of the left kernel (conservation laws), and
 * rank [S; S_res] = rank S + rank (S_res · K) for a basis K of ker S.
 */
import { readableKernelOfEchelon } from "../../numeric/exact/integer-basis.js";
import { EchelonBuilder, reducedEchelon } from "../../numeric/exact/integer-matrix.js";
import { reactionRows, reservoirRows, speciesRows } from "../../network/stoichiometry.js";
import type { Network } from "../../network/types.js";
import type { ExactStructure } from "./exact.js";

/** Exact rank, bases and full rank of a mass-action network by integer elimination. */
export function massActionExactStructure(network: Network): ExactStructure {
  const n = network.species.length, m = network.reactions.length;
  const sRows = speciesRows(network);
  const echelon = reducedEchelon(sRows, m);
  const kernel = readableKernelOfEchelon(echelon);
  const laws = readableKernelOfEchelon(reducedEchelon(reactionRows(network), n)).vectors.map(toNumbers);
  // rank [S; S_res] = rank S + rank (S_res · K) for a basis K of ker S.
  const resRows = reservoirRows(network);
  const onCycles = new EchelonBuilder(resRows.length);
  for (const k of kernel.fundamental) {
    if (onCycles.pivots.length === resRows.length) break;
    onCycles.insert(resRows.map((row) => row.idx.reduce((acc, j, t) => acc + row.val[t]! * k[j]!, 0n)));
  }
  const rank = echelon.pivots.length;
  return { rank, fullRank: rank + onCycles.pivots.length, laws, cycles: kernel.vectors.map(toNumbers) };
}

function toNumbers(v: readonly bigint[]): number[] {
  return v.map(Number);
}


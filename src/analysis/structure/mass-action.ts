/**
 * Exact structure of a mass-action network by fraction-free integer elimination over BigInt:
 * rank S, readable bases of ker S (cycles) and of the left kernel (conservation laws), and
 * rank [S; S_res] = rank S + rank (S_res · K) for a basis K of ker S.
 */
import { readableKernelOfEchelon, type BasisOptions } from "../../numeric/exact/integer-basis.js";
import { EchelonBuilder, reducedEchelon } from "../../numeric/exact/integer-matrix.js";
import { bigColumns, bigRows, stoichiometry } from "../../network/stoichiometry.js";
import type { Network } from "../../network/types.js";
import type { ExactStructure } from "./exact.js";
import type { StructureThresholds } from "./options.js";

/** Exact rank, bases and full rank of a mass-action network by integer elimination. */
export function massActionExactStructure(network: Network, options: StructureThresholds): ExactStructure {
  const n = network.species.length, m = network.reactions.length;
  const S = stoichiometry(network);
  const basis: BasisOptions = {
    maxRayColumns: options.basisMaxRayColumns,
    maxRays: options.basisMaxRays,
    maxWork: options.basisMaxWork,
    maxReduceWork: options.basisMaxReduceWork,
  };
  const echelon = reducedEchelon(bigRows(S.species), m);
  const kernel = readableKernelOfEchelon(echelon, basis);
  const laws = readableKernelOfEchelon(reducedEchelon(bigColumns(S.species), n), basis).vectors.map(toNumbers);
  // rank [S; S_res] = rank S + rank (S_res · K) for a basis K of ker S.
  const resRows = bigRows(S.reservoirs);
  const onCycles = new EchelonBuilder(resRows.length);
  for (const k of kernel.fundamental) {
    if (onCycles.pivots.length === resRows.length) break;
    onCycles.insert(resRows.map((row) => row.idx.reduce((acc, j, t) => acc + (row.val[t] ?? 0n) * (k[j] ?? 0n), 0n)));
  }
  const rank = echelon.pivots.length;
  return { rank, fullRank: rank + onCycles.pivots.length, laws, cycles: kernel.vectors.map(toNumbers) };
}

function toNumbers(v: readonly bigint[]): number[] {
  return v.map(Number);
}

/**
 * Exact structure of a mass-action network by fraction-free integer elimination over BigInt:
 * rank S, readable bases of ker S (cycles) and of the left kernel (conservation laws), and
 * rank [S; S_res] = rank S + rank (S_res · K) for a basis K of ker S.
 */
import { readableKernelOfEchelon, type BasisOptions } from "../../numeric/exact/integer-basis.js";
import { EchelonBuilder, reducedEchelon, type SparseRow } from "../../numeric/exact/integer-matrix.js";
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
  const speciesRows = bigRows(S.species), reactionColumns = bigColumns(S.species);
  // l·S = 0 and S·c = 0 checked exactly before anything is reported
  const bigLaws = readableKernelOfEchelon(reducedEchelon(reactionColumns, n), basis).vectors.filter((l) => annihilates(reactionColumns, l));
  const bigCycles = kernel.vectors.filter((c) => annihilates(speciesRows, c));
  // rank [S; S_res] = rank S + rank (S_res · K) for a basis K of ker S.
  const resRows = bigRows(S.reservoirs);
  const onCycles = new EchelonBuilder(resRows.length);
  for (const k of kernel.fundamental) {
    if (onCycles.pivots.length === resRows.length) break;
    onCycles.insert(resRows.map((row) => row.idx.reduce((acc, j, t) => acc + (row.val[t] ?? 0n) * (k[j] ?? 0n), 0n)));
  }
  const rank = echelon.pivots.length;
  return {
    rank,
    fullRank: rank + onCycles.pivots.length,
    laws: bigLaws.map(toNumbers),
    cycles: bigCycles.map(toNumbers),
    exactLaws: bigLaws.some(unsafe) ? bigLaws : null,
    exactCycles: bigCycles.some(unsafe) ? bigCycles : null,
  };
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const unsafe = (v: readonly bigint[]): boolean => v.some((x) => x > SAFE || -x > SAFE);

function toNumbers(v: readonly bigint[]): number[] {
  return v.map(Number);
}

/** Σ_j row_j · v_j = 0 for every sparse row, in BigInt. */
function annihilates(rows: readonly SparseRow[], v: readonly bigint[]): boolean {
  return rows.every((row) => row.idx.reduce((acc, j, t) => acc + (row.val[t] ?? 0n) * (v[j] ?? 0n), 0n) === 0n);
}

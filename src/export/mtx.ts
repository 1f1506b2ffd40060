/**
 * Matrix Market coordinate format (NIST), the generator for SciPy (`scipy.io.mmread`), Julia,
 * MATLAB and the rest: `%%MatrixMarket matrix coordinate real general`, then `rows columns
 * nonzeros`, then one `i j value` per entry, 1-based. Values print with 17 significant digits
 * so they read back exactly.
 */
import { outOfRange } from "../numeric/checked.js";
import type { Csr } from "../numeric/markov/sparse.js";

/** The matrix as Matrix Market text; `comment` lines (without `%`) follow the banner. */
export function matrixMarket(a: Csr, comment: readonly string[]): string {
  const parts: string[] = ["%%MatrixMarket matrix coordinate real general\n"];
  for (const line of comment) parts.push(`% ${line}\n`);
  parts.push(`${a.n} ${a.n} ${a.idx.length}\n`);
  let chunk = "";
  for (let r = 0; r < a.n; r++) {
    for (let p = a.ptr[r] ?? outOfRange(), stop = a.ptr[r + 1] ?? outOfRange(); p < stop; p++) {
      chunk += `${r + 1} ${(a.idx[p] ?? outOfRange()) + 1} ${(a.val[p] ?? outOfRange()).toPrecision(17)}\n`;
    }
    if (chunk.length > 1 << 16) { parts.push(chunk); chunk = ""; }
  }
  parts.push(chunk);
  return parts.join("");
}

/**
 * The reaction ids of a compiled file by name, read off what ReactionIds already holds (the labels
 * in order, null for a default name, and the labels' Map) instead of a second Map of every id: a
 * file of 5·10^5 unlabelled reactions would otherwise hash and store 5·10^5 `R<n>` strings again. A default name `R<n>` is
 * found by its number. Only for ids without duplicates (ReactionIds reports those; a Map built
 * in order, the last of equal ids winning, is what the compiler uses then).
 */

import type { LabelsInOrder } from "../network/label-column.js";
import { PositionIndex } from "../network/position-index.js";

/**
 * The ids of reactions whose labels are `labelAt` (position i is reaction i; null for the default
 * name `R<i + 1>`), with `labels` the written labels → position.
 */
export class ReactionIdIndex extends PositionIndex {
  constructor(
    private readonly labelAt: LabelsInOrder,
    private readonly labels: Pick<ReadonlyMap<string, number>, "size" | "get">,
  ) {
    super();
  }

  get size(): number {
    return this.labelAt.length;
  }

  protected nameAt(i: number): string {
    return this.labelAt.at(i) ?? `R${i + 1}`;
  }

  /**
   * The position of reaction `id`: a label's from the labels, a default name `R<n>`'s is n − 1
   * when reaction n − 1 is called so.
   *
   *   new ReactionIdIndex(["a", null], new Map([["a", 0]])).get("R2");  // 1
   *   new ReactionIdIndex(["a", null], new Map([["a", 0]])).get("R1");  // undefined
   */
  get(id: string): number | undefined {
    const labelled = this.labels.size === 0 ? undefined : this.labels.get(id);
    if (labelled !== undefined) return labelled;
    if (id.charCodeAt(0) !== 82) return undefined; // only `R<n>` can be a default name
    const m = /^R([1-9][0-9]*)$/.exec(id);
    if (m === null) return undefined;
    const k = Number(m[1]) - 1;
    return k < this.labelAt.length && this.labelAt.at(k) === null ? k : undefined;
  }
}

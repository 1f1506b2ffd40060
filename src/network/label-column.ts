/**
 * Reaction labels in order, kept as a column: what the compiler's reaction ids and its packed
 * reactions read a label from, without a slot per reaction while no reaction has one.
 */

/** Reaction labels in order, null for a default name: an array, or a LabelColumn. */
export interface LabelsInOrder {
  readonly length: number;
  at(i: number): string | null | undefined;
}

/**
 * The labels of the reactions in order, null for none, holding nothing per reaction until the
 * first label: a generated file of 10^5–10^6 unlabelled reactions keeps only their count.
 *
 *   const c = new LabelColumn(); c.push(null); c.push("a");
 *   c.at(0); c.at(1); c.length;   // null, "a", 2
 */
export class LabelColumn implements LabelsInOrder {
  #length = 0;
  /** The labels, once some reaction has one (null before: every label so far is null). */
  #labels: (string | null)[] | null = null;

  get length(): number {
    return this.#length;
  }

  /** The label of reaction i (null for none), undefined past the end, as for an array. */
  at(i: number): string | null | undefined {
    if (!(i >= 0 && i < this.#length)) return undefined;
    return this.#labels === null ? null : this.#labels[i]!;
  }

  push(label: string | null): void {
    if (this.#labels === null && label !== null) this.#labels = new Array<string | null>(this.#length).fill(null);
    this.#labels?.push(label);
    this.#length++;
  }
}

import { describe, expect, it } from "vitest";
import { LabelColumn } from "../../src/network/label-column.js";

describe("LabelColumn", () => {
  it("reads as the array of the labels pushed, before and after the first label", () => {
    const column = new LabelColumn();
    const pushed: (string | null)[] = [null, null, "a", null, "b"];
    for (const [k, label] of pushed.entries()) {
      column.push(label);
      expect(column.length).toBe(k + 1);
      for (let i = -1; i <= k + 1; i++) expect(column.at(i)).toBe(i >= 0 && i <= k ? pushed[i] : undefined);
    }
  });

  it("reads null for every reaction while none has a label", () => {
    const column = new LabelColumn();
    for (let i = 0; i < 1000; i++) column.push(null);
    expect(column.length).toBe(1000);
    expect(column.at(999)).toBeNull();
    expect(column.at(1000)).toBeUndefined();
  });
});

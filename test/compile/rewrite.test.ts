/** Splicing new constants into a file, and doubles written so they read back as themselves. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile/index.js";
import { formatDouble, spliceConstants } from "../../src/compile/rewrite.js";
import { isExactLiteral } from "../../src/network/rate.js";

describe("formatDouble", () => {
  it("writes the shortest round-trip literal, or 17+ digits where a short one would read as a different exact rational", () => {
    expect(formatDouble(0.5)).toBe("0.5");
    expect(formatDouble(300000000)).toBe("300000000");
    expect(formatDouble(0.1)).toBe("0.10000000000000001");
    expect(formatDouble(1e-7)).toBe("9.9999999999999995e-8");
    expect(formatDouble(1e23)).toBe("9.9999999999999992e+22");
    expect(formatDouble(2 ** (1 / 6))).toBe("1.122462048309373");
  });

  it("every positive double reads back as itself: the same double, exact only when it is that decimal", () => {
    fc.assert(fc.property(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), (x) => {
      const s = formatDouble(x);
      const { network } = compile(`species A = 1, B\nA <-> B @ ${s}, 1\n`);
      const k = network?.reactions[0]?.forward;
      expect(k?.value).toBe(x);
      if (isExactLiteral(s)) expect(Number(k?.exact?.num) / Number(k?.exact?.den)).toBe(x);
    }), { numRuns: 2000 });
  });
});

describe("spliceConstants", () => {
  const at = (text: string, s: string, line: number): { file: string; offset: number; line: number; column: number; length: number } => {
    const offset = text.indexOf(s);
    return { file: "t", offset, line, column: 0, length: s.length };
  };

  it("replaces only the spans and appends one comment per changed line, after any comment there (CRLF kept)", () => {
    const text = "species A, B, C\r\nr1: A <-> B @ 2.0, kr   # note\r\nr2: B <-> C @ 3; r3: C <-> A @ 4*k, 5\r\n";
    const out = spliceConstants(text, [
      { span: at(text, "4*k", 3), text: "1.5", note: "kf 4*k = 4 → 1.5" },
      { span: at(text, "2.0", 2), text: "1.9", note: "kf 2.0 → 1.9" },
      { span: at(text, "kr ", 2), text: "0.7 ", note: "kr kr = 1 → 0.7" },
      { span: at(text, " 5", 3), text: " 6", note: "kr 5 → 6" },
    ]);
    expect(out).toBe("species A, B, C\r\nr1: A <-> B @ 1.9, 0.7   # note  # repaired: kf 2.0 → 1.9, kr kr = 1 → 0.7\r\nr2: B <-> C @ 3; r3: C <-> A @ 1.5, 6  # repaired: kf 4*k = 4 → 1.5, kr 5 → 6\r\n");
    expect(spliceConstants(text, [])).toBe(text);
  });

  it("comments a last line without a newline", () => {
    const text = "r1: A -> B @ 2";
    expect(spliceConstants(text, [{ span: at(text, "2", 1), text: "3", note: "k 2 → 3" }], "fixed")).toBe("r1: A -> B @ 3  # fixed: k 2 → 3");
  });
});

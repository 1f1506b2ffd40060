/** The Response section shows a chemostatted network's emergent-cycle Onsager matrix with each cycle's reservoir exchange, affinity and current. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { analyze } from "../../src/analysis/index.js";
import { responseSection } from "../../src/report/sections/response.js";
import { render } from "../../src/index.js";
import { compiles } from "../helpers/compile.js";

describe("Response section", () => {
  it("the chemostatted triangle: one emergent cycle F -> W with affinity ln 4 and its response", () => {
    const a = analyze(compiles(readFileSync("networks/chemostat-triangle.crn", "utf8"), "networks/chemostat-triangle.crn"));
    const o = a.response!.onsager!;
    expect(o.exchanges).toEqual(["F -> W"]);
    expect(o.affinity![0]!).toBeCloseTo(Math.log(4), 12);
    const md = render(a, "md");
    expect(md).toContain("emergent cycle (reservoir exchange)");
    expect(md).toContain("F -> W");
    expect(responseSection(a).blocks.length).toBeGreaterThan(0);
  });
});

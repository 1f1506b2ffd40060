/** The TextMate grammar in grammar/ highlights .crn files as an editor would (vscode-textmate). */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as oniguruma from "vscode-oniguruma";
import * as vsctm from "vscode-textmate";
import { ROOT } from "../helpers/paths.js";

const require = createRequire(import.meta.url);

async function grammar(): Promise<vsctm.IGrammar> {
  const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async () => vsctm.parseRawGrammar(readFileSync(join(ROOT, "grammar/ness.tmLanguage.json"), "utf8"), "ness.tmLanguage.json"),
  });
  const g = await registry.loadGrammar("source.ness");
  if (!g) throw new Error("grammar did not load");
  return g;
}

/** Token text → its innermost scope, for one line. */
function scopes(g: vsctm.IGrammar, line: string): [string, string][] {
  const r = g.tokenizeLine(line, vsctm.INITIAL);
  return r.tokens.map((t) => [line.slice(t.startIndex, t.endIndex).trim(), t.scopes[t.scopes.length - 1]!] as [string, string]).filter(([text]) => text.trim() !== "");
}

describe("grammar/ness.tmLanguage.json", () => {
  it("highlights volume, current and force statements, and the new assert words", async () => {
    const g = await grammar();
    expect(scopes(g, "volume 50")).toEqual([["volume", "storage.type.measure.ness"], ["50", "constant.numeric.ness"]]);
    const cur = scopes(g, "current steps = r1 + 2 r2 step 36 nm");
    expect(cur[0]).toEqual(["current", "storage.type.measure.ness"]);
    expect(cur).toContainEqual(["steps", "variable.other.declaration.ness"]);
    expect(cur).toContainEqual(["step", "keyword.other.measure.ness"]);
    const force = scopes(g, "force F on steps kT 4.114");
    expect(force).toContainEqual(["on", "keyword.other.measure.ness"]);
    expect(force).toContainEqual(["kT", "keyword.other.measure.ness"]);
    // a species called volume in a reaction is a reaction, not a statement keyword
    expect(scopes(g, "volume -> current @ 1")[0]?.[1]).not.toBe("storage.type.measure.ness");
    const a = scopes(g, "assert bistable s from 1 to 2");
    expect(a).toContainEqual(["bistable", "support.constant.ness"]);
    expect(a).toContainEqual(["from", "keyword.operator.range.ness"]);
    expect(scopes(g, "assert diffusion(steps) > 0")).toContainEqual(["diffusion", "support.function.ness"]);
    expect(scopes(g, "assert steady_states = 3 at s = 1.2")).toContainEqual(["at", "keyword.operator.range.ness"]);
  });

  it("highlights every construct", async () => {
    const g = await grammar();
    expect(scopes(g, "# a comment")).toEqual([["# a comment", "comment.line.number-sign.ness"]]);
    expect(scopes(g, 'network "Futile cycle"')).toEqual([["network", "keyword.other.network.ness"], ['"Futile cycle"', "string.quoted.double.ness"]]);
    const decl = scopes(g, "species A = 1.0, B");
    expect(decl[0]).toEqual(["species", "storage.type.ness"]);
    expect(decl).toContainEqual(["A", "variable.other.declaration.ness"]);
    expect(decl).toContainEqual(["1.0", "constant.numeric.ness"]);
    const rx = scopes(g, "r1: 2 A + ATP <-> B @ kf * exp(1), 1e-3");
    expect(rx[0]).toEqual(["r1", "entity.name.function.label.ness"]);
    expect(rx).toContainEqual(["<->", "keyword.operator.arrow.ness"]);
    expect(rx).toContainEqual(["@", "keyword.operator.rate.ness"]);
    expect(rx).toContainEqual(["exp", "support.function.math.ness"]);
    expect(rx).toContainEqual(["1e-3", "constant.numeric.ness"]);
    // every bad arrow the lexer knows is marked, in any line that reads as a reaction
    for (const bad of ["=>", "<=>", "-->", "<--", "<-", "==>", "⇌", "→", "←"]) expect(scopes(g, `A ${bad} B @ 1`)).toContainEqual([bad, "invalid.illegal.arrow.ness"]);
    expect(scopes(g, "A <-> B @ 1, 2")).toContainEqual(["<->", "keyword.operator.arrow.ness"]);
    const as = scopes(g, "assert conc(A) = 0.5 +- 1e-6");
    expect(as[0]).toEqual(["assert", "keyword.control.assert.ness"]);
    expect(as).toContainEqual(["conc", "support.function.ness"]);
    expect(as).toContainEqual(["+-", "keyword.operator.comparison.ness"]);
    expect(scopes(g, "assert not detailed_balance")).toContainEqual(["detailed_balance", "support.constant.ness"]);
    const within = scopes(g, "assert detailed_balance within 0.05 k_BT");
    expect(within).toContainEqual(["within", "keyword.operator.within.ness"]);
    expect(within).toContainEqual(["0.05", "constant.numeric.ness"]);
    expect(within).toContainEqual(["k_BT", "keyword.other.unit.ness"]);
    expect(scopes(g, "assert detailed_balance within 1%")).toContainEqual(["%", "keyword.other.unit.percent.ness"]);
    const energy = scopes(g, "energy A = 0, ATP = -12.0   # k_BT");
    expect(energy[0]).toEqual(["energy", "storage.type.energy.ness"]);
    expect(energy).toContainEqual(["ATP", "variable.other.declaration.ness"]);
    expect(energy).toContainEqual(["12.0", "constant.numeric.ness"]);
    const built = scopes(g, "r2: B + ATP <-> A + ADP @ barrier 3 prefactor 10");
    expect(built).toContainEqual(["barrier", "keyword.other.thermodynamic.ness"]);
    expect(built).toContainEqual(["prefactor", "keyword.other.thermodynamic.ness"]);
    expect(built).toContainEqual(["10", "constant.numeric.ness"]);
    // a param named barrier, standing alone as a rate, stays a name
    expect(scopes(g, "A <-> B @ barrier, 2")).toContainEqual(["barrier", "variable.other.ness"]);
    expect(scopes(g, "energy -> B @ 1")[0]).not.toEqual(["energy", "storage.type.energy.ness"]);
    // `within` is a word only after detailed_balance: elsewhere it is a name
    expect(scopes(g, "assert conc(within) > 0")).toContainEqual(["within", "variable.other.ness"]);
  });
});

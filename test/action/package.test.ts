/**
 * The package as a user installs it: `npm pack` (offline, no scripts: dist/ is built by
 * `npm test` first), unpacked into another project's node_modules as npm would, then
 * `import { compile } from "@ness-lang/ness"` there (Node, through package.json `exports`) and its
 * types checked by tsc; and the same import inside the clone (self-reference through `exports`).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/paths.js";

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { name: string; bin: Record<string, string>; dependencies: Record<string, string> };

function run(command: string, args: string[], cwd: string): string {
  const r = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_offline: "true" } });
  expect(r.stderr + r.stdout, `${command} ${args.join(" ")}`).not.toMatch(/ERR!|Error:/);
  expect(r.status).toBe(0);
  return r.stdout;
}

// a network whose one cycle has affinity ln 2: A <-> B <-> C <-> A with forward/reverse ratios 2, 1, 1
const USE = `import { compile, analyze } from "@ness-lang/ness";
const { network, diagnostics } = compile("species A = 1, B, C\\nr1: A <-> B @ 2, 1\\nr2: B <-> C @ 1, 1\\nr3: C <-> A @ 1, 1\\n", "ring.crn");
if (network === null) throw new Error(JSON.stringify(diagnostics));
const balance = analyze(network).detailedBalance;
console.log(JSON.stringify({ reactions: network.reactions.length, holds: balance.holds, affinity: balance.violations[0]?.affinity }));
`;

describe(`the package ${pkg.name}`, () => {
  it("is scoped (the name 'ness' belongs to another package) and installs the ness command", () => {
    expect(pkg.name).toBe("@ness-lang/ness");
    expect(pkg.bin).toEqual({ ness: "bin/ness.js" });
  });

  it("imports from another project, with its types", () => {
    const packDir = mkdtempSync(join(tmpdir(), "ness-pack-"));
    const out = run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", packDir], ROOT);
    const filename = (JSON.parse(out.slice(out.indexOf("["))) as { filename: string }[])[0]?.filename;
    const project = mkdtempSync(join(tmpdir(), "ness-user-"));
    const installed = join(project, "node_modules", "@ness-lang", "ness");
    mkdirSync(installed, { recursive: true });
    run("tar", ["-xzf", join(packDir, filename!), "-C", installed, "--strip-components=1"], project);
    // its dependencies, as npm would place them beside it (from this clone's node_modules: offline)
    for (const dep of Object.keys(pkg.dependencies)) {
      const at = join(project, "node_modules", ...dep.split("/"));
      mkdirSync(join(at, ".."), { recursive: true });
      symlinkSync(join(ROOT, "node_modules", ...dep.split("/")), at);
    }
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "user", type: "module", private: true, dependencies: { [pkg.name]: "0.1.0" } }));
    writeFileSync(join(project, "use.mjs"), USE);
    const result = JSON.parse(run(process.execPath, ["use.mjs"], project)) as { reactions: number; holds: boolean; affinity: number };
    expect(result.reactions).toBe(3);
    expect(result.holds).toBe(false);
    expect(Math.abs(result.affinity)).toBeCloseTo(Math.log(2), 12);
    // the types resolve through `exports` too
    writeFileSync(join(project, "use.ts"), USE);
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ["use.ts"] }));
    run(join(ROOT, "node_modules/.bin/tsc"), ["-p", "tsconfig.json"], project);
    // a deep import is not part of the package's surface
    writeFileSync(join(project, "deep.mjs"), 'import "@ness-lang/ness/dist/compile/index.js";');
    const deep = spawnSync(process.execPath, ["deep.mjs"], { cwd: project, encoding: "utf8" });
    expect(deep.stderr).toContain("ERR_PACKAGE_PATH_NOT_EXPORTED");
  }, 240_000); // npm pack and tsc: tens of seconds on a loaded machine

  it("imports itself by name inside the clone", () => {
    const result = JSON.parse(run(process.execPath, ["--input-type=module", "-e", USE], ROOT)) as { reactions: number };
    expect(result.reactions).toBe(3);
  });
});

/**
 * The composite action (action.yml) run locally, step by step, as the GitHub runner runs it:
 * each `run:` under `bash --noprofile --norc -eo pipefail` with GITHUB_WORKSPACE, GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY and RUNNER_TEMP set, `${{ … }}` expressions substituted, `if:` evaluated,
 * and each step's outputs read back for the next. Checks the annotations, the summary and the site.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/paths.js";

// js-yaml comes with the dev tools (@vscode/vsce); only the action's own YAML is read with it
const yaml = createRequire(import.meta.url)("js-yaml") as { load(text: string): unknown };

interface Step { id?: string; name?: string; if?: string; shell: string; run: string; env?: Record<string, string>; "working-directory"?: string }
interface Action { inputs: Record<string, { default: string }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: Step[] } }

const action = yaml.load(readFileSync(join(ROOT, "action.yml"), "utf8")) as Action;

interface Run { status: number; stdout: string; summary: string; outputs: Record<string, string>; workspace: string }

function runAction(workspace: string, given: Record<string, string>): Run {
  const temp = mkdtempSync(join(tmpdir(), "ness-runner-"));
  const summaryFile = join(temp, "step_summary.md");
  writeFileSync(summaryFile, "");
  const inputs: Record<string, string> = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, given[k] ?? v.default]));
  const steps: Record<string, Record<string, string>> = {};
  const context = (path: string): string => {
    const [head, a, b, c] = path.split(".");
    if (head === "inputs") return inputs[a!] ?? "";
    if (head === "steps" && b === "outputs") return steps[a!]?.[c!] ?? "";
    if (head === "github" && a === "workspace") return workspace;
    if (head === "github" && a === "action_path") return ROOT;
    throw new Error(`unknown expression ${path}`);
  };
  const expr = (e: string): unknown => {
    const js = e.replace(/always\(\)/g, "true").replace(/[a-z_]+(?:\.[A-Za-z0-9_-]+)+/g, (p) => JSON.stringify(context(p))).replace(/==/g, "===").replace(/!===/g, "!==");
    return new Function(`return (${js});`)();
  };
  const substitute = (s: string): string => s.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, e: string) => String(expr(e)));
  let stdout = "";
  let failed = 0;
  for (const [i, step] of action.runs.steps.entries()) {
    if (step.if !== undefined && !expr(step.if.replace(/^\$\{\{\s*|\s*\}\}$/g, ""))) continue;
    if (failed !== 0) break; // a failed step stops the rest (no step here says always() besides the site)
    expect(step.shell).toBe("bash");
    const outputFile = join(temp, `output-${i}`);
    writeFileSync(outputFile, "");
    const script = join(temp, `step-${i}.sh`);
    writeFileSync(script, step.run);
    const env = {
      PATH: process.env.PATH!, HOME: process.env.HOME ?? temp,
      GITHUB_ACTIONS: "true", GITHUB_WORKSPACE: workspace, GITHUB_ACTION_PATH: ROOT, RUNNER_TEMP: temp,
      GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(String(v))])),
    };
    const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], { cwd: substitute(step["working-directory"] ?? workspace), env, encoding: "utf8" });
    stdout += r.stdout;
    expect(r.stderr).not.toMatch(/^\s+at |internal error/m); // the log may hold ness's messages, never a stack trace
    if (step.id) steps[step.id] = Object.fromEntries(readFileSync(outputFile, "utf8").split("\n").filter((l) => l.includes("=")).map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));
    failed = r.status ?? 1;
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([k, v]) => [k, substitute(v.value)]));
  return { status: failed, stdout, summary: readFileSync(summaryFile, "utf8"), outputs, workspace };
}

/** A repository with two example networks, and one whose `assert detailed_balance` fails on line 5. */
function workspace(withFailure: boolean): string {
  const w = mkdtempSync(join(tmpdir(), "ness-workspace-"));
  mkdirSync(join(w, "networks"));
  for (const f of ["futile-cycle.crn", "a-b-equilibrium.crn"]) copyFileSync(join(ROOT, "networks", f), join(w, "networks", f));
  if (withFailure) writeFileSync(join(w, "networks", "driven.crn"), "# a driven ring that claims balance\nspecies A = 1, B, C\nr1: A <-> B @ 2, 1\nr2: B <-> C @ 1, 1\nassert detailed_balance\nr3: C <-> A @ 1, 1\n");
  // the workspace's own ness, as `npm install -D @ness-lang/ness` leaves it
  mkdirSync(join(w, "node_modules", ".bin"), { recursive: true });
  symlinkSync(join(ROOT, "bin", "ness.js"), join(w, "node_modules", ".bin", "ness"));
  return w;
}

describe("action.yml, run locally", () => {
  it("is a composite action whose steps are all bash", () => {
    expect(action.runs.using).toBe("composite");
    expect(action.runs.steps.every((s) => s.shell === "bash")).toBe(true);
  });

  it("annotates a failed assert, writes the summary and the site, and fails the job", () => {
    const r = runAction(workspace(true), {});
    // the ring's affinity is ln(k1⁺k2⁺k3⁺ / (k1⁻k2⁻k3⁻)) = ln 2, reported on the assert's line
    const annotation = r.stdout.split("\n").find((l) => l.startsWith("::error "));
    expect(annotation).toMatch(/^::error file=networks\/driven\.crn,line=5,col=1,.*title=detailed-balance-violated::/);
    expect(annotation).toContain((Math.log(2)).toFixed(6));
    expect(r.stdout.match(/^::error /gm)).toHaveLength(1);
    expect(r.summary).toContain("networks/driven.crn");
    expect(r.summary).toContain("networks/futile-cycle.crn");
    expect(r.summary).toMatch(/\|.*\|/);
    expect(r.summary).toContain("Report site: `ness-site/index.html`");
    expect(existsSync(join(r.workspace, "ness-site", "index.html"))).toBe(true);
    expect(r.outputs).toEqual({ status: "1", site: "ness-site" });
    expect(r.status).toBe(1);
  }, 240_000);

  it("passes on networks whose asserts hold, and 'fail-on: never' never fails", () => {
    const good = runAction(workspace(false), { site: "" });
    expect(good.stdout).not.toMatch(/^::error /m);
    expect(good.outputs.status).toBe("0");
    expect(good.status).toBe(0);
    expect(existsSync(join(good.workspace, "ness-site"))).toBe(false);
    const lenient = runAction(workspace(true), { "fail-on": "never", site: "" });
    expect(lenient.outputs.status).toBe("1");
    expect(lenient.status).toBe(0);
  }, 240_000);

  it("passes the balance tolerance on and checks the layout when asked", () => {
    const tolerant = runAction(workspace(true), { "balance-tolerance": "1", site: "" });
    // ln 2 ≈ 0.69 k_BT is within a tolerance of 1 k_BT: no error
    expect(tolerant.stdout).not.toMatch(/^::error /m);
    expect(tolerant.status).toBe(0);
    const w = workspace(false);
    writeFileSync(join(w, "networks", "messy.crn"), "species A=1,B\nA->B@1\n");
    const fmt = runAction(w, { "format-check": "true", site: "" });
    expect(fmt.stdout).toContain("::warning file=networks/messy.crn,title=ness fmt::");
    expect(fmt.status).toBe(1);
  }, 240_000);
});
